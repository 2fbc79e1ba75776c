import type { Device } from '../devices/device.ts';
import { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import type { CppStandaloneDevice } from '../devices/standalone/cpp-standalone-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { NEEDS_NODE_HINT, type Platform, platform, type SnapshotFiles } from '../platform/platform.ts';
import { Clock } from './clock.ts';
import type { Network } from './network.ts';
import { checkSnapshotObjects, clocksOf, restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.ts';

/**
 * Brian's `Network.store`: clocks are first brought to the network's time (checking a changed
 * dt), then every object's state is kept under `name` (and written to `filename`). On
 * cpp_standalone the arrays are copied inside the program; this side keeps the clocks and time.
 */
export function storeNetwork(net: Network, name: string, filename: string | undefined): void {
  const objects = net.currentObjects();
  for (const o of objects) for (const c of clocksOf(o)) if (c instanceof Clock) c.updateTimeAndDt(net.t_);
  const device = net.device;
  if (isStandalone(device)) {
    noFileOnStandalone('store()', filename);
    device.storeState(`${net.id}:${name}`, objects);
    net.snapshots.set(name, takeSnapshot(undefined, objects, net.t_));
    return;
  }
  const snapshot = takeSnapshot(runtimeDevice(device, 'store()'), objects, net.t_);
  net.snapshots.set(name, snapshot);
  if (filename) snapshotFiles('store()').write(filename, name, snapshot);
}

/** Brian's `Network.restore`: the objects must be the stored ones, by name (`store_mismatch` otherwise). */
export function restoreNetwork(
  net: Network,
  name: string,
  filename: string | undefined,
  restoreRandomState: boolean,
): void {
  const device = net.device;
  if (isStandalone(device)) noFileOnStandalone('restore()', filename);
  const snapshot: Snapshot | undefined = filename
    ? snapshotFiles('restore()').read(filename, name)
    : net.snapshots.get(name);
  if (!snapshot) {
    throw new BrianError('store_not_found', `No state stored under the name "${name}".`, {
      hint: `stored names: ${[...net.snapshots.keys()].join(', ') || 'none'}`,
    });
  }
  const objects = net.currentObjects();
  checkSnapshotObjects(objects, snapshot, filename ? `"${name}" in ${filename}` : `"${name}"`);
  if (isStandalone(device)) {
    device.restoreState(`${net.id}:${name}`, restoreRandomState);
    net.t_ = restoreSnapshot(undefined, objects, snapshot, false);
    return;
  }
  net.t_ = restoreSnapshot(runtimeDevice(device, 'restore()'), objects, snapshot, restoreRandomState);
}

function noFileOnStandalone(what: string, filename: string | undefined): void {
  if (filename === undefined) return;
  throw new BrianError(
    'not_available_on_device',
    `${what} with a file is not available on device cpp_standalone: the state only exists inside the compiled program.`,
    { hint: 'store and restore by name within the script' },
  );
}

/** store()/restore() copy arrays of this process: runtime device only (cpp_standalone is handled above). */
function runtimeDevice(device: Network['device'], what: string): RuntimeDevice {
  if (!(device instanceof RuntimeDevice)) {
    throw new BrianError(
      'not_available_on_device',
      `${what} is not available on device ${device.kind}: the state only exists inside the compiled program.`,
      { hint: 'run the script on the runtime device, or use separate networks instead of store/restore' },
    );
  }
  return device;
}

/** The standalone device without importing it (it needs Node; see src/platform/platform.ts). */
function isStandalone(device: Device): device is CppStandaloneDevice {
  return device.kind === 'cpp_standalone';
}

function snapshotFiles(what: string): SnapshotFiles {
  return fileSystemPart('snapshotFiles', what);
}

/** A part of the platform that needs a file system (Node): snapshot files, checkpoints; `not_available_on_platform` elsewhere. */
export function fileSystemPart<K extends 'snapshotFiles' | 'checkpoints'>(
  key: K,
  what: string,
): NonNullable<Platform[K]> {
  const part = platform()[key];
  if (!part) {
    throw new BrianError('not_available_on_platform', `${what} with a file name needs a file system.`, {
      hint: NEEDS_NODE_HINT,
    });
  }
  return part as NonNullable<Platform[K]>;
}
