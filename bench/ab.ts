/**
 * Before/after measurements of one change, interleaved in the same session:
 *
 *   npx tsx bench/ab.ts --models cuba,cobahh --sizes 4000 --reps 5 \
 *     --variant 'before:BRIAN_DISABLE_PASSES=fold,powers,cse,inline-timestep' --variant after:
 *
 * Each variant is a label and environment assignments (`NAME=value`, space separated) for the
 * child process; each run is a fresh `bench/child.ts` process (the runtime device, or `--device`). `AB_ROOT=dir`
 * runs that variant from another checkout (e.g. a `git worktree` with a proposed change). Repetition k
 * of every (model, N) runs each variant in turn (the order rotates with k), so load on this
 * shared machine hits all variants alike. Prints a markdown table of medians (min–max) of the
 * loop time, of ns per neuron-step and of the loop's CPU time (less sensitive to other load than
 * wall time when cpu util is low), each with the ratio to the first variant. Records are appended
 * as JSON lines to bench/results/ab-<timestamp>.jsonl.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitRevision, loadAverage, waitForQuiet } from './lib/machine.ts';
import { parseResultLine, runChild, tail } from './lib/spawn.ts';
import { fmt, fmtRange, median, summarize } from './lib/stats.ts';
import { modelSpec } from './models/registry.ts';
import { DEVICES, type Device } from './models/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Variant {
  label: string;
  env: Record<string, string>;
}

function parseArgs(argv: string[]) {
  const opts = {
    models: ['cuba', 'cobahh'],
    sizes: [4000],
    reps: 3,
    duration: undefined as number | undefined,
    quietMax: 30,
    device: 'runtime' as Device,
    variants: [] as Variant[],
  };
  for (let k = 0; k < argv.length; k++) {
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new Error(`${argv[k - 1]} needs a value`);
      return v;
    };
    switch (argv[k]) {
      case '--models':
        opts.models = value().split(',');
        break;
      case '--sizes':
        opts.sizes = value().split(',').map(Number);
        break;
      case '--reps':
        opts.reps = Number(value());
        break;
      case '--duration':
        opts.duration = Number(value());
        break;
      case '--device': {
        const device = value();
        if (!(DEVICES as readonly string[]).includes(device))
          throw new Error(`--device ${device}: one of ${DEVICES.join(', ')}`);
        opts.device = device as Device;
        break;
      }
      case '--quiet-max':
        opts.quietMax = Number(value());
        break;
      case '--variant': {
        const text = value();
        const colon = text.indexOf(':');
        const label = colon < 0 ? text : text.slice(0, colon);
        const env: Record<string, string> = {};
        for (const a of (colon < 0 ? '' : text.slice(colon + 1)).split(' ').filter(Boolean)) {
          const eq = a.indexOf('=');
          env[a.slice(0, eq)] = a.slice(eq + 1);
        }
        opts.variants.push({ label, env });
        break;
      }
      default:
        throw new Error(`unknown option ${argv[k]} (see the comment at the top of bench/ab.ts)`);
    }
  }
  if (opts.variants.length < 2) throw new Error('give at least two --variant label:ENV=value …');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const outFile = join(ROOT, 'bench', 'results', `ab-${stamp}.jsonl`);
mkdirSync(dirname(outFile), { recursive: true });
const git = gitRevision(ROOT);

type Key = string;
const results = new Map<Key, { sim: number[]; cpu: number[]; ns: number[]; util: number[] }>();

for (let rep = 0; rep < opts.reps; rep++) {
  for (const model of opts.models) {
    const spec = modelSpec(model);
    // STDP's N is its number of inputs (fixed): --sizes applies to the network models only.
    for (const N of spec.scalable ? opts.sizes : spec.sizes) {
      const duration = opts.duration ?? spec.duration;
      const order = opts.variants.map((_, i) => opts.variants[(i + rep) % opts.variants.length]);
      for (const v of order) {
        const quiet = await waitForQuiet(opts.quietMax);
        // AB_ROOT=<checkout> runs the child from another working tree (a change outside src/compiler).
        const root = v.env.AB_ROOT ?? ROOT;
        const out = await runChild(
          process.execPath,
          [
            '--import',
            'tsx',
            join(root, 'bench', 'child.ts'),
            model,
            String(N),
            String(duration),
            opts.device,
          ],
          { timeoutSeconds: 1800, cwd: root, env: { ...process.env, ...v.env } },
        );
        const r = parseResultLine(out.stdout);
        if (r?.status !== 'ok') {
          console.error(`${model} N=${N} ${v.label}: failed ${r?.reason ?? tail(out.stderr)}`);
          continue;
        }
        const sim = (r.sim_s as number) / duration;
        const neurons = spec.neurons(N);
        const ns = ((r.sim_s as number) / (neurons * Math.round(duration / 1e-4))) * 1e9;
        const util = (r.sim_cpu_s as number) / (r.sim_s as number);
        const key = `${model}\t${N}\t${v.label}`;
        const entry = results.get(key) ?? { sim: [], cpu: [], ns: [], util: [] };
        entry.sim.push(sim);
        entry.cpu.push((r.sim_cpu_s as number) / duration);
        entry.ns.push(ns);
        entry.util.push(util);
        results.set(key, entry);
        const record = {
          git,
          model,
          N,
          duration,
          variant: v.label,
          env: v.env,
          rep,
          sim_s_per_bio_s: sim,
          ns,
          util,
        };
        appendFileSync(outFile, `${JSON.stringify({ ...record, loadavg: loadAverage(), quiet })}\n`);
        console.error(
          `rep ${rep} ${model} N=${N} ${v.label}: ${fmt(sim)} s per bio s (cpu util ${fmt(util, 2)})`,
        );
      }
    }
  }
}

const lines = [
  `A/B (git ${git}, node ${process.version}, ${opts.reps} reps, interleaved)`,
  '',
  '| model | N | variant | sim s per bio s | ns per neuron-step | vs first | CPU s per bio s | vs first | cpu util |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const model of opts.models) {
  const spec = modelSpec(model);
  for (const N of spec.scalable ? opts.sizes : spec.sizes) {
    const first = results.get(`${model}\t${N}\t${opts.variants[0].label}`);
    for (const v of opts.variants) {
      const e = results.get(`${model}\t${N}\t${v.label}`);
      if (!e) continue;
      const ratio = first ? median(e.sim) / median(first.sim) : Number.NaN;
      const cpuRatio = first ? median(e.cpu) / median(first.cpu) : Number.NaN;
      lines.push(
        `| ${model} | ${N} | ${v.label} | ${fmtRange(summarize(e.sim))} | ${fmt(median(e.ns))} | ${fmt(ratio)} | ${fmtRange(summarize(e.cpu))} | ${fmt(cpuRatio)} | ${fmt(median(e.util), 2)} |`,
      );
    }
  }
}
console.log(lines.join('\n'));
console.error(`records: ${outFile}`);
