import {
  cm,
  mS,
  mV,
  type Namespace,
  NeuronGroup,
  restore,
  SpikeMonitor,
  store,
  uF,
} from '../../src/index.ts';

/**
 * Case study 3 of Stimberg, Brette & Goodman (eLife 2019): the voltage threshold of Hodgkin–Huxley
 * axons with different sodium densities, found by bisection over repeated runs from one stored
 * state. The model and the experiment, shared by examples/threshold-bisection.ts and the
 * playground.
 */
export const HH_AXON_EQUATIONS = `
dv/dt = (gl*(El - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v)) / C : volt
gNa : siemens/meter**2 (constant)
dm/dt = alpham*(1 - m) - betam*m : 1
dn/dt = alphan*(1 - n) - betan*n : 1
dh/dt = alphah*(1 - h) - betah*h : 1
alpham = (0.1/mV)*10*mV/exprel((-v + 25*mV)/(10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v + 30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV/exprel((-v + 10*mV)/(10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz
`;

export function hhAxonConstants() {
  return {
    El: mV(10.613),
    ENa: mV(115),
    EK: mV(-12),
    gl: mS(0.3).div(cm.pow(2)),
    gK: mS(36).div(cm.pow(2)),
    C: uF(1).div(cm.pow(2)),
    gNa_min: mS(15).div(cm.pow(2)),
    gNa_max: mS(100).div(cm.pow(2)),
  };
}

/** N axons at rest, gNa from gNa_min to gNa_max, and their spike monitor. */
export function buildAxons(N: number, equations: string, namespace: Namespace, method: string) {
  const neurons = new NeuronGroup(N, equations, { threshold: 'v > 50*mV', reset: '', method, namespace });
  neurons.gNa = 'gNa_min + (gNa_max - gNa_min)*1.0*i/N';
  neurons.v = mV(0);
  neurons.m = '1/(1 + betam/alpham)';
  neurons.n = '1/(1 + betan/alphan)';
  neurons.h = '1/(1 + betah/alphah)';
  const spikes = new SpikeMonitor(neurons);
  return { neurons, spikes };
}

/**
 * The bisection: stores the state of the network as it is (objects created since startScope()),
 * then each iteration restores it, depolarises each axon to its current
 * estimate and runs (`runOnce`); an axon that spiked lowers its estimate by the step, the others
 * raise it, and the step halves. Starts at 25 mV with a step of 25 mV. Returns the estimates
 * after each iteration (volts).
 */
export async function bisectThresholds(
  axons: ReturnType<typeof buildAxons>,
  iterations: number,
  runOnce: (iteration: number) => void | Promise<void>,
): Promise<Float64Array[]> {
  const { neurons, spikes } = axons;
  const N = neurons.N;
  const v0 = new Float64Array(N).fill(25e-3);
  let step = 25e-3;
  const history: Float64Array[] = [];
  store();
  for (let iteration = 0; iteration < iterations; iteration++) {
    restore();
    neurons.v = mV(v0.map((v) => v / 1e-3));
    await runOnce(iteration);
    const count = spikes.count;
    for (let k = 0; k < N; k++) v0[k] += count[k] === 0 ? step : -step;
    step /= 2;
    history.push(v0.slice());
  }
  return history;
}
