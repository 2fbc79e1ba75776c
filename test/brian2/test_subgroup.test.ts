/**
 * Brian 2's test_subgroup.py, translated (test names kept), part 1: state access, monitors,
 * code on subgroups, indexing. Part 2 (synapses between subgroups) is
 * test_subgroup.synapses.test.ts.
 *
 * Skipped (Python internals):
 * - test_str_repr: Python str/repr of a subgroup.
 *
 * Brian's `G[a:b]` is `G.slice(a, b)`, `G[k]` and `G[[k, l, …]]` are `G.at(k)` / `G.at([k, l, …])`.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  mV,
  NeuronGroup,
  PopulationRateMonitor,
  QuantityArray,
  run,
  SpikeMonitor,
  StateMonitor,
  second,
  volt,
} from '../../src/index.ts';
import { arange, assertAllclose, assertEqual, warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_subgroup.py', {
  skipped: { test_str_repr: 'Python str/repr of a subgroup' },
});

const mVs = (xs: readonly number[]) => QuantityArray.from(xs, mV);

brianTest('test_state_variables', {}, () => {
  const G = new NeuronGroup(10, 'v : volt');
  const SG = G.slice(4, 9);
  assert.throws(
    () => {
      SG.v = -70;
    },
    { code: 'missing_unit' },
  );
  SG.v_ = mV(-80).value;
  assertAllclose(G.v, mVs([0, 0, 0, 0, -80, -80, -80, -80, -80, 0]));
  assertAllclose(SG.v, mVs([-80, -80, -80, -80, -80]));
  assertAllclose(
    G.v_,
    [0, 0, 0, 0, -80, -80, -80, -80, -80, 0].map((x) => x * 1e-3),
  );
  assertAllclose(SG.v_, Array(5).fill(-80e-3));
  // You should also be able to set variables with a string
  SG.v = 'v + i*mV';
  assertAllclose(SG.v[0], mV(-80));
  assertAllclose(SG.v[4], mV(-76));
  assertAllclose(G.v.get(arange(4, 9)), mVs(arange(5)).add(mV(-80)));

  // Calculating with state variables should work too
  assert.ok(
    G.v
      .get(arange(4, 9))
      .sub(SG.v.quantity)
      .eq(0)
      .every((x: number) => x === 1),
  );

  // And in-place modification should work as well
  SG.v = SG.v.add(mV(10));
  assertAllclose(G.v.get(arange(4, 9)), mVs(arange(5)).add(mV(-70)));
  SG.v = SG.v.mul(2);
  assertAllclose(G.v.get(arange(4, 9)), mVs(arange(5)).add(mV(-70)).mul(2));
  // with unit checking
  assert.throws(() => SG.v.add(second(3)), { code: 'dimension_mismatch' });
  assert.throws(() => SG.v.add(3), { code: 'dimension_mismatch' });
  assert.throws(
    () => {
      SG.v = SG.v.mul(second(3));
    },
    { code: 'dimension_mismatch' },
  );

  // Indexing with subgroups
  assertEqual(G.v.get(SG), SG.v.quantity);
});

brianTest('test_state_variables_simple', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'a : 1\nb : 1\nc : 1\nd : 1');
  const SG = G.slice(3, 7);
  SG.a = 1;
  SG.a.set(2, 'i == 0');
  SG.b = 'i';
  SG.b.set('i * 2', 'i == 3');
  SG.c = arange(3, 7);
  SG.d.set(4, [1]);
  SG.d.set([1, 2], [2, 3]);
  run(second(0));
  assertEqual(G.a_, [0, 0, 0, 2, 1, 1, 1, 0, 0, 0]);
  assertEqual(G.b_, [0, 0, 0, 0, 1, 2, 6, 0, 0, 0]);
  assertEqual(G.c_, [0, 0, 0, 3, 4, 5, 6, 0, 0, 0]);
  assertEqual(G.d_, [0, 0, 0, 0, 4, 1, 2, 0, 0, 0]);
});

brianTest('test_state_variables_string_indices', {}, () => {
  const G = new NeuronGroup(10, 'v : volt');
  const SG = G.slice(4, 9);
  assert.equal(SG.v.get('i>3').length, 1);
  G.v = mVs(arange(10));
  assert.equal(SG.v.get('v>7.5*mV').length, 1);
  // Combined string indexing and assignment
  SG.v.set('i*10*mV', 'i > 3');
  assertAllclose(G.v.quantity, mVs([0, 1, 2, 3, 4, 5, 6, 7, 40, 9]));
});

brianTest('test_state_variables_group_as_index', {}, () => {
  const G = new NeuronGroup(10, 'v : 1');
  const SG = G.slice(4, 9);
  G.v.set(1, SG);
  assertEqual(G.v_, [0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
  G.v = 1;
  G.v.set('2*v', SG);
  assertEqual(G.v_, [1, 1, 1, 1, 2, 2, 2, 2, 2, 1]);
});

brianTest('test_state_variables_group_as_index_problematic', {}, () => {
  const G = new NeuronGroup(10, 'v : 1');
  const SG = G.slice(4, 9);
  G.v = 1;
  const tests: [string, number][] = [
    ['i', 1],
    ['N', 1],
    ['N + i', 2],
    ['v', 0],
  ];
  for (const [value, nAmbiguous] of tests) {
    const logs = warningsOf(() => G.v.set(value, SG));
    const found = logs.filter((name) => name === 'ambiguous_string_expression').length;
    assert.equal(
      found,
      nAmbiguous,
      `Expected ${nAmbiguous} ambiguous warnings for value '${value}', got ${found}`,
    );
  }
});

brianTest('test_variableview_calculations', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : volt\nidx : integer');
  G.x = arange(10);
  G.y = mVs(arange(10).reverse());
  G.idx = arange(10);
  const SG = G.slice(3, 8);
  const x = QuantityArray.from(arange(3, 8));
  const y = mVs([6, 5, 4, 3, 2]);
  assertAllclose(SG.x.mul(SG.y), x.mul(y));
  assertAllclose(SG.x.neg(), x.neg());
  assertAllclose(SG.y.neg(), y.neg());
  assertAllclose(SG.x.mul(3), x.mul(3));
  assertAllclose(SG.y.mul(3), y.mul(3));
  assertAllclose(SG.x.div(2.0), x.div(2));
  assertAllclose(SG.y.div(2), y.div(2));
  assertEqual(SG.idx.mod(2), [1, 0, 1, 0, 1]);
  assertAllclose(SG.x.add(2), x.add(2));
  assertAllclose(SG.y.add(mV(2)), y.add(mV(2)));
  assertAllclose(SG.x.sub(2), x.sub(2));
  assertAllclose(SG.y.sub(mV(2)), y.sub(mV(2)));
  assertAllclose(mV(2).sub(SG.y.quantity), y.neg().add(mV(2)));
  assertAllclose(SG.x.pow(2), x.pow(2));
  assertAllclose(SG.y.pow(2), y.pow(2));
  assertAllclose(SG.x.rpow(2), [8, 16, 32, 64, 128]);
  // incorrect units
  assert.throws(() => SG.x.add(SG.y), { code: 'dimension_mismatch' });
  assert.throws(() => SG.x.quantity.add(SG.y.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => SG.x.add(SG.y.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => SG.x.add(mV(3)), { code: 'dimension_mismatch' });
  assert.throws(() => mV(3).add(SG.x.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => SG.y.add(3), { code: 'dimension_mismatch' });
  // raising to a power with units
  assert.throws(() => SG.y.rpow(2), { code: 'dimension_mismatch' });
});

brianTest('test_variableview_properties', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : volt\nidx : integer');
  G.x = 'rand()';
  G.y = 'rand()*mV';
  G.idx = 'int(rand()*10)';
  const SG = G.slice(3, 8);
  assert.ok(SG.x.dim.isDimensionless);
  assert.ok(SG.y.dim.equals(volt.dim));
  assert.ok(SG.idx.dim.isDimensionless);
  // See github issue #1555
  for (const v of [SG.x, SG.y, SG.idx]) {
    assert.deepEqual(v.shape, [5]);
    assert.equal(v.ndim, 1);
  }
  assert.equal(SG.x.dtype, 'float64');
  assert.equal(SG.y.dtype, 'float64');
  assert.equal(SG.idx.dtype, 'int32');
});

brianTest('test_state_monitor', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'v : volt');
  G.v = QuantityArray.from(arange(10), volt);
  const SG = G.slice(5);
  const monAll = new StateMonitor(SG, 'v', { record: true });
  const mon0 = new StateMonitor(SG, 'v', { record: 0 });
  run(defaultclock.dt);
  assertAllclose(mon0.at(0).v, monAll.at(0).v);
  assertAllclose(mon0.at(0).v, QuantityArray.from([5], volt));
  assertAllclose(
    QuantityArray.from(
      (monAll.v_ as Float64Array[]).flatMap((tr) => Array.from(tr)),
      volt,
    ),
    QuantityArray.from(arange(5, 10), volt),
  );
  assert.throws(() => monAll.at(5), { code: 'index_out_of_range' });
});

brianTest('test_shared_variable', {}, () => {
  const G = new NeuronGroup(10, 'v : volt (shared)');
  G.v = volt;
  const SG = G.slice(5);
  assertAllclose(SG.v.quantity, volt);
});

brianTest('test_run_regularly', { standalone: true }, () => {
  // See github issue #922
  const group = new NeuronGroup(10, 'v: integer');
  // Full group
  group.runRegularly('v += 16');
  // Subgroup with explicit reference
  const subgroup = group.slice(0, 2);
  subgroup.runRegularly('v += 8');
  // Subgroup with explicit reference and reference for run_regularly operation
  const subgroup2 = group.slice(2, 4);
  subgroup2.runRegularly('v += 4');
  // Subgroup without reference
  group.slice(4, 6).runRegularly('v += 2');
  // Subgroup without reference, with reference for run_regularly operation
  group.slice(6, 8).runRegularly('v += 1');
  run(defaultclock.dt);
  assertEqual(group.v_, [24, 24, 20, 20, 18, 18, 17, 17, 16, 16]);
});

brianTest('test_spike_monitor', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G.v.set(1.1, 0);
  G.v.set(1.1, 2);
  G.v.set(1.1, 5);
  const SG = G.slice(3);
  const SG2 = G.slice(0, 3);
  const sMon = new SpikeMonitor(G);
  const subSMon = new SpikeMonitor(SG);
  const subSMon2 = new SpikeMonitor(SG2);
  run(defaultclock.dt);
  assertEqual(sMon.i, [0, 2, 5]);
  assertEqual(sMon.t_, [0, 0, 0]);
  assertEqual(subSMon.i, [2]);
  assertEqual(subSMon.t_, [0]);
  assertEqual(subSMon2.i, [0, 2]);
  assertEqual(subSMon2.t_, [0, 0]);
  assertEqual(sMon.count, [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
  assertEqual(subSMon.count, [0, 0, 1, 0, 0, 0, 0]);
  assertEqual(subSMon2.count, [1, 0, 1]);
});

brianTest('test_wrong_indexing', {}, () => {
  const G = new NeuronGroup(10, 'v:1');
  assert.throws(() => G.at('string' as never), { code: 'bad_argument' });
  assert.throws(() => G.at(10), { code: 'index_out_of_range' });
  assert.throws(() => G.slice(10), { code: 'index_out_of_range' });
  // G[::2]: a step other than 1
  assert.throws(() => G.slice(0, 10, 2), { code: 'index_out_of_range' });
  assert.throws(() => G.slice(3, 2), { code: 'index_out_of_range' });
  for (const indices of [
    [5, 4, 3],
    [2, 4, 6],
    [-1, 0, 1],
    [9, 10, 11],
    [9, 10],
    [10, 11],
  ]) {
    assert.throws(() => G.at(indices), { code: 'index_out_of_range' }, String(indices));
  }
  assert.throws(() => G.at([2.5, 3.5, 4.5]), { code: 'bad_argument' });
});

brianTest('test_alternative_indexing', {}, () => {
  const G = new NeuronGroup(10, 'v : integer');
  G.v = 'i';
  assertEqual(G.slice(-3).v, [7, 8, 9]);
  assertEqual(G.at(3).v, [3]);
  assertEqual(G.at([3, 4, 5]).v, [3, 4, 5]);
});

brianTest('test_no_reference_1', {}, () => {
  // Using subgroups without keeping an explicit reference. Basic access.
  const G = new NeuronGroup(10, 'v:1');
  G.v = arange(10);
  assertEqual(G.slice(0, 5).v.quantity, G.v.get(arange(5)));
});

brianTest('test_no_reference_2', { standalone: true }, () => {
  // Using subgroups without keeping an explicit reference. Monitors
  const G = new NeuronGroup(2, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G.v = [0, 1.1];
  const stateMon = new StateMonitor(G.slice(0, 1), 'v', { record: true });
  const spikeMon = new SpikeMonitor(G.slice(1));
  const rateMon = new PopulationRateMonitor(G.slice(0, 2));
  run(defaultclock.dt.mul(2) as typeof defaultclock.dt);
  assertEqual(stateMon.at(0).v, [0, 0]);
  assertEqual(spikeMon.i, [0]);
  assertEqual(spikeMon.t, QuantityArray.from([0], second));
  assertEqual(rateMon.rate, QuantityArray.from([0.5, 0]).div(defaultclock.dt));
});

brianTest('test_recursive_subgroup', {}, () => {
  // Create a subgroup of a subgroup
  const G = new NeuronGroup(10, 'v : 1');
  G.v = 'i';
  const SG = G.slice(3, 8);
  const SG2 = SG.slice(2, 4);
  assertEqual(SG2.v.quantity, [5, 6]);
  assertEqual(SG2.v.quantity, SG.v.get([2, 3]));
  assert.equal(SG2.source.name, G.name);
});
