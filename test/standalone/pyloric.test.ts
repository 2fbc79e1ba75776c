/**
 * eLife case study 1 on the C++ standalone device: the pyloric network with the reference's
 * fixed initial values, the paper's protocol of runs with the monitor switched off and on
 * (`active`), compiled into one program (buildOnRun: false, device.build()), against Brian 2.5.1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  device,
  Network,
  SpikeMonitor,
  StateMonitor,
  second,
  setDevice,
  startScope,
} from '../../src/index.ts';
import { amplitudeError, steps } from '../case-studies/compare.ts';
import { buildCircuit } from '../case-studies/pyloric-circuit.ts';
import { loadReference } from '../helpers/reference.ts';
import { HAS_COMPILER, projectDirectory } from './devices.ts';

const ref = loadReference('pyloric');
const m = ref.model;

test('pyloric network (case study 1) on cpp_standalone: monitor switched on after 1 s, matches Brian 2.5.1', {
  skip: HAS_COMPILER ? false : 'g++ or make not found',
}, () => {
  setDevice('cpp_standalone', { buildOnRun: false });
  try {
    startScope();
    const { circuit, fast, slow } = buildCircuit({ checkTables: false });
    const M = new StateMonitor(circuit, 'v', { dt: second(20 * m.dt) });
    const spikes = new SpikeMonitor(circuit);
    const net = new Network(circuit, fast, slow, M, spikes);
    M.active = false;
    net.run(second(1));
    M.active = true;
    net.run(second(m.duration - 1));
    device.build({ directory: projectDirectory('pyloric') });
    const r = ref.recorded;
    assert.deepEqual(Array.from(spikes.count), r.spike_count);
    const trains = spikes.spikeTrains();
    for (let k = 0; k < 3; k++) {
      assert.deepEqual(
        steps(trains.get(k)!.values, m.dt),
        steps(r.spike_times[k], m.dt),
        `spike steps of neuron ${k}`,
      );
    }
    const first = Math.round(1 / (20 * m.dt));
    assert.deepEqual(steps(M.t_, m.dt), steps(r.t_v.slice(first), m.dt));
    for (let k = 0; k < 3; k++) {
      const err = amplitudeError(M.v_[k], r.v[k].slice(first));
      assert.ok(err <= 1e-9, `v[${k}] from 1 s: max error ${err} of the amplitude`);
    }
  } finally {
    resetDevice();
    startScope();
  }
});
