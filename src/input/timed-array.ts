import type { ModelFunction } from '../compiler/2-analyze/external-scope.ts';
import { numberLiteral } from '../compiler/4-generate/js/print-expr.ts';
import type { FunctionDef, TemplateContext } from '../compiler/functions.ts';
import { getDevice } from '../devices/active.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { defaultclock } from '../network/clock.ts';
import { storageKey, uniqueName } from '../network/names.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { QuantityMatrix } from '../units/quantity-matrix.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkTimedArrayOptions } from '../validation/input-options.ts';

/** What a TimedArray accepts: values over time (1-D), or time × index (2-D), with units or plain numbers. */
export type TimedArrayValues =
  | QuantityArray
  | QuantityMatrix
  | ArrayLike<number>
  | readonly (readonly number[])[]
  | readonly ArrayLike<number>[];

/** The options of `new TimedArray(values, options)`: Brian's `dt` and `name`. */
export interface TimedArrayOptions {
  /** Time between consecutive values (rows). */
  readonly dt: Quantity;
  /** Unique name (Brian's `name`), used for its device arrays; default `_timedarray`, `_timedarray_1`… */
  readonly name?: string;
}

/**
 * Brian's TimedArray index arithmetic: the value of bin `i` holds from `i*dt` on. The lookup
 * rounds on a grid `K` times finer than the TimedArray's dt, where `K` (a power of two, at least
 * 8 × dt_TimedArray / dt_group) depends on the dt of the group calling it, so that group time
 * steps that fall on a bin edge up to rounding errors land in the right bin. Clamped to the
 * first and last value. Rounds half up as Brian's C++/Cython code (numpy rounds half to even; the
 * two differ only when t/epsilon is exactly k + ½).
 */
export function timedArrayIndex(t: number, dt: number, groupDt: number, n: number): number {
  const K = upsampling(dt, groupDt);
  const epsilon = dt / K;
  const i = Math.trunc(Math.round(t / epsilon) / K);
  return Math.min(Math.max(i, 0), n - 1);
}

/** Brian's `_find_K`: `max(int(2**ceil(log2(8/group_dt*dt))), 1)`. */
export function upsampling(dt: number, groupDt: number): number {
  return Math.max(2 ** Math.ceil(Math.log2((8 / groupDt) * dt)), 1);
}

/**
 * A function of time built from an array of values (Brian's TimedArray): `ta(t)` for 1-D values,
 * `ta(t, i)` for 2-D values (rows are times, columns indices; an index outside the columns gives
 * NaN). Put it in a namespace and call it from equations, thresholds, resets or setters; its
 * argument must be a time and its result has the unit of the values. Called with `t`, it is
 * constant over each step of a group whose dt divides its own, so `exact` can integrate
 * `dv/dt = (I(t) - v)/tau`.
 *
 * The values live in device arrays (`valuesArrayId`) that every kernel calling it reads.
 */
export class TimedArray implements ModelFunction {
  /** Unique name of the TimedArray (Brian's `name`). */
  readonly name: string;
  /** @internal How model code calls it: argument and result units, code per target language. */
  readonly brianFunction: FunctionDef;
  /** The dimension of the values (and of the result). */
  readonly dim: Dimension;
  /** Number of time bins (rows). */
  readonly rows: number;
  /** Number of indices (columns); undefined for a 1-D TimedArray. */
  readonly cols?: number;
  /** @internal The device array holding the values, row-major. */
  readonly valuesArrayId: string;
  private readonly dtValue: number;
  private readonly data: Float64Array;

  constructor(values: TimedArrayValues, options: TimedArrayOptions) {
    options = checkTimedArrayOptions(options);
    this.dtValue = checkDt(options?.dt);
    this.name = uniqueName(options.name ?? '_timedarray*');
    const { data, rows, cols, dim } = readValues(values);
    if (rows === 0 || cols === 0) {
      throw new BrianError('bad_argument', `TimedArray ${this.name} needs at least one value.`);
    }
    this.data = data;
    this.rows = rows;
    this.cols = cols;
    this.dim = dim;
    const device = getDevice();
    const key = storageKey(device, this.name);
    this.valuesArrayId = `${key}_values`;
    device.allocate(this.valuesArrayId, 'float', data.length).data.set(data);
    const columnsArrayId = `${key}_columns`;
    const columns = cols === undefined ? undefined : Int32Array.from({ length: cols }, (_, k) => k);
    if (columns) device.allocate(columnsArrayId, 'integer', columns.length).data.set(columns);

    const dt = numberLiteral(this.dtValue);
    const valuesId = this.valuesArrayId;
    const n = rows;
    /** JS text of the (clamped) time bin of `t`; `K` is computed from the calling kernel's dt. */
    const jsBin = (t: string, ctx: TemplateContext) => {
      const K = `Math.max(2 ** Math.ceil(Math.log2(8 / ${ctx.dt} * ${dt})), 1)`;
      return `Math.min(Math.max(Math.trunc(Math.round(${t} / (${dt} / ${K})) / ${K}), 0), ${n - 1})`;
    };
    this.brianFunction = {
      name: this.name,
      argDims: columns ? [second.dim, DIMENSIONLESS] : [second.dim],
      resultDim: () => dim,
      resultType: 'float',
      stateful: false,
      js: this.name,
      cpp: this.name,
      isLocallyConstant: (groupDt) => this.isLocallyConstant(groupDt),
      inline: columns
        ? {
            arrays: [
              { arrayId: valuesId, type: 'float', values: data },
              { arrayId: columnsArrayId, type: 'integer', values: columns },
            ],
            // The column goes through a table [0, 1, …, cols-1], so that an index outside it reads
            // `undefined` and the result is NaN (as Brian's C++), with the argument printed once.
            js: ([t, i], ctx) =>
              `${ctx.ptr(valuesId)}[${jsBin(t, ctx)} * ${cols} + ${ctx.ptr(columnsArrayId)}[${i}]]`,
            cpp: ([t, i], ctx) =>
              `_timedarray_2d(${ctx.ptr(valuesId)}, ${n}, ${cols}, ${dt}, ${ctx.dt}, ${t}, ${i})`,
            cppSupport: TIMED_ARRAY_CPP,
          }
        : {
            arrays: [{ arrayId: valuesId, type: 'float', values: data }],
            js: ([t], ctx) => `${ctx.ptr(valuesId)}[${jsBin(t, ctx)}]`,
            cpp: ([t], ctx) => `_timedarray_1d(${ctx.ptr(valuesId)}, ${n}, ${dt}, ${ctx.dt}, ${t})`,
            cppSupport: TIMED_ARRAY_CPP,
          },
    };
  }

  /** Time between values. */
  get dt(): Quantity {
    return new Quantity(this.dtValue, second.dim);
  }

  /** Time between consecutive values, in seconds. */
  get dt_(): number {
    return this.dtValue;
  }

  /** 1 for values over time (`ta(t)`), 2 for time × index (`ta(t, i)`). */
  get ndim(): 1 | 2 {
    return this.cols === undefined ? 1 : 2;
  }

  /** The values (a copy): a QuantityArray, or a QuantityMatrix (time × index) for 2-D. */
  get values(): QuantityArray | QuantityMatrix {
    const copy = Float64Array.from(this.data);
    return this.cols === undefined
      ? new QuantityArray(copy, this.dim)
      : new QuantityMatrix(copy, this.rows, this.cols, this.dim);
  }

  /**
   * The value at time `t` (and index `i` for 2-D), as Brian's `ta(t)` outside a simulation: the
   * rounding grid follows `defaultclock.dt`. An array of times, or of indices, gives an array.
   */
  at(t: Quantity, i?: number): Quantity;
  at(t: QuantityArray, i?: number): QuantityArray;
  at(t: Quantity, i: ArrayLike<number>): QuantityArray;
  at(t: Quantity | QuantityArray, i?: number | ArrayLike<number>): Quantity | QuantityArray {
    if (t instanceof QuantityArray) {
      if (typeof i === 'object') {
        throw new BrianError(
          'bad_argument',
          `${this.name}.at() takes an array of times or of indices, not both.`,
        );
      }
      checkTime(this.name, t);
      return new QuantityArray(
        Float64Array.from(t.values, (x) => this.valueAt(x, i)),
        this.dim,
      );
    }
    checkTime(this.name, t);
    if (typeof i === 'object' && i !== null) {
      return new QuantityArray(
        Float64Array.from(i, (k) => this.valueAt(t.value, k)),
        this.dim,
      );
    }
    return new Quantity(this.valueAt(t.value, i), this.dim);
  }

  private valueAt(t: number, i: number | undefined): number {
    const bin = timedArrayIndex(t, this.dtValue, defaultclock.dt_, this.rows);
    if (this.cols === undefined) {
      if (i !== undefined)
        throw new BrianError('wrong_argument_count', `${this.name} is 1-D: call it as at(t).`);
      return this.data[bin];
    }
    if (i === undefined || !Number.isInteger(i) || i < 0 || i >= this.cols) {
      throw new BrianError(
        'index_out_of_range',
        `${this.name} is 2-D with ${this.cols} columns: call it as at(t, i) with 0 <= i < ${this.cols}, got ${i}.`,
      );
    }
    return this.data[bin * this.cols + i];
  }

  /** Brian's `is_locally_constant`: constant over a step of `dt` seconds if that step divides the TimedArray's. */
  isLocallyConstant(dt: number): boolean {
    if (dt > this.dtValue) return false;
    const ratio = this.dtValue / dt;
    return Math.floor(ratio) === ratio;
  }

  toString(): string {
    return `TimedArray(${this.cols === undefined ? this.rows : `${this.rows}×${this.cols}`} values, dt=${this.dt}, name='${this.name}')`;
  }
}

/** Brian's C++ TimedArray functions, with K computed from the calling kernel's dt. */
const TIMED_ARRAY_CPP = `
static inline int _timedarray_bin(const double t, const int n, const double ta_dt, const double group_dt)
{
    const int K = std::max((int)pow(2.0, ceil(log2(8.0 / group_dt * ta_dt))), 1);
    const double epsilon = ta_dt / K;
    int i = (int)((t / epsilon + 0.5) / K);
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    return i;
}
static inline double _timedarray_1d(const double* values, const int n, const double ta_dt, const double group_dt, const double t)
{
    return values[_timedarray_bin(t, n, ta_dt, group_dt)];
}
static inline double _timedarray_2d(const double* values, const int rows, const int cols, const double ta_dt,
                                    const double group_dt, const double t, const int i)
{
    if (i < 0 || i >= cols) return NAN;
    return values[_timedarray_bin(t, rows, ta_dt, group_dt) * cols + i];
}
`;

function checkTime(name: string, t: unknown): void {
  if (!(t instanceof Quantity || t instanceof QuantityArray) || t.dim !== second.dim) {
    throw new BrianError(
      typeof t === 'number' ? 'missing_unit' : 'dimension_mismatch',
      `${name}(t) needs a time, got ${describeValue(t)}.`,
    );
  }
}

function checkDt(dt: unknown): number {
  if (typeof dt === 'number') {
    throw new BrianError(
      'missing_unit',
      `The dt of a TimedArray must be a time, not the bare number ${dt}.`,
      {
        hint: 'e.g. new TimedArray(values, { dt: ms(1) })',
      },
    );
  }
  if (!(dt instanceof Quantity)) {
    throw new BrianError('bad_argument', 'A TimedArray needs its dt: new TimedArray(values, { dt: ms(1) }).');
  }
  if (dt.dim !== second.dim) {
    throw new BrianError('dimension_mismatch', `The dt of a TimedArray must be a time, got ${dt}.`);
  }
  if (!(dt.value > 0) || !Number.isFinite(dt.value)) {
    throw new BrianError('bad_argument', `The dt of a TimedArray must be positive and finite, got ${dt}.`);
  }
  return dt.value;
}

function readValues(values: TimedArrayValues): {
  data: Float64Array;
  rows: number;
  cols?: number;
  dim: Dimension;
} {
  if (values instanceof QuantityMatrix) {
    return { data: Float64Array.from(values.values), rows: values.rows, cols: values.cols, dim: values.dim };
  }
  if (values instanceof QuantityArray) {
    return { data: Float64Array.from(values.values), rows: values.length, dim: values.dim };
  }
  if (values instanceof Quantity) {
    throw new BrianError(
      'bad_argument',
      'A TimedArray needs an array of values (1-D or 2-D), not a single quantity.',
    );
  }
  if (
    values === null ||
    typeof values !== 'object' ||
    typeof (values as ArrayLike<unknown>).length !== 'number'
  ) {
    throw new BrianError(
      'bad_argument',
      `A TimedArray needs an array of values, got ${describeValue(values)}.`,
    );
  }
  const list = values as ArrayLike<unknown>;
  if (list.length > 0 && typeof list[0] === 'object' && list[0] !== null) {
    const rows = list as ArrayLike<ArrayLike<number>>;
    const cols = rows[0].length;
    const data = new Float64Array(rows.length * cols);
    for (let r = 0; r < rows.length; r++) {
      if (rows[r].length !== cols) {
        throw new BrianError(
          'bad_argument',
          `Row ${r} of the TimedArray values has ${rows[r].length} values, row 0 has ${cols}.`,
        );
      }
      for (let c = 0; c < cols; c++) data[r * cols + c] = checkNumber(rows[r][c]);
    }
    return { data, rows: rows.length, cols, dim: DIMENSIONLESS };
  }
  const data = Float64Array.from(list as ArrayLike<number>, checkNumber);
  return { data, rows: data.length, dim: DIMENSIONLESS };
}

function checkNumber(x: unknown): number {
  if (typeof x !== 'number') {
    throw new BrianError(
      'bad_argument',
      `TimedArray values must be numbers or quantities, got ${describeValue(x)}.`,
      {
        hint: 'give quantities as one array with a unit: mV([1, 2, 3])',
      },
    );
  }
  return x;
}
