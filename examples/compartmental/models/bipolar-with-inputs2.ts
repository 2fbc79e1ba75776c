import {
  Cylinder,
  cm,
  ms,
  mV,
  NeuronGroup,
  nS,
  ohm,
  run,
  Soma,
  SpatialNeuron,
  StateMonitor,
  Synapses,
  siemens,
  uF,
  um,
} from '../../../src/node.ts';

/**
 * Brian's examples/compartmental/bipolar_with_inputs2.py: a pseudo-MSO neuron (soma, two
 * dendrites), each dendrite's last compartment receiving a conductance-based synapse from a
 * regular spiker; the synaptic current is a point current (`Is`).
 */
export function bipolarWithInputs2Model() {
  const morpho = new Soma(um(30));
  morpho.L = new Cylinder({ diameter: um(1), length: um(100), n: 50 });
  morpho.R = new Cylinder({ diameter: um(1), length: um(100), n: 50 });
  const namespace = {
    gL: siemens(1e-4).div(cm.pow(2)),
    EL: mV(-70),
    Es: mV(0),
    taus: ms(1),
    w: nS(20),
  };
  const eqs = `
  Im = gL*(EL-v) : amp/meter**2
  Is = gs*(Es-v) : amp (point current)
  dgs/dt = -gs/taus : siemens
  `;
  const neuron = new SpatialNeuron(morpho, eqs, {
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    method: 'exponential_euler',
    namespace,
  });
  neuron.v = namespace.EL;
  // Regular inputs, asynchronous
  const stimulation = new NeuronGroup(2, 'dx/dt = 300*Hz : 1', {
    threshold: 'x>1',
    reset: 'x=0',
    method: 'euler',
  });
  stimulation.x = [0, 0.5];
  const S = new Synapses(stimulation, neuron, { onPre: 'gs += w', namespace });
  // A morphology's compartments as targets (Brian's `j=morpho.L[99.9*um]`).
  S.connect({ i: 0, j: morpho.L.at(um(99.9)) });
  S.connect({ i: 1, j: morpho.R.at(um(99.9)) });
  const LEnd = morpho.L.indexAt(um(99.9));
  const REnd = morpho.R.indexAt(um(99.9));
  const monSoma = new StateMonitor(neuron, 'v', { record: [0] });
  const monL = new StateMonitor(neuron.L, 'v', { record: true });
  const monR = new StateMonitor(neuron, 'v', { record: REnd });
  run(ms(50), { report: 'text' });
  // A StateMonitor of a subgroup records its elements by their number in it.
  const start = neuron.L.start;
  return {
    t: monL.t_,
    soma: monSoma.at(0).v.values,
    LEnd: monL.at(LEnd - start).v.values,
    REnd: monR.at(REnd).v.values,
    LEndIndex: LEnd,
    REndIndex: REnd,
    synapseJ: Array.from(S.j_ as ArrayLike<number>),
    LAlong: Array.from({ length: 10 }, (_, k) => monL.at(5 * k).v.values as Float64Array),
  };
}
