import {
  Cylinder,
  cm,
  defaultclock,
  ms,
  mV,
  nA,
  ohm,
  run,
  SpatialNeuron,
  siemens,
  uF,
  um,
} from '../../../src/node.ts';

/**
 * Brian's examples/compartmental/cylinder.py: a short passive cylinder with constant current
 * injected at one end, against cable theory (v(x) = EL + ra I cosh((L-x)/λ)/sinh(L/λ)).
 */
export function cylinderModel() {
  defaultclock.dt = ms(0.01);
  const diameter = um(1);
  const length = um(300);
  const Cm = uF(1).div(cm.pow(2));
  const Ri = ohm(150).mul(cm);
  const N = 200;
  const morpho = new Cylinder({ diameter, length, n: N });
  const gL = siemens(1e-4).div(cm.pow(2));
  const EL = mV(-70);
  const eqs = `
  Im = gL * (EL - v) : amp/meter**2
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
  // Brian prints it before the run; read after it, it also works on cpp_standalone.
  const la = neuron.space_constant.at(0);
  const printed = [`Electrotonic length: ${la}`];
  const distance: Float64Array = neuron.distance.values;
  const ra = (la.value * 4 * Ri.value) / (Math.PI * diameter.value ** 2);
  const I0 = neuron.I.values[0];
  const theory = distance.map(
    (x) =>
      EL.value + (ra * I0 * Math.cosh((length.value - x) / la.value)) / Math.sinh(length.value / la.value),
  );
  return { printed, spaceConstant: la, distance, v: Float64Array.from(neuron.v.values), theory };
}
