import { RuntimeDevice } from './runtime/runtime-device.ts';

/**
 * The device new objects are created on. This is public-API convenience (Brian's
 * `set_device`/`get_device`), deliberately outside the compiler: nothing under src/compiler
 * reads it.
 */
let active = new RuntimeDevice();

export function getDevice(): RuntimeDevice {
  return active;
}

/** Starts over with a fresh runtime device (tests; Brian's `device.reinit()` for runtime). */
export function resetDevice(): RuntimeDevice {
  active = new RuntimeDevice();
  return active;
}
