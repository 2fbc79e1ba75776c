import { BrianError } from '../diagnostics/diagnostic.ts';
import { platform } from '../platform/platform.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';

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
    const stream = option === 'stderr' ? 'stderr' : 'stdout';
    callback = textReport({ write: (text) => platform().write(stream, text) });
  } else {
    throw new BrianError(
      'bad_argument',
      `report must be 'text', 'stdout', 'stderr' or a function, got ${describeValue(option)}.`,
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

/** Brian's TextReport: the same lines, word for word. */
export function textReport(stream: { write(text: string): unknown }): ReportCallback {
  return (elapsed, completed, start, duration) => {
    if (completed === 0) {
      stream.write(`Starting simulation at t=${seconds(start)} for a duration of ${seconds(duration)}\n`);
      return;
    }
    const percent = Math.trunc(completed * 100);
    let line = `${seconds(completed * duration)} (${percent}%) simulated in ${formatTime(elapsed)}`;
    if (completed < 1) {
      const remaining = Math.round(((1 - completed) / completed) * elapsed);
      line += `, estimated ${formatTime(remaining)} remaining.`;
    }
    stream.write(`${line}\n`);
  };
}

function seconds(value: number): string {
  return String(new Quantity(value, second.dim));
}

/** Brian's `_format_time`: '3h 25m 45s', '12s', '< 1s'. */
export function formatTime(timeInSeconds: number): string {
  let remaining = timeInSeconds;
  const parts: string[] = [];
  for (const [divisor, letter] of [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ] as const) {
    const count = Math.trunc(remaining / divisor);
    remaining -= count * divisor;
    if (count > 0 || parts.length > 0) parts.push(`${count}${letter}`);
  }
  return parts.length > 0 ? parts.join(' ') : '< 1s';
}
