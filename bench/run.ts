/**
 * The benchmark runner (`npm run bench -- --help`): every (model, size, implementation, target)
 * configuration in a fresh child process, repetitions interleaved (rep 1 of everything, then
 * rep 2…) and brian-ts and Brian 2 side by side within each repetition, so that the load of this
 * shared machine hits both alike. Writes bench/results/<timestamp>.jsonl (one record per run, as
 * it goes) and <timestamp>.md (the table, also printed on stdout).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, USAGE } from './lib/args.ts';
import { type BrianTarget, ensureBrian, runBrian, SHARED_BRIAN_DIR } from './lib/brian.ts';
import { DT_MS } from './lib/derive.ts';
import { gitRevision, host, loadAverage, waitForQuiet } from './lib/machine.ts';
import { runOurs } from './lib/ours.ts';
import { type Measurements, NO_MEASUREMENTS, type RunRecord, SCHEMA, type Status } from './lib/record.ts';
import { fmt } from './lib/stats.ts';
import { renderMarkdown } from './lib/table.ts';
import { type ModelSpec, modelSpec } from './models/registry.ts';
import type { Device } from './models/types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (s: string) => process.stderr.write(`${s}\n`);

let options: ReturnType<typeof parseBenchArgs>;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  log(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
const opts = options;

/** The fields of a record that describe the configuration (known before it runs). */
type ConfigFields = Pick<
  RunRecord,
  | 'schema'
  | 'run_id'
  | 'label'
  | 'git'
  | 'host'
  | 'model'
  | 'N'
  | 'neurons'
  | 'duration_s'
  | 'dt_ms'
  | 'impl'
  | 'target'
  | 'threads'
  | 'rep'
>;

type Job =
  | { kind: 'ours'; spec: ModelSpec; N: number; duration: number; device: Device; threads: number }
  | { kind: 'brian'; spec: ModelSpec; N: number; duration: number; target: BrianTarget; threads: number };

/** Thread counts of a target: every `--threads` count for compiled code, 1 for the rest. */
const threadCounts = (target: string) =>
  target === 'runtime_cpp' || target === 'cpp_standalone' ? opts.threads : [1];

/** The configurations of one repetition, brian-ts and Brian interleaved per (model, size). */
function jobs(): Job[] {
  const out: Job[] = [];
  for (const name of opts.models) {
    const spec = modelSpec(name);
    const sizes = spec.scalable
      ? (opts.sizes ?? (opts.quick ? spec.quickSizes : spec.sizes))
      : [opts.stdpInputs ?? spec.sizes[0]];
    const duration = opts.duration ?? (opts.quick ? spec.quickDuration : spec.duration);
    for (const N of sizes) {
      const ours = opts.devices.flatMap((device) =>
        threadCounts(device).map((threads) => ({
          kind: 'ours' as const,
          spec,
          N,
          duration,
          device,
          threads,
        })),
      );
      const brian = opts.brian
        ? opts.brianTargets.flatMap((target) =>
            threadCounts(target).map((threads) => ({
              kind: 'brian' as const,
              spec,
              N,
              duration,
              target,
              threads,
            })),
          )
        : [];
      // the runtime targets, Brian numpy/cython, then the standalone pair
      const runtime = (j: (typeof ours)[number]) => j.device === 'runtime' || j.device === 'runtime_cpp';
      out.push(...ours.filter(runtime), ...brian.filter((j) => j.target !== 'cpp_standalone'));
      out.push(...ours.filter((j) => !runtime(j)), ...brian.filter((j) => j.target === 'cpp_standalone'));
    }
  }
  return out;
}

const runId = new Date().toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-');
const outDir = resolve(REPO, opts.outDir);
mkdirSync(outDir, { recursive: true });
const jsonlPath = join(outDir, `${runId}.jsonl`);
const mdPath = join(outDir, `${runId}.md`);
writeFileSync(jsonlPath, '');
const git = gitRevision(REPO);
const records: RunRecord[] = [];

let brianVersion = '';
if (opts.brian) {
  try {
    brianVersion = ensureBrian(log);
    log(`Brian ${brianVersion} (${SHARED_BRIAN_DIR})`);
  } catch (e) {
    log(`--brian: ${(e as Error).message}`);
    process.exit(1);
  }
}

/** Configurations found unavailable (e.g. PoissonGroup missing): recorded once, not rerun. */
const unavailable = new Map<string, string>();
const plan = jobs();
const total = plan.length * opts.reps;
let done = 0;
log(`${total} runs → ${jsonlPath}`);

for (let rep = 0; rep < opts.reps; rep++) {
  for (const job of plan) {
    done++;
    const what = `${job.kind === 'ours' ? `brian-ts ${job.device}` : `brian2 ${job.target}`}${
      job.threads > 1 ? ` ×${job.threads}` : ''
    }`;
    const key = `${job.spec.name}|${what}`;
    const skip = unavailable.get(key);
    if (skip !== undefined && rep > 0) continue;
    const common: ConfigFields = {
      schema: SCHEMA,
      run_id: runId,
      label: opts.label,
      git,
      host: host(),
      model: job.spec.name,
      N: job.N,
      neurons: job.spec.neurons(job.N),
      duration_s: job.duration,
      dt_ms: DT_MS,
      impl: job.kind === 'ours' ? 'brian-ts' : 'brian2',
      target: job.kind === 'ours' ? job.device : job.target,
      threads: job.threads,
      rep,
    };
    let record: RunRecord;
    if (skip !== undefined) {
      // another size of this model already said why it cannot run: no need to start a process
      record = {
        ...common,
        ...NO_MEASUREMENTS,
        timestamp: new Date().toISOString(),
        status: 'unavailable',
        reason: skip,
        wall_s: 0,
        loadavg_start: loadAverage(),
        runnable_before: 0,
        quiet_wait_s: 0,
        version: job.kind === 'ours' ? `node ${process.version}` : `brian2 ${brianVersion}`,
        extra: {},
      };
    } else {
      const quiet = await waitForQuiet(opts.quietMax);
      const loadavg_start = loadAverage();
      const timestamp = new Date().toISOString();
      let status: Status;
      let reason: string | null;
      let measurements: Measurements | undefined;
      let extra: Record<string, number>;
      let version: string;
      let wall_s: number;
      if (job.kind === 'ours') {
        const r = await runOurs(job.spec, job.device, job.N, job.duration, opts.timeout, job.threads);
        ({ status, reason, measurements, extra, version } = r);
        wall_s = r.outcome.wall_s;
        if (status === 'unavailable') unavailable.set(key, reason ?? '');
      } else {
        const r = await runBrian(job.spec, job.target, job.N, job.duration, opts.timeout, job.threads);
        status = r.failure ? (r.outcome.timedOut ? 'timeout' : 'failed') : 'ok';
        reason = r.failure ?? null;
        measurements = r.measurements;
        extra = r.extra;
        version = r.version;
        wall_s = r.outcome.wall_s;
      }
      record = {
        ...common,
        ...(status === 'ok' && measurements ? measurements : NO_MEASUREMENTS),
        timestamp,
        status,
        reason,
        wall_s,
        loadavg_start,
        runnable_before: quiet.runnable,
        quiet_wait_s: quiet.waited_s,
        version,
        extra,
      };
    }
    records.push(record);
    appendFileSync(jsonlPath, `${JSON.stringify(record)}\n`);
    const result =
      record.status === 'ok'
        ? `${fmt(record.sim_s_per_bio_s)} s per bio s, build ${fmt(record.build_s)} s, ${fmt(record.rss_mb)} MB`
        : `${record.status}: ${(record.reason ?? '').split('\n')[0]}`;
    log(`[${done}/${total}] rep ${rep} ${job.spec.name} N=${job.N} ${what}: ${result}`);
  }
}

const markdown = renderMarkdown(records, SHARED_BRIAN_DIR);
writeFileSync(mdPath, markdown);
process.stdout.write(markdown);
log(`\nwrote ${jsonlPath}\n      ${mdPath}`);
