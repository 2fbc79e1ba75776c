import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ms,
  NeuronGroup,
  restore,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  store,
} from '../../src/index.ts';
import { assertClose } from '../helpers/reference.ts';
import { onEachDeviceBuilt, STANDALONE_SKIP } from './devices.ts';

/**
 * store()/restore() where the script's control flow allows it on a compiled program: no value is
 * read between them, so the snapshots live inside the program (arrays, monitors, spike queues in
 * flight, the random state) and the network time and clocks on the script's side.
 */
function storeRestore() {
  seed(11);
  const G = new NeuronGroup(20, 'dv/dt = (1.2 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'euler',
  });
  G.v = 'rand()';
  const S = new Synapses(G, G, { onPre: 'v += 0.05' });
  S.connect({ j: 'k for k in range(i-2, i+3) if k != i', skipIfInvalid: true });
  S.delay = '(1 + i % 4)*ms';
  const spikes = new SpikeMonitor(G);
  const trace = new StateMonitor(G, 'v', { record: [0, 7] });
  run(ms(15));
  store('mid');
  run(ms(15));
  restore('mid', undefined, { restoreRandomState: true });
  run(ms(15));
  restore('mid');
  run(ms(10));
  return () => ({
    i: Array.from(spikes.i),
    t: Array.from(spikes.t_),
    traceT: Array.from(trace.t_),
    v: trace.v_ as Float64Array[],
  });
}

test('store()/restore() inside a standalone program give the runtime results', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime: r, standalone: s } = onEachDeviceBuilt('store restore', storeRestore);
  assert.ok(r.i.length > 20, `${r.i.length} spikes`);
  assert.equal(r.traceT.length, 250, 'the monitor holds 15 ms stored + 10 ms after the last restore');
  assert.deepEqual(s.traceT, r.traceT);
  assert.deepEqual(s.i, r.i);
  assert.deepEqual(s.t, r.t);
  for (let k = 0; k < 2; k++) assertClose(s.v[k], r.v[k], 1e-9, `v[${k}]`, 1e-6);
});
