import {
  Cylinder,
  cm,
  defaultclock,
  metre,
  ms,
  mV,
  nA,
  ohm,
  run,
  SpatialNeuron,
  type SpatialSubgroup,
  siemens,
  uF,
  um,
} from '../../../src/node.ts';

/**
 * Brian's examples/compartmental/rall.py: a cylinder with two branches whose diameters follow
 * Rall's 3/2 rule, so that the tree is equivalent to one cylinder (theory: cosh profile).
 */
export function rallModel() {
  defaultclock.dt = ms(0.01);
  const gL = siemens(1e-4).div(cm.pow(2));
  const EL = mV(-70);
  const diameter = um(1);
  const length = um(300);
  const Cm = uF(1).div(cm.pow(2));
  const Ri = ohm(150).mul(cm);
  const N = 500;
  // space length λ = sqrt(rm/ra), rm = 1/(gL π d) membrane, ra = 4 Ri/(π d²) axial resistance per length
  const lambda = (d: number) =>
    Math.sqrt(1 / (gL.value * Math.PI * d) / ((4 * Ri.value) / (Math.PI * d ** 2)));
  const la = lambda(diameter.value);
  const morpho = new Cylinder({ diameter, length, n: N });
  const d1 = um(0.5);
  const L1 = um(200);
  const l1 = lambda(d1.value);
  morpho.L = new Cylinder({ diameter: d1, length: L1, n: N });
  const d2 = (diameter.value ** 1.5 - d1.value ** 1.5) ** (1 / 1.5);
  const l2 = lambda(d2);
  const L2 = (L1.value / l1) * l2;
  morpho.R = new Cylinder({ diameter: metre(d2), length: metre(L2), n: N });
  const eqs = `
  Im = gL * (EL-v) : amp/meter**2
  I : amp (point current)
  `;
  const neuron = new SpatialNeuron(morpho, eqs, {
    Cm,
    Ri,
    method: 'exponential_euler',
    namespace: { gL, EL },
  });
  neuron.v = EL;
  neuron.I[0] = nA(0.02); // injecting at the left end
  run(ms(100), { report: 'text' });
  const part = (g: SpatialSubgroup) => ({
    distance: Float64Array.from(g.distance.values as Float64Array),
    v: Float64Array.from(g.v.values as Float64Array),
  });
  const main = part(neuron.main);
  const L = part(neuron.L);
  const R = part(neuron.R);
  // Theory
  const ra = (la * 4 * Ri.value) / (Math.PI * diameter.value ** 2);
  const l = length.value / la + L1.value / l1;
  const I = neuron.I.values[0];
  const end = main.distance[N - 1];
  const profile = (arg: (x: number) => number) => (x: number) =>
    EL.value + (ra * I * Math.cosh(arg(x))) / Math.sinh(l);
  const theory = {
    main: main.distance.map(profile((x) => l - x / la)),
    L: L.distance.map(profile((x) => l - end / la - (x - end) / l1)),
    R: R.distance.map(profile((x) => l - end / la - (x - end) / l2)),
  };
  return { la, l1, l2, L2, main, L, R, theory };
}
