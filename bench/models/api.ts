/**
 * The part of the public API the models need that has not landed in src/index.ts yet, typed as
 * ../shared/docs/DESIGN.md §3 and brian2-features.md describe it. Models look these names up at
 * run time and report themselves "unavailable" while they are missing, so the harness runs
 * today and the models run the day PoissonGroup/setDevice are exported. If the final API differs
 * from these shapes, this file is the one place to adapt (or import the real export directly,
 * as cuba.ts does with Synapses).
 */

import type { NeuronGroup, Quantity, QuantityArray } from '../../src/node.ts';
import * as brian from '../../src/node.ts';

/** Brian's PoissonGroup(N, rates). */
export type PoissonGroupCtor = new (
  N: number,
  rates: Quantity | string,
  options?: { name?: string },
) => NeuronGroup;

/** Brian's set_device/device: `setDevice('cpp_standalone', { directory, buildOnRun })`, `device.build()`. */
export type SetDevice = (
  name: string,
  options?: {
    directory?: string;
    buildOnRun?: boolean;
    threads?: number;
    readonly [option: string]: unknown;
  },
) => void;

interface PendingApi {
  PoissonGroup: PoissonGroupCtor;
  setDevice: SetDevice;
  device: { build(options?: { directory?: string; compile?: boolean; run?: boolean }): void };
}

const exported = brian as unknown as Partial<PendingApi>;

/** An exported name of the public API, or the reason it cannot be used yet. */
export function pending<K extends keyof PendingApi>(name: K): PendingApi[K] | string {
  const value = exported[name];
  return value === undefined ? `${name} is not exported by src/index.ts yet` : value;
}

/** The reasons among several `pending()` lookups that are missing, if any. */
export function missing(...lookups: unknown[]): string | undefined {
  const reasons = lookups.filter((x): x is string => typeof x === 'string');
  return reasons.length ? reasons.join('; ') : undefined;
}

/** Unit arithmetic on scalars always gives a scalar Quantity; this narrows the union type. */
export function q(x: Quantity | QuantityArray): Quantity {
  if (!(x instanceof brian.Quantity)) throw new Error('expected a scalar quantity');
  return x;
}
