import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A reference recorded from Brian 2.5.1 (test/reference/<name>.json). */
// biome-ignore lint/suspicious/noExplicitAny: reference files are free-form JSON
export function loadReference(name: string): any {
  return JSON.parse(readFileSync(join(here, '..', 'reference', `${name}.json`), 'utf8'));
}

/** Largest |a-b| / max(|b|, floor) over two arrays. */
export function maxRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-12,
): number {
  assert.equal(actual.length, expected.length, `length ${actual.length} vs expected ${expected.length}`);
  let worst = 0;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k];
    const err = Math.abs(actual[k] - e) / Math.max(Math.abs(e), floor);
    if (!(err <= worst)) worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
  }
  return worst;
}

export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  what: string,
  floor = 1e-12,
): void {
  const err = maxRelativeError(actual, expected, floor);
  assert.ok(err <= rtol, `${what}: max relative error ${err} > ${rtol}`);
}

/** Asserts that a function throws a BrianError with the given code. */
export function throwsCode(fn: () => unknown, code: string): Error & { code: string } {
  try {
    fn();
  } catch (e) {
    const err = e as Error & { code: string };
    assert.equal(err.code, code, `expected error code ${code}, got ${err.code}: ${err.message}`);
    return err;
  }
  assert.fail(`expected a BrianError with code ${code}, but nothing was thrown`);
}
