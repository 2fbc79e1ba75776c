/**
 * LIF-only model, runnable without Synapses: the neurons of CUBA (cuba.py) with no network.
 * El = -49 mV lies above the threshold Vt = -50 mV, so every neuron fires regularly
 * (≈ 19 Hz: 20 ms·ln 11 to threshold plus 5 ms refractory), which exercises threshold, reset,
 * refractoriness and the SpikeMonitor. Brian counterpart: bench/brian/lif.py.
 */
import { ms, mV, Network, NeuronGroup, SpikeMonitor, seed } from '../../src/node.ts';
import { runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const CUBA_NEURON_EQUATIONS = `
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
`;

export const cubaNamespace = () => ({
  taum: ms(20),
  taue: ms(5),
  taui: ms(10),
  Vt: mV(-50),
  Vr: mV(-60),
  El: mV(-49),
});

export const lif: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device, hooks);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  seed(12345);
  const t0 = performance.now();
  const ns = cubaNamespace();
  const P = new NeuronGroup(N, CUBA_NEURON_EQUATIONS, {
    threshold: 'v>Vt',
    reset: 'v = Vr',
    refractory: ms(5),
    method: 'exact',
    namespace: ns,
  });
  P.v = 'Vr + rand() * (Vt - Vr)';
  P.ge = mV(0);
  P.gi = mV(0);
  const M = new SpikeMonitor(P);
  const net = new Network(P, M);
  const setup_s = since(t0);
  const times = runMeasured(net, durationSeconds, ns, device, hooks);
  const spikes = M.num_spikes as number;
  return {
    status: 'ok',
    ...times,
    setup_s,
    connect_s: 0,
    spikes,
    synapses: 0,
    extra: { rate_hz: spikes / (N * durationSeconds) },
  };
};
