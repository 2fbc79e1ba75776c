import { ERROR_CODES } from '../../../src/diagnostics/codes.ts';
import { BrianError } from '../../../src/diagnostics/diagnostic.ts';

/**
 * The oracle of the fuzz suite, per case: the call succeeds, or it throws a BrianError whose
 * code is in the catalogue (src/diagnostics/codes.ts). Anything else is a failure: another
 * exception (TypeError, RangeError of a stack overflow, an `internal:` Error), a code missing from
 * the catalogue, an injection (scan-source.ts, payloads.ts), a case over the time bound or one
 * that never returns (a hang: the worker is stopped), or a dead worker (a crash).
 */

export type FailureKind = 'uncoded' | 'unknown_code' | 'injection' | 'hang' | 'crash' | 'codegen';

export interface Failure {
  readonly index: number;
  readonly kind: FailureKind;
  /** The input (filled in later for a case that hung or crashed the worker). */
  label: string;
  readonly message: string;
}

/** What one case gave: accepted, a catalogued code, or a failure. */
export type Outcome =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'coded'; readonly code: string }
  | { readonly kind: 'failure'; readonly failure: FailureKind; readonly message: string };

export function classify(error: unknown): Outcome {
  if (error instanceof BrianError) {
    if (Object.hasOwn(ERROR_CODES, error.code)) return { kind: 'coded', code: error.code };
    return {
      kind: 'failure',
      failure: 'unknown_code',
      message: `code ${String(error.code)}: ${error.message}`,
    };
  }
  return { kind: 'failure', failure: 'uncoded', message: describeError(error) };
}

/** An exception as the first lines of its stack (the frames inside src/ say where to fix it). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? '')
      .split('\n')
      .filter((l) => l.trim().startsWith('at '))
      .slice(0, 6)
      .map((l) => l.replace(/\(file:\/\/[^)]*?\/(src|test)\//, '($1/'))
      .join(' | ');
    return `${error.name}: ${error.message.slice(0, 400)}${frames ? ` | ${frames}` : ''}`;
  }
  return `a thrown ${typeof error}: ${String(error).slice(0, 200)}`;
}

/** Counts of one fuzz file. */
export class Tally {
  cases = 0;
  accepted = 0;
  readonly coded = new Map<string, number>();
  readonly failures: Failure[] = [];

  /** The slowest case that returned (ms, index, label). */
  slowest = { ms: 0, index: -1, label: '' };

  add(index: number, label: string, outcome: Outcome, ms = 0): void {
    this.cases++;
    if (ms > this.slowest.ms) this.slowest = { ms, index, label };
    if (outcome.kind === 'accepted') this.accepted++;
    else if (outcome.kind === 'coded') this.coded.set(outcome.code, (this.coded.get(outcome.code) ?? 0) + 1);
    else this.failures.push({ index, kind: outcome.failure, label, message: outcome.message });
  }

  /** The counts as printed at the end of each fuzz file. */
  summary(name: string, seed: number, seconds: number): string[] {
    const codedTotal = [...this.coded.values()].reduce((a, b) => a + b, 0);
    const byKind = new Map<string, number>();
    for (const f of this.failures) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    const codes = [...this.coded.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const lines = [
      `fuzz ${name}: ${this.cases} cases (seed ${seed}, ${seconds.toFixed(1)} s): ${this.accepted} accepted, ` +
        `${codedTotal} coded errors, ${this.failures.length} failures` +
        (byKind.size ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''),
      `fuzz ${name}: coded errors by code: ${codes || 'none'}`,
      `fuzz ${name}: slowest case ${this.slowest.index} (${(this.slowest.ms / 1000).toFixed(2)} s): ${this.slowest.label.slice(0, 160)}`,
    ];
    for (const f of this.failures.slice(0, 25)) {
      lines.push(`fuzz ${name}: FAILURE ${f.kind} in case ${f.index} ${f.label}\n    ${f.message}`);
    }
    if (this.failures.length > 25)
      lines.push(`fuzz ${name}: … and ${this.failures.length - 25} more failures`);
    return lines;
  }
}
