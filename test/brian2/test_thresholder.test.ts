/**
 * Brian 2's test_thresholder.py, translated (test names kept).
 * Skipped: none.
 */
import assert from 'node:assert/strict';
import { defaultclock, NeuronGroup, run, SpikeMonitor } from '../../src/index.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_thresholder.py');

brianTest('test_simple_threshold', { standalone: true }, () => {
  const G = new NeuronGroup(4, 'v : 1', { threshold: 'v > 1' });
  G.v = [1.5, 0, 3, -1];
  const sMon = new SpikeMonitor(G);
  run(defaultclock.dt);
  assert.deepEqual(Array.from(sMon.count), [1, 0, 1, 0]);
});

brianTest('test_scalar_threshold', { standalone: true }, () => {
  // Brian reads `c` from the calling frame; brian-ts takes it from the namespace.
  const G = new NeuronGroup(4, '', { threshold: 'c > 1', namespace: { c: 2 } });
  const sMon = new SpikeMonitor(G);
  run(defaultclock.dt);
  assert.deepEqual(Array.from(sMon.count), [1, 1, 1, 1]);
});
