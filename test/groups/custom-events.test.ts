import assert from 'node:assert/strict';
import { EventMonitor, ms, NeuronGroup, run, SpikeMonitor } from '../../src/index.ts';
import { onBothDevices } from '../standalone/devices.ts';

/**
 * Custom events (`events`, `runOnEvent`) with an EventMonitor recording a variable, beside the
 * spike event: the numbers are Brian 2.5.1's for the same script (numpy target).
 */
onBothDevices('custom events: code on the event and an EventMonitor, as Brian', () => {
  const G = new NeuronGroup(3, 'dv/dt = 1/ms : 1\nup : 1', {
    threshold: 'v > 2.5',
    reset: 'v = 0; up = 0',
    events: { half: 'v > 1 and up == 0' },
    method: 'euler',
  });
  G.runOnEvent('half', 'up = 1');
  const M = new EventMonitor(G, 'half', { variables: ['v'] });
  const S = new SpikeMonitor(G);
  G.v = [0, 0.5, 1];
  run(ms(6));
  assert.deepEqual(Array.from(M.i), [2, 1, 0, 2, 1, 0, 2, 1]);
  const tms = (t: Float64Array) => Array.from(t, (x) => Math.round(x * 1e7) / 1e4);
  assert.deepEqual(tms(M.t_), [0, 0.5, 1, 2.5, 3, 3.5, 5, 5.5]);
  for (const v of M.recorded('v').values) assert.ok(Math.abs(v - 1.1) < 1e-12, String(v));
  assert.deepEqual(Array.from(M.count), [2, 3, 3]);
  assert.equal(M.num_events, 8);
  assert.deepEqual(Array.from(S.i), [2, 1, 0, 2, 1, 0]);
  assert.deepEqual(tms(S.t_), [1.4, 1.9, 2.4, 3.9, 4.4, 4.9]);
  // Brian schedules an EventMonitor right after the event's detection
  assert.equal(M.runners()[0].when, 'after_thresholds');
  assert.equal(M.runners()[0].order, 1);
});
