/** The derived columns, computed the same way for brian-ts and Brian records. */
import type { ModelSpec } from '../models/registry.ts';
import type { Measurements } from './record.ts';

export const DT_MS = 0.1;

export interface Raw {
  N: number;
  duration_s: number;
  sim_s: number;
  sim_cpu_s: number | null;
  threads: number;
  setup_s: number;
  connect_s: number | null;
  codegen_s: number;
  build_s: number;
  binary_s: number | null;
  rss_mb: number;
  spikes: number;
  synapses: number;
  input_spikes?: number;
  output_spikes?: number;
}

export function deriveMeasurements(spec: ModelSpec, r: Raw): Measurements {
  const steps = Math.round((r.duration_s * 1000) / DT_MS);
  const neurons = spec.neurons(r.N);
  const syn_events = spec.synapticEvents(r);
  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
  return {
    sim_s: r.sim_s,
    sim_s_per_bio_s: r.sim_s / r.duration_s,
    sim_cpu_s: finite(r.sim_cpu_s),
    cpu_util:
      r.sim_cpu_s !== null && r.sim_s > 0 ? finite(r.sim_cpu_s / (r.sim_s * Math.max(1, r.threads))) : null,
    setup_s: r.setup_s,
    connect_s: finite(r.connect_s),
    codegen_s: r.codegen_s,
    build_s: r.build_s,
    binary_s: finite(r.binary_s),
    rss_mb: r.rss_mb,
    ns_per_neuron_step: (r.sim_s * 1e9) / (neurons * steps),
    spikes: r.spikes,
    spikes_per_bio_s: r.spikes / r.duration_s,
    synapses: r.synapses,
    syn_events,
    syn_events_per_bio_s: syn_events / r.duration_s,
    syn_events_per_sim_s: r.sim_s > 0 ? syn_events / r.sim_s : 0,
  };
}

/** Numeric entries of an object (drops strings, nulls, NaN). */
export function numericEntries(o: Record<string, unknown>, keys?: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) {
    if ((!keys || keys.includes(k)) && typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}
