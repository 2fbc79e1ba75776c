/**
 * Brian's examples/frompapers/Touboul_Brette_2008.py (chaos in the AdEx model, Fig. 8B) against
 * Brian 2.5.1 (test/reference/example_touboul_brette_2008.json): 200 AdEx neurons, `euler` at
 * dt = 0.01 ms, the reset value Vr as bifurcation parameter (`linspace(-48.3*mV, -47.7*mV, N)`), a
 * first run whose spikes are discarded, then a StateMonitor of w (all neurons, when='start') and a
 * SpikeMonitor, and the example's result: w at each spike, `states.w[spikes.i, (spikes.t - init_time)/dt]`.
 * Both runs shortened (3 s → 100 ms, 1 s → 100 ms). Deterministic: spikes step for step, the
 * plotted (Vr, w) points, states and sampled traces to a tight tolerance. Magic `run()`, as the example.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultclock,
  ms,
  mV,
  NeuronGroup,
  nA,
  nS,
  pF,
  QuantityArray,
  run,
  SpikeMonitor,
  StateMonitor,
  startScope,
  volt,
} from '../../src/index.ts';
import { stepOf } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_touboul_brette_2008');
const r = ref.recorded;

/** numpy's linspace(start, stop, num): k*step + start, the last value exactly stop. */
function linspace(start: number, stop: number, num: number): Float64Array {
  const step = (stop - start) / (num - 1);
  const out = Float64Array.from({ length: num }, (_, k) => k * step + start);
  out[num - 1] = stop;
  return out;
}

test('Touboul_Brette_2008: spikes, w at spikes (the bifurcation diagram) and traces match Brian 2.5.1', () => {
  const dt = defaultclock.dt;
  try {
    startScope();
    defaultclock.dt = ms(0.01);
    const C = pF(281);
    const gL = nS(30);
    const EL = mV(-70.6);
    const VT = mV(-50.4);
    const DeltaT = mV(2);
    const tauw = ms(40);
    const a = nS(4);
    const b = nA(0.08);
    const I = nA(0.8);
    const Vcut = VT.add(DeltaT.mul(5)); // practical threshold condition
    const N = 200;
    const namespace = { C, gL, EL, VT, DeltaT, tauw, a, b, I, Vcut };
    const eqs = `
dvm/dt=(gL*(EL-vm)+gL*DeltaT*exp((vm-VT)/DeltaT)+I-w)/C : volt
dw/dt=(a*(vm-EL)-w)/tauw : amp
Vr:volt
`;
    const neuron = new NeuronGroup(N, eqs, {
      threshold: 'vm > Vcut',
      reset: 'vm = Vr; w += b',
      method: 'euler',
      namespace,
    });
    neuron.vm = EL;
    neuron.w = neuron.vm.sub(EL).mul(a);
    neuron.Vr = new QuantityArray(linspace(mV(-48.3).value, mV(-47.7).value, N), volt.dim); // bifurcation parameter

    const initTime = ms(100);
    run(initTime); // we discard the first spikes
    const afterInit = { vm: Float64Array.from(neuron.vm_), w: Float64Array.from(neuron.w_) };

    const states = new StateMonitor(neuron, 'w', { record: true, when: 'start' });
    const spikes = new SpikeMonitor(neuron);
    const samples = new StateMonitor(neuron, ['vm', 'w'], { record: r.samples.record, dt: ms(0.1) });
    run(ms(100));

    // Get the values of Vr and w for each spike
    const step = ref.model.dt;
    const spikeVr = Array.from(spikes.i, (i) => neuron.Vr_[i]);
    const w = states.w_ as Float64Array[];
    const spikeW = Array.from(spikes.i, (i, k) => w[i][Math.trunc((spikes.t_[k] - initTime.value) / step)]);

    for (const [name, value] of Object.entries(ref.model.namespace)) {
      assertClose([namespace[name as keyof typeof namespace].value], [value as number], 1e-15, name, 1e-30);
    }
    assert.deepEqual(Array.from(neuron.Vr_), r.Vr, 'Vr (linspace) bit for bit');
    // Tolerance 1e-12 everywhere (measured, both passes: vm 3.1e-14, w 6.1e-15, traces 8.4e-16):
    // the same Euler steps; exp() may differ by an ulp, and the upswing of the exponential before
    // a spike amplifies that a little. Floors: 1 µV for vm, 1 fA for w (both far from 0 here).
    assertClose(afterInit.vm, r.after_init.vm, 1e-12, 'vm after the first run', 1e-6);
    assertClose(afterInit.w, r.after_init.w, 1e-12, 'w after the first run', 1e-15);
    assert.equal(w[0].length, r.states_steps);
    assertClose([states.t_[0]], [r.states_t0], 1e-15, 'first recorded t');
    assert.deepEqual(Array.from(spikes.count), r.spike_count);
    assert.deepEqual(Array.from(spikes.i), r.spike_i);
    assert.deepEqual(
      Array.from(spikes.t_, (t) => stepOf(t, step)),
      r.spike_t.map((t: number) => stepOf(t, step)),
    );
    assert.deepEqual(spikeVr, r.spike_Vr);
    assert.ok(spikeW.length > 1000, 'the reference has spikes');
    assertClose(spikeW, r.spike_w, 1e-12, 'w at the spikes', 1e-15);
    assertClose(neuron.vm_, r.final.vm, 1e-12, 'final vm', 1e-6);
    assertClose(neuron.w_, r.final.w, 1e-12, 'final w', 1e-15);
    assertClose(samples.t_, r.samples.t, 1e-15, 'samples t');
    for (const x of ['vm', 'w']) {
      for (const [k, trace] of (r.samples[x] as number[][]).entries()) {
        assertClose(samples.traces_(x)[k], trace, 1e-12, `${x}[${r.samples.record[k]}] every 0.1 ms`, 1e-15);
      }
    }
  } finally {
    defaultclock.dt = dt;
  }
});
