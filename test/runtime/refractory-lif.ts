import { ms, mV, NeuronGroup } from '../../src/index.ts';

/**
 * `n` leaky integrate-and-fire neurons with an input current and a refractory period of
 * 2.35 ms (not a whole number of steps, so the refractoriness test is decided near a step
 * boundary), started at random: the model of the refractory-kernel and SIMD tests.
 */
export function refractoryLif(n: number): NeuronGroup {
  const group = new NeuronGroup(
    n,
    `dv/dt = (ge + (El - v))/taum : volt (unless refractory)
     dge/dt = -ge/taue : volt`,
    {
      threshold: 'v > -50*mV',
      reset: 'v = -60*mV',
      refractory: ms(2.35),
      method: 'exact',
      namespace: { El: mV(-45), taum: ms(20), taue: ms(5) },
    },
  );
  group.v = '-60*mV + rand() * 10*mV';
  group.ge = '2*mV * rand()';
  return group;
}
