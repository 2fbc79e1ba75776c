import {
  amp,
  Cylinder,
  cm,
  ms,
  mV,
  nA,
  ohm,
  run,
  Soma,
  SpatialNeuron,
  StateMonitor,
  siemens,
  uF,
  um,
} from '../../../src/node.ts';

/**
 * Brian's examples/compartmental/bipolar_cell.py: a pseudo-MSO neuron (soma, two dendrites, an
 * axon; schematic geometry), a current pulse into the left dendrite.
 */
export function bipolarCellModel() {
  const morpho = new Soma(um(30));
  morpho.axon = new Cylinder({ diameter: um(1), length: um(300), n: 100 });
  morpho.L = new Cylinder({ diameter: um(1), length: um(100), n: 50 });
  morpho.R = new Cylinder({ diameter: um(1), length: um(150), n: 50 });
  const gL = siemens(1e-4).div(cm.pow(2));
  const EL = mV(-70);
  const eqs = `
  Im = gL * (EL - v) : amp/meter**2
  I : amp (point current)
  `;
  const neuron = new SpatialNeuron(morpho, eqs, {
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    method: 'exponential_euler',
    namespace: { gL, EL },
  });
  neuron.v = EL;
  neuron.I = amp(0);
  const L50 = morpho.L.indexAt(um(50));
  const R75 = morpho.R.indexAt(um(75));
  const monSoma = new StateMonitor(neuron, 'v', { record: [0] });
  const monL = new StateMonitor(neuron.L, 'v', { record: true });
  const monR = new StateMonitor(neuron, 'v', { record: R75 });
  run(ms(1));
  neuron.I[L50] = nA(0.2); // injecting in the left dendrite
  run(ms(5));
  neuron.I = amp(0);
  run(ms(50), { report: 'text' });
  // A StateMonitor of a subgroup records its elements by their number in it.
  const start = neuron.L.start;
  const dendrite = Array.from({ length: 10 }, (_, k) => {
    const index = morpho.L.indexAt(um(10 * k));
    return { x: 10 * k, v: monL.at(index - start).v.values };
  });
  return {
    t: monL.t_,
    soma: monSoma.at(0).v.values,
    L50: monL.at(L50 - start).v.values,
    R75: monR.at(R75).v.values,
    L50Index: L50,
    R75Index: R75,
    dendrite,
  };
}
