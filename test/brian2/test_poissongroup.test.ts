/**
 * Brian 2's test_poissongroup.py, translated (test names kept).
 * Skipped: none. Brian reads external names from the calling frame; brian-ts from namespaces
 * (group namespace, then the run's namespace, as Brian resolves them).
 */
import assert from 'node:assert/strict';
import {
  catchLogs,
  defaultclock,
  Hz,
  ms,
  Network,
  NeuronGroup,
  PoissonGroup,
  run,
  SpikeMonitor,
  Synapses,
  schedulePropagationOffset,
  TimedArray,
} from '../../src/index.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';
import { QuantityMatrix } from '../../src/units/quantity-matrix.ts';
import { assertEqual } from './assertions.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_poissongroup.py');

/** `1.0/defaultclock.dt`, a rate. */
const perDt = () => Hz(1 / defaultclock.dt_);

brianTest('test_single_rates', { standalone: true }, () => {
  // Specifying single rates
  const P0 = new PoissonGroup(10, Hz(0));
  const Pfull = new PoissonGroup(10, perDt());

  // Basic properties
  assert.ok(P0.length === Pfull.length && P0.length === 10);
  assert.ok(String(P0).length);
  const spikesP0 = new SpikeMonitor(P0);
  const spikesPfull = new SpikeMonitor(Pfull);
  run(defaultclock.dt.mul(2) as Quantity);
  assertEqual(spikesP0.count, new Array(10).fill(0));
  assertEqual(spikesPfull.count, new Array(10).fill(2));
});

brianTest('test_rate_arrays', { standalone: true }, () => {
  const P = new PoissonGroup(2, QuantityArray.from([0, 1.0 / defaultclock.dt_], Hz));
  const spikes = new SpikeMonitor(P);
  run(defaultclock.dt.mul(2) as Quantity);
  assertEqual(spikes.count, [0, 2]);
});

brianTest('test_poissongroup_N_validation', {}, () => {
  // N must be an integer >= 1
  assert.throws(() => new PoissonGroup(0, Hz(100)), { code: 'bad_argument' });
  assert.throws(() => new PoissonGroup(-1, Hz(100)), { code: 'bad_argument' });
  assert.throws(() => new PoissonGroup(1.5, Hz(100)), { code: 'bad_argument' });
});

brianTest('test_rate_unit_check', {}, () => {
  // Brian: DimensionMismatchError. brian-ts: a quantity of the wrong dimension (here dimensionless)
  // is `dimension_mismatch`; a bare number where a rate is needed `missing_unit`.
  assert.throws(() => new PoissonGroup(1, QuantityArray.from([1, 2])), { code: 'dimension_mismatch' });
  assert.throws(() => new PoissonGroup(1, 5 as never), { code: 'missing_unit' });
  assert.throws(() => new PoissonGroup(1, QuantityArray.from([1, 2], ms)), { code: 'dimension_mismatch' });
  let P = new PoissonGroup(1, 'i*mV');
  let net = new Network(P);
  assert.throws(() => net.run(ms(0)), { code: 'dimension_mismatch' });

  P = new PoissonGroup(1, 'i');
  net = new Network(P);
  assert.throws(() => net.run(ms(0)), { code: 'dimension_mismatch' });
});

brianTest('test_time_dependent_rate', { standalone: true }, () => {
  // The following two groups should show the same behaviour
  const timedArray = new TimedArray(
    new QuantityMatrix(Float64Array.of(0, 0, 1.0 / defaultclock.dt_, 0), 2, 2, Hz.dim),
    {
      dt: ms(1),
    },
  );
  const group1 = new PoissonGroup(2, 'timed_array(t, i)', { namespace: { timed_array: timedArray } });
  const group2 = new PoissonGroup(2, 'int(i==0)*int(t>1*ms-dt/2)*(1/dt)');
  const spikes1 = new SpikeMonitor(group1);
  const spikes2 = new SpikeMonitor(group2);
  run(ms(2));

  const expected = [Math.round(1e-3 / defaultclock.dt_), 0];
  assertEqual(spikes1.count, expected);
  assertEqual(spikes2.count, expected);
  assert.equal(Array.from(spikes1.t_).filter((t) => t < 1e-3).length, 0);
  assert.equal(Array.from(spikes2.t_).filter((t) => t < 1e-3).length, 0);
});

brianTest('test_propagation', { standalone: true }, () => {
  // Using a PoissonGroup as a source for Synapses should work as expected
  const P = new PoissonGroup(2, QuantityArray.from([0, 1.0 / defaultclock.dt_], Hz));
  const G = new NeuronGroup(2, 'v:1');
  const S = new Synapses(P, G, { onPre: 'v+=1' });
  S.connect({ j: 'i' });
  run(defaultclock.dt.mul(2).add(schedulePropagationOffset()) as Quantity);
  assertEqual(G.v_, [0.0, 2.0]);
});

brianTest('test_poissongroup_subgroup', { standalone: true }, () => {
  // It should be possible to take a subgroup of a PoissonGroup
  const P = new PoissonGroup(4, QuantityArray.from([0, 0, 0, 0], Hz));
  const P1 = P.slice(0, 2);
  const P2 = P.slice(2, 4);
  P2.rates = perDt();
  const G = new NeuronGroup(4, 'v:1');
  const S1 = new Synapses(P1, G.slice(0, 2), { onPre: 'v+=1' });
  S1.connect({ j: 'i' });
  const S2 = new Synapses(P2, G.slice(2, 4), { onPre: 'v+=1' });
  S2.connect({ j: 'i' });
  run(defaultclock.dt.mul(2).add(schedulePropagationOffset()) as Quantity);
  assertEqual(G.v_, [0.0, 0.0, 2.0, 2.0]);
});

brianTest('test_poissongroup_namespace', {}, () => {
  const P = new PoissonGroup(1, 'rate_const', {
    namespace: { rate_const: perDt() },
    name: `poissongroup_${Math.random().toString(36).slice(2)}`,
  });
  const P2 = new PoissonGroup(1, 'rate_const');
  const mon = new SpikeMonitor(P);
  const mon2 = new SpikeMonitor(P2);
  // Brian finds rate_const = 0*Hz in the calling frame: here, the run's namespace.
  const l = catchLogs(() =>
    run(defaultclock.dt.mul(2) as Quantity, { namespace: { rate_const: Hz(0) } }),
  ).records;
  assert.equal(l.length, 1);
  assert.ok(l[0].name.endsWith('resolution_conflict'));
  assert.equal(mon.num_spikes, 2);
  assert.equal(mon2.num_spikes, 0);
});
