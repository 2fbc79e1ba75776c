import { EXP2_FRACTIONS } from '../../../core/math/exp.ts';

/**
 * What every WebAssembly memory of the runtime device holds before its arrays: the table of
 * 2^(j/64) that exp() looks up (exp-simd.ts), at a fixed offset so that kernels can build it
 * into their loads. The device's arena writes it into each memory it makes.
 */
export const EXP_TABLE_OFFSET = 0;
/** Bytes before the first array (a multiple of 16). */
export const TABLES_BYTES = 8 * EXP2_FRACTIONS.length;

export function writeTables(buffer: ArrayBuffer): void {
  new Float64Array(buffer, EXP_TABLE_OFFSET, EXP2_FRACTIONS.length).set(EXP2_FRACTIONS);
}
