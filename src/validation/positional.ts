import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from './describe-value.ts';

/**
 * Brian takes keyword arguments that may also be given by position (`Synapses(G, G, 'w : 1',
 * on_pre=…)`); brian-ts takes them in one options object. A value where the options object goes
 * that is not one (a string, a number, a quantity, a list) is almost always such a positional
 * call: say so and show the options form.
 */
export function positional(value: unknown, signature: string, brianParameter: string, example: string): void {
  if (value === undefined) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto === null || proto === Object.prototype) return;
  }
  throw new BrianError(
    'positional_argument',
    `${signature}: the options must be an object, got ${describeValue(value)}. In Brian this position is the argument "${brianParameter}"; brian-ts takes Brian's keyword arguments in one options object.`,
    { hint: `write ${example}` },
  );
}
