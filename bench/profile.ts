/**
 * Where the runtime device's time goes (`npx tsx bench/profile.ts --help`): per runner and per
 * kind of work (state update, threshold, reset, spike propagation, monitors), the residual
 * (loop and dispatch), and the per-step fixed cost of an (almost) empty network. Each model runs
 * twice in fresh processes: once plain (the real loop time), once with every runner's `step`
 * timed (wrapped from outside, src/ untouched).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calibrateTimer, instrumentRunners, type RunnerTiming } from './lib/instrument.ts';
import { gitRevision } from './lib/machine.ts';
import { runOurs } from './lib/ours.ts';
import { measureOverhead, type OverheadCase } from './lib/overhead.ts';
import { parseResultLine, runChild, tail } from './lib/spawn.ts';
import { fmt } from './lib/stats.ts';
import { modelSpec } from './models/registry.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = `npx tsx bench/profile.ts [--models cuba,cobahh] [--N 4000] [--duration 1] [--device runtime] [--out-dir bench/results]
  models: any of bench/models/registry.ts (lif and hh-uncoupled need no synapses)
  device: runtime (JavaScript kernels) or runtime_cpp (kernels compiled by g++)
`;

interface ModelProfile {
  model: string;
  N: number;
  duration_s: number;
  status: 'ok' | 'unavailable' | 'failed';
  reason?: string;
  plain_sim_s?: number;
  plain_cpu_util?: number | null;
  instrumented_sim_s?: number;
  timer?: { inside_s: number; total_s: number };
  runners?: RunnerTiming[];
  /** Synaptic events of the instrumented run (spikes × synapses per source neuron). */
  syn_events?: number;
}

// --- child mode: one instrumented run, printed as a RESULT line -------------------------------
const { values } = parseArgs({
  options: {
    one: { type: 'string' },
    models: { type: 'string', default: 'cuba,cobahh' },
    N: { type: 'string', default: '4000' },
    duration: { type: 'string', default: '1' },
    device: { type: 'string', default: 'runtime' },
    'out-dir': { type: 'string', default: 'bench/results' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const N = Number(values.N);
const duration = Number(values.duration);
if (values.device !== 'runtime' && values.device !== 'runtime_cpp') {
  process.stderr.write(`--device must be runtime or runtime_cpp\n${USAGE}`);
  process.exit(2);
}
const device = values.device;

if (values.one === 'overhead') {
  console.log(`RESULT ${JSON.stringify({ status: 'ok', cases: measureOverhead() })}`);
  process.exit(0);
}
if (values.one) {
  const timer = calibrateTimer();
  let timings: RunnerTiming[] = [];
  let sim_s = 0;
  const r = modelSpec(values.one).run(N, duration, device, {
    beforeRun: (net) => {
      timings = instrumentRunners(net);
    },
    afterRun: (net) => {
      sim_s = net.lastRunTime;
    },
  });
  const spec = modelSpec(values.one);
  const out =
    r.status === 'ok'
      ? {
          status: 'ok',
          instrumented_sim_s: sim_s,
          timer,
          runners: timings,
          syn_events: spec.synapticEvents({ N, spikes: r.spikes, synapses: r.synapses, ...r.extra }),
        }
      : { status: r.status, reason: r.reason };
  console.log(`RESULT ${JSON.stringify(out)}`);
  process.exit(0);
}

// --- parent mode ---------------------------------------------------------------------------
async function child(args: string[]): Promise<Record<string, unknown>> {
  const o = await runChild(process.execPath, ['--import', 'tsx', join(HERE, 'profile.ts'), ...args], {
    timeoutSeconds: 1800,
    cwd: resolve(HERE, '..'),
  });
  const r = parseResultLine(o.stdout);
  return r ?? { status: 'failed', reason: `exit ${o.code}: ${tail(o.stderr)}` };
}

const profiles: ModelProfile[] = [];
for (const model of values.models!.split(',').filter(Boolean)) {
  const spec = modelSpec(model);
  const n = spec.scalable ? N : spec.sizes[0];
  process.stderr.write(`profiling ${model} N=${n}, ${duration} s …\n`);
  const plain = await runOurs(spec, device, n, duration, 1800);
  if (plain.status !== 'ok') {
    profiles.push({
      model,
      N: n,
      duration_s: duration,
      status: plain.status === 'unavailable' ? 'unavailable' : 'failed',
      reason: plain.reason ?? '',
    });
    continue;
  }
  const inst = await child([
    '--one',
    model,
    '--N',
    String(n),
    '--duration',
    String(duration),
    '--device',
    device,
  ]);
  if (inst.status !== 'ok') {
    profiles.push({ model, N: n, duration_s: duration, status: 'failed', reason: String(inst.reason) });
    continue;
  }
  profiles.push({
    model,
    N: n,
    duration_s: duration,
    status: 'ok',
    plain_sim_s: plain.measurements!.sim_s!,
    plain_cpu_util: plain.measurements!.cpu_util,
    instrumented_sim_s: inst.instrumented_sim_s as number,
    timer: inst.timer as ModelProfile['timer'],
    runners: inst.runners as RunnerTiming[],
    syn_events: inst.syn_events as number,
  });
}
process.stderr.write('measuring per-step overhead …\n');
const overhead = await child(['--one', 'overhead']);

// --- report --------------------------------------------------------------------------------
const lines: string[] = [
  `## Runtime profile, ${device === 'runtime' ? 'JavaScript kernels' : 'compiled kernels (runtime_cpp)'} (git ${gitRevision(resolve(HERE, '..'))}, node ${process.version})`,
  '',
];
for (const p of profiles) {
  lines.push(`### ${p.model}, N = ${p.N}, ${p.duration_s} s biological time`, '');
  if (p.status !== 'ok') {
    lines.push(`${p.status}: ${p.reason}`, '');
    continue;
  }
  const steps = Math.round((p.duration_s * 1000) / 0.1);
  const bias = p.timer!.inside_s;
  const corrected = (t: RunnerTiming) => Math.max(0, t.seconds - t.calls * bias);
  const loop = p.instrumented_sim_s!;
  const inRunners = p.runners!.reduce((s, t) => s + corrected(t), 0);
  const wrapperCost = p.runners!.reduce((s, t) => s + t.calls * (p.timer!.total_s - bias), 0);
  const residual = Math.max(0, loop - inRunners - wrapperCost);
  const pct = (x: number) => `${fmt((100 * x) / loop, 2)} %`;
  lines.push(
    `Plain run (fresh process): **${fmt(p.plain_sim_s! / p.duration_s)} s per bio s** (cpu util ${fmt(p.plain_cpu_util, 2)}). Instrumented: ${fmt(
      loop / p.duration_s,
    )} s per bio s (timer: ${fmt(bias * 1e9)} ns inside each timed call, ${fmt(p.timer!.total_s * 1e9)} ns per call in all; subtracted below).`,
    '',
    '| kind | s per bio s | share of loop | µs per step | per unit of work |',
    '|---|---|---|---|---|',
  );
  const byCategory = new Map<string, number>();
  for (const t of p.runners!) byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + corrected(t));
  const rows: [string, number][] = [...byCategory].sort((a, b) => b[1] - a[1]);
  rows.push(['loop and dispatch (residual)', residual]);
  const neuronSteps = Math.max(...p.runners!.map((t) => t.size ?? 0)) * steps;
  const perUnit = (k: string, s: number) =>
    k === 'spike propagation'
      ? p.syn_events
        ? `${fmt((s * 1e9) / p.syn_events)} ns per synaptic event`
        : '–'
      : ['state update', 'threshold', 'reset'].includes(k) && neuronSteps
        ? `${fmt((s * 1e9) / neuronSteps)} ns per neuron-step`
        : '–';
  for (const [k, s] of rows) {
    lines.push(
      `| ${k} | ${fmt(s / p.duration_s)} | ${pct(s)} | ${fmt((s / steps) * 1e6)} | ${perUnit(k, s)} |`,
    );
  }
  lines.push(
    '',
    '| runner | kernel | slot | elements | µs per step | ns per element-step | share of loop |',
    '|---|---|---|---|---|---|---|',
  );
  for (const t of [...p.runners!].sort((a, b) => corrected(b) - corrected(a))) {
    const s = corrected(t);
    const perStep = t.calls ? s / t.calls : 0;
    lines.push(
      `| ${t.name} | ${t.kernel} | ${t.when} ${t.order} | ${t.size ?? '–'} | ${fmt(perStep * 1e6)} | ${
        t.size ? fmt((perStep * 1e9) / t.size) : '–'
      } | ${pct(s)} |`,
    );
  }
  lines.push('');
}
lines.push('### Per-step fixed cost (10 s biological time, after a 0.1 s warm-up)', '');
if (overhead.status === 'ok') {
  lines.push('| network | runners | µs per step |', '|---|---|---|');
  for (const c of overhead.cases as OverheadCase[])
    lines.push(`| ${c.case} | ${c.runners} | ${fmt(c.us_per_step)} |`);
} else lines.push(`failed: ${String(overhead.reason)}`);
lines.push('');

const markdown = lines.join('\n');
process.stdout.write(markdown);
const outDir = resolve(HERE, '..', values['out-dir']!);
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-');
writeFileSync(join(outDir, `profile-${stamp}.md`), markdown);
writeFileSync(join(outDir, `profile-${stamp}.json`), JSON.stringify({ profiles, overhead }, null, 1));
process.stderr.write(`\nwrote ${join(outDir, `profile-${stamp}.{md,json}`)}\n`);
