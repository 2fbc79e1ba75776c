/**
 * Markdown report of a results file: one row per configuration (median and range over the
 * repetitions), then brian-ts ÷ Brian 2 ratios from the same run, then ratios against the
 * recorded Brian baselines of perf-baselines.md (other day, same machine kind).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from './record.ts';
import { fmt, fmtRange, median, summarize } from './stats.ts';

const TARGET_ORDER = ['runtime', 'runtime_cpp', 'numpy', 'cython', 'cpp_standalone'];
const BRIAN_COLUMNS = ['numpy', 'cython', 'cpp_standalone'] as const;

interface Config {
  model: string;
  N: number;
  duration_s: number;
  impl: string;
  target: string;
  threads: number;
  records: RunRecord[];
}

function configs(records: readonly RunRecord[]): Config[] {
  const map = new Map<string, Config>();
  for (const r of records) {
    const threads = r.threads ?? 1;
    const key = [r.model, r.N, r.duration_s, r.impl, r.target, threads].join('|');
    let c = map.get(key);
    if (!c) {
      c = {
        model: r.model,
        N: r.N,
        duration_s: r.duration_s,
        impl: r.impl,
        target: r.target,
        threads,
        records: [],
      };
      map.set(key, c);
    }
    c.records.push(r);
  }
  const modelOrder = [...new Set(records.map((r) => r.model))];
  const implRank = (c: Config) => (c.impl === 'brian-ts' ? 0 : 1);
  return [...map.values()].sort(
    (a, b) =>
      modelOrder.indexOf(a.model) - modelOrder.indexOf(b.model) ||
      a.N - b.N ||
      implRank(a) - implRank(b) ||
      TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target) ||
      a.threads - b.threads,
  );
}

const ok = (c: Config) => c.records.filter((r) => r.status === 'ok');
const med = (rs: readonly RunRecord[], f: keyof RunRecord) =>
  median(rs.map((r) => r[f]).filter((x): x is number => typeof x === 'number'));
/** `brian-ts cpp_standalone`, with `×2` for a row on 2 OpenMP threads. */
const label = (c: { impl: string; target: string; threads: number }) =>
  `${c.impl} ${c.target}${c.threads > 1 ? ` ×${c.threads}` : ''}`;

export const MAIN_HEADER =
  '| model | N | bio s | implementation | runs | sim s per bio s: median (range) | build s | codegen s | connect s | peak RSS MB | ns per neuron-step | spikes per bio s | syn. events per sim s | synapses | cpu util |';

function mainTable(cs: readonly Config[]): string[] {
  const lines = [MAIN_HEADER, `|${'---|'.repeat(15)}`];
  const shown = new Set<string>();
  for (const c of cs) {
    const good = ok(c);
    const head = `| ${c.model} | ${c.N} | ${c.duration_s} | ${label(c)} |`;
    if (good.length === 0) {
      const r = c.records[0];
      const why = (r.reason ?? '').split('\n')[0].replace(/\|/g, '\\|').slice(0, 160);
      // the same reason for every size of a model is said once
      const said = shown.has(`${r.status}|${why}`);
      shown.add(`${r.status}|${why}`);
      lines.push(`${head} 0 | **${r.status}**${said ? ' (as above)' : `: ${why}`} |${' |'.repeat(9)}`);
      continue;
    }
    const sim = summarize(good.map((r) => r.sim_s_per_bio_s as number));
    const failed = c.records.length - good.length;
    lines.push(
      `${head} ${good.length}${failed ? ` (+${failed} failed)` : ''} | ${fmtRange(sim)} | ${fmt(med(good, 'build_s'))} | ${fmt(
        med(good, 'codegen_s'),
      )} | ${fmt(med(good, 'connect_s'))} | ${fmt(med(good, 'rss_mb'))} | ${fmt(med(good, 'ns_per_neuron_step'))} | ${fmt(
        med(good, 'spikes_per_bio_s'),
      )} | ${fmt(med(good, 'syn_events_per_sim_s'))} | ${fmt(med(good, 'synapses'))} | ${fmt(med(good, 'cpu_util'), 2)} |`,
    );
  }
  return lines;
}

/** brian-ts time ÷ Brian time (medians of sim s per bio s), per Brian target measured in this run. */
function ratioTable(cs: readonly Config[]): string[] {
  const lines: string[] = [];
  const ours = cs.filter((c) => c.impl === 'brian-ts' && ok(c).length);
  for (const c of ours) {
    const cells = BRIAN_COLUMNS.map((t) => {
      // Brian standalone on as many threads; numpy and Cython have one
      const threads = t === 'cpp_standalone' ? c.threads : 1;
      const b = cs.find(
        (x) =>
          x.impl === 'brian2' &&
          x.target === t &&
          x.threads === threads &&
          x.model === c.model &&
          x.N === c.N,
      );
      if (!b || !ok(b).length || b.duration_s !== c.duration_s) return '–';
      const r = med(ok(c), 'sim_s_per_bio_s') / med(ok(b), 'sim_s_per_bio_s');
      const build = med(ok(c), 'build_s') / med(ok(b), 'build_s');
      return `**${fmt(r)}** (build ${fmt(build, 2)})`;
    });
    if (cells.every((x) => x === '–')) continue;
    lines.push(
      `| ${c.model} | ${c.N} | ${label(c).replace(/^brian-ts /, '')} | ${fmt(med(ok(c), 'sim_s_per_bio_s'))} | ${cells.join(' | ')} |`,
    );
  }
  if (!lines.length) return [];
  return [
    '',
    '### brian-ts ÷ Brian 2, same run (sim time ratio; < 1 means brian-ts is faster; build-time ratio in brackets)',
    '',
    '| model | N | brian-ts device | brian-ts sim s per bio s | ÷ numpy | ÷ cython | ÷ cpp_standalone |',
    '|---|---|---|---|---|---|---|',
    ...lines,
  ];
}

interface Baseline {
  model: string;
  target: string;
  N: number;
  sim: number;
}

/** Medians of the recorded Brian 2.5.1 runs (serial standalone only) in results.jsonl. */
function recordedBaselines(dir: string): Baseline[] {
  const file = join(dir, 'results.jsonl');
  if (!existsSync(file)) return [];
  const groups = new Map<string, number[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line);
      if (r.target === 'cpp_standalone' && r.threads !== 0) continue;
      const key = `${String(r.model).toLowerCase()}|${r.target}|${r.N}`;
      groups.set(key, [...(groups.get(key) ?? []), r.sim_s_per_bio_s]);
    } catch {
      // skip damaged lines
    }
  }
  return [...groups].map(([k, xs]) => {
    const [model, target, N] = k.split('|');
    return { model, target, N: Number(N), sim: median(xs) };
  });
}

function recordedTable(cs: readonly Config[], brianDir: string): string[] {
  const base = recordedBaselines(brianDir);
  const lines: string[] = [];
  for (const c of cs.filter((x) => x.impl === 'brian-ts' && ok(x).length)) {
    const cells = BRIAN_COLUMNS.map((t) => {
      const b = base.find((x) => x.model === c.model && x.target === t && x.N === c.N);
      return b ? `${fmt(med(ok(c), 'sim_s_per_bio_s') / b.sim)} (Brian ${fmt(b.sim)})` : '–';
    });
    if (cells.every((x) => x === '–')) continue;
    lines.push(
      `| ${c.model} | ${c.N} | ${label(c).replace(/^brian-ts /, '')} | ${fmt(med(ok(c), 'sim_s_per_bio_s'))} | ${cells.join(' | ')} |`,
    );
  }
  if (!lines.length) return [];
  return [
    '',
    '### brian-ts ÷ recorded Brian 2.5.1 (perf-baselines.md medians, 1 s runs on another day: indicative only)',
    '',
    '| model | N | brian-ts device | brian-ts sim s per bio s | ÷ numpy | ÷ cython | ÷ cpp_standalone (serial) |',
    '|---|---|---|---|---|---|---|',
    ...lines,
  ];
}

export function renderMarkdown(records: readonly RunRecord[], brianDir: string): string {
  if (records.length === 0) return '(no runs)\n';
  const r0 = records[0];
  const version = (records.find((r) => r.impl === 'brian-ts') ?? r0).version;
  const cs = configs(records);
  const loads = records.map((r) => r.loadavg_start);
  return [
    `## brian-ts benchmark ${r0.run_id}${r0.label ? ` — ${r0.label}` : ''}`,
    '',
    `git ${r0.git}, host ${r0.host}, ${version}; dt ${r0.dt_ms} ms; ${records.length} runs; load average ${fmt(
      Math.min(...loads),
      2,
    )}–${fmt(Math.max(...loads), 2)}.`,
    '',
    ...mainTable(cs),
    ...ratioTable(cs),
    ...recordedTable(cs, brianDir),
    '',
  ].join('\n');
}
