import type fc from 'fast-check';
import type { Outcome } from './oracle.ts';

/**
 * One generated fuzz case: a label that shows the input (printed when the case fails) and the
 * call(s) to make. `run` returns normally when the input was accepted and throws otherwise; the
 * worker (worker.ts) judges what it threw and scans what it generated.
 */
export interface FuzzCase {
  readonly label: string;
  run(ctx: CaseContext): void;
}

/** What a case may use besides the public API. */
export interface CaseContext {
  /** A scratch folder of this worker (standalone projects are written under it). */
  readonly scratch: string;
  /** Further generated text to scan for injections (a written standalone project's files). */
  readonly extraSources: { readonly language: 'js' | 'cpp' | 'make'; readonly text: string }[];
}

/** What a fuzz generator module exports (the worker imports it by URL). */
export interface FuzzModule {
  readonly cases: fc.Arbitrary<FuzzCase>;
}

/** What the driver gives the worker (worker.ts). */
export interface WorkerInput {
  readonly module: string;
  readonly seed: number;
  readonly first: number;
  readonly end: number;
  readonly caseLimitMs: number;
  readonly current: SharedArrayBuffer;
}

export interface CaseMessage {
  readonly index: number;
  readonly label: string;
  readonly outcome: Outcome;
  /** How long the case took (ms of wall-clock time, code generation and scans included). */
  readonly ms: number;
}

/** Cases generated at once from one seed (case k is number k % CHUNK of chunk ⌊k / CHUNK⌋). */
export const CHUNK = 100;

/**
 * The seed of one chunk: the run's seed and the chunk number mixed (seed + chunk would make
 * seed 1's second chunk seed 2's first).
 */
export function chunkSeed(seed: number, chunk: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(chunk + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 15)) | 0;
}
