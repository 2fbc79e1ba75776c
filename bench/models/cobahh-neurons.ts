/**
 * The Traub–Miles HH neurons of COBAHH (Brian's examples/COBAHH.py, cobahh.py), shared by the
 * coupled model (cobahh.ts) and the neuron-only one (hh-uncoupled.ts).
 */

import { COBAHH_EQUATIONS } from '../../examples/models/cobahh-equations.ts';
import { cm, mS, ms, mV, NeuronGroup, nS, siemens, uF, um } from '../../src/index.ts';
import { q } from './api.ts';

export { COBAHH_EQUATIONS };

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
