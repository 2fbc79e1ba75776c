import type { CodeWriter } from '../../compiler/4-generate/code-writer.ts';
import type { ResolvedAction } from './program.ts';

/** One runner of a step: its actions, and how to print it (inside the step's parallel region or not). */
export interface StepRunner {
  readonly actions: readonly ResolvedAction[];
  emit(inRegion: boolean): void;
}

/** Whether an action calls a team kernel (compiler/4-generate/cpp/team.ts). */
export function isTeamCall(a: ResolvedAction): boolean {
  return a.kind === 'call' && a.openmp === 'team';
}

/**
 * The runners of one step. A stretch of runners from one that calls a team kernel to the last
 * such runner before any runner whose kernel opens parallel regions of its own is printed in
 * one `#pragma omp parallel` region: its thread team is woken once for the stretch instead of
 * once per parallel loop, team kernels are called by every thread, and the other actions run on
 * one thread (emitRegionActions). Runners outside such stretches are printed as they are.
 *
 * Whether the stretch runs in the region or on this thread alone (without a region, every team
 * kernel is a team of one and does all its work in the serial order) is chosen by timing both,
 * as single loops are (brianlib/loop_choice.h): on a small network, waking the threads costs
 * more than they save. The stretch is a lambda, called in the region by every thread or once
 * without one (a region with a false `if` clause would still cost ~2 µs per step).
 */
export function emitStepRunners(w: CodeWriter, runners: readonly StepRunner[]): void {
  const team = (r: StepRunner) => r.actions.some(isTeamCall);
  const regions = (r: StepRunner) => r.actions.some((a) => a.kind === 'call' && a.openmp === 'regions');
  let k = 0;
  while (k < runners.length) {
    if (!team(runners[k]) || regions(runners[k])) {
      runners[k].emit(false);
      k++;
      continue;
    }
    let last = k;
    for (let j = k + 1; j < runners.length && !regions(runners[j]); j++) if (team(runners[j])) last = j;
    const stretch = runners.slice(k, last + 1);
    w.block('', () => {
      w.block(
        'const auto _stretch = [&]()',
        () => {
          for (const r of stretch) r.emit(true);
        },
        '};',
      );
      w.line('static brian::LoopChoice _choice;');
      w.block('if (_choice.parallel())', () => {
        w.line('#pragma omp parallel');
        w.line('_stretch();');
      });
      w.line('else _stretch();');
      w.line('_choice.done(1.0);');
    });
    k = last + 1;
  }
}

/**
 * A runner's actions inside the step's region: team kernels called by every thread, each run of
 * other actions by one thread (`#pragma omp single`, whose closing barrier keeps the order).
 */
export function emitRegionActions(
  w: CodeWriter,
  actions: readonly ResolvedAction[],
  emitActions: (actions: readonly ResolvedAction[]) => void,
): void {
  let k = 0;
  while (k < actions.length) {
    const a = actions[k];
    // A queue its pathway's kernel pushes itself prints only a comment: no need for a single.
    if (isTeamCall(a) || (a.kind === 'push_spikes' && a.parts)) {
      emitActions([a]);
      k++;
      continue;
    }
    let end = k + 1;
    while (end < actions.length && !isTeamCall(actions[end])) end++;
    const serial = actions.slice(k, end);
    w.line('#pragma omp single');
    w.block('', () => emitActions(serial));
    k = end;
  }
}
