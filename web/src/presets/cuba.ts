import { NeuronGroup, Synapses } from '../../../src/index.ts';
import { count, type Preset, populationPanels } from './preset.ts';

/** Brian's examples/CUBA.py (Vogels & Abbott 2005; Brette et al. 2007, benchmark 2), as examples/cuba.ts. */
export const cuba: Preset = {
  id: 'cuba',
  title: 'CUBA: current-based LIF network',
  description:
    '4000 leaky integrate-and-fire neurons, 80 % excitatory, with exponential current synapses (2 % connectivity).',
  equations: `dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt`,
  parameters: `N = 4000
taum = 20*ms
taue = 5*ms
taui = 10*ms
Vt = -50*mV
Vr = -60*mV
El = -49*mV
we = (60*0.27/10)*mV   # excitatory synaptic weight
wi = (-20*4.5/10)*mV   # inhibitory synaptic weight
p = 80/N               # connection probability
tau_ref = 5*ms`,
  duration: '1*second',
  seed: 1,
  build({ equations, parameters }) {
    const N = count(parameters, 'N');
    const P = new NeuronGroup(N, equations, {
      threshold: 'v>Vt',
      reset: 'v = Vr',
      refractory: 'tau_ref',
      method: 'exact',
      namespace: parameters,
    });
    P.v = 'Vr + rand() * (Vt - Vr)';
    const Ne = Math.round(0.8 * N);
    const Ce = new Synapses(P, P, { onPre: 'ge += we', namespace: parameters });
    const Ci = new Synapses(P, P, { onPre: 'gi += wi', namespace: parameters });
    Ce.connect({ condition: `i<${Ne}`, p: Number(parameters.p) });
    Ci.connect({ condition: `i>=${Ne}`, p: Number(parameters.p) });
    const shown = [0, 1, 2].filter((k) => k < N);
    return populationPanels(P, shown, 'v', 'mV');
  },
};
