import { NeuronGroup, SpikeMonitor, StateMonitor } from '../../../src/index.ts';
import { count, neuronSeries, type Preset } from './preset.ts';

/**
 * Brian's tutorial 1 ("Introduction to Brian part 1: Neurons"), its section "Parameters": N
 * neurons driven towards v0 = i·v0_max/(N−1); those with v0 > 1 fire regularly, faster the
 * larger v0, the others settle below threshold.
 */
export const tutorial: Preset = {
  id: 'tutorial',
  title: "Brian's tutorial 1: a population of LIF neurons",
  description:
    'Each neuron relaxes towards its own v0; with v0 above the threshold 1 it fires regularly, with refractoriness.',
  equations: `dv/dt = (v0 - v)/tau : 1 (unless refractory)
v0 : 1`,
  parameters: `N = 100
tau = 10*ms
v0_max = 3
tau_ref = 5*ms`,
  duration: '1*second',
  seed: 1,
  build({ equations, parameters }) {
    const N = count(parameters, 'N');
    const G = new NeuronGroup(N, equations, {
      threshold: 'v > 1',
      reset: 'v = 0',
      refractory: 'tau_ref',
      method: 'exact',
      namespace: parameters,
    });
    G.v0 = 'i*v0_max/(N-1)';
    const shown = [0, Math.floor(N / 2), N - 1];
    return {
      spikes: { monitor: new SpikeMonitor(G), size: N, label: 'Spikes' },
      traces: {
        monitor: new StateMonitor(G, 'v', { record: shown }),
        series: neuronSeries('v', shown),
        unit: '',
        label: 'v',
      },
    };
  },
};
