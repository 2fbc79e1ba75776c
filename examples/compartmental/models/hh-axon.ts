import { amp, cm, msiemens, mV, ohm, type SpatialNeuron, uF } from '../../../src/node.ts';

/**
 * The squid giant axon of Brian's compartmental HH examples (hh_with_spikes.py, lfp.py,
 * hodgkin_huxley_1952.py): Hodgkin & Huxley's 1952 channels with voltages relative to rest.
 */
export const HH_AXON_EQUATIONS = `
# The same equations for the whole neuron, but possibly different parameter values
# distributed transmembrane current
Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
I : amp (point current) # applied current
dm/dt = alpham * (1-m) - betam * m : 1
dn/dt = alphan * (1-n) - betan * n : 1
dh/dt = alphah * (1-h) - betah * h : 1
alpham = (0.1/mV) * 10*mV/exprel((-v+25*mV)/(10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v+30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV/exprel((-v+10*mV)/(10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz
gNa : siemens/meter**2
`;

/** Reversal potentials and conductances (gNa0: the sodium conductance density to set gNa to). */
export function hhAxonNamespace() {
  return {
    El: mV(10.613),
    ENa: mV(115),
    EK: mV(-12),
    gl: msiemens(0.3).div(cm.pow(2)),
    gNa0: msiemens(120).div(cm.pow(2)),
    gK: msiemens(36).div(cm.pow(2)),
  };
}

/** The axon's cable: 1 µF/cm², 35.4 Ω·cm, channels by exponential Euler (Brian's examples). */
export function hhAxonCable() {
  return { Cm: uF(1).div(cm.pow(2)), Ri: ohm(35.4).mul(cm), method: 'exponential_euler' } as const;
}

/** Every compartment at rest (v = 0, voltages being relative to rest), no current, full sodium. */
export function setHhAxonAtRest(neuron: SpatialNeuron, namespace: ReturnType<typeof hhAxonNamespace>): void {
  neuron.v = mV(0);
  neuron.h = 1;
  neuron.m = 0;
  neuron.n = 0.5;
  neuron.I = amp(0);
  neuron.gNa = namespace.gNa0;
}
