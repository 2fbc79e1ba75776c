/**
 * The Traub–Miles HH neurons of COBAHH (Brian's examples/COBAHH.py, cobahh.py), shared by the
 * coupled model (cobahh.ts) and the neuron-only one (hh-uncoupled.ts).
 */
import { cm, mS, ms, mV, NeuronGroup, nS, siemens, uF, um } from '../../src/index.ts';
import { q } from './api.ts';

export const COBAHH_EQUATIONS = `
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
         (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
        (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
         (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
`;

/** The constants of cobahh.py (area 20000 µm², densities per cm²). */
export function cobahhNamespace() {
  const area = q(um.pow(2).mul(20000));
  const perArea = (x: ReturnType<typeof q>) => q(q(x.div(cm.pow(2))).mul(area));
  return {
    area,
    Cm: perArea(uF(1)),
    gl: perArea(q(siemens(5e-5))),
    El: mV(-60),
    EK: mV(-90),
    ENa: mV(50),
    g_na: perArea(mS(100)),
    g_kd: perArea(mS(30)),
    VT: mV(-63),
    taue: ms(5),
    taui: ms(10),
    Ee: mV(0),
    Ei: mV(-80),
    we: nS(6),
    wi: nS(67),
  };
}

/** N COBAHH neurons with the example's threshold, refractoriness and random initial state. */
export function cobahhNeurons(N: number, namespace: ReturnType<typeof cobahhNamespace>): NeuronGroup {
  return new NeuronGroup(N, COBAHH_EQUATIONS, {
    threshold: 'v>-20*mV',
    refractory: ms(3),
    method: 'exponential_euler',
    namespace,
  });
}

/** The initial state of cobahh.py (set after connect(), as there, so the random streams match in order). */
export function initialiseCobahh(P: NeuronGroup): void {
  P.v = 'El + (randn() * 5 - 5)*mV';
  P.ge = '(randn() * 1.5 + 4) * 10.*nS';
  P.gi = '(randn() * 12 + 20) * 10.*nS';
}
