/**
 * A 2-D array of values sharing one dimension (rows × cols, row-major Float64Array in SI base
 * units), e.g. a StateMonitor's `M.v` (one row per recorded neuron, one column per time step).
 * Displays as numpy/Brian do: `[[1. 2.]\n [3. 4.]] mV`.
 */
import { BrianError } from '../diagnostics/index.ts';
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import { formatBest, formatInUnit } from './display.ts';
import type { PrintOptions } from './number-format.ts';
import { checkUnitMatch, Quantity, type Scalar } from './quantity.ts';
import { QuantityArray } from './quantity-array.ts';

/** A 2-D array of values with one physical dimension (rows × cols, row-major SI values): Brian's 2-D `Quantity`, e.g. a StateMonitor's `M.v` (one row per recorded neuron, one column per time step). */
export class QuantityMatrix implements Iterable<QuantityArray> {
  /** Row-major values in SI base units (shared, not copied). */
  readonly values: Float64Array;
  /** Number of rows (a StateMonitor's recorded neurons). */
  readonly rows: number;
  /** Number of columns (a StateMonitor's time steps). */
  readonly cols: number;
  /** The physical dimension shared by every element. */
  readonly dim: Dimension;

  constructor(values: Float64Array, rows: number, cols: number, dim: Dimension = DIMENSIONLESS) {
    if (
      !Number.isInteger(rows) ||
      !Number.isInteger(cols) ||
      rows < 0 ||
      cols < 0 ||
      values.length !== rows * cols
    ) {
      throw new BrianError(
        'bad_argument',
        `A ${rows}×${cols} matrix needs ${rows * cols} values, got ${values.length}`,
      );
    }
    this.values = values;
    this.rows = rows;
    this.cols = cols;
    this.dim = dim;
  }

  /** A copy of nested rows times `unit`: `QuantityMatrix.from([[1, 2], [3, 4]], mV)`. Rows must have equal lengths. */
  static from(rows: ArrayLike<ArrayLike<number>>, unit?: Quantity): QuantityMatrix {
    const n = rows.length;
    const m = n ? rows[0].length : 0;
    const values = new Float64Array(n * m);
    const scale = unit?.value ?? 1;
    for (let i = 0; i < n; i++) {
      if (rows[i].length !== m)
        throw new BrianError('bad_argument', `Row ${i} has ${rows[i].length} values, row 0 has ${m}`);
      for (let j = 0; j < m; j++) values[i * m + j] = rows[i][j] * scale;
    }
    return new QuantityMatrix(values, n, m, unit?.dim ?? DIMENSIONLESS);
  }

  /** numpy's `shape`: `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Row `k` (negative counts from the end) as a QuantityArray view sharing this matrix's memory. */
  row(k: number): QuantityArray {
    const i = checkIndex(k, this.rows, 'row');
    return new QuantityArray(this.values.subarray(i * this.cols, (i + 1) * this.cols), this.dim);
  }

  /** Column `k` (negative counts from the end) as a new QuantityArray. */
  column(k: number): QuantityArray {
    const j = checkIndex(k, this.cols, 'column');
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.values[i * this.cols + j];
    return new QuantityArray(out, this.dim);
  }

  /** Element (i, j) as a Quantity. */
  at(i: number, j: number): Quantity {
    const r = checkIndex(i, this.rows, 'row');
    const c = checkIndex(j, this.cols, 'column');
    return new Quantity(this.values[r * this.cols + c], this.dim);
  }

  /** The values as numbers of `unit`s, row-major. */
  in(unit: Scalar): Float64Array {
    checkUnitMatch(this, unit);
    const scale = typeof unit === 'number' ? unit : unit.value;
    const out = new Float64Array(this.values.length);
    for (let k = 0; k < out.length; k++) out[k] = this.values[k] / scale;
    return out;
  }

  /** The rows, as views. */
  *[Symbol.iterator](): Iterator<QuantityArray> {
    for (let i = 0; i < this.rows; i++) yield this.row(i);
  }

  /** Brian's `str`: `[[1. 2.]\n [3. 4.]] mV`, long matrices abbreviated as numpy does. */
  toString(): string {
    return this.inBestUnit();
  }

  /** Brian's `in_best_unit`: the values in the unit Brian would choose, `[[1. 2.]\n [3. 4.]] mV`. */
  inBestUnit(precision?: number, options?: Partial<PrintOptions>): string {
    return formatBest(this.shaped(), { precision, options });
  }

  /** Brian's `in_unit`: the values as numbers of `unit`, followed by its name. */
  inUnitString(unit: Quantity, precision?: number): string {
    checkUnitMatch(this, unit);
    return formatInUnit(this.shaped(), unit, { precision });
  }

  /** Brian's `repr`, valid Python: `array([[1., 2.], [3., 4.]]) * mvolt`. */
  repr(precision?: number): string {
    return formatBest(this.shaped(), { precision, python: true });
  }

  /** `console.log` in Node shows Brian's display, not the object's fields. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** @internal */
  shaped(): { values: ArrayLike<number>; shape: readonly number[]; dim: Dimension } {
    return { values: this.values, shape: [this.rows, this.cols], dim: this.dim };
  }
}

function checkIndex(k: number, n: number, what: string): number {
  const i = k < 0 ? n + k : k;
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new BrianError('index_out_of_range', `${what} index ${k} is out of range (${n} ${what}s)`);
  }
  return i;
}
