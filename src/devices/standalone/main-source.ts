import { CodeWriter } from '../../compiler/4-generate/code-writer.ts';
import { cppString, storageType } from '../../compiler/4-generate/cpp/names.ts';
import { doubleLiteral } from '../../compiler/4-generate/cpp/print-expr.ts';
import { arraysSource, type DataFiles } from './arrays-source.ts';
import { bytesOf, literalOf } from './cpp-values.ts';
import type { ArrayDecl, CppFunction, Operation } from './program.ts';
import { emitRun } from './run-source.ts';

/**
 * The environment variable in which the script gives a program it starts its own pid: the
 * program exits at once when its parent is another (the script died before the program asked
 * to die with it).
 */
export const PARENT_PID_VARIABLE = 'BRIAN_TS_PARENT_PID';

/**
 * `main.cpp`: reads its arguments (results directory, run_args), allocates the arrays, seeds the
 * random numbers randomly (as a new DrawState does), then performs the recorded operations in
 * order and writes every array and the time of each run to the results directory.
 */
export function mainSource(
  decls: readonly ArrayDecl[],
  queues: readonly string[],
  ops: readonly Operation[],
  functions: readonly CppFunction[],
  files: DataFiles,
  hooks: MainHooks = NO_HOOKS,
): string {
  const w = new CodeWriter();
  w.line('#include <algorithm>');
  w.line('#include <cstdio>');
  w.line('#include <cstdlib>');
  w.line('#include <cstring>');
  w.line('#include <string>');
  w.line('#include <vector>');
  w.line('#ifdef _OPENMP');
  w.line('#include <omp.h>');
  w.line('#endif');
  w.line('#include <sys/resource.h>');
  w.line('#ifdef __linux__');
  w.line('#include <csignal>');
  w.line('#include <sys/prctl.h>');
  w.line('#include <unistd.h>');
  w.line('#endif');
  w.line('#include "brianlib/brian.h"');
  for (const line of hooks.globals) w.line(line);
  w.line();
  for (const line of arraysSource(decls, queues, files, hooks.writtenApart).trimEnd().split('\n'))
    w.line(line);
  w.line();
  const snapshots = snapshotNames(ops);
  for (const line of snapshotGlobals(ops, snapshots)) w.line(line);
  w.line();
  for (const f of functions)
    w.line(`void ${f.name}(const double t, const double dt, const int64_t _timestep);`);
  w.line();
  w.line('struct RunArg { std::string name; long start, stop; std::string value; };');
  w.line();
  w.block('static void apply_run_args(const std::vector<RunArg>& args)', () => {
    w.block('for (const RunArg& a : args)', () => {
      w.line(
        'if (!_apply_run_arg(a.name, a.start, a.stop, a.value)) _brian_fail("bad_argument", "no array " + a.name);',
      );
    });
  });
  w.line();
  w.block('int main(int argc, char** argv)', () => {
    // The program dies with the script that started it (a killed script leaves no orphan running):
    // the kernel sends SIGKILL when the parent exits. A parent that died before prctl() is seen
    // by its pid, which the script passes (not under mpirun, whose daemons are the parent).
    w.line('#ifdef __linux__');
    w.line('prctl(PR_SET_PDEATHSIG, SIGKILL);');
    w.line(`const char* const _parent_pid = std::getenv("${PARENT_PID_VARIABLE}");`);
    w.line('if (_parent_pid != nullptr && getppid() != (pid_t)std::atol(_parent_pid)) return 3;');
    w.line('#endif');
    for (const line of hooks.start) w.line(line);
    w.line('std::string results_dir = "results";');
    w.line('std::vector<RunArg> run_args;');
    w.block('for (int k = 1; k < argc; k++)', () => {
      w.line('if (!std::strcmp(argv[k], "--results_dir") && k + 1 < argc) results_dir = argv[++k];');
      w.line(
        'else if (!std::strcmp(argv[k], "--arg") && k + 4 < argc) { RunArg a{argv[k + 1], std::atol(argv[k + 2]), std::atol(argv[k + 3]), argv[k + 4]}; run_args.push_back(a); k += 4; }',
      );
    });
    w.line('_init_arrays();');
    w.line('brian::seed_randomly(brian::_draws);');
    for (const line of hooks.afterRandomSeed) w.line(line);
    w.line('std::vector<double> _run_times;');
    w.line('struct _Profile { int run; const char* name; double seconds; };');
    w.line('std::vector<_Profile> _profiles;');
    ops.forEach((op, k) => {
      emitOperation(w, op, k, files, snapshots);
    });
    for (const line of hooks.beforeResults ?? []) w.line(line);
    w.block(hooks.writesResults ? `if (${hooks.writesResults})` : '', () => {
      w.line('_write_results(results_dir);');
      w.line('FILE* f = std::fopen((results_dir + "/last_run_info.txt").c_str(), "w");');
      w.line('for (double x : _run_times) std::fprintf(f, "%.17g\\n", x);');
      w.line('std::fclose(f);');
    });
    // Seconds per runner of the runs made with `profile: true`: `run<TAB>name<TAB>seconds`.
    w.block('if (!_profiles.empty())', () => {
      w.line('FILE* f = std::fopen((results_dir + "/profile.txt").c_str(), "w");');
      w.line(
        'for (const _Profile& p : _profiles) std::fprintf(f, "%d\\t%s\\t%.17g\\n", p.run, p.name, p.seconds);',
      );
      w.line('std::fclose(f);');
    });
    // The program's peak resident memory (KiB on Linux), as Brian's benchmarks measure it.
    w.block('', () => {
      w.line('struct rusage _usage;');
      w.line('getrusage(RUSAGE_SELF, &_usage);');
      for (const line of hooks.peakMemory ?? []) w.line(line);
      w.block(hooks.writesResults ? `if (${hooks.writesResults})` : '', () => {
        w.line('FILE* f = std::fopen((results_dir + "/peak_memory_kb.txt").c_str(), "w");');
        w.line('std::fprintf(f, "%ld\\n", (long)_usage.ru_maxrss);');
        w.line('std::fclose(f);');
      });
    });
    for (const line of hooks.end) w.line(line);
    w.line('return 0;');
  });
  return w.toString();
}

/** What a distributed program (devices/mpi) adds to main.cpp. */
export interface MainHooks {
  /** Lines after the includes (headers, globals). */
  readonly globals: readonly string[];
  /** The first statements of main(). */
  readonly start: readonly string[];
  /** After an unseeded program seeded itself (every process must take the same seed). */
  readonly afterRandomSeed: readonly string[];
  /** A C++ condition: this process writes the results (undefined: always). */
  readonly writesResults?: string;
  /** Statements every process runs before the results are written (collective writes). */
  readonly beforeResults?: readonly string[];
  /**
   * Arrays (C++ names) that `beforeResults` writes, left out of `_write_results`, with the
   * `brian::mpi::LocalSynapses` global that runArgs on them go through.
   */
  readonly writtenApart?: ReadonlyMap<string, string>;
  /** Given `_usage` (getrusage), statements that make `_usage.ru_maxrss` what the results report. */
  readonly peakMemory?: readonly string[];
  /** The last statements before main() returns. */
  readonly end: readonly string[];
}

const NO_HOOKS: MainHooks = { globals: [], start: [], afterRandomSeed: [], end: [] };

/** A C++ prefix per snapshot key (`_snapshot_0_`), in order of first store(). */
function snapshotNames(ops: readonly Operation[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const op of ops)
    if (op.kind === 'store' && !names.has(op.key)) names.set(op.key, `_snapshot_${names.size}_`);
  return names;
}

/** The copies each snapshot key needs: every array and queue any store() with that key saves, and the random state. */
function snapshotGlobals(ops: readonly Operation[], names: ReadonlyMap<string, string>): string[] {
  const lines = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'store') continue;
    const prefix = names.get(op.key)!;
    lines.add(`static uint32_t ${prefix}seed[2];`);
    for (const d of op.arrays) lines.add(`static std::vector<${storageType(d.type)}> ${prefix}${d.cppName};`);
    for (const q of op.queues) lines.add(`static brian::SpikeQueue ${prefix}${q};`);
  }
  return [...lines];
}

function emitOperation(
  w: CodeWriter,
  op: Operation,
  k: number,
  files: DataFiles,
  snapshots: ReadonlyMap<string, string>,
): void {
  switch (op.kind) {
    case 'call':
      if (op.draws) {
        w.line(
          `brian::_draws.epoch = ${op.draws.epoch}u; brian::_draws.once = true; brian::_draws.call = ${op.draws.call}u;`,
        );
      }
      w.line(`${op.fn}(${doubleLiteral(op.t)}, ${doubleLiteral(op.dt)}, ${op.timestep});`);
      return;
    case 'set': {
      const values = `op${k}_values`;
      files.set(values, bytesOf(op.values).slice());
      let indices = '';
      if (op.indices) {
        indices = `static_arrays/op${k}_indices`;
        files.set(`op${k}_indices`, bytesOf(op.indices).slice());
      }
      const target = op.target;
      if (op.local) {
        w.line(
          `brian::mpi::set_values_global(${target.cppName}, ${op.local}, ${cppString(`static_arrays/${values}`)}, ${cppString(indices)});`,
        );
      } else if (target.dynamic) {
        w.line(
          `brian::set_values(${target.cppName}, ${cppString(target.id)}, ${cppString(`static_arrays/${values}`)}, ${cppString(indices)});`,
        );
      } else {
        w.line(
          `brian::set_values(${target.cppName}, ${target.size}, ${cppString(`static_arrays/${values}`)}, ${cppString(indices)});`,
        );
      }
      return;
    }
    case 'fill': {
      const t = op.target;
      const value = `(${storageType(t.type)})${literalOf(t.type, op.value)}`;
      if (t.dynamic) w.line(`std::fill(${t.cppName}.begin(), ${t.cppName}.end(), ${value});`);
      else w.line(`std::fill(${t.cppName}, ${t.cppName} + ${t.size}, ${value});`);
      return;
    }
    case 'replace': {
      files.set(`op${k}_values`, bytesOf(op.values).slice());
      const t = op.target;
      if (t.dynamic) w.line(`${t.cppName}.resize(${op.values.length});`);
      const size = t.dynamic ? `${op.values.length}` : `${t.size}`;
      w.line(
        `brian::set_values(${t.dynamic ? `${t.cppName}.data()` : t.cppName}, ${size}, "static_arrays/op${k}_values", "");`,
      );
      return;
    }
    case 'arange':
      w.line(
        `${op.target.cppName}.resize(${op.local ? `(size_t)${op.local}.n_global` : `${op.lengthOf.cppName}.size()`});`,
      );
      w.line(
        `for (size_t _k = 0; _k < ${op.target.cppName}.size(); _k++) ${op.target.cppName}[_k] = ${op.offset} + (int32_t)_k;`,
      );
      return;
    case 'append':
      files.set(`op${k}_values`, bytesOf(op.values).slice());
      if (op.local?.pre) {
        w.line(
          `brian::mpi::append_pairs(${op.local.pre.cppName}, ${op.target.cppName}, ${op.local.name}, "static_arrays/op${k}_values");`,
        );
      } else if (op.local) {
        w.line(`brian::mpi::hold_sources("static_arrays/op${k}_values");`);
      } else {
        w.line(`brian::append_values(${op.target.cppName}, "static_arrays/op${k}_values");`);
      }
      return;
    case 'synapses_connected':
      w.block('', () => {
        w.line(`const size_t _n = ${op.pre.cppName}.size();`);
        for (const p of op.perSynapse) {
          w.line(
            `${p.target.cppName}.resize(_n, (${storageType(p.target.type)})${literalOf(p.target.type, p.fill)});`,
          );
        }
        const multi = op.multisynapticIndex ? `&${op.multisynapticIndex.cppName}` : 'nullptr';
        const size = (c: number | ArrayDecl) =>
          typeof c === 'number' ? String(c) : `(int32_t)${c.cppName}.size()`;
        w.line(`${op.count.cppName}[0] = (int32_t)${op.local ? `${op.local}.n_global` : '_n'};`);
        w.line(
          `brian::synapses_counts(${op.pre.cppName}, ${op.post.cppName}, ${size(op.sourceSize)}, ${size(op.targetSize)}, ${op.nOutgoing.cppName}, ${op.nIncoming.cppName}, ${multi});`,
        );
        if (op.local) {
          // Each process counted its own synapses: the counts of all are their sums.
          const data = (d: ArrayDecl) => (d.dynamic ? `${d.cppName}.data()` : d.cppName);
          w.line(`brian::mpi::sum_over_processes(${data(op.nOutgoing)}, ${size(op.sourceSize)});`);
          w.line(`brian::mpi::sum_over_processes(${data(op.nIncoming)}, ${size(op.targetSize)});`);
        }
      });
      return;
    case 'seed':
      w.line(`brian::_draws.seed_lo = ${op.lo}u; brian::_draws.seed_hi = ${op.hi}u;`);
      return;
    case 'store': {
      const prefix = snapshots.get(op.key)!;
      for (const d of op.arrays) {
        if (d.dynamic) w.line(`${prefix}${d.cppName} = ${d.cppName};`);
        else w.line(`${prefix}${d.cppName}.assign(${d.cppName}, ${d.cppName} + ${d.size});`);
      }
      for (const q of op.queues) w.line(`${prefix}${q} = ${q};`);
      w.line(`${prefix}seed[0] = brian::_draws.seed_lo; ${prefix}seed[1] = brian::_draws.seed_hi;`);
      return;
    }
    case 'restore': {
      const prefix = snapshots.get(op.key)!;
      for (const d of op.arrays) {
        if (d.dynamic) w.line(`${d.cppName} = ${prefix}${d.cppName};`);
        else w.line(`std::copy(${prefix}${d.cppName}.begin(), ${prefix}${d.cppName}.end(), ${d.cppName});`);
      }
      for (const q of op.queues) w.line(`${q} = ${prefix}${q};`);
      if (op.random)
        w.line(`brian::_draws.seed_lo = ${prefix}seed[0]; brian::_draws.seed_hi = ${prefix}seed[1];`);
      return;
    }
    case 'run_args':
      w.line('apply_run_args(run_args);');
      return;
    case 'run':
      emitRun(w, op);
      return;
  }
}
