/**
 * COBAHH neurons without synapses (runnable without Synapses): the same equations, method,
 * threshold, refractoriness, initial state and SpikeMonitor as cobahh.py, so its ns per
 * neuron-step is the neuron-update part of COBAHH (the part bound by scalar `exp`).
 * Brian counterpart: bench/brian/hh_uncoupled.py.
 */
import { Network, SpikeMonitor, seed } from '../../src/node.ts';
import { cobahhNamespace, cobahhNeurons, initialiseCobahh } from './cobahh-neurons.ts';
import { runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const hhUncoupled: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device, hooks);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  seed(12345);
  const t0 = performance.now();
  const ns = cobahhNamespace();
  const P = cobahhNeurons(N, ns);
  initialiseCobahh(P);
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
