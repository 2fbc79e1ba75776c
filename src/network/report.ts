import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Quantity } from '../units/quantity.ts';

/** Progress reports during a run, as Brian's `report=`: text to stdout/stderr or a callback. */
export type ReportCallback = (
  elapsedSeconds: number,
  completed: number,
  start: number,
  duration: number,
) => void;
export type ReportOption = 'text' | 'stdout' | 'stderr' | ReportCallback | undefined;

export interface Reporter {
  maybeReport(t: number): void;
  finish(simulated: number): void;
}

export function createReporter(
  option: ReportOption,
  period: Quantity | undefined,
  start: number,
  duration: number,
): Reporter | undefined {
  if (option === undefined) return undefined;
  const periodSeconds = period?.value ?? 10;
  let callback: ReportCallback;
  if (typeof option === 'function') callback = option;
  else if (option === 'text' || option === 'stdout' || option === 'stderr') {
    const stream = option === 'stderr' ? process.stderr : process.stdout;
    callback = (elapsed, completed) => {
      const pct = Math.round(completed * 100);
      const simulated = formatSeconds(completed * duration);
      const remaining =
        completed > 0 && completed < 1
          ? `, estimated ${formatWall(elapsed * (1 / completed - 1))} remaining`
          : '';
      stream.write(
        completed >= 1
          ? `${formatSeconds(duration)} (100%) simulated in ${formatWall(elapsed)}\n`
          : `${simulated} (${pct}%) simulated in ${formatWall(elapsed)}${remaining}.\n`,
      );
    };
  } else {
    throw new BrianError(
      'bad_argument',
      `report must be 'text', 'stdout', 'stderr' or a function, got ${String(option)}.`,
    );
  }
  const started = performance.now();
  let lastReport = started;
  callback(0, 0, start, duration);
  return {
    maybeReport(t: number) {
      const now = performance.now();
      if ((now - lastReport) / 1000 >= periodSeconds) {
        lastReport = now;
        callback((now - started) / 1000, duration > 0 ? (t - start) / duration : 1, start, duration);
      }
    },
    finish() {
      callback((performance.now() - started) / 1000, 1, start, duration);
    },
  };
}

function formatSeconds(s: number): string {
  return `${Number(s.toPrecision(6))} s`;
}

function formatWall(s: number): string {
  return s < 60 ? `${s.toFixed(s < 10 ? 2 : 0)}s` : `${Math.floor(s / 60)}m ${Math.round(s % 60)}s`;
}
