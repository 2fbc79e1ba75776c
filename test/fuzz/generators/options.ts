import fc from 'fast-check';
import type { FuzzCase } from '../harness/case.ts';
import { CALL_APIS } from './option-apis-calls.ts';
import { type Api, OBJECT_APIS } from './option-apis-objects.ts';
import { anyValue, keyNoise, type Value } from './option-values.ts';

/**
 * Option fuzzing: each public constructor and call with a valid base call corrupted — known
 * options set to values of the wrong kind (NaN, infinities, fractions, negatives, quantities of
 * other dimensions, null, huge arrays …), misspelt and extra keys, the options object or a
 * positional argument replaced — then run for one step where the call succeeded. The valid calls
 * are in option-apis-objects.ts (constructors) and option-apis-calls.ts (calls and setters).
 */

const APIS: Record<string, Api> = { ...OBJECT_APIS, ...CALL_APIS };

const ALL_KEYS = (api: Api) => Object.keys(api.options);

/** Options of one API: a valid subset, then corruptions. */
function optionsOf(api: Api): fc.Arbitrary<{ text: string; make: () => unknown }> {
  const keys = ALL_KEYS(api);
  const base = keys.length
    ? fc
        .subarray(keys, { maxLength: Math.min(4, keys.length) })
        .chain((chosen) =>
          fc.tuple(...chosen.map((k) => fc.constantFrom(...api.options[k]).map((val) => [k, val] as const))),
        )
    : fc.constant([] as (readonly [string, Value])[]);
  const corruption = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('x'), anyValue)
        .map(([k, val]) => ({ set: [k, val] as const })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(keys.length ? keyNoise(keys) : fc.constant('x'), anyValue)
        .map(([k, val]) => ({ set: [k, val] as const })),
    },
    { weight: 1, arbitrary: anyValue.map((whole) => ({ whole })) },
  );
  return fc.tuple(base, fc.array(corruption, { maxLength: 3 })).map(([entries, corruptions]) => {
    const list: (readonly [string, Value])[] = [...entries];
    let whole: Value | undefined;
    for (const c of corruptions) {
      if ('whole' in c) whole = c.whole;
      else list.push(c.set);
    }
    const text = whole
      ? whole.text
      : `{ ${list.map(([k, val]) => `${JSON.stringify(k)}: ${val.text}`).join(', ')} }`;
    return {
      text,
      make: () => (whole ? whole.make() : Object.fromEntries(list.map(([k, val]) => [k, val.make()]))),
    };
  });
}

/** The positional arguments, one of them sometimes replaced (or one more given). */
function argsOf(api: Api): fc.Arbitrary<{ text: string; make: () => unknown[] }> {
  const n = api.args.length;
  return fc.tuple(fc.nat({ max: n + 3 }), anyValue).map(([k, value]) => {
    const values = [...api.args];
    if (k < n) values[k] = value;
    return {
      text: values.map((x) => x.text).join(', '),
      make: () => values.map((x) => x.make()),
    };
  });
}

export const cases: fc.Arbitrary<FuzzCase> = fc
  .constantFrom(...Object.keys(APIS))
  .chain((name) => fc.tuple(fc.constant(name), argsOf(APIS[name]), optionsOf(APIS[name])))
  .map(([name, args, options]) => ({
    label: `${name}(${args.text}${args.text ? ', ' : ''}${options.text})`.slice(0, 600),
    run: () => APIS[name].call(args.make(), options.make()),
  }));
