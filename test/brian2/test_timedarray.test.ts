/**
 * Brian 2's test_timedarray.py, translated (test names kept).
 * Skipped: none. Brian reads TimedArrays from the calling frame; brian-ts from namespaces.
 */
import assert from 'node:assert/strict';
import {
  amp,
  defaultclock,
  ms,
  Network,
  NeuronGroup,
  nA,
  run,
  StateMonitor,
  second,
  startScope,
  TimedArray,
} from '../../src/index.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';
import { QuantityMatrix } from '../../src/units/quantity-matrix.ts';
import { assertAllclose, assertEqual } from './assertions.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_timedarray.py');

const linspace = (a: number, b: number, n: number) =>
  Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));
const arange = (n: number) => Array.from({ length: n }, (_, k) => k);
const rows = (values: number[], cols: number) =>
  Array.from({ length: values.length / cols }, (_, r) => values.slice(r * cols, (r + 1) * cols));

brianTest('test_timedarray_direct_use', {}, () => {
  let ta = new TimedArray(linspace(0, 10, 11), { dt: ms(1) });
  assertEqual(ta.at(ms(-1)), 0);
  assertEqual(ta.at(ms(5)), 5);
  assertEqual(ta.at(ms(10)), 10);
  assertEqual(ta.at(ms(15)), 10);
  ta = new TimedArray(QuantityArray.from(linspace(0, 10, 11), amp), { dt: ms(1) });
  assertEqual(ta.at(ms(-1)), amp(0));
  assertEqual(ta.at(ms(5)), amp(5));
  assertEqual(ta.at(ms(10)), amp(10));
  assertEqual(ta.at(ms(15)), amp(10));
  const ta2d = new TimedArray(new QuantityMatrix(Float64Array.from(linspace(0, 11, 12)), 4, 3, amp.dim), {
    dt: ms(1),
  });
  assertEqual(ta2d.at(ms(-1), 0), amp(0));
  assertEqual(ta2d.at(ms(0), 0), amp(0));
  assertEqual(ta2d.at(ms(0), 1), amp(1));
  assertEqual(ta2d.at(ms(1), 1), amp(4));
  assertAllclose(ta2d.at(ms(1), [0, 1, 2]), QuantityArray.from([3, 4, 5], amp));
  assertAllclose(ta2d.at(ms(15), [0, 1, 2]), QuantityArray.from([9, 10, 11], amp));
});

brianTest('test_timedarray_semantics', { standalone: true }, () => {
  // Make sure that timed arrays are interpreted as specifying the values
  // between t and t+dt (not between t-dt/2 and t+dt/2 as in Brian1)
  const ta = new TimedArray([0, 1], { dt: ms(0.4) });
  const G = new NeuronGroup(1, 'value = ta(t) : 1', { dt: ms(0.1), namespace: { ta } });
  const mon = new StateMonitor(G, 'value', { record: 0 });
  run(ms(0.8));
  assertAllclose(mon.at(0).value, [0, 0, 0, 0, 1, 1, 1, 1]);
  assertAllclose(mon.at(0).value, ta.at(mon.t));
});

brianTest('test_timedarray_no_units', { standalone: true }, () => {
  const ta = new TimedArray(arange(10), { dt: ms(0.1) });
  const G = new NeuronGroup(1, 'value = ta(t) + 1: 1', { dt: ms(0.1), namespace: { ta } });
  const mon = new StateMonitor(G, 'value', { record: true, dt: ms(0.1) });
  run(ms(1.1));
  const n = mon.at(0).value.length;
  assertAllclose(
    mon.at(0).value.values,
    arange(n).map((k) => Math.min(Math.max(k, 0), 9) + 1),
  );
});

brianTest('test_timedarray_with_units', { standalone: true }, () => {
  const ta = new TimedArray(QuantityArray.from(arange(10), amp), { dt: ms(0.1) });
  const G = new NeuronGroup(1, 'value = ta(t) + 2*nA: amp', { dt: ms(0.1), namespace: { ta } });
  const mon = new StateMonitor(G, 'value', { record: true, dt: ms(0.1) });
  run(ms(1.1));
  const n = mon.at(0).value.length;
  assertAllclose(
    mon.at(0).value,
    new QuantityArray(
      Float64Array.from(arange(n), (k) => Math.min(Math.max(k, 0), 9) + nA(2).value),
      amp.dim,
    ),
  );
});

brianTest('test_timedarray_2d', { standalone: true }, () => {
  // 4 time steps, 3 neurons
  const ta2d = new TimedArray(rows(arange(12), 3), { dt: ms(0.1) });
  const G = new NeuronGroup(3, 'value = ta2d(t, i) + 1: 1', { dt: ms(0.1), namespace: { ta2d } });
  const mon = new StateMonitor(G, 'value', { record: true, dt: ms(0.1) });
  run(ms(0.5));
  assertAllclose(
    mon.at(0).value.values,
    [0, 3, 6, 9, 9].map((x) => x + 1),
  );
  assertAllclose(
    mon.at(1).value.values,
    [1, 4, 7, 10, 10].map((x) => x + 1),
  );
  assertAllclose(
    mon.at(2).value.values,
    [2, 5, 8, 11, 11].map((x) => x + 1),
  );
});

brianTest('test_timedarray_incorrect_use', {}, () => {
  const ta = new TimedArray(linspace(0, 10, 11), { dt: ms(1) });
  const ta2d = new TimedArray(new QuantityMatrix(Float64Array.from(linspace(0, 11, 12)), 4, 3, amp.dim), {
    dt: ms(1),
  });
  const G = new NeuronGroup(3, 'I : amp', { namespace: { ta, ta2d } });
  assert.throws(
    () => {
      G.I = 'ta2d(t)*amp';
    },
    { code: 'wrong_argument_count' },
  );
  assert.throws(
    () => {
      G.I = 'ta(t, i)*amp';
    },
    { code: 'wrong_argument_count' },
  );
  assert.throws(
    () => {
      G.I = 'ta()*amp';
    },
    { code: 'wrong_argument_count' },
  );
  assert.throws(
    () => {
      G.I = 'ta*amp';
    },
    { code: 'type_mismatch' },
  );
});

brianTest('test_timedarray_no_upsampling', { standalone: true }, () => {
  // Test a TimedArray where no upsampling is necessary because the monitor's
  // dt is bigger than the TimedArray's
  const ta = new TimedArray(arange(10), { dt: ms(0.01) });
  const G = new NeuronGroup(1, 'value = ta(t): 1', { dt: ms(0.1), namespace: { ta } });
  const mon = new StateMonitor(G, 'value', { record: true, dt: ms(1) });
  run(ms(2.1));
  assertAllclose(mon.at(0).value, [0, 9, 9]);
});

brianTest('test_long_timedarray', {}, () => {
  // Use a very long timedarray (with a big dt), where the upsampling can lead to integer overflow.
  const ta = new TimedArray(arange(16385), { dt: second(1) });
  const G = new NeuronGroup(1, 'value = ta(t) : 1', { namespace: { ta } });
  const mon = new StateMonitor(G, 'value', { record: true });
  const net = new Network(G, mon);
  // We'll start the simulation close to the critical boundary
  net.t_ = 16384 - 5e-3;
  net.run(ms(10));
  const value = mon.at(0).value.values as Float64Array;
  const t = mon.t_;
  assertAllclose(
    value.filter((_, k) => t[k] < 16384),
    value.filter((_, k) => t[k] < 16384).map(() => 16383),
  );
  assertAllclose(
    value.filter((_, k) => t[k] >= 16384),
    value.filter((_, k) => t[k] >= 16384).map(() => 16384),
  );
});

brianTest('test_timedarray_repeated_use', {}, () => {
  // Check that recreating a TimedArray with different values does work
  // correctly (no issues with caching)
  const values = [
    [1, 2, 3],
    [2, 4, 6],
  ];
  for (let runIdx = 0; runIdx < 2; runIdx++) {
    // Python drops the previous iteration's objects here; brian-ts starts a new scope.
    startScope();
    const ta = new TimedArray(values[runIdx], { dt: defaultclock.dt, name: 'ta' });
    const G = new NeuronGroup(1, 'dx/dt = ta(t)/dt : 1', { name: 'G', namespace: { ta } });
    run(defaultclock.dt.mul(3) as Quantity);
    assert.equal(G.x[0].value, 6 * (runIdx + 1));
  }
});
