/**
 * Brian's examples/IF_curve_LIF.py against Brian 2.5.1 (test/reference/example_if_curve_lif.json):
 * 1000 unconnected LIF neurons, `exact` integration, refractoriness, each with its own input v0
 * (`'20*mV * i / (n-1)'`, n from the namespace). Shortened to 300 ms; a StateMonitor of a few
 * neurons around the rheobase (v0 = 10 mV) was added. The model is deterministic, so the spikes
 * must match step for step and the traces to 1e-9.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, mV, Network, NeuronGroup, SpikeMonitor, StateMonitor, startScope } from '../../src/index.ts';
import { seconds } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { assertSameSpikes } from './support.ts';

const ref = loadReference('example_if_curve_lif');
const r = ref.recorded;

test('IF_curve_LIF: input v0, spike counts, spike steps and traces match Brian 2.5.1', () => {
  startScope();
  const n = 1000;
  const eqs = `
dv/dt = (v0 - v) / tau : volt (unless refractory)
v0 : volt
`;
  const group = new NeuronGroup(n, eqs, {
    threshold: 'v > 10*mV',
    reset: 'v = 0*mV',
    refractory: ms(5),
    method: 'exact',
    namespace: { n, tau: ms(10) },
  });
  group.v = mV(0);
  group.v0 = '20*mV * i / (n-1)';
  const monitor = new SpikeMonitor(group);
  const trace = new StateMonitor(group, 'v', { record: r.record });
  new Network(group, monitor, trace).run(ms(300));
  assert.equal(ref.model.duration, seconds(0.3).value);

  // `i / (n-1)` is a true division of two integers in Brian: v0 spans 0..20 mV evenly.
  assertClose(group.v0_, r.v0, 1e-15, 'v0', 1e-18);
  const dt = ref.model.dt;
  assertSameSpikes(monitor, r, dt, 5000);
  assertClose(monitor.t_, r.spike_t, 1e-12, 'spike times');
  assertClose(trace.t_, r.t, 1e-12, 'StateMonitor t');
  // exact integration: v·e^(−dt/τ) + v0·(1 − e^(−dt/τ)) with the same operations as Brian's
  // (floor 1 nV: v starts at and resets to 0 exactly).
  for (const [k, v] of (r.v as number[][]).entries()) {
    assertClose(trace.v_[k], v, 1e-9, `v[${r.record[k]}]`, 1e-9);
  }
});
