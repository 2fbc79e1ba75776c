import type { CodeWriter } from '../../compiler/4-generate/code-writer.ts';
import { cppString } from '../../compiler/4-generate/cpp/names.ts';
import { doubleLiteral } from '../../compiler/4-generate/cpp/print-expr.ts';
import type { Operation, ResolvedAction } from './program.ts';
import { emitRegionActions, emitStepRunners } from './step-region.ts';

type RunOperation = Extract<Operation, { kind: 'run' }>;

/**
 * The step loop of one run, printed with direct calls: one regular clock gives a plain loop over
 * its integer steps; several clocks (or an EventClock) advance together whenever their times
 * agree (Brian's `same_time`, the algorithm of the runtime's run loop). With team kernels the
 * runners of a step run in one OpenMP parallel region (step-region.ts). Spike queues are
 * (re)built first, the loop's wall time is recorded, progress lines are printed when a report
 * was asked for, each runner is timed when profiling, and the run's finishing actions follow.
 */
export function emitRun(w: CodeWriter, run: RunOperation): void {
  w.block('', () => {
    w.line(`// run ${run.index}: ${doubleLiteral(run.duration)} s from t = ${doubleLiteral(run.start)} s`);
    w.line(`brian::_draws.epoch = ${run.epoch}u; brian::_draws.once = false;`);
    run.clocks.forEach((c, k) => {
      w.line(
        `brian::Clock _c${k}; _c${k}.timestep = ${c.timestep}; _c${k}.end = ${c.end}; _c${k}.dt = ${doubleLiteral(c.dt)}; // ${c.name}`,
      );
      if (c.times) {
        w.line(`static const double _times_c${k}[] = {${c.times.map(doubleLiteral).join(', ')}};`);
        w.line(`_c${k}.times = _times_c${k};`);
      }
    });
    for (const line of run.before ?? []) w.line(line);
    for (const q of run.queues) {
      const args = `${q.sourceIndex.cppName}, ${q.sourceSize}, ${q.delays.cppName}, ${doubleLiteral(q.dt)}`;
      const p = q.parts;
      if (p) {
        const keys = p.keys ? `&${p.keys.cppName}` : 'nullptr';
        w.line(
          `${q.queue}.prepare_parts(${args}, ${keys}, omp_get_max_threads(), ${p.eventspace.cppName}, ${p.eventspaceSize}, ${p.start}, ${p.stop});`,
        );
      } else {
        w.line(`${q.queue}.prepare(${args}${q.owned ? `, ${q.owned}` : ''});`);
      }
    }
    if (run.profile) w.line(`double _profile[${Math.max(1, run.runners.length)}] = {0};`);
    const start = doubleLiteral(run.start);
    const duration = doubleLiteral(run.duration);
    const report = run.report;
    w.line('const double _wall_start = brian::now_seconds();');
    if (report) {
      w.line('double _last_report = _wall_start;');
      w.line(`brian::report_progress(${run.index}, 0, 0, ${start}, ${duration});`);
    }
    const maybeReport = (t: string) => {
      if (!report) return;
      w.block('', () => {
        w.line('const double _now = brian::now_seconds();');
        w.block(`if (_now - _last_report >= ${doubleLiteral(report.period)})`, () => {
          w.line('_last_report = _now;');
          w.line(
            `brian::report_progress(${run.index}, _now - _wall_start, ${run.duration > 0 ? `(${t} - ${start}) / ${duration}` : '1.0'}, ${start}, ${duration});`,
          );
        });
      });
    };
    // Runner k's actions; in the step's parallel region, only thread 0 adds up its time.
    const runner = (k: number, t: string, dt: string, ts: string, inRegion: boolean) => {
      const actions = run.runners[k].actions;
      const print = (list: readonly ResolvedAction[]) => emitActions(w, list, t, dt, ts);
      const body = () => (inRegion ? emitRegionActions(w, actions, print) : print(actions));
      if (!run.profile) return body();
      w.block('', () => {
        w.line('const double _p0 = brian::now_seconds();');
        body();
        const add = `_profile[${k}] += brian::now_seconds() - _p0;`;
        w.line(inRegion ? `if (omp_get_thread_num() == 0) ${add}` : add);
      });
    };
    if (run.clocks.length === 0) {
      // Nothing to simulate.
    } else if (run.clocks.length === 1 && !run.clocks[0].times) {
      w.block('for (int64_t _ts = _c0.timestep; _ts < _c0.end; _ts++)', () => {
        w.line('const double _t = (double)_ts * _c0.dt;');
        w.line('_c0.timestep = _ts;');
        emitStepRunners(
          w,
          run.runners.map((r, k) => ({
            actions: r.actions,
            emit: (inRegion) => runner(k, '_t', '_c0.dt', '_ts', inRegion),
          })),
        );
        if (report) w.line('if ((_ts & 1023) == 0)');
        if (report) w.indent(() => maybeReport('_t'));
      });
      w.line('_c0.timestep = _c0.end;');
    } else {
      const n = run.clocks.length;
      w.block('for (;;)', () => {
        w.line('const brian::Clock* _min = &_c0;');
        for (let k = 1; k < n; k++) w.line(`if (_c${k}.t() < _min->t()) _min = &_c${k};`);
        w.line('if (!(_min->timestep < _min->end)) break;');
        for (let k = 0; k < n; k++) {
          w.line(`const bool _cur${k} = _c${k}.timestep < _c${k}.end && brian::same_time(_c${k}, *_min);`);
        }
        emitStepRunners(
          w,
          run.runners.map((r, k) => {
            const c = `_c${r.clock}`;
            return {
              actions: r.actions,
              emit: (inRegion) =>
                w.block(`if (_cur${r.clock})`, () =>
                  runner(k, `${c}.t()`, `${c}.dt`, `${c}.timestep`, inRegion),
                ),
            };
          }),
        );
        w.line('const double _tmin = _min->t();');
        for (let k = 0; k < n; k++) w.line(`if (_cur${k}) _c${k}.timestep++;`);
        maybeReport('_tmin');
      });
    }
    for (const line of run.after ?? []) w.line(line);
    w.line('const double _elapsed = brian::now_seconds() - _wall_start;');
    w.line('_run_times.push_back(_elapsed);');
    if (report) w.line(`brian::report_progress(${run.index}, _elapsed, 1.0, ${start}, ${duration});`);
    emitActions(w, run.finish, '0.0', '0.0', '0');
    if (run.profile) {
      run.runners.forEach((r, k) => {
        w.line(`_profiles.push_back({${run.index}, ${JSON.stringify(r.name)}, _profile[${k}]});`);
      });
    }
    // Clocks the loop does not advance (no runner) end at their end step too.
    for (let k = 0; k < run.clocks.length; k++) w.line(`_c${k}.timestep = _c${k}.end;`);
  });
}

function emitActions(
  w: CodeWriter,
  actions: readonly ResolvedAction[],
  t: string,
  dt: string,
  ts: string,
): void {
  for (const a of actions) {
    switch (a.kind) {
      case 'call':
        w.line(`${a.fn}(${t}, ${dt}, ${ts});`);
        break;
      case 'push_spikes':
        if (a.parts) {
          w.line(`// ${a.queue}: pushed and popped per thread by the pathway's kernel`);
          break;
        }
        w.line(`${a.queue}.push(${a.eventspace.cppName}, ${a.eventspaceSize}, ${a.start}, ${a.stop});`);
        if (!a.kernelPops) w.line(`${a.queue}.pop(${a.due.cppName});`);
        break;
      case 'source_clock':
        w.line(
          `${a.target.cppName}[0] = _c${a.clock}.t(); ${a.target.cppName}[1] = _c${a.clock}.dt; ${a.target.cppName}[2] = (double)_c${a.clock}.timestep;`,
        );
        break;
      case 'code':
        for (const line of a.lines) w.line(line);
        break;
      case 'clear_events':
        w.line(`${a.target.cppName}[${a.index}] = 0;`);
        break;
      case 'check_finite': {
        const c = `_c${a.clock}`;
        w.block(`if ((${ts} + 1) % ${a.every} == 0 || ${ts} + 1 == ${c}.end)`, () => {
          for (const { decl, label } of a.arrays) {
            const data = decl.dynamic
              ? `${decl.cppName}.data(), ${decl.cppName}.size()`
              : `${decl.cppName}, ${decl.size}`;
            w.line(`_brian_check_finite(${data}, ${cppString(label)}, ${ts}, ${a.every}, ${c}.dt);`);
          }
        });
        break;
      }
    }
  }
}
