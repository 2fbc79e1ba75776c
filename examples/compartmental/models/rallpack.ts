import {
  Cylinder,
  cm,
  defaultclock,
  type Morphology,
  metre,
  ms,
  msiemens,
  mV,
  nA,
  ohm,
  QuantityArray,
  run,
  SpatialNeuron,
  StateMonitor,
  siemens,
  uF,
  um,
  usecond,
} from '../../../src/node.ts';

/**
 * The Rallpack benchmarks (Bhalla, Bilitch & Bower 1992) as Brian's test_spatialneuron.py runs
 * them: 1, a uniform passive cable of 1 mm, 1000 compartments; 2, a passive binary tree of
 * depth 10 obeying Rall's 3/2 rule; 3, the cable with Hodgkin–Huxley channels. A current of
 * 0.1 nA is injected at the origin; v is recorded at the origin and at the far end (one of the
 * tree's leaves) every 0.05 ms (0.1 ms for Rallpack 2, as in Brian's test).
 */
export interface RallpackRun {
  readonly t: Float64Array;
  readonly origin: Float64Array;
  readonly end: Float64Array;
  /** All the leaves of Rallpack 2's tree (the same by symmetry). */
  readonly leaves?: readonly Float64Array[];
}

const perCm2 = cm.pow(2);
const PASSIVE = 'Im = gL*(EL - v) : amp/meter**2\nI : amp (point current, constant)';
const passiveNamespace = () => ({ gL: siemens(1.0 / 40000).div(perCm2), EL: mV(-65) });
const passive = { Cm: uF(1).div(perCm2), Ri: ohm(100).mul(cm) };

function record(neuron: SpatialNeuron, indices: number[], every: number): StateMonitor {
  neuron.I[0] = nA(0.1); // injecting at the origin
  return new StateMonitor(neuron, 'v', { record: indices, when: 'start', dt: ms(every) });
}

function finish(mon: StateMonitor): RallpackRun {
  const v = mon.traces_('v');
  return { t: mon.t_, origin: v[0], end: v[1], leaves: v.length > 2 ? v.slice(1) : undefined };
}

export function rallpack1(): RallpackRun {
  defaultclock.dt = ms(0.05);
  const morpho = new Cylinder({ diameter: um(1), length: metre(1e-3), n: 1000 });
  const neuron = new SpatialNeuron(morpho, PASSIVE, { ...passive, namespace: passiveNamespace() });
  neuron.v = mV(-65);
  const mon = record(neuron, [0, 999], 0.05);
  run(ms(250).add(defaultclock.dt));
  return finish(mon);
}

export function rallpack2(): RallpackRun {
  defaultclock.dt = ms(0.1);
  let diameter = 32e-6;
  let length = 16e-6;
  // Binary tree according to Rall's formula
  const morpho = new Cylinder({ n: 1, diameter: metre(diameter), y: QuantityArray.from([0, length], metre) });
  let endpoints: Morphology[] = [morpho];
  for (let depth = 1; depth < 10; depth++) {
    diameter /= 2.0 ** (1.0 / 3.0);
    length /= 2.0 ** (2.0 / 3.0);
    const next: Morphology[] = [];
    for (const endpoint of endpoints) {
      endpoint.L = new Cylinder({ n: 1, diameter: metre(diameter), length: metre(length) });
      endpoint.R = new Cylinder({ n: 1, diameter: metre(diameter), length: metre(length) });
      next.push(endpoint.L, endpoint.R);
    }
    endpoints = next;
  }
  const neuron = new SpatialNeuron(morpho, PASSIVE, {
    ...passive,
    method: 'rk4',
    namespace: passiveNamespace(),
  });
  neuron.v = mV(-65);
  const leaves = endpoints.map((e) => e.indexAt(0)).sort((a, b) => a - b);
  const mon = record(neuron, [0, ...leaves], 0.1);
  run(ms(250).add(defaultclock.dt));
  return finish(mon);
}

export const RALLPACK3_EQUATIONS = `
Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
dm/dt = alpham * (1-m) - betam * m : 1
dn/dt = alphan * (1-n) - betan * n : 1
dh/dt = alphah * (1-h) - betah * h : 1
v_shifted = v - El : volt
alpham = (0.1/mV) * (-v_shifted+25*mV) / (exp((-v_shifted+25*mV) / (10*mV)) - 1)/ms : Hz
betam = 4 * exp(-v_shifted/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v_shifted/(20*mV))/ms : Hz
betah = 1/(exp((-v_shifted+30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * (-v_shifted+10*mV) / (exp((-v_shifted+10*mV) / (10*mV)) - 1)/ms : Hz
betan = 0.125*exp(-v_shifted/(80*mV))/ms : Hz
I : amp (point current, constant)
`;

export function rallpack3(): RallpackRun {
  defaultclock.dt = usecond(1);
  const morpho = new Cylinder({ diameter: um(1), length: metre(1e-3), n: 1000 });
  const El = mV(-65);
  const axon = new SpatialNeuron(morpho, RALLPACK3_EQUATIONS, {
    ...passive,
    method: 'exponential_euler',
    namespace: {
      gl: siemens(1.0 / 40000).div(perCm2),
      El,
      ENa: mV(50),
      EK: mV(-77),
      gNa: msiemens(120).div(perCm2),
      gK: msiemens(36).div(perCm2),
    },
  });
  axon.v = El;
  // Pre-calculated equilibrium values at v = El
  axon.m = 0.0529324852572;
  axon.n = 0.317676914061;
  axon.h = 0.596120753508;
  const mon = record(axon, [0, 999], 0.05);
  run(ms(250).add(defaultclock.dt));
  return finish(mon);
}
