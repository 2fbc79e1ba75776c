/**
 * Brian 2's test_poissoninput.py, translated (test names kept).
 * Skipped: none.
 */
import assert from 'node:assert/strict';
import {
  collect,
  defaultclock,
  Hz,
  ms,
  Network,
  NeuronGroup,
  PoissonInput,
  run,
  StateMonitor,
  schedulePropagationOffset,
  volt,
} from '../../src/index.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { assertAllclose, assertEqual, variance } from './assertions.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_poissoninput.py');

brianTest('test_poissoninput', { standalone: true }, () => {
  // Test extreme cases and do a very basic test of an intermediate case, we
  // don't want tests to be stochastic
  const G = new NeuronGroup(
    10,
    `
    x : volt
    y : volt
    y2 : volt
    z : volt
    z2 : volt
    w : 1
    `,
  );
  G.w = 0.5;

  const perDt = Hz(1 / defaultclock.dt_);
  const neverUpdate = new PoissonInput(G, 'x', 100, Hz(0), volt(1));
  const alwaysUpdate = new PoissonInput(G, 'y', 50, perDt, volt(2));
  new PoissonInput(G, 'y2', 50, perDt, '1*volt + 1*volt');
  const sometimesUpdate = new PoissonInput(G, 'z', 10000, Hz(50), volt(0.5));
  new PoissonInput(G, 'z2', 10000, Hz(50), 'w*volt');

  assertEqual(neverUpdate.rate, Hz(0));
  assertEqual(neverUpdate.N, 100);
  assertEqual(alwaysUpdate.rate, perDt);
  assertEqual(alwaysUpdate.N, 50);
  assertEqual(sometimesUpdate.rate, Hz(50));
  assertEqual(sometimesUpdate.N, 10000);

  const mon = new StateMonitor(G, ['x', 'y', 'y2', 'z', 'z2'], { record: true, when: 'end' });

  run(ms(1));
  for (const trace of mon.x_) assertEqual(trace, 0);
  for (const name of ['y_', 'y2_']) {
    for (const trace of mon[name] as Float64Array[]) {
      assertEqual(
        trace,
        Array.from(trace, (_, k) => (1 + k) * 50 * 2),
      );
    }
  }
  for (const name of ['z_', 'z2_']) {
    const traces = mon[name] as Float64Array[];
    // variability over time
    for (const trace of traces) assert.ok(variance(trace.slice(1).map((x, k) => x - trace[k])) > 0);
    // variability over neurons
    for (let s = 0; s < traces[0].length; s++) assert.ok(variance(traces.map((tr) => tr[s])) > 0);
  }
});

brianTest('test_poissoninput_errors', {}, () => {
  // Targeting non-existing variable
  const G = new NeuronGroup(10, 'x : volt\ny : 1');
  assert.throws(() => new PoissonInput(G, 'z', 100, Hz(100), 1.0), { code: 'unknown_variable' });

  // Incorrect units
  assert.throws(() => new PoissonInput(G, 'x', 100, Hz(100), 1.0), { code: 'dimension_mismatch' });
  assert.throws(() => new PoissonInput(G, 'y', 100, Hz(100), volt(1.0)), { code: 'dimension_mismatch' });

  // Invalid N (must be integer >= 1). Brian 2.5.1 accepts these (and a negative rate) silently;
  // the newer test file refuses them, as brian-ts does.
  assert.throws(() => new PoissonInput(G, 'x', 0, Hz(100), volt(1)), { code: 'bad_argument' });
  assert.throws(() => new PoissonInput(G, 'x', -1, Hz(100), volt(1)), { code: 'bad_argument' });
  assert.throws(() => new PoissonInput(G, 'x', 1.5, Hz(100), volt(1)), { code: 'bad_argument' });

  // Negative rate
  assert.throws(() => new PoissonInput(G, 'x', 100, Hz(-10), volt(1)), { code: 'bad_argument' });

  // dt change. Brian 2.5.1 raises NotImplementedError (its binomial was drawn up for the old
  // dt); brian-ts makes the binomial for the dt of each run (rate*dt), so the run goes ahead:
  // a documented difference.
  const oldDt = defaultclock.dt;
  const inp = new PoissonInput(G, 'x', 100, Hz(100), volt(1));
  defaultclock.dt = oldDt.mul(2) as Quantity;
  const net = new Network(collect());
  net.run(ms(0));
  assert.equal(inp.binomialFor(defaultclock.dt_).p, 100 * defaultclock.dt_);
  defaultclock.dt = oldDt;
});

brianTest('test_poissoninput_refractory', { standalone: true }, () => {
  const eqs = 'dv/dt = 0/second : 1 (unless refractory)';
  const G = new NeuronGroup(10, eqs, {
    reset: 'v=0',
    threshold: 'v>4.5',
    refractory: defaultclock.dt.mul(5) as Quantity,
  });
  // Will increase the value by 1.0 at each time step
  new PoissonInput(G, 'v', 1, Hz(1 / defaultclock.dt_), 1.0);
  const mon = new StateMonitor(G, 'v', { record: 5 });
  run(defaultclock.dt.mul(10) as Quantity);
  const expected = Array.from({ length: 10 }, (_, k) => k);
  const from = 6 - Math.trunc(schedulePropagationOffset().value / defaultclock.dt_);
  for (let k = from; k < 10; k++) expected[k] = 0;
  assertAllclose(mon.at(5).v, expected);
});
