import {
  amp,
  Cylinder,
  cm,
  defaultclock,
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
 * Brian's examples/compartmental/spike_initiation.py: a ball-and-stick neuron with simplified
 * Na and K channels in an initial segment 30–60 µm along the axon; current into the soma.
 */
export function spikeInitiationModel() {
  defaultclock.dt = ms(0.025);
  const morpho = new Soma(um(30));
  morpho.axon = new Cylinder({ diameter: um(1), length: um(300), n: 100 });
  const gL = siemens(1e-4).div(cm.pow(2));
  const namespace = {
    gL,
    EL: mV(-70),
    ENa: mV(50),
    ka: mV(6),
    ki: mV(6),
    va: mV(-30),
    vi: mV(-50),
    EK: mV(-90),
    vk: mV(-20),
    kk: mV(8),
  };
  const eqs = `
  Im = gL*(EL-v)+gNa*m*h*(ENa-v)+gK*n*(EK-v) : amp/meter**2
  dm/dt = (minf-m)/(0.3*ms) : 1 # simplified Na channel
  dh/dt = (hinf-h)/(3*ms) : 1 # inactivation
  dn/dt = (ninf-n)/(5*ms) : 1 # K+
  minf = 1/(1+exp((va-v)/ka)) : 1
  hinf = 1/(1+exp((v-vi)/ki)) : 1
  ninf = 1/(1+exp((vk-v)/kk)) : 1
  I : amp (point current)
  gNa : siemens/meter**2
  gK : siemens/meter**2
  `;
  const neuron = new SpatialNeuron(morpho, eqs, {
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    method: 'exponential_euler',
    namespace,
  });
  neuron.v = mV(-65);
  neuron.I = amp(0);
  neuron.axon.slice(um(30), um(60)).gNa = gL.mul(700);
  neuron.axon.slice(um(30), um(60)).gK = gL.mul(700);
  const mon = new StateMonitor(neuron, 'v', { record: true });
  run(ms(1));
  neuron.main.I = nA(0.15);
  run(ms(50));
  neuron.I = amp(0);
  run(ms(95), { report: 'text' });
  const record = [0, 20, 40, 60, 80];
  const traces = mon.traces_('v');
  return { t: mon.t_, record, v: record.map((k) => traces[k]) };
}
