import { COBAHH_EQUATIONS, cobahhNamespace } from '../../examples/models/cobahh-equations.ts';
import { ms, NeuronGroup } from '../../src/index.ts';

/**
 * `n` COBAHH (Hodgkin–Huxley) neurons with CUBA's random start, threshold and refractoriness,
 * without synapses: the large state update (ten exp() per neuron) of the SIMD tests.
 */
export function cobahhGroup(n: number): NeuronGroup {
  const group = new NeuronGroup(n, COBAHH_EQUATIONS, {
    threshold: 'v>-20*mV',
    refractory: ms(3),
    method: 'exponential_euler',
    namespace: cobahhNamespace(),
  });
  group.v = 'El + (randn() * 5 - 5)*mV';
  group.ge = '(randn() * 1.5 + 4) * 10.*nS';
  group.gi = '(randn() * 12 + 20) * 10.*nS';
  return group;
}
