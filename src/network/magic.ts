import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Quantity } from '../units/quantity.ts';
import type { BrianObject } from './brian-object.ts';
import { type AsyncRunOptions, Network, type RunOptions } from './network.ts';

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
  const net = magicNetwork;
  const fresh = collected.filter((o) => !net.objects.includes(o));
  if (fresh.length === 0) return net;
  const hasRun = net.objects.some((o) => o.networkId === net.id);
  if (!hasRun) {
    net.add(fresh);
    return net;
  }
  if (fresh.length === collected.length) {
    // Only new objects: a new simulation, starting at t = 0.
    magicNetwork = new Network(fresh);
    return magicNetwork;
  }
  const names = fresh.map((o) => o.name).join(', ');
  throw new BrianError(
    'magic_error',
    `The magic network contains a mix of objects that have been run before and new objects (${names}); ` +
      'it cannot tell whether to start a new simulation or continue the old one.',
    { hint: 'create an explicit Network, or call startScope() before creating the new objects' },
  );
}

/**
 * Simulates `duration` of biological time with every object created since the last
 * `startScope()` (Brian's magic `run()`); a later call continues the same simulation. Blocks
 * until done (see `runAsync`). Mixing objects that ran with new ones is `magic_error`.
 */
export function run(duration: Quantity, options?: RunOptions): void {
  network().run(duration, options);
}

/**
 * `run()` that gives the event loop back regularly, reports progress and stops on
 * `options.signal` (see `Network.runAsync`): `await runAsync(second(1), { signal, report })`.
 */
export async function runAsync(duration: Quantity, options?: AsyncRunOptions): Promise<void> {
  return network().runAsync(duration, options);
}

/** Saves the state of the magic network's objects, clocks and random state under `name` (Brian's `store()`), and to `filename` (Node) if given. */
export function store(name = 'default', filename?: string): void {
  network().store(name, filename);
}

/** Puts the magic network's objects back into the state saved by `store(name)` (Brian's `restore()`), from `filename` if given; the random state too with `restoreRandomState`. */
export function restore(
  name = 'default',
  filename?: string,
  options?: { restoreRandomState?: boolean },
): void {
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
