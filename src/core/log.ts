import { platform } from '../platform/platform.ts';

/**
 * Brian-style logging: warnings and info messages with a stable name that users can silence
 * (`suppressWarning('resolution_conflict')`). Messages go to stderr; tests can capture them.
 */
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

export interface LogRecord {
  readonly level: LogLevel;
  readonly name: string;
  readonly message: string;
}

type Sink = (record: LogRecord) => void;

const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warning: 2, error: 3 };
const suppressed = new Set<string>();
let threshold: LogLevel = 'warning';
let sink: Sink = (r) => platform().write('stderr', `${r.level.toUpperCase()} [${r.name}] ${r.message}\n`);

/** Messages logged with `once` (Brian's `once=True`): each is shown once per process. */
const loggedOnce = new Set<string>();

export interface LogOptions {
  /** Log this exact message only the first time (Brian's `once=True`). */
  readonly once?: boolean;
}

export function log(level: LogLevel, name: string, message: string, options: LogOptions = {}): void {
  if (LEVEL_RANK[level] < LEVEL_RANK[threshold] || suppressed.has(name)) return;
  if (options.once) {
    const key = `${level}\n${name}\n${message}`;
    if (loggedOnce.has(key)) return;
    loggedOnce.add(key);
  }
  sink({ level, name, message });
}

export const warn = (name: string, message: string, options?: LogOptions) =>
  log('warning', name, message, options);
export const info = (name: string, message: string, options?: LogOptions) =>
  log('info', name, message, options);

/** Shows messages from `level` up (Brian's console default is INFO; ours is WARNING to keep scripts quiet). */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** Stops showing log messages of this name (Brian's `BrianLogger.suppress_name`), e.g. a warning the script expects. */
export function suppressWarning(name: string): void {
  suppressed.add(name);
}

/** Collects log records while `fn` runs (for tests), then restores the previous sink. */
export function catchLogs<T>(fn: () => T): {
  /** What `fn` returned. */
  result: T;
  /** Every log record emitted while `fn` ran, debug level included, in order. */
  records: LogRecord[];
} {
  const records: LogRecord[] = [];
  const previous = sink;
  const previousThreshold = threshold;
  sink = (r) => records.push(r);
  threshold = 'debug';
  try {
    return { result: fn(), records };
  } finally {
    sink = previous;
    threshold = previousThreshold;
  }
}
