import { storageType } from '../../compiler/4-generate/cpp/names.ts';
import { doubleLiteral } from '../../compiler/4-generate/cpp/print-expr.ts';
import type { ScalarType } from '../../compiler/functions.ts';
import type { TypedArray } from '../runtime/arrays.ts';
import type { ArrayDecl } from './program.ts';

/** A value of an array's element type as a C++ literal. */
export function literalOf(type: ScalarType, value: number): string {
  if (type === 'float') return doubleLiteral(value);
  return value < 0 ? `(${value})` : String(value);
}

/** The value every element has, or undefined when they differ (then a data file is written). */
export function uniformValue(values: TypedArray): number | undefined {
  if (values.length === 0) return 0;
  const first = values[0];
  for (let k = 1; k < values.length; k++) {
    if (!Object.is(values[k], first)) return undefined;
  }
  return first;
}

/** `extern double* _array_x;` / `extern std::vector<double> _dynamic_array_y;` */
export function externDeclaration(decl: ArrayDecl): string {
  const type = storageType(decl.type);
  return decl.dynamic ? `extern std::vector<${type}> ${decl.cppName};` : `extern ${type}* ${decl.cppName};`;
}

/** The raw little-endian bytes of a typed array (what the program reads with fread). */
export function bytesOf(values: TypedArray): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}
