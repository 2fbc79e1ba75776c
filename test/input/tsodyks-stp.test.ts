import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  amp,
  Network,
  NeuronGroup,
  ohm,
  Quantity,
  QuantityArray,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  startScope,
} from '../../src/index.ts';
import { loadReference } from '../helpers/reference.ts';

/**
 * Tsodyks, Pawelzik & Markram (1998) dynamic synapses driven by a SpikeGeneratorGroup, against
 * Brian 2.5.1 (test/reference/tsodyks_stp.json, Brian's example
 * frompapers/Tsodyks_Pawelzik_Markram_1998.py): the model is rebuilt from the reference alone.
 */
const ref = loadReference('tsodyks_stp');
const UNITS: Record<string, { readonly dim: Quantity['dim'] }> = {
  tau_mem: second,
  R_in: ohm,
  tau_inact: second,
  tau_rec: second,
  tau_facil: second,
  A_SE: amp,
};

/** The example's get_stimulus: np.arange(start, stop, 1/f) in ms, times ms. */
function stimulusTimes(start: number, stop: number, frequency: number): QuantityArray {
  const startMs = start * 1e3;
  const stepMs = (1 / frequency) * 1e3;
  const n = Math.ceil((stop * 1e3 - startMs) / stepMs);
  // numpy's arange computes start + k*step.
  return new QuantityArray(
    Float64Array.from({ length: n }, (_, k) => (startMs + k * stepMs) * 1e-3),
    second.dim,
  );
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
  return worst;
}

describe('Tsodyks–Pawelzik–Markram dynamic synapses (SpikeGeneratorGroup input) against Brian 2.5.1', () => {
  for (const name of ['A', 'B', 'C']) {
    test(`panel ${name}: v within 1e-3 mV, x, y, u within 1e-9, identical input spike steps`, () => {
      startScope();
      const model = ref.model.panels[name];
      const recorded = ref.recorded.panels[name];
      const neuron = new NeuronGroup(1, model.neuron.equations, { method: 'exact', name: `neuron_${name}` });
      for (const v of ['tau_mem', 'R_in']) neuron.setState(v, si(model.neuron.initial[v], v));
      const st = model.stimulus;
      const times = stimulusTimes(st.start, st.stop, st.frequency);
      assert.equal(times.length, recorded.input_spike_t_requested.length);
      const stimulus = new SpikeGeneratorGroup(1, new Int32Array(times.length), times, {
        name: `stimulus_${name}`,
      });
      const syn = new Synapses(stimulus, neuron, {
        model: model.synapse.equations,
        onPre: model.synapse.on_pre,
        method: 'exponential_euler',
        name: `synapses_${name}`,
      });
      syn.connect();
      for (const [v, value] of Object.entries(model.synapse.initial) as [string, number][]) {
        syn.setState(v, v in UNITS ? si(value, v) : value);
      }
      const synVars = 'u' in recorded ? ['x', 'y', 'u'] : ['x', 'y'];
      const Mv = new StateMonitor(neuron, ['v', 'I_syn'], { record: true });
      const Ms = new StateMonitor(syn, synVars, { record: true });
      const Min = new SpikeMonitor(stimulus);
      new Network(neuron, stimulus, syn, Mv, Ms, Min).run(second(model.duration));

      const every = ref.recorded.record_every;
      const sample = (row: Float64Array) => row.filter((_, k) => k % every === 0);
      assert.deepEqual(Array.from(Min.t_), recorded.input_spike_t);
      assert.deepEqual(Array.from(sample(Mv.t_)), recorded.t);
      const dv = maxAbsDiff(sample(Mv.v_[0]), recorded.v);
      assert.ok(dv < 1e-6, `max |Δv| = ${dv * 1e3} mV`);
      const dI = maxAbsDiff(sample(Mv.I_syn_[0]), recorded.I_syn);
      assert.ok(dI < 1e-15, `max |ΔI_syn| = ${dI} A`);
      for (const v of synVars) {
        const d = maxAbsDiff(sample(Ms[`${v}_`][0]), recorded[v]);
        assert.ok(d < 1e-9, `max |Δ${v}| = ${d}`);
      }
      assert.ok(Math.abs(neuron.v_[0] - recorded.final.v) < 1e-6);
    });
  }
});

/** A raw SI value from the reference as a quantity of the parameter's unit. */
function si(value: number, name: string): Quantity {
  return new Quantity(value, UNITS[name].dim);
}
