import { cm, mS, ms, mV, nS, type Quantity, siemens, uF, um } from '../../src/index.ts';

/**
 * The Traub–Miles Hodgkin–Huxley neuron of the COBAHH benchmark (Brian's examples/COBAHH.py),
 * shared by examples/cobahh.ts, the benchmarks (bench/models/cobahh-neurons.ts) and tests.
 */
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

/** The constants of COBAHH.py (area 20000 µm², densities per cm²) and its synaptic weights. */
export function cobahhNamespace() {
  const area = um.pow(2).mul(20000) as Quantity;
  const perArea = (x: Quantity) => x.div(cm.pow(2)).mul(area) as Quantity;
  return {
    area,
    Cm: perArea(uF(1)),
    gl: perArea(siemens(5e-5)),
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
