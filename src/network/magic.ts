import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Quantity } from '../units/quantity.ts';
import type { BrianObject } from './brian-object.ts';
import { Network, type RunOptions } from './network.ts';

/**
 * Brian's "magic" `run()`: JavaScript cannot look into the caller's variables, so every object
 * created since the last `startScope()` takes part. This is public-API convenience state; the
 * explicit form is `new Network(...)`.
 */
const collected: BrianObject[] = [];
let magicNetwork: Network | undefined;

/** Called by object constructors of the public API. */
export function collect(object: BrianObject): void {
  collected.push(object);
}

/** Forgets every object created so far: the next `run()` starts a new simulation at t = 0. */
export function startScope(): void {
  collected.length = 0;
  magicNetwork = undefined;
}

/** The objects `run()` would simulate now (Brian's `collect()`). */
export function collectedObjects(): readonly BrianObject[] {
  return collected;
}

function network(): Network {
  if (!magicNetwork) magicNetwork = new Network();
  const known = collected.filter((o) => o.networkId === magicNetwork!.id);
  const fresh = collected.filter((o) => o.networkId === undefined);
  if (known.length > 0 && fresh.length > 0 && !collected.every((o) => magicNetwork!.objects.includes(o))) {
    const names = fresh.map((o) => o.name).join(', ');
    throw new BrianError(
      'magic_error',
      `The magic network contains a mix of objects that have been run before and new objects (${names}); ` +
        'it cannot tell whether to start a new simulation or continue the old one.',
      { hint: 'create an explicit Network, or call startScope() before creating the new objects' },
    );
  }
  if (known.length === 0 && magicNetwork.objects.length > 0) magicNetwork = new Network();
  magicNetwork.add(collected.filter((o) => !magicNetwork!.objects.includes(o)));
  return magicNetwork;
}

export function run(duration: Quantity, options?: RunOptions): void {
  network().run(duration, options);
}

export function store(name = 'default', filename?: string): void {
  network().store(name, filename);
}

export function restore(name = 'default', filename?: string, options?: { restoreRandomState?: boolean }): void {
  network().restore(name, filename, options);
}

/** Stops the running magic simulation after the current step (from a network operation). */
export function stop(): void {
  magicNetwork?.stop();
}

/** The network `run()` uses (for its time: `magicNetworkTime()`). */
export function magicNetworkInstance(): Network {
  return network();
}
