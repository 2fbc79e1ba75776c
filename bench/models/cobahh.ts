/**
 * COBAHH (Brian's examples/COBAHH.py; shared/brian2-bench/cobahh.py): Traub–Miles HH neurons,
 * exponential conductance synapses, exponential Euler, p = 80/N, weights as in the example,
 * a SpikeMonitor instead of the example's StateMonitor.
 */
import { Network, SpikeMonitor, Synapses, seed } from '../../src/node.ts';
import { cobahhNamespace, cobahhNeurons, initialiseCobahh } from './cobahh-neurons.ts';
import { ConnectTimer, runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const cobahh: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device, hooks);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  seed(12345);
  const t0 = performance.now();
  const p = 80 / N;
  const ns = { ...cobahhNamespace(), p };
  const P = cobahhNeurons(N, ns);
  const Ne = Math.trunc(0.8 * N);
  const Pe = P.slice(0, Ne);
  const Pi = P.slice(Ne, N);
  const Ce = new Synapses(Pe, P, { onPre: 'ge+=we', namespace: ns });
  const Ci = new Synapses(Pi, P, { onPre: 'gi+=wi', namespace: ns });
  const connect = new ConnectTimer();
  connect.time(() => Ce.connect({ p }));
  connect.time(() => Ci.connect({ p }));
  initialiseCobahh(P);
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
