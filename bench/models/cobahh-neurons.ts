/**
 * The Traub–Miles HH neurons of COBAHH (Brian's examples/COBAHH.py, cobahh.py), shared by the
 * coupled model (cobahh.ts) and the neuron-only one (hh-uncoupled.ts).
 */

import { COBAHH_EQUATIONS, cobahhNamespace } from '../../examples/models/cobahh-equations.ts';
import { ms, NeuronGroup } from '../../src/node.ts';

export { COBAHH_EQUATIONS, cobahhNamespace };

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
