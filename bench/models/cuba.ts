/**
 * CUBA (Brian's examples/CUBA.py; shared/brian2-bench/cuba.py): N LIF neurons, 80 % excitatory,
 * exact integration, `ge += we` / `gi += wi`, p = 80/N so every neuron gets ~80 synapses,
 * refractory 5 ms, SpikeMonitor on all neurons.
 */
import { ms, mV, Network, NeuronGroup, SpikeMonitor, Synapses, seed } from '../../src/node.ts';
import { CUBA_NEURON_EQUATIONS, cubaNamespace } from './lif.ts';
import { ConnectTimer, runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const cuba: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device, hooks);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  seed(12345);
  const t0 = performance.now();
  const Ne = Math.trunc(0.8 * N);
  const p = 80 / N;
  const ns = {
    ...cubaNamespace(),
    we: mV((60 * 0.27) / 10), // excitatory synaptic weight (voltage)
    wi: mV((-20 * 4.5) / 10), // inhibitory synaptic weight
    Ne,
    p,
  };
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
  const Ce = new Synapses(P, P, { onPre: 'ge += we', namespace: ns });
  const Ci = new Synapses(P, P, { onPre: 'gi += wi', namespace: ns });
  const connect = new ConnectTimer();
  connect.time(() => Ce.connect({ condition: 'i<Ne', p }));
  connect.time(() => Ci.connect({ condition: 'i>=Ne', p }));
  const M = new SpikeMonitor(P);
  const net = new Network(P, Ce, Ci, M);
  const setup_s = since(t0);
  const times = runMeasured(net, durationSeconds, ns, device, hooks);
  const spikes = M.num_spikes as number;
  return {
    status: 'ok',
    ...times,
    setup_s,
    connect_s: connect.seconds,
    spikes,
    synapses: Ce.N + Ci.N,
    extra: { rate_hz: spikes / (N * durationSeconds) },
  };
};
