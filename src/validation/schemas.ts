import * as v from 'valibot';
import { isArrayOrTypedArray } from '../core/checked-array.ts';
import { BaseClock, Clock } from '../network/clock.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { hertz, second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from './describe-value.ts';
import { nameProblem } from './names.ts';
import { coded } from './validate.ts';

/** The building blocks of the option schemas: numbers, quantities, code, names, clocks. */

export const finiteNumber = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

/** An integer ≥ `min` (Brian needs integers for sizes, counts, orders, seeds). */
export function integer(min = Number.MIN_SAFE_INTEGER) {
  return v.pipe(
    v.number('must be an integer'),
    v.safeInteger('must be an integer'),
    v.minValue(min, `must be an integer >= ${min}`),
  );
}

/** A quantity of dimension `dim` with a finite value: `what` is "a time", "a rate"… */
export function quantityOf(dim: Dimension, what: string, example: string) {
  return v.custom<Quantity>(
    (x) => x instanceof Quantity && x.dim === dim && Number.isFinite(x.value),
    (issue) => {
      const x = issue.input;
      if (typeof x === 'number') return coded('missing_unit', `must be ${what} with units (e.g. ${example})`);
      if (x instanceof Quantity && x.dim !== dim) return coded('dimension_mismatch', `must be ${what}`);
      if (x instanceof Quantity) return `must be finite`;
      return `must be ${what} (e.g. ${example})`;
    },
  );
}

/** A QuantityArray of dimension `dim` with finite values; `what` is "times", "rates"… */
export function quantityArrayOf(dim: Dimension, what: string, example: string) {
  return v.custom<QuantityArray>(
    (x) => x instanceof QuantityArray && x.dim === dim && x.values.every(Number.isFinite),
    (issue) => {
      const x = issue.input;
      if (isArrayOrTypedArray(x)) {
        return coded('missing_unit', `must be ${what} with units (e.g. ${example})`);
      }
      if (x instanceof QuantityArray && x.dim !== dim) return coded('dimension_mismatch', `must be ${what}`);
      if (x instanceof QuantityArray) return `must hold finite ${what}`;
      return `must be ${what} with units (e.g. ${example})`;
    },
  );
}

export const time = quantityOf(second.dim, 'a time', 'ms(5)');

/** A positive time (dt, periods). */
export const positiveTime = v.pipe(
  time,
  v.check((q) => q.value > 0, 'must be positive'),
);

/** A non-negative time (delays, durations). */
export const nonNegativeTime = v.pipe(
  time,
  v.check((q) => q.value >= 0, 'must not be negative'),
);

/** How often something happens in a run: a whole number of steps, or a time (streams, checkpoints). */
export const stepsOrTime = v.union(
  [integer(1), positiveTime],
  'must be a whole number of steps >= 1 or a time',
);

export const rate = quantityOf(hertz.dim, 'a rate', 'Hz(10)');

/** Model code (a condition, statements, an expression). */
export const code = v.string('must be a string of code');

export const boolean = v.boolean('must be true or false');

export const clock = v.instance(Clock, 'must be a Clock (new Clock(ms(0.1)))');

/** Where an EventClock also works (operations run at given times: runRegularly, networkOperation). */
export const anyClock = v.custom<BaseClock>(
  (x) => x instanceof BaseClock,
  'must be a Clock (new Clock(ms(0.1))) or an EventClock',
);

/** A namespace: names to quantities, numbers, arrays or functions. */
export const namespace = v.custom<Record<string, unknown>>(
  (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
  'must be an object of names to values ({ tau: ms(10) })',
);

/** An object name (Brian's identifier rule, optionally ending in `*` for automatic numbering). */
export const name = v.pipe(
  v.string('must be a string'),
  v.check(
    (s) => nameProblem(s) === undefined,
    (issue) => coded('invalid_name', `is not a valid name: ${nameProblem(String(issue.input))}`),
  ),
);

/** A name used as it is (an event, a pathway, a variable): Brian's identifier rule, no `*`. */
export const identifier = v.pipe(
  v.string('must be a string'),
  v.check(
    (s) => nameProblem(s, false) === undefined,
    (issue) => coded('invalid_name', `is not a valid name: ${nameProblem(String(issue.input), false)}`),
  ),
);

/** A schedule slot name (checked against the network's schedule at run()). */
export const when = v.string('must be a schedule slot name (e.g. "start", "thresholds")');

/** An integration method, or a list of them to try in order. */
export const method = v.union(
  [v.string(), v.array(v.string())],
  'must be a method name or a list of names (e.g. "euler", ["exact", "euler"])',
);

/** One index or a list of indices (arrays, typed arrays): finite integers. */
export const indices = indicesSchema(false);

/** Indices, or a generator expression (`'k for k in range(i-1, i+2)'`). */
export const indicesOrCode = indicesSchema(true);

/**
 * Arrays, typed arrays and other iterables of numbers (a morphology's compartments,
 * `morpho.L.at(um(99.9))`, a Set): their elements, else undefined. Strings are code, not lists.
 */
function listOf(x: unknown): unknown[] | undefined {
  if (isArrayOrTypedArray(x)) return Array.from(x);
  if (x !== null && typeof x === 'object' && Symbol.iterator in x) return Array.from(x as Iterable<unknown>);
  return undefined;
}

function indicesSchema(orCode: boolean) {
  return v.custom<number | ArrayLike<number> | Iterable<number> | string>(
    (x) => (orCode && typeof x === 'string') || isIndex(x) || (listOf(x)?.every(isIndex) ?? false),
    (issue) => {
      const x = issue.input;
      const list = listOf(x);
      if (list) {
        const k = list.findIndex((e) => !isIndex(e));
        return `must hold integers; element ${k} is ${describeValue(list[k])}`;
      }
      return `must be an integer or a list of integers${orCode ? ', or a generator expression' : ''}`;
    },
  );
}

/** A dimensionless number or quantity, finite. */
export const dimensionlessNumber = v.custom<number | Quantity>(
  (x) =>
    (typeof x === 'number' && Number.isFinite(x)) ||
    (x instanceof Quantity && x.dim === DIMENSIONLESS && Number.isFinite(x.value)),
  'must be a finite dimensionless number',
);

function isIndex(x: unknown): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x);
}
