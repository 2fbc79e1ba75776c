/**
 * One line of bench/results/<timestamp>.jsonl: one run of one model, at one size, on one
 * implementation and target, brian-ts or Brian 2. The schema is checked by bench/check-output.ts;
 * change SCHEMA when a field changes meaning.
 */
export const SCHEMA = 'brian-ts-bench/1' as const;

export type Impl = 'brian-ts' | 'brian2';
export type Target = 'runtime' | 'runtime_cpp' | 'cpp_standalone' | 'numpy' | 'cython';
export type Status = 'ok' | 'unavailable' | 'failed' | 'timeout';

export const IMPLS: readonly Impl[] = ['brian-ts', 'brian2'];
export const TARGETS: readonly Target[] = ['runtime', 'runtime_cpp', 'cpp_standalone', 'numpy', 'cython'];
export const STATUSES: readonly Status[] = ['ok', 'unavailable', 'failed', 'timeout'];

/** Measurements: numbers for an 'ok' run (some may be null where noted), null otherwise. */
export interface Measurements {
  /** Seconds in the simulation loop (`Network.lastRunTime`; Brian: `device._last_run_time`). */
  sim_s: number | null;
  sim_s_per_bio_s: number | null;
  /** CPU seconds of the loop (null where not measured, e.g. Brian standalone). */
  sim_cpu_s: number | null;
  /** sim_cpu_s / (sim_s × threads): below ~0.9 the run was descheduled by other load. */
  cpu_util: number | null;
  /** Network construction incl. initialisers and connect(). */
  setup_s: number | null;
  /** Time in connect() (null for Brian, whose scripts do not time it separately). */
  connect_s: number | null;
  /** Runtime: run() wall minus the loop (codegen, kernel compilation). Standalone: codegen + compile. */
  codegen_s: number | null;
  /** Brian's build_s: runtime setup_s + codegen_s; standalone codegen + compile. */
  build_s: number | null;
  /** Standalone only: wall time of the compiled binary (synapse creation, init, loop, output). */
  binary_s: number | null;
  /** Peak resident memory of the simulating process, MiB (standalone: the binary; null when Brian's harness lost it). */
  rss_mb: number | null;
  ns_per_neuron_step: number | null;
  spikes: number | null;
  spikes_per_bio_s: number | null;
  synapses: number | null;
  /** Spikes × synapses per source neuron, summed over pathways (see bench/models/registry.ts). */
  syn_events: number | null;
  syn_events_per_bio_s: number | null;
  /** Synaptic events per second of loop time (throughput). */
  syn_events_per_sim_s: number | null;
}

export interface RunRecord extends Measurements {
  schema: typeof SCHEMA;
  /** Timestamp of the bench invocation (also the results file name). */
  run_id: string;
  /** Free text from --label (e.g. "before spike-queue rewrite"). */
  label: string;
  git: string;
  timestamp: string;
  host: string;
  model: string;
  /** Neurons (STDP: Poisson inputs). */
  N: number;
  /** Neurons updated per step (STDP: inputs + 1). */
  neurons: number;
  duration_s: number;
  dt_ms: number;
  impl: Impl;
  target: Target;
  threads: number;
  rep: number;
  status: Status;
  reason: string | null;
  /** Wall time of the whole child process (start-up, build, run, teardown). */
  wall_s: number;
  loadavg_start: number;
  /** Runnable tasks on the machine before the run (after waiting for quiet, see --quiet-max). */
  runnable_before: number;
  quiet_wait_s: number;
  /** node version (brian-ts) or Brian version. */
  version: string;
  extra: Record<string, number>;
}

/** Field kinds for validation: 'n' number, 'n?' number or null, 's' string, 's?' string or null, 'o' object. */
export const FIELD_KINDS: Record<keyof RunRecord, 'n' | 'n?' | 's' | 's?' | 'o'> = {
  schema: 's',
  run_id: 's',
  label: 's',
  git: 's',
  timestamp: 's',
  host: 's',
  model: 's',
  N: 'n',
  neurons: 'n',
  duration_s: 'n',
  dt_ms: 'n',
  impl: 's',
  target: 's',
  threads: 'n',
  rep: 'n',
  status: 's',
  reason: 's?',
  wall_s: 'n',
  loadavg_start: 'n',
  runnable_before: 'n',
  quiet_wait_s: 'n',
  version: 's',
  extra: 'o',
  sim_s: 'n?',
  sim_s_per_bio_s: 'n?',
  sim_cpu_s: 'n?',
  cpu_util: 'n?',
  setup_s: 'n?',
  connect_s: 'n?',
  codegen_s: 'n?',
  build_s: 'n?',
  binary_s: 'n?',
  rss_mb: 'n?',
  ns_per_neuron_step: 'n?',
  spikes: 'n?',
  spikes_per_bio_s: 'n?',
  synapses: 'n?',
  syn_events: 'n?',
  syn_events_per_bio_s: 'n?',
  syn_events_per_sim_s: 'n?',
};

/** Measurements every 'ok' record must have as numbers. */
export const REQUIRED_WHEN_OK: readonly (keyof Measurements)[] = [
  'sim_s',
  'sim_s_per_bio_s',
  'setup_s',
  'codegen_s',
  'build_s',
  'rss_mb',
  'ns_per_neuron_step',
  'spikes',
  'spikes_per_bio_s',
  'synapses',
  'syn_events',
  'syn_events_per_bio_s',
  'syn_events_per_sim_s',
];

export const NO_MEASUREMENTS: Measurements = {
  sim_s: null,
  sim_s_per_bio_s: null,
  sim_cpu_s: null,
  cpu_util: null,
  setup_s: null,
  connect_s: null,
  codegen_s: null,
  build_s: null,
  binary_s: null,
  rss_mb: null,
  ns_per_neuron_step: null,
  spikes: null,
  spikes_per_bio_s: null,
  synapses: null,
  syn_events: null,
  syn_events_per_bio_s: null,
  syn_events_per_sim_s: null,
};

/** Problems with one parsed line (empty when it is a valid record). */
export function validateRecord(r: unknown): string[] {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return ['not a JSON object'];
  const rec = r as Record<string, unknown>;
  const errors: string[] = [];
  for (const [field, kind] of Object.entries(FIELD_KINDS)) {
    const v = rec[field];
    const ok =
      kind === 'n'
        ? typeof v === 'number' && Number.isFinite(v)
        : kind === 'n?'
          ? v === null || (typeof v === 'number' && Number.isFinite(v))
          : kind === 's'
            ? typeof v === 'string'
            : kind === 's?'
              ? v === null || typeof v === 'string'
              : typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!ok) errors.push(`${field}: expected ${kind}, got ${JSON.stringify(v)}`);
  }
  for (const field of Object.keys(rec)) {
    if (!(field in FIELD_KINDS)) errors.push(`${field}: unknown field`);
  }
  if (rec.schema !== SCHEMA) errors.push(`schema: expected ${SCHEMA}`);
  if (!IMPLS.includes(rec.impl as Impl)) errors.push(`impl: not one of ${IMPLS.join(', ')}`);
  if (!TARGETS.includes(rec.target as Target)) errors.push(`target: not one of ${TARGETS.join(', ')}`);
  if (!STATUSES.includes(rec.status as Status)) errors.push(`status: not one of ${STATUSES.join(', ')}`);
  if (rec.status === 'ok') {
    for (const f of REQUIRED_WHEN_OK) {
      // b2common.py loses the standalone binary's RSS when ./main ran too briefly for /usr/bin/time
      if (f === 'rss_mb' && rec.impl === 'brian2' && rec[f] === null) continue;
      const v = rec[f];
      if (typeof v !== 'number' || !(v >= 0)) errors.push(`${f}: an ok run needs a non-negative number`);
    }
  } else if (typeof rec.reason !== 'string' || rec.reason === '') {
    errors.push('reason: a run that is not ok needs a reason');
  }
  if (rec.extra && typeof rec.extra === 'object') {
    for (const [k, v] of Object.entries(rec.extra)) {
      if (typeof v !== 'number') errors.push(`extra.${k}: expected a number`);
    }
  }
  return errors;
}
