import {
  amp,
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
  StateMonitor,
  siemens,
  uF,
  um,
} from '../../../src/node.ts';

/**
 * Brian's examples/compartmental/infinite_cable.py: a long passive cable, a 0.02 ms current
 * pulse in the middle, v at every 20th compartment of the first half against the Green function
 * of an infinite cable.
 */
export function infiniteCableModel(duration = ms(10)) {
  defaultclock.dt = ms(0.001);
  const diameter = um(1);
  const Cm = uF(1).div(cm.pow(2));
  const Ri = ohm(100).mul(cm);
  const N = 500;
  const morpho = new Cylinder({ diameter, length: metre(3e-3), n: N });
  const gL = siemens(1e-4).div(cm.pow(2));
  const EL = mV(-70);
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
  const taum = Cm.div(gL); // membrane time constant
  const record = Array.from({ length: Math.ceil(N / 2 / 20) }, (_, k) => 20 * k);
  const mon = new StateMonitor(neuron, 'v', { record });
  neuron.I[Math.floor(neuron.N / 2)] = nA(1); // injecting in the middle
  run(ms(0.02));
  neuron.I = amp(0);
  run(duration, { report: 'text' });
  const la = neuron.space_constant.at(0);
  const printed = [`Time constant: ${taum}`, `Characteristic length: ${la}`];
  const t = mon.t_;
  const dt = defaultclock.dt_;
  // Theory (incorrect near cable ends)
  const theory = record.map((i) => {
    const x = (N / 2 - i) * morpho.length.values[0];
    return t.map((tk) => {
      const s = tk + dt;
      const g =
        (1 / (la.value * Cm.value * Math.PI * diameter.value)) *
        Math.sqrt(taum.value / (4 * Math.PI * s)) *
        Math.exp(-s / taum.value - (taum.value / (4 * s)) * (x / la.value) ** 2);
      return EL.value + g * 1e-9 * 0.02e-3;
    });
  });
  return { printed, record, t, v: mon.traces_('v'), theory };
}
