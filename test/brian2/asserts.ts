/**
 * Brian's test assertions (`brian2/tests/utils.py`, numpy.testing) for the translated tests:
 * `assertAllclose` is Brian 2.5.1's `assert_allclose` (dimensions must match, then
 * |actual - desired| <= rtol·|desired| with rtol = 4.5e8·eps ≈ 1e-7, atol 0, NaN equal to NaN,
 * a scalar broadcast against an array); `assertEqual` is numpy's `assert_equal` (exact).
 */
import assert from 'node:assert/strict';
import { catchLogs } from '../../src/core/log.ts';
import { DIMENSIONLESS, type Dimension } from '../../src/units/dimension.ts';
import { Quantity } from '../../src/units/quantity.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';

/** Brian 2.5.1: `eps * 4.5e8` for float64. */
export const BRIAN_RTOL = Number.EPSILON * 4.5e8;

/** What the assertions accept: quantities, quantity arrays, variable views (anything with `quantity`), plain numbers and arrays. */
export type Comparable =
  | number
  | boolean
  | Quantity
  | QuantityArray
  | ArrayLike<number>
  | ArrayLike<boolean>
  | { readonly quantity: QuantityArray };

interface Flat {
  readonly values: ArrayLike<number>;
  readonly dim: Dimension;
  readonly scalar: boolean;
}

function flatten(x: Comparable, what: string): Flat {
  if (typeof x === 'number' || typeof x === 'boolean')
    return { values: [Number(x)], dim: DIMENSIONLESS, scalar: true };
  if (x instanceof Quantity) return { values: [x.value], dim: x.dim, scalar: true };
  if (x instanceof QuantityArray) return { values: x.values, dim: x.dim, scalar: false };
  if (typeof x === 'object' && x !== null && 'quantity' in x && x.quantity instanceof QuantityArray) {
    return { values: x.quantity.values, dim: x.quantity.dim, scalar: false };
  }
  if (typeof x === 'object' && x !== null && 'length' in x) {
    return { values: Array.from(x as ArrayLike<number>, Number), dim: DIMENSIONLESS, scalar: false };
  }
  throw new Error(`${what}: cannot compare ${String(x)}`);
}

function broadcast(a: Flat, b: Flat, message?: string): number {
  // A scalar against an array is compared with each element (none for an empty array).
  if (a.scalar && b.scalar) return 1;
  if (a.scalar || b.scalar) return a.scalar ? b.values.length : a.values.length;
  assert.equal(
    a.values.length,
    b.values.length,
    `${message ? `${message}: ` : ''}shapes differ (${a.values.length} vs ${b.values.length})`,
  );
  return a.values.length;
}

const valueAt = (f: Flat, k: number) => (f.scalar ? f.values[0] : f.values[k]);

/** Brian's `assert_allclose(actual, desired)`. */
export function assertAllclose(
  actual: Comparable,
  desired: Comparable,
  options: { rtol?: number; atol?: number; message?: string } = {},
): void {
  const a = flatten(actual, 'actual');
  const d = flatten(desired, 'desired');
  const prefix = options.message ? `${options.message}: ` : '';
  assert.ok(a.dim.equals(d.dim), `${prefix}dimensions differ: ${a.dim} vs ${d.dim}`);
  const rtol = options.rtol ?? BRIAN_RTOL;
  const atol = options.atol ?? 0;
  const n = broadcast(a, d, options.message);
  for (let k = 0; k < n; k++) {
    const x = valueAt(a, k);
    const y = valueAt(d, k);
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    assert.ok(
      Math.abs(x - y) <= atol + rtol * Math.abs(y),
      `${prefix}element ${k}: ${x} is not close to ${y} (rtol ${rtol}, atol ${atol})`,
    );
  }
}

/** numpy's `assert_equal` (exact, NaN equal to NaN), dimensions checked as well. */
export function assertEqual(actual: Comparable, desired: Comparable, message?: string): void {
  const a = flatten(actual, 'actual');
  const d = flatten(desired, 'desired');
  const prefix = message ? `${message}: ` : '';
  assert.ok(a.dim.equals(d.dim), `${prefix}dimensions differ: ${a.dim} vs ${d.dim}`);
  const n = broadcast(a, d, message);
  for (let k = 0; k < n; k++) {
    const x = valueAt(a, k);
    const y = valueAt(d, k);
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    // numpy's array comparison: 0 equals -0.
    assert.ok(x === y, `${prefix}element ${k}: ${x} !== ${y}`);
  }
}

/** numpy's `arange(start, stop)` (or `arange(stop)`) as plain numbers. */
export function arange(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  const out: number[] = [];
  for (let x = from; step > 0 ? x < to : x > to; x += step) out.push(x);
  return out;
}

/** numpy's `np.repeat(values, n)`: each value `n` times (or `n[k]` times). */
export function repeat(values: readonly number[], n: number | readonly number[]): number[] {
  return values.flatMap((x, k) => Array(typeof n === 'number' ? n : n[k]).fill(x));
}

/** numpy's `linspace(start, stop, num, endpoint)`. */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  const div = endpoint ? num - 1 : num;
  const step = (stop - start) / div;
  return Array.from({ length: num }, (_, k) => (endpoint && k === num - 1 ? stop : start + k * step));
}

/** Population variance (numpy's `np.var`). */
export function variance(values: ArrayLike<number>): number {
  const xs = Array.from(values);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
}

/** Names of the warnings `fn` logs (Brian's `catch_logs()`, which collects WARNING and above). */
export function warningsOf(fn: () => unknown): string[] {
  return catchLogs(fn)
    .records.filter((r) => r.level === 'warning' || r.level === 'error')
    .map((r) => r.name);
}

/** Python's `%` (the result has the sign of the divisor). */
export function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** Python's `//` (floor division). */
export function pyFloorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The elements of `values` where `mask` is true (numpy's boolean indexing). */
export function where(values: ArrayLike<number>, mask: ArrayLike<number | boolean>): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) if (mask[k]) out.push(values[k]);
  return out;
}
