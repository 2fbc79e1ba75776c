import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  linkedVar,
  ms,
  Network,
  NeuronGroup,
  run,
  SpikeMonitor,
  StateMonitor,
  startScope,
} from '../../src/index.ts';

/**
 * Two groups whose state updaters share the `groups` slot and order: B integrates A's x (a
 * linked variable), so which one runs first — by name, as in Brian — decides when B spikes.
 */
function model() {
  startScope();
  const A = new NeuronGroup(1, 'dx/dt = 1/ms : 1', { method: 'euler' });
  const B = new NeuronGroup(1, 'dz/dt = y/ms : 1\ny : 1 (linked)', {
    threshold: 'z > 0.3',
    reset: 'z = 0',
    method: 'euler',
  });
  B.y = linkedVar(A, 'x');
  const M = new SpikeMonitor(B);
  run(ms(3));
  return { names: [A.name, B.name, M.name], spikes: Array.from(M.t_) };
}

test('the same model built again (after startScope) gets the same names, so it runs in the same order', () => {
  // Before names were freed, the sixth build named the groups neurongroup_10 and neurongroup_11,
  // and neurongroup_10 < neurongroup_9 alphabetically flipped the order: B spiked a step earlier.
  const first = model();
  assert.deepEqual(first.names, ['neurongroup', 'neurongroup_1', 'spikemonitor']);
  for (let k = 0; k < 7; k++) {
    const again = model();
    assert.deepEqual(again.names, first.names);
    assert.deepEqual(again.spikes, first.spikes);
  }
});

test("a name given explicitly is used as given (Brian's names), also when another object has it", () => {
  startScope();
  const a = new NeuronGroup(1, 'v : 1', { name: 'cell' });
  const b = new NeuronGroup(1, 'v : 1', { name: 'cell' });
  assert.equal(a.name, 'cell');
  assert.equal(b.name, 'cell');
  // Separately they run; their arrays do not mix.
  a.v = 1;
  b.v = 2;
  new Network(a).run(ms(0.1));
  new Network(b).run(ms(0.1));
  assert.deepEqual([a.v_[0], b.v_[0]], [1, 2]);
  // Together in one network: an error naming the name, as Brian's Network.before_run.
  startScope();
  const c = new NeuronGroup(1, 'v : 1', { name: 'cell' });
  const d = new NeuronGroup(1, 'v : 1', { name: 'cell' });
  assert.throws(() => new Network(c, d).run(ms(0.1)), { code: 'duplicate_name' });
});

test('default names take the first free number: neurongroup, neurongroup_1, … and a given name counts as taken', () => {
  startScope();
  const a = new NeuronGroup(1, 'v : 1', { name: 'neurongroup_1' });
  const b = new NeuronGroup(1, 'v : 1');
  const c = new NeuronGroup(1, 'v : 1');
  assert.deepEqual([a.name, b.name, c.name], ['neurongroup_1', 'neurongroup', 'neurongroup_2']);
  const M = new StateMonitor(b, 'v');
  assert.equal(M.name, 'statemonitor');
  assert.equal(b.runRegularly('v += 1').name, 'neurongroup_run_regularly');
  assert.equal(b.runRegularly('v += 1').name, 'neurongroup_run_regularly_1');
});
