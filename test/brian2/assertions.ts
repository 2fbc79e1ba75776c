/**
 * Brian's test assertions (brian2/tests/utils.py and numpy.testing), for the translated tests:
 * `assertAllclose` with Brian's tolerance, `assertEqual` exact, both checking dimensions when
 * given quantities. Not a test file itself.
 */
import assert from 'node:assert/strict';
import { Quantity } from '../../src/units/quantity.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';

/** What the assertions compare: numbers, quantities, arrays of them, or 2-D arrays (monitor traces). */
export type Comparable =
  | number
  | boolean
  | Quantity
  | QuantityArray
  | ArrayLike<number>
  | readonly Comparable[]
  | { readonly values: ArrayLike<number>; readonly dim: unknown };

/** Brian's assert_allclose: rtol = 4.5e8 × float64 epsilon (≈ 1e-7), atol 0. */
export const BRIAN_RTOL = 4.5e8 * Number.EPSILON;

interface Flat {
  readonly values: number[];
  readonly dim: unknown;
  readonly shape: number[];
}

function flatten(x: Comparable): Flat {
  if (typeof x === 'number' || typeof x === 'boolean')
    return { values: [Number(x)], dim: undefined, shape: [] };
  if (x instanceof Quantity) return { values: [x.value], dim: x.dim, shape: [] };
  if (x instanceof QuantityArray) return { values: Array.from(x.values), dim: x.dim, shape: [x.length] };
  if (Array.isArray(x) && x.length > 0 && typeof x[0] === 'object' && x[0] !== null) {
    const rows = (x as readonly Comparable[]).map(flatten);
    const dims = new Set(rows.map((r) => r.dim));
    assert.ok(dims.size <= 1, 'rows with different dimensions');
    return {
      values: rows.flatMap((r) => r.values),
      dim: rows[0].dim,
      shape: [rows.length, ...rows[0].shape],
    };
  }
  if (typeof x === 'object' && x !== null && 'values' in x && 'dim' in x) {
    const v = Array.from((x as { values: ArrayLike<number> }).values);
    return { values: v, dim: (x as { dim: unknown }).dim, shape: [v.length] };
  }
  const v = Array.from(x as ArrayLike<number>, Number);
  return { values: v, dim: undefined, shape: [v.length] };
}

function sameDimensions(a: Flat, b: Flat, message?: string): void {
  // A plain number stands for a dimensionless value, as numpy's arrays in Brian's tests.
  const dimless = (d: unknown) => d === undefined || (d as { isDimensionless?: boolean }).isDimensionless;
  if (dimless(a.dim) && dimless(b.dim)) return;
  assert.ok(a.dim === b.dim, `${message ?? ''} dimensions differ: ${String(a.dim)} vs ${String(b.dim)}`);
}

/** Broadcasts a scalar against an array, as numpy does; otherwise the lengths must agree. */
function aligned(a: Flat, b: Flat, message?: string): [number[], number[]] {
  if (a.values.length === b.values.length) return [a.values, b.values];
  if (a.shape.length === 0) return [b.values.map(() => a.values[0]), b.values];
  if (b.shape.length === 0) return [a.values, a.values.map(() => b.values[0])];
  assert.fail(`${message ?? ''} shapes differ: [${a.shape}] vs [${b.shape}]`);
}

/** Brian's `assert_allclose(actual, desired)`: |a - d| <= atol + rtol·|d| elementwise, NaN equal to NaN. */
export function assertAllclose(
  actual: Comparable,
  desired: Comparable,
  options: { rtol?: number; atol?: number; message?: string } = {},
): void {
  const rtol = options.rtol ?? BRIAN_RTOL;
  const atol = options.atol ?? 0;
  const a = flatten(actual);
  const d = flatten(desired);
  sameDimensions(a, d, options.message);
  const [av, dv] = aligned(a, d, options.message);
  for (let k = 0; k < av.length; k++) {
    const x = av[k];
    const y = dv[k];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    const ok = Math.abs(x - y) <= atol + rtol * Math.abs(y);
    assert.ok(
      ok,
      `${options.message ?? 'not close'}: element ${k}: ${x} vs ${y} (rtol ${rtol}, atol ${atol})`,
    );
  }
}

/** numpy's `assert_equal`: exact, NaN equal to NaN, a scalar broadcast against an array. */
export function assertEqual(actual: Comparable, desired: Comparable, message?: string): void {
  const a = flatten(actual);
  const d = flatten(desired);
  sameDimensions(a, d, message);
  const [av, dv] = aligned(a, d, message);
  for (let k = 0; k < av.length; k++) {
    if (Number.isNaN(av[k]) && Number.isNaN(dv[k])) continue;
    assert.equal(av[k], dv[k], `${message ?? 'not equal'}: element ${k}`);
  }
}

/** The sample variance (numpy's `np.var`, ddof 0). */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += values[k];
  mean /= n;
  let s = 0;
  for (let k = 0; k < n; k++) s += (values[k] - mean) ** 2;
  return s / n;
}
