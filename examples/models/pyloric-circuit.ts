import {
  ms,
  mV,
  type Namespace,
  NeuronGroup,
  nA,
  nS,
  pF,
  type Quantity,
  Synapses,
  second,
  uS,
} from '../../src/index.ts';

/**
 * Case study 1 of Stimberg, Brette & Goodman (eLife 2019), the pyloric circuit (after Golowasch
 * et al. 1999): the model itself, shared by examples/pyloric.ts and the playground. Three neurons
 * AB/PD, LP and PY (`label` 0, 1, 2) with graded fast and slow synapses; rk2 at dt = 0.01 ms.
 */
export const ABPD = 0;
export const LP = 1;
export const PY = 2;

export const PYLORIC_EQUATIONS = `
dv/dt = (Delta_T*g*(-a*(v - v_T)**3 + b*(v - v_T)**2) + w - x - I_fast - I_slow)/C : volt
dw/dt = (c - d*(v - v_T)**2 - w)/tau : amp
dx/dt = (s*(v - v_r) - x)/tau_x : amp
s = S*(1 - tanh(z)) : siemens
g = G*(1 + tanh(z)) : siemens
dCa/dt = -Ca/tau_Ca : 1
dz/dt = tanh(Ca - Ca_target)/tau_z : 1
I_fast : amp
I_slow : amp
Ca_target : 1 (constant)
label : integer (constant)
`;

/**
 * The constants the paper defines as Python variables (JavaScript cannot look them up in the
 * caller's scope, so they are the objects' namespace).
 */
export function pyloricNamespace(): Record<string, Quantity> {
  const Delta_T = mV(17.5);
  return {
    Delta_T,
    v_T: mV(-40),
    tau: ms(2),
    tau_Ca: ms(150),
    tau_x: second(2),
    v_r: mV(-68),
    tau_z: second(5),
    a: Delta_T.pow(-3),
    b: Delta_T.pow(-2).mul(3),
    c: nA(1.2),
    d: nA(2.5).div(Delta_T.pow(2)),
    C: pF(60),
    S: nA(2).div(Delta_T),
    G: nS(28.5),
    // Synapses
    s_fast: mV(1).pow(-1).mul(0.2),
    V_fast: mV(-50),
    s_slow: mV(1).pow(-1),
    V_slow: mV(-55),
    E_syn: mV(-75),
    k_1: ms(1).pow(-1),
  };
}

/**
 * The circuit: `equations` for the three neurons (PYLORIC_EQUATIONS or an edited version),
 * `namespace` with the constants of pyloricNamespace(); initial w and z random as in the paper,
 * or the fixed values of the Brian reference (test/reference/pyloric.json).
 */
export function buildPyloricCircuit(equations: string, constants: Namespace, initial: 'random' | 'fixed') {
  const namespace = { ...constants, ABPD, LP, PY };
  const circuit = new NeuronGroup(3, equations, {
    threshold: 'v>-20*mV',
    refractory: 'v>-20*mV',
    reset: 'Ca += 0.1',
    method: 'rk2',
    namespace,
  });
  circuit.label = [ABPD, LP, PY];
  circuit.v = 'v_r';
  if (initial === 'fixed') {
    circuit.w = nA([-1, -2, -3]);
    circuit.z = [-0.05, 0, 0.05];
  } else {
    circuit.w = '-5*nA*rand()';
    circuit.z = 'rand()*0.2 - 0.1';
  }
  circuit.Ca_target = [0.048, 0.0384, 0.06];

  // Fast synapses: an instantaneous, graded function of the presynaptic potential.
  const eqs_fast = `
g_fast : siemens (constant)
I_fast_post = g_fast*(v_post - E_syn)/(1+exp(s_fast*(V_fast-v_pre))) : amp (summed)
`;
  const fast_synapses = new Synapses(circuit, circuit, { model: eqs_fast, namespace });
  fast_synapses.connect('label_pre != label_post and not (label_pre == PY and label_post == ABPD)');
  fast_synapses.g_fast['label_pre == ABPD and label_post == LP'] = uS(0.015);
  fast_synapses.g_fast['label_pre == ABPD and label_post == PY'] = uS(0.005);
  fast_synapses.g_fast['label_pre == LP and label_post == ABPD'] = uS(0.01);
  fast_synapses.g_fast['label_pre == LP and label_post == PY'] = uS(0.02);
  fast_synapses.g_fast['label_pre == PY and label_post == LP'] = uS(0.005);

  // Slow synapses: v_pre drives the activation m_slow, solved exactly at every step.
  const eqs_slow = `
k_2 : 1/second (constant)
g_slow : siemens (constant)
I_slow_post = g_slow*m_slow*(v_post-E_syn) : amp (summed)
dm_slow/dt = k_1*(1-m_slow)/(1+exp(s_slow*(V_slow-v_pre))) - k_2*m_slow : 1 (clock-driven)
`;
  const slow_synapses = new Synapses(circuit, circuit, { model: eqs_slow, method: 'exact', namespace });
  slow_synapses.connect('label_pre == ABPD and label_post != ABPD');
  slow_synapses.g_slow['label_post == LP'] = uS(0.025);
  slow_synapses.k_2['label_post == LP'] = ms(1).pow(-1).mul(0.03);
  slow_synapses.g_slow['label_post == PY'] = uS(0.015);
  slow_synapses.k_2['label_post == PY'] = ms(1).pow(-1).mul(0.008);
  return { circuit, fast_synapses, slow_synapses };
}
