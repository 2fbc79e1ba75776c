/**
 * Run by step-loop-osr.test.ts under `node --trace-osr`: LIF neurons that all fire (El above
 * threshold) and become refractory for the first time around step 240, after V8 has optimised the
 * state update, which takes the refractory branch then for the first time. 20 000 elements per
 * call make V8 want to compile the kernels' loops on the stack.
 */
import { ms, mV, Network, NeuronGroup, SpikeMonitor } from '../../src/node.ts';

const G = new NeuronGroup(
  20000,
  `dv/dt = (ge - (v - El)) / taum : volt (unless refractory)
   dge/dt = -ge / taue : volt`,
  {
    threshold: 'v > Vt',
    reset: 'v = Vr',
    refractory: ms(5),
    method: 'exact',
    namespace: { taum: ms(20), taue: ms(5), Vt: mV(-50), Vr: mV(-60), El: mV(-49) },
  },
);
G.v = 'Vr + rand() * (Vt - Vr)';
const spikes = new SpikeMonitor(G);
new Network(G, spikes).run(ms(80));
console.log(`SPIKES ${spikes.num_spikes}`);
