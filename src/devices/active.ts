import { BrianError } from '../diagnostics/diagnostic.ts';
import { NEEDS_NODE_HINT, platform } from '../platform/platform.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkRuntimeOptions, checkStandaloneOptions } from '../validation/device-options.ts';
import { RuntimeDevice, type RuntimeOptions } from './runtime/runtime-device.ts';
import type { CppStandaloneDevice } from './standalone/cpp-standalone-device.ts';
import type { StandaloneOptions } from './standalone/options.ts';
import type { SweepOptions } from './standalone/sweep.ts';

/**
 * The device new objects are created on. This is public-API convenience (Brian's
 * `set_device`/`get_device`), deliberately outside the compiler: nothing under src/compiler
 * reads it.
 */
export type ActiveDevice = RuntimeDevice | CppStandaloneDevice;

let active: ActiveDevice = new RuntimeDevice();

/** The device objects are created on and runs use: the runtime device unless `setDevice('cpp_standalone')` was called (Brian's `get_device()`). */
export function getDevice(): ActiveDevice {
  return active;
}

/** Starts over with a fresh runtime device (tests; Brian's `device.reinit()` for runtime). */
export function resetDevice(options: RuntimeOptions = {}): RuntimeDevice {
  const fresh = new RuntimeDevice(options);
  active = fresh;
  return fresh;
}

/**
 * Selects the device for the objects created from now on (Brian's `set_device`):
 * `'runtime'` (kernels in this process: JavaScript, or with `{ target: 'cpp' }` the per-neuron
 * loops compiled by g++) or `'cpp_standalone'` (a C++ program built
 * and run with g++, by default at the first `run()`; with `buildOnRun: false` at `device.build()`).
 */
export function setDevice(name: 'runtime', options?: RuntimeOptions): RuntimeDevice;
export function setDevice(name: 'cpp_standalone', options?: StandaloneOptions): CppStandaloneDevice;
export function setDevice(
  name: 'runtime' | 'cpp_standalone',
  options: StandaloneOptions | RuntimeOptions = {},
): ActiveDevice {
  if (name === 'runtime') return resetDevice(checkRuntimeOptions(options));
  if (name !== 'cpp_standalone') {
    throw new BrianError(
      'bad_argument',
      `Unknown device ${describeValue(name)}; devices are 'runtime' and 'cpp_standalone'.`,
    );
  }
  const make = platform().standaloneDevice;
  if (!make) {
    throw new BrianError(
      'not_available_on_platform',
      'The cpp_standalone device writes a C++ project, builds it with g++ and runs it.',
      { hint: NEEDS_NODE_HINT },
    );
  }
  const standalone = make(checkStandaloneOptions(options));
  active = standalone;
  return standalone;
}

/** The standalone device's build/run/reinit, as Brian's global `device` (an error on the runtime device). */
export const device = {
  /** Writes the C++ project, compiles it and runs it (Brian's `device.build(directory=…)`); standalone only. */
  build(...args: Parameters<CppStandaloneDevice['build']>): void {
    standalone('device.build()').build(...args);
  },
  /** Runs the compiled program again without recompiling, e.g. with other `runArgs` (Brian 2.6's `device.run`); standalone only. */
  run(...args: Parameters<CppStandaloneDevice['run']>): void {
    standalone('device.run()').run(...args);
  },
  /** The built program over many parameter sets in parallel (see `sweep`). */
  sweep<T>(...args: Parameters<CppStandaloneDevice['sweep']>): Promise<T[]> {
    return standalone('device.sweep()').sweep(...args) as Promise<T[]>;
  },
  /** Marks where values given as `runArgs` are applied (default: just before the first run; Brian's `device.apply_run_args()`); standalone only. */
  applyRunArgs(): void {
    standalone('device.applyRunArgs()').applyRunArgs();
  },
  /** Forgets everything the device holds (Brian's `device.reinit()`): the standalone program, or the runtime device's arrays. */
  reinit(): void {
    if (active.kind === 'cpp_standalone') active.reinit();
    else resetDevice();
  },
  /** Which device is active: `'runtime'` or `'cpp_standalone'`. */
  get kind(): ActiveDevice['kind'] {
    return active.kind;
  },
};

function standalone(what: string): CppStandaloneDevice {
  if (active.kind !== 'cpp_standalone') {
    throw new BrianError('not_available_on_device', `${what} needs the cpp_standalone device.`, {
      hint: "call setDevice('cpp_standalone', { buildOnRun: false }) before creating objects",
    });
  }
  return active;
}

/**
 * One built standalone program over many parameter sets, in parallel (`processes` at a time on
 * this machine, or over the machines of `hosts` through mpirun), collecting what `read` gives
 * for each run (`device.sweep`; see src/devices/standalone/sweep.ts).
 */
export function sweep<T>(
  runArgsList: Parameters<CppStandaloneDevice['sweep']>[0],
  options: SweepOptions<T>,
): Promise<T[]> {
  return standalone('sweep()').sweep(runArgsList, options);
}
