import fc from 'fast-check';
import { Clock, Hz, ms, mV, NeuronGroup, nS, Quantity, QuantityArray, second } from '../../../src/index.ts';
import { DIMENSIONLESS } from '../../../src/units/dimension.ts';
import { hostileText } from '../harness/payloads.ts';
import { show } from '../harness/show.ts';

/**
 * Values for the option fuzzer. A value is made when the case runs (`make`), so objects that
 * belong to a scope (a group, a clock) are fresh in each case and huge arrays exist only while
 * their case runs; `text` is how the label shows it.
 */
export interface Value {
  readonly text: string;
  make(): unknown;
}

export const constant = (x: unknown, text = show(x)): Value => ({ text, make: () => x });

/** Numbers a check may miss: NaN, infinities, -0, fractions, negatives, beyond int32 and 2^53. */
export const badNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  -1.5,
  0.5,
  1.5,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53,
  2 ** 53 + 2,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
);

export const smallInt = fc.integer({ min: -2, max: 5 });

const number = fc.oneof({ weight: 2, arbitrary: badNumber }, { weight: 1, arbitrary: smallInt });

/**
 * Values of quantities: the bad numbers without those that make a legitimate but enormous
 * request of a time (2^31 ms of simulated time, a dt of 2^-52 s: 10^10 to 10^12 steps, allowed
 * up to the step limit of 10^12 and taking hours); 5e-324 and 2^53 stay (beyond the limit:
 * the coded too_many_steps).
 */
const quantityNumber = fc.oneof(
  { weight: 2, arbitrary: badNumber.filter((x) => x !== 2 ** 31 && x !== 2 ** 32 + 1) },
  { weight: 1, arbitrary: smallInt },
);

/** A quantity of a random unit (often not the one expected) and a random, often bad, value. */
const quantity: fc.Arbitrary<Value> = fc
  .tuple(fc.constantFrom('ms', 'mV', 'Hz', 'nS', 'second', '1'), quantityNumber)
  .map(([unit, x]) => ({
    text: `${show(x)}*${unit}`,
    make: () =>
      unit === 'ms'
        ? ms(x)
        : unit === 'mV'
          ? mV(x)
          : unit === 'Hz'
            ? Hz(x)
            : unit === 'nS'
              ? nS(x)
              : unit === 'second'
                ? second(x)
                : new Quantity(x, DIMENSIONLESS),
  }));

const quantityArray: fc.Arbitrary<Value> = fc
  .tuple(fc.constantFrom('ms', 'mV', 'Hz', '1'), fc.array(quantityNumber, { maxLength: 5 }))
  .map(([unit, xs]) => ({
    text: `${show(xs)}*${unit}`,
    make: () =>
      unit === 'ms'
        ? ms(xs)
        : unit === 'mV'
          ? mV(xs)
          : unit === 'Hz'
            ? Hz(xs)
            : new QuantityArray(Float64Array.from(xs), DIMENSIONLESS),
  }));

/** Arrays: empty, short with bad elements, typed, sparse, and huge ones (made when the case runs). */
const array: fc.Arbitrary<Value> = fc.oneof(
  fc.array(fc.oneof(number, fc.constant('a'), fc.constant(null)), { maxLength: 6 }).map((xs) => constant(xs)),
  fc.constantFrom(
    constant(new Float64Array(3), 'Float64Array(3)'),
    constant(Int32Array.from([0, 1, 2]), 'Int32Array([0, 1, 2])'),
    constant(new Uint8Array(2), 'Uint8Array(2)'),
    // biome-ignore lint/suspicious/noSparseArray: holes on purpose
    { text: 'sparse [ , , 1]', make: () => [, , 1] },
    { text: 'array of 1e5 zeros', make: () => new Array(1e5).fill(0) },
    { text: 'Float64Array(1e5) ramp', make: () => Float64Array.from({ length: 1e5 }, (_, k) => k) },
    { text: 'ms(1e5 values)', make: () => ms(Float64Array.from({ length: 1e5 }, (_, k) => k * 0.01)) },
    { text: 'nested [[1, 2], [3]]', make: () => [[1, 2], [3]] },
  ),
);

/** Objects that are not what was asked for, including ones from the library. */
const object: fc.Arbitrary<Value> = fc.constantFrom<Value>(
  { text: '{}', make: () => ({}) },
  { text: '{ a: 1 }', make: () => ({ a: 1 }) },
  { text: 'Object.create(null)', make: () => Object.create(null) },
  { text: '{ valueOf: () => 5 }', make: () => ({ valueOf: () => 5 }) },
  { text: '{ toString: () => "v > 1" }', make: () => ({ toString: () => 'v > 1' }) },
  { text: 'new Date(0)', make: () => new Date(0) },
  { text: 'new Map()', make: () => new Map() },
  { text: 'a Clock', make: () => new Clock(ms(0.1)) },
  { text: 'a NeuronGroup', make: () => new NeuronGroup(2, 'v : 1') },
  { text: '{ variables: {}, N: 1, codeScope: {} }', make: () => ({ variables: {}, N: 1, codeScope: {} }) },
  { text: '{ __proto__: { threshold: "True" } }', make: () => Object.create({ threshold: 'True' }) },
  { text: 'Symbol()', make: () => Symbol('s') },
  { text: '10n', make: () => 10n },
  { text: '() => 0', make: () => () => 0 },
);

const text: fc.Arbitrary<Value> = fc.oneof(
  fc
    .constantFrom('', 'x', '5*ms', '1', 'i != j', 'v > 1', 'euler', 'True', 'start', '-1', 'nan', '1e999')
    .map((s) => constant(s)),
  hostileText.map((s) => constant(s)),
);

/** Any value at all, mostly of the wrong kind. */
export const anyValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 3, arbitrary: number.map((x) => constant(x)) },
  { weight: 3, arbitrary: quantity },
  { weight: 1, arbitrary: quantityArray },
  { weight: 2, arbitrary: array },
  { weight: 2, arbitrary: object },
  { weight: 2, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.constantFrom(constant(null), constant(undefined), constant(true), constant(false)),
  },
);

/** A key of an options object: misspelt (a letter dropped, doubled or swapped), snake_case, other case, or hostile. */
export function keyNoise(known: readonly string[]): fc.Arbitrary<string> {
  const k = fc.constantFrom(...known);
  return fc.oneof(
    fc.tuple(k, fc.nat()).map(([s, a]) => s.slice(0, a % s.length) + s.slice((a % s.length) + 1)),
    fc.tuple(k, fc.nat()).map(([s, a]) => s.slice(0, a % s.length) + s[a % s.length] + s.slice(a % s.length)),
    k.map((s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
    k.map((s) => s.toUpperCase()),
    k.map((s) => `${s} `),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'prototype',
      '',
      'undefined',
      '0',
    ),
    hostileText,
  );
}
