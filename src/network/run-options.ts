import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Quantity } from '../units/quantity.ts';
import type { CheckpointOptions } from './checkpoint-options.ts';
import type { NumericalHealthOptions } from './numerical-health.ts';
import type { ReportOption } from './report.ts';

/** The options of `run(duration, options)` and `Network.run`: Brian's `report`, `report_period` and `namespace`. */
export interface RunOptions {
  /** `'text'`/`'stdout'`, `'stderr'`, or a callback `(elapsed, completed, start, duration)`. */
  readonly report?: ReportOption;
  /** How often to report, in wall-clock time (default 10 s). */
  readonly reportPeriod?: Quantity;
  /** Names used by the model's code that no group namespace defines (Brian's `run(namespace=…)`). */
  readonly namespace?: Namespace;
  /** Measure the time spent in each operation (`net.profilingInfo`, `profilingSummary(net)`). */
  readonly profile?: boolean;
  /**
   * Stop with the coded `numerical_error` when a state variable becomes NaN or infinite, naming
   * the object, the variable, the first bad index and the step: checked every `every` steps
   * (default 1000) and at the end of the run, on every device; `false` switches it off (for
   * models that store NaN on purpose).
   */
  readonly checkFinite?: NumericalHealthOptions | false;
  /**
   * Durable runs: write a resumable snapshot to `path` every `every` (a time, or a number of
   * steps of the fastest clock) and at the end; the same script started again after a kill
   * resumes from it and ends with the results of an uninterrupted run (see
   * {@link CheckpointOptions}). Runtime device, Node only.
   */
  readonly checkpoint?: CheckpointOptions;
}

/** Options of `runAsync`: those of `run`, plus a signal that stops the run. */
export interface AsyncRunOptions extends RunOptions {
  /**
   * Stops the run after the current time step; the promise then rejects with `signal.reason`.
   * With `checkpoint`, the snapshot written then resumes the run when the script runs again
   * (whereas `stop()` ends a run: its snapshot is final).
   */
  readonly signal?: AbortSignal;
}
