/**
 * Strong scaling of the MPI standalone device (issue 18): CUBA and COBAHH (the bench models) as
 * one single-process standalone program and as MPI programs of 1, 2, … processes, each run in a
 * fresh child process, interleaved over repetitions. Per run: step-loop seconds per biological
 * second, the speed-up over one MPI process, and the exchange the program measured itself
 * (`MpiStandaloneDevice.exchange`: spike exchanges and the bytes process 0 received in them per
 * time step, all bytes received, seconds in MPI calls of the slowest process). Spikes must be equal on every process count.
 *
 *   npx tsx bench/mpi-scaling.ts [--models cuba,cobahh] [--N 64000] [--duration 1] [--processes 1,2] [--reps 2] [--distribute]
 *
 * `--distribute`: the MPI programs store each process's own synapses only
 * (`mpi: { distributeSynapses: true }`); the peak memory column then lists every process's.
 * Without it every process holds every synapse (`distributeSynapses: false`, named: the
 * device's default, 'auto', would distribute these models).
 *
 * Writes `bench/results/mpi-scaling-<timestamp>.{jsonl,md}` and prints the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseToolArgs } from './lib/cli.ts';
import { runnableTasks } from './lib/machine.ts';
import { parseResultLine, runChild, tail } from './lib/spawn.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const DT = 1e-4;

const { values } = parseToolArgs(
  {
    child: { type: 'string' },
    models: { type: 'string', default: 'cuba,cobahh' },
    N: { type: 'string', default: '64000' },
    duration: { type: 'string', default: '1' },
    processes: { type: 'string', default: '1,2' },
    reps: { type: 'string', default: '2' },
    distribute: { type: 'boolean', default: false },
    'out-dir': { type: 'string', default: join(HERE, 'results') },
  },
  'npx tsx bench/mpi-scaling.ts [--models cuba,cobahh] [--N 64000] [--duration 1] [--processes 1,2] [--reps 2] [--distribute] [--out-dir DIR]',
);

/** One run: `--child model,N,duration,processes` (0 processes: the plain standalone program). */
async function child(spec: string): Promise<void> {
  const [model, N, duration, processes, distribute] = spec.split(',');
  const { modelSpec } = await import('./models/registry.ts');
  const { getDevice } = await import('../src/node.ts');
  const p = Number(processes);
  const result = modelSpec(model).run(Number(N), Number(duration), 'cpp_standalone', {
    standalone: p > 0 ? { mpi: { processes: p, distributeSynapses: distribute === '1' } } : {},
  });
  const active = getDevice() as unknown as {
    exchange?: unknown;
    timings: { binaryPeakMemoryMb?: number };
  };
  console.log(
    `RESULT ${JSON.stringify({ ...result, exchange: active.exchange, rss_mb: active.timings.binaryPeakMemoryMb })}`,
  );
}

interface Row {
  model: string;
  N: number;
  processes: number;
  rep: number;
  sim_s?: number;
  spikes?: number;
  rss_mb?: number;
  runnable: number;
  exchange?: {
    processes: number;
    calls: number;
    bytes: number;
    seconds: number;
    spikeCalls: number;
    spikeBytes: number;
    peakMemoryKiB?: number[];
    localSynapses?: number[];
  };
  error?: string;
}

async function main(): Promise<void> {
  const models = values.models.split(',');
  const N = Number(values.N);
  const duration = Number(values.duration);
  const counts = [0, ...values.processes.split(',').map(Number)];
  const reps = Number(values.reps);
  const rows: Row[] = [];
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  mkdirSync(values['out-dir'], { recursive: true });
  const jsonl = join(values['out-dir'], `mpi-scaling-${stamp}.jsonl`);
  writeFileSync(jsonl, '');
  for (let rep = 1; rep <= reps; rep++) {
    for (const model of models) {
      for (const processes of counts) {
        const runnable = runnableTasks();
        const outcome = await runChild(
          process.execPath,
          [
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--child',
            `${model},${N},${duration},${processes},${values.distribute ? 1 : 0}`,
          ],
          { timeoutSeconds: 1800, cwd: resolve(HERE, '..') },
        );
        const r = parseResultLine(outcome.stdout);
        const row: Row =
          r && r.status === 'ok'
            ? {
                model,
                N,
                processes,
                rep,
                runnable,
                sim_s: r.sim_s as number,
                spikes: r.spikes as number,
                rss_mb: r.rss_mb as number,
                exchange: r.exchange as Row['exchange'],
              }
            : { model, N, processes, rep, runnable, error: r ? String(r.reason) : tail(outcome.stderr) };
        rows.push(row);
        writeFileSync(jsonl, `${JSON.stringify(row)}\n`, { flag: 'a' });
        console.error(
          `${model} ${N} ${label(processes)} rep ${rep}: ${row.error ?? `${row.sim_s?.toFixed(3)} s`}`,
        );
      }
    }
  }
  const table = render(rows, duration);
  writeFileSync(jsonl.replace(/\.jsonl$/, '.md'), table);
  console.log(table);
}

function label(processes: number): string {
  if (processes === 0) return 'standalone';
  return values.distribute ? `MPI ×${processes}, synapses distributed` : `MPI ×${processes}`;
}

/** The peak memory of each process (MB, median over the runs), or the program's where only that is known. */
function peaks(rs: Row[]): string {
  const lists = rs.map((r) => r.exchange?.peakMemoryKiB ?? []).filter((l) => l.length > 0);
  if (lists.length === 0) return median(rs.map((r) => r.rss_mb ?? Number.NaN)).toFixed(0);
  return lists[0].map((_, k) => (median(lists.map((l) => l[k] ?? Number.NaN)) / 1024).toFixed(0)).join(', ');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function render(rows: Row[], duration: number): string {
  const steps = Math.round(duration / DT);
  const out = [
    `## MPI strong scaling (${new Date().toISOString().slice(0, 10)}, ${duration} s biological, dt 0.1 ms, medians of ${Math.max(...rows.map((r) => r.rep))} runs)`,
    '',
    '| model | N | program | sim s per bio s (min–max) | speed-up over MPI ×1 | spikes | spike exchanges per step | spike bytes received per step (process 0) | all bytes received (process 0, with the gathers after the run) | s in MPI calls per bio s (slowest process) | peak MB per process | runnable tasks |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.model} ${r.N} ${r.processes}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const simOf = (rs: Row[]) =>
    rs.filter((r) => r.sim_s !== undefined).map((r) => (r.sim_s as number) / duration);
  for (const [key, rs] of groups) {
    const [model, N, p] = key.split(' ');
    const sims = simOf(rs);
    if (sims.length === 0) {
      out.push(
        `| ${model} | ${N} | ${label(Number(p))} | failed: ${rs[0].error?.split('\n')[0]} | | | | | | | | |`,
      );
      continue;
    }
    const one = simOf(groups.get(`${model} ${N} 1`) ?? []);
    const speedup = one.length ? (median(one) / median(sims)).toFixed(2) : '';
    const spikes = [...new Set(rs.map((r) => r.spikes))].join(' / ');
    const ex = rs.map((r) => r.exchange).filter((e) => e !== undefined);
    const exCols = ex.length
      ? [
          (median(ex.map((e) => e.spikeCalls)) / steps).toFixed(1),
          (median(ex.map((e) => e.spikeBytes)) / steps).toFixed(1),
          median(ex.map((e) => e.bytes)).toFixed(0),
          (median(ex.map((e) => e.seconds)) / duration).toFixed(3),
        ]
      : ['–', '–', '–', '–'];
    out.push(
      `| ${model} | ${N} | ${label(Number(p))} | ${median(sims).toFixed(3)} (${Math.min(...sims).toFixed(3)}–${Math.max(...sims).toFixed(3)}) | ${speedup} | ${spikes} | ${exCols.join(' | ')} | ${peaks(rs)} | ${rs.map((r) => r.runnable).join(', ')} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

if (values.child) await child(values.child);
else await main();
