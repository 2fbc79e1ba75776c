/**
 * Brian's examples/synapses/gapjunctions.py (deterministic: no random numbers) against a
 * Brian 2.5.1 recording (brian/gap_junctions.json, script beside it): continuous coupling through
 * a summed variable written every step before the state update. Spike steps must be identical
 * and the traces agree to rounding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  ms,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/index.ts';
import { seconds } from '../core/support.ts';
import { assertClose } from '../helpers/reference.ts';

const ref = JSON.parse(readFileSync(new URL('./brian/gap_junctions.json', import.meta.url), 'utf8'));
const m = ref.model;

test('gap junctions: same spikes and traces as Brian 2.5.1', () => {
  startScope();
  const namespace = { v0: m.v0, tau: ms(m.tau * 1000), n: m.n };
  const neurons = new NeuronGroup(m.n, m.equations, {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'exact',
    namespace,
  });
  neurons.v = m.initial_v;
  const trace = new StateMonitor(neurons, 'v', { record: m.record });
  const spikes = new SpikeMonitor(neurons);
  const S = new Synapses(neurons, neurons, { model: m.synapse_model });
  S.connect();
  S.w = m.w;
  new Network(neurons, trace, spikes, S).run(seconds(m.duration));

  assert.equal(S.N, m.n * m.n);
  assert.deepEqual(Array.from(spikes.i), ref.spike_i);
  assert.deepEqual(
    Array.from(spikes.t_, (t) => Math.round(t / m.dt)),
    ref.spike_t.map((t: number) => Math.round(t / m.dt)),
  );
  const every = m.record_every;
  trace.traces_('v').forEach((v, k) => {
    const sampled = v.filter((_, s) => s % every === 0);
    assertClose(sampled, ref.v[k], 1e-12, `v of neuron ${m.record[k]}`, 1e-3);
  });
  assertClose(neurons.v_ as Float64Array, ref.final_v, 1e-12, 'final v', 1e-3);
});
