/**
 * Brian's examples/coupled_oscillators.py (Kuramoto model) against Brian 2.5.1
 * (test/reference/example_coupled_oscillators.json): 100 oscillators coupled all-to-all through a
 * summed variable `coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)`, `euler`, dt = 1 ms, one
 * simulation per coupling strength K = 0, 1, 2, 4 /s, each a new magic `run()` from t = 0, as in the
 * example. Shortened from 10 s to 1.5 s per K. The random initial phases and frequencies (`rand()`,
 * `randn()` in a `clip(…, 0, inf)`) are drawn by brian-ts too (checked for range) and then replaced
 * by the values Brian drew (from the reference), so the runs are deterministic and compared step by
 * step: Theta of four oscillators, and the order parameter (coherence r, mean phase phi) over all 100.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultclock,
  Hz,
  magicNetwork,
  ms,
  NeuronGroup,
  run,
  StateMonitor,
  Synapses,
  second,
  seed,
  startScope,
  timestep,
} from '../../src/index.ts';
import { si } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_coupled_oscillators');
const N = 100;

/** The example's calc_coherence_and_phase at every step: r and phi from all oscillators' phases. */
function orderParameter(Theta: Float64Array[]) {
  const steps = Theta[0].length;
  const r = new Float64Array(steps);
  const phi = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    let x = 0;
    let y = 0;
    for (const trace of Theta) {
      x += Math.cos(trace[s]);
      y += Math.sin(trace[s]);
    }
    phi[s] = Math.atan2(y, x);
    r[s] = Math.sqrt(x ** 2 + y ** 2) / N;
  }
  return { r, phi };
}

function runSim(K: number) {
  startScope();
  seed(214040893);
  const eqs = `
    dTheta/dt = omega + K/N*coupling : radian
    omega : radian/second (constant) # intrinsic frequency
    coupling : 1
    `;
  const namespace = { K: Hz(K), N };
  const oscillators = new NeuronGroup(N, eqs, { method: 'euler', namespace });
  oscillators.Theta = 'rand()*2*pi'; // random initial phase
  oscillators.omega = 'clip(0.5 + randn()*0.5, 0, inf)*radian/second'; // 𝒩(0.5, 0.5)
  // brian-ts's own draws (Threefry, not numpy's): phases in [0, 2π), frequencies clipped at 0
  // (about 16 of 100 below 0 before clipping; 3–35 is ±5 binomial standard deviations).
  const theta0 = oscillators.Theta_ as Float64Array;
  assert.ok(theta0.every((x) => x >= 0 && x < 2 * Math.PI) && new Set(theta0).size === N, 'rand()*2*pi');
  const omega0 = oscillators.omega_ as Float64Array;
  const zeros = omega0.filter((x) => x === 0).length;
  assert.ok(omega0.every((x) => x >= 0) && zeros >= 3 && zeros <= 35, `clip(…, 0, inf): ${zeros} zeros`);
  // Brian's draws, so that both simulate the same oscillators.
  oscillators.Theta = Float64Array.from(ref.model.initial.Theta);
  oscillators.omega = si(ref.model.initial.omega, Hz);

  const connections = new Synapses(oscillators, oscillators, {
    model: 'coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)',
    namespace,
  });
  connections.connect(); // all-to-all
  const mon = new StateMonitor(oscillators, 'Theta', { record: true });
  run(ms(1500));
  return { mon, oscillators, connections };
}

test('coupled_oscillators: Theta and the order parameter match Brian 2.5.1 for K = 0, 1, 2, 4 /s', () => {
  const dt = defaultclock.dt;
  defaultclock.dt = ms(1);
  try {
    assert.deepEqual(ref.model.K_values, [0, 1, 2, 4]);
    assert.equal(ref.model.duration, second(1.5).value);
    for (const [k, K] of (ref.model.K_values as number[]).entries()) {
      const b = ref.recorded.runs[k];
      const { mon, oscillators, connections } = runSim(K);
      const what = `K = ${K}`;
      assert.equal(connections.N, b.n_synapses);
      // Each simulation starts again at t = 0 (a new magic network).
      assertClose(mon.t_, b.t, 1e-12, `${what}: t`);
      const Theta = mon.Theta_ as Float64Array[];
      for (const [s, index] of (ref.recorded.subset as number[]).entries()) {
        assertClose(Theta[index], b.Theta_subset[s], 1e-12, `${what}: Theta[${index}]`);
      }
      assertClose(oscillators.Theta_, b.Theta_final, 1e-12, `${what}: final Theta`);
      // Measured: Theta within 2e-15 (the same Euler steps; the sums of 100 sines differ by an ulp
      // at most, from sin()), coupling 3e-13 (a sum of 100 terms of either sign: absolute floor
      // 0.01), r 1.2e-15, phi 1.4e-12 (phi crosses 0: absolute floor 0.001 rad).
      assertClose(oscillators.coupling_, b.coupling_final, 1e-12, `${what}: final coupling`, 1e-2);
      const { r, phi } = orderParameter(Theta);
      assertClose(r, b.r, 1e-12, `${what}: coherence r`);
      assertClose(phi, b.phi, 1e-12, `${what}: mean phase phi`, 1e-3);
    }
    // The example's animation: int(magic_network.t/frame_delay) frames, frame k showing step
    // timestep(frame_delay*k, defaultclock.dt) of the recording.
    assert.equal(magicNetwork.t.value, ref.recorded.magic_network_t);
    const frameDelay = ms(40);
    const frames = Math.trunc(magicNetwork.t.div(frameDelay).value);
    const frameSteps = Array.from({ length: frames }, (_, k) => timestep(frameDelay.mul(k), defaultclock.dt));
    assert.deepEqual(frameSteps, ref.recorded.frame_steps);
    // The example's point: coherence grows with the coupling strength.
    const finalR = (ref.recorded.runs as { r: number[] }[]).map((b) => b.r.at(-1) as number);
    assert.ok(finalR[0] < 0.2 && finalR[3] > 0.9, `final coherence ${finalR}`);
    assert.ok(
      finalR.every((x, k) => k === 0 || x > finalR[k - 1]),
      `final coherence ${finalR}`,
    );
  } finally {
    defaultclock.dt = dt;
  }
});
