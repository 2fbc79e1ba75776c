import { buildPyloricCircuit, PYLORIC_EQUATIONS } from '../../../examples/models/pyloric-circuit.ts';
import { defaultclock, ms, SpikeMonitor, StateMonitor } from '../../../src/index.ts';
import type { Preset } from './preset.ts';

/** Case study 1 of the Brian 2 paper (examples/pyloric.ts): the first seconds of the rhythm. */
export const pyloric: Preset = {
  id: 'pyloric',
  title: 'Case study 1: pyloric circuit',
  description:
    'AB/PD, LP and PY neurons with graded synapses settle into a triphasic rhythm (rk2, dt = 0.01 ms; the paper adapts for 49 s more).',
  equations: PYLORIC_EQUATIONS.trim(),
  parameters: `Delta_T = 17.5*mV
v_T = -40*mV
tau = 2*ms
tau_Ca = 150*ms
tau_x = 2*second
v_r = -68*mV
tau_z = 5*second
a = Delta_T**-3
b = 3*Delta_T**-2
c = 1.2*nA
d = 2.5*nA/Delta_T**2
C = 60*pF
S = 2*nA/Delta_T
G = 28.5*nS
# synapses
s_fast = 0.2/mV
V_fast = -50*mV
s_slow = 1/mV
V_slow = -55*mV
E_syn = -75*mV
k_1 = 1/ms`,
  duration: '4*second',
  seed: 1,
  build({ equations, parameters }) {
    defaultclock.dt = ms(0.01);
    const { circuit } = buildPyloricCircuit(equations, parameters, 'random');
    const names = ['AB/PD', 'LP', 'PY'];
    return {
      spikes: { monitor: new SpikeMonitor(circuit), size: 3, label: 'Spikes (0 AB/PD, 1 LP, 2 PY)' },
      traces: {
        monitor: new StateMonitor(circuit, 'v', { record: true, dt: ms(0.1) }),
        series: names.map((name, element) => ({ name, variable: 'v', element })),
        unit: 'mV',
        label: 'v',
      },
    };
  },
};
