import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import { ms, mV, NeuronGroup, runAsync, SpikeMonitor, setDevice, startScope } from '../../src/index.ts';
import { HAS_COMPILER, projectDirectory } from './devices.ts';

test('runAsync on cpp_standalone builds and runs the program as run() does', {
  skip: HAS_COMPILER ? false : 'g++ or make not found',
}, async () => {
  try {
    setDevice('cpp_standalone', { directory: projectDirectory('run async') });
    startScope();
    const G = new NeuronGroup(3, 'dv/dt = (v0 - v)/(10*ms) : volt\nv0 : volt (constant)', {
      threshold: 'v > -50*mV',
      reset: 'v = -60*mV',
      method: 'exact',
    });
    G.v = mV(-60);
    G.v0 = '-40*mV - i*5*mV';
    const M = new SpikeMonitor(G);
    await runAsync(ms(50));
    assert.deepEqual(Array.from(M.count), [7, 4, 0]);
  } finally {
    resetDevice();
    startScope();
  }
});
