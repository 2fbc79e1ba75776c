import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, Network, NeuronGroup, Synapses, startScope } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

test('two Synapses summing into one variable: refused at run(), and nothing is left behind', () => {
  startScope();
  const source = new NeuronGroup(1, '');
  const target = new NeuronGroup(3, 'v : 1');
  const first = new Synapses(source, target, { model: 'v_post = 1 : 1 (summed)' });
  first.connect();
  // The second one may be created (Brian reports the clash when both run together)…
  const second = new Synapses(source, target, { model: 'v_post = 2 : 1 (summed)' });
  second.connect();
  throwsCode(() => new Network(source, target, first, second).run(ms(0)), 'summed_variable_conflict');
  // …and each of them works without the other: no process-wide record of summed targets. (The
  // groups ran in `net` now, so the next one joins it: an object runs in one network only.)
  const net = new Network(source, target, second);
  net.run(ms(0.1));
  assert.deepEqual(Array.from(target.v.values), [2, 2, 2]);
  const third = new Synapses(source, target, { model: 'v_post = 3 : 1 (summed)' });
  third.connect();
  net.remove(second);
  net.add(third);
  net.run(ms(0.1));
  assert.deepEqual(Array.from(target.v.values), [3, 3, 3]);
});

test('a summed variable into an integer variable, and into a synaptic variable (synapses on synapses)', () => {
  startScope();
  const source = new NeuronGroup(3, '');
  const target = new NeuronGroup(3, 'n : integer');
  const conn = new Synapses(source, target, { model: 'w : integer\nn_post = w : integer (summed)' });
  conn.connect();
  conn.w = 'i + 1';
  const onSynapses = new Synapses(source, conn, { model: 'w_post = 2 : integer (summed)' });
  onSynapses.connect({ condition: 'i == 0' });
  new Network(source, target, conn, onSynapses).run(ms(0.1));
  assert.deepEqual(Array.from(conn.w.values), [2, 2, 2, 2, 2, 2, 2, 2, 2]);
  assert.deepEqual(Array.from(target.n.values), [6, 6, 6]);
});
