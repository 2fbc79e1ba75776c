import { warn } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Quantity } from '../units/quantity.ts';
import { checkRunArgs } from '../validation/run-options.ts';
import type { BrianObject } from './brian-object.ts';
import { releaseNames } from './names.ts';
import { type AsyncRunOptions, Network, type RunOptions, stopAllNetworks } from './network.ts';
import { missingDependency } from './network-checks.ts';
import type { NetworkContent } from './network-contents.ts';
import type { NetworkStates, NetworkStatesOptions } from './network-states.ts';

/**
 * Brian's "magic" `run()`: JavaScript cannot look into the caller's variables, so every object
 * created since the last `startScope()` takes part. This is public-API convenience state; the
 * explicit form is `new Network(...)`.
 */
const collected: BrianObject[] = [];

/** Called by object constructors of the public API. */
export function collect(object: BrianObject): void {
  collected.push(object);
}

/** Forgets every object created so far (and frees their names): the next `run()` starts a new simulation at t = 0. */
export function startScope(): void {
  collected.length = 0;
  releaseNames();
}

/** The objects `run()` would simulate now (Brian's `collect()`). */
export function collectedObjects(): readonly BrianObject[] {
  return collected;
}

/**
 * The network of the magic `run()` (Brian's MagicNetwork): before each run, store, restore or
 * `getStates` it takes the objects of the scope. When they are all new it starts a new
 * simulation at t = 0; objects that do not invalidate it (monitors) join a running one; a mix of
 * objects run before and new ones is an error. It cannot be modified by hand.
 */
class MagicNetwork extends Network {
  constructor() {
    super({ name: 'magicnetwork' });
  }

  override add(..._contents: NetworkContent[]): void {
    throw new BrianError('magic_error', 'Objects cannot be added to the magic network by hand.', {
      hint: 'the magic run() takes every object created since startScope(); use an explicit Network to choose',
    });
  }

  override remove(..._contents: NetworkContent[]): void {
    throw new BrianError('magic_error', 'Objects cannot be removed from the magic network by hand.', {
      hint: 'set the object inactive (active = false), or use an explicit Network',
    });
  }

  /** Brian's `_update_magic_objects`: continue, start anew, or refuse a mix. */
  override currentObjects(): BrianObject[] {
    const objects = allObjectsOf(collected);
    let known = false;
    const fresh: BrianObject[] = [];
    for (const o of objects) {
      if (o.networkId === this.id) known = true;
      else if (o.networkId === undefined && o.invalidatesMagicNetwork) fresh.push(o);
    }
    if (known && fresh.length > 0) {
      const names = fresh.map((o) => o.name).join(', ');
      throw new BrianError(
        'magic_error',
        `The magic network contains a mix of objects that have been run before and new objects (${names}); ` +
          'it cannot tell whether to start a new simulation or continue the old one.',
        { hint: 'create an explicit Network, or call startScope() before creating the new objects' },
      );
    }
    if (fresh.length > 0) {
      // All objects are new: a new simulation, as a new network.
      this.time = 0;
      this.assignId();
    }
    for (const o of objects) if (o.networkId === undefined) o.networkId = this.id;
    this.objects.length = 0;
    this.objects.push(...collected);
    return objects;
  }

  /** Brian's MagicNetwork: an object without what it depends on is switched off, with a warning. */
  protected override checkDependencies(objects: readonly BrianObject[]): void {
    const present = new Set(objects);
    for (const o of objects) {
      if (!o.active) continue;
      const missing = missingDependency(o, present);
      if (missing) {
        warn(
          'dependency_warning',
          `'${o.name}' has been included in the network but not ${missing.name}, on which it depends. Setting '${o.name}' to inactive.`,
        );
        o.active = false;
      }
    }
  }

  override getStates(options: NetworkStatesOptions = {}): NetworkStates {
    this.currentObjects();
    return super.getStates(options);
  }

  override setStates(values: NetworkStates, options: { units?: boolean } = {}): void {
    this.currentObjects();
    super.setStates(values, options);
  }
}

function allObjectsOf(objects: readonly BrianObject[]): BrianObject[] {
  const seen = new Set<BrianObject>();
  const visit = (o: BrianObject) => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const c of o.containedObjects()) visit(c);
  };
  for (const o of objects) visit(o);
  return [...seen];
}

/** The network of `run()`, `store()`, `restore()` (Brian's `magic_network`): `magicNetwork.t` is the time of the magic simulation. */
export const magicNetwork: Network = new MagicNetwork();

/**
 * Simulates `duration` of biological time with every object created since the last
 * `startScope()` (Brian's magic `run()`); a later call continues the same simulation. Blocks
 * until done (see `runAsync`). Mixing objects that ran with new ones is `magic_error`.
 */
export function run(duration: Quantity, options?: RunOptions): void {
  checkRunArgs(duration, options); // before collecting, so that argument errors come first
  magicNetwork.run(duration, options);
}

/**
 * `run()` that gives the event loop back regularly, reports progress and stops on
 * `options.signal` (see `Network.runAsync`): `await runAsync(second(1), { signal, report })`.
 */
export async function runAsync(duration: Quantity, options?: AsyncRunOptions): Promise<void> {
  checkRunArgs(duration, options, 'runAsync');
  return magicNetwork.runAsync(duration, options);
}

/** Saves the state of the magic network's objects, clocks and random state under `name` (Brian's `store()`), and to `filename` (Node) if given. */
export function store(name = 'default', filename?: string): void {
  magicNetwork.store(name, filename);
}

/** Puts the magic network's objects back into the state saved by `store(name)` (Brian's `restore()`), from `filename` if given; the random state too with `restoreRandomState`. */
export function restore(
  name = 'default',
  filename?: string,
  options?: { restoreRandomState?: boolean },
): void {
  magicNetwork.restore(name, filename, options);
}

/** Stops the running simulation after the current step, whichever network runs it (Brian's `stop()`). */
export function stop(): void {
  stopAllNetworks();
}
