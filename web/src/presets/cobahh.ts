import { COBAHH_EQUATIONS } from '../../../examples/models/cobahh-equations.ts';
import { ms, NeuronGroup, Synapses } from '../../../src/index.ts';
import { count, type Preset, populationPanels } from './preset.ts';

/**
 * Brian's examples/COBAHH.py (Brette et al. 2007, benchmark 3), as examples/cobahh.ts; 0.2 s by
 * default (the example runs 1 s), as the busiest of the presets for a browser.
 */
export const cobahh: Preset = {
  id: 'cobahh',
  title: 'COBAHH: conductance-based Hodgkin–Huxley network',
  description:
    'Traub–Miles Hodgkin–Huxley neurons with exponential conductance synapses, integrated with exponential Euler.',
  equations: COBAHH_EQUATIONS.trim(),
  parameters: `N = 4000
area = 20000*umetre**2
Cm = 1*ufarad*cm**-2 * area
gl = 5e-5*siemens*cm**-2 * area
El = -60*mV
EK = -90*mV
ENa = 50*mV
g_na = 100*msiemens*cm**-2 * area
g_kd = 30*msiemens*cm**-2 * area
VT = -63*mV
taue = 5*ms
taui = 10*ms
Ee = 0*mV
Ei = -80*mV
we = 6*nS    # excitatory synaptic weight
wi = 67*nS   # inhibitory synaptic weight
p = 80/N     # connection probability`,
  duration: '0.2*second',
  seed: 1,
  build({ equations, parameters }) {
    const N = count(parameters, 'N');
    const P = new NeuronGroup(N, equations, {
      threshold: 'v>-20*mV',
      refractory: ms(3),
      method: 'exponential_euler',
      namespace: parameters,
    });
    const Ne = Math.round(0.8 * N);
    const Ce = new Synapses(P.slice(0, Ne), P, { onPre: 'ge+=we', namespace: parameters });
    const Ci = new Synapses(P.slice(Ne, N), P, { onPre: 'gi+=wi', namespace: parameters });
    Ce.connect({ p: Number(parameters.p) });
    Ci.connect({ p: Number(parameters.p) });
    P.v = 'El + (randn() * 5 - 5)*mV';
    P.ge = '(randn() * 1.5 + 4) * 10.*nS';
    P.gi = '(randn() * 12 + 20) * 10.*nS';
    const shown = [1, 10, 100].filter((k) => k < N);
    return populationPanels(P, shown, 'v', 'mV');
  },
};
