import assert from 'node:assert/strict';
import type { ErrorCode } from '../../diagnostics/codes.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * Test helper: `fn` must throw a BrianError with `code`, and, when given, a span covering
 * exactly [start, end). Returns the error for further checks.
 */
export function throwsBrian(fn: () => unknown, code: ErrorCode, start?: number, end?: number): BrianError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof BrianError, `expected a BrianError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (start !== undefined) {
    assert.ok(caught.span, `error ${code} has no span`);
    assert.equal(caught.span.source !== undefined, true, 'span without source');
    assert.deepEqual([caught.span.start, caught.span.end], [start, end ?? start], caught.message);
  }
  return caught;
}

/** [start, end) of the `occurrence`-th (0-based) appearance of `part` in `text`. */
export function where(text: string, part: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(part, at + 1);
    assert.ok(at >= 0, `'${part}' not found ${occurrence + 1} times in '${text}'`);
  }
  return [at, at + part.length];
}
