/**
 * How a variable view prints: Brian's `repr` of a VariableView, `<neurongroup.v: array([…]) * mvolt>`,
 * for `console.log(G.v)`, `String(G.v)` and template strings alike (Brian's `str` is the same text).
 */
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { formatBest } from '../units/display.ts';

/** numpy's `repr` of an int32 or boolean array: `array([1, 2], dtype=int32)`, `array([ True, False])`. */
export function integerArrayRepr(values: TypedArray, kind: 'integer' | 'boolean'): string {
  const n = values.length;
  const text = (x: number) => (kind === 'boolean' ? (x ? 'True' : 'False') : String(x));
  // numpy abbreviates arrays of more than 1000 elements to their first and last three.
  const shown = n > 1000 ? [...values.subarray(0, 3), ...values.subarray(n - 3)] : Array.from(values);
  const words = shown.map(text);
  const width = Math.max(0, ...words.map((w) => w.length));
  const padded = words.map((w) => w.padStart(width));
  const items = n > 1000 ? [...padded.slice(0, 3), '...', ...padded.slice(3)] : padded;
  const prefix = 'array([';
  const lines: string[] = [];
  let line = '';
  for (const [k, item] of items.entries()) {
    const word = k < items.length - 1 ? `${item}, ` : item;
    if (line && prefix.length + line.length + word.length > 75) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
  }
  lines.push(line);
  const body = lines.join(`\n${' '.repeat(prefix.length)}`);
  return kind === 'boolean' ? `${prefix}${body}])` : `${prefix}${body}], dtype=int32)`;
}

/** The text of `group.name` + `.v` with its values, as Brian prints a VariableView. */
export function viewRepr(
  groupName: string,
  name: string,
  values: TypedArray,
  dim: Dimension | undefined,
  shared: boolean,
): string {
  let shown: string;
  if (values instanceof Int32Array || values instanceof Uint8Array) {
    const kind = values instanceof Uint8Array ? 'boolean' : 'integer';
    shown = shared
      ? kind === 'boolean'
        ? values[0]
          ? 'True'
          : 'False'
        : String(values[0])
      : integerArrayRepr(values, kind);
  } else {
    const d = dim ?? DIMENSIONLESS;
    const shaped = shared
      ? { values: [values[0]], shape: [], dim: d }
      : { values, shape: [values.length], dim: d };
    shown = formatBest(shaped, { python: true });
  }
  return `<${groupName}.${name}: ${shown}>`;
}
