/** The model of the streaming tests: five LIF neurons with different drives, deterministic. */
import { NeuronGroup } from '../../src/node.ts';

export function streamedModel(): NeuronGroup {
  const G = new NeuronGroup(5, 'dv/dt = (drive - v)/(10*ms) : volt\ndrive : volt (constant)', {
    threshold: 'v > 10*mV',
    reset: 'v = 0*mV',
    method: 'exact',
  });
  G.drive = 'i*5*mV + 8*mV';
  return G;
}
