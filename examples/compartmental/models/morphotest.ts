import {
  Cylinder,
  cm,
  mV,
  ohm,
  QuantityArray,
  Soma,
  SpatialNeuron,
  siemens,
  uF,
  um,
  volt,
} from '../../../src/node.ts';

/** Brian's examples/compartmental/morphotest.py: a morphology, and the variables of its parts. */
export function morphotestModel() {
  const morpho = new Soma(um(30));
  morpho.L = new Cylinder({ diameter: um(1), length: um(100), n: 5 });
  morpho.LL = new Cylinder({ diameter: um(1), length: um(20), n: 2 });
  morpho.R = new Cylinder({ diameter: um(1), length: um(100), n: 5 });
  const eqs = `
  Im = gL * (EL-v) : amp/meter**2
  `;
  const neuron = new SpatialNeuron(morpho, eqs, {
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    method: 'exponential_euler',
    namespace: { gL: siemens(1e-4).div(cm.pow(2)), EL: mV(-70) },
  });
  neuron.v = QuantityArray.from(
    Array.from({ length: 13 }, (_, k) => k),
    volt,
  );
  const views = [neuron.v, neuron.L.v, neuron.LL.v, neuron.L.main.v];
  return {
    topology: morpho.topology(),
    // As Brian prints a variable view.
    printed: views.map((v) => `<${v.group.name}.v: ${v.quantity.repr()}>`),
    values: views.map((v) => Float64Array.from(v.values)),
  };
}
