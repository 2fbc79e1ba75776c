/** Running one behavioural test on every device (DESIGN §2 rule 8): not a test file itself. */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import type { CppStandaloneDevice } from '../../src/devices/standalone/cpp-standalone-device.ts';
import type { StandaloneOptions } from '../../src/devices/standalone/options.ts';
import { defaultclock, ms, setDevice, startScope } from '../../src/index.ts';

export type DeviceName = 'runtime' | 'cpp_standalone';

/** Whether g++ and make can be run here; without them standalone tests are skipped with a message. */
export const HAS_COMPILER =
  spawnSync('g++', ['--version'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('make', ['--version'], { stdio: 'ignore' }).status === 0;

const SKIP = HAS_COMPILER ? false : 'g++ or make not found: cpp_standalone tests skipped';

/**
 * A project directory per test and checkout, kept between test runs so that unchanged programs
 * are not recompiled; checkouts running their tests at the same time never share one (a directory
 * is locked by the process that builds in it).
 */
export function projectDirectory(name: string): string {
  const checkout = basename(process.cwd()).replace(/[^A-Za-z0-9]+/g, '-');
  const slug = name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return join(tmpdir(), 'brian-ts-standalone-tests', checkout, slug);
}

export interface DeviceContext {
  readonly device: DeviceName;
  /** The standalone device (undefined on the runtime device). */
  readonly standalone?: CppStandaloneDevice;
  readonly t: TestContext;
}

/**
 * Declares `name [runtime]` and `name [cpp_standalone]`: each starts from a fresh device and
 * scope and the default clock at 0.1 ms, and ends on a fresh runtime device.
 */
export function onBothDevices(
  name: string,
  fn: (ctx: DeviceContext) => void,
  options: { standalone?: StandaloneOptions; only?: DeviceName } = {},
): void {
  for (const device of ['runtime', 'cpp_standalone'] as const) {
    if (options.only && options.only !== device) continue;
    test(`${name} [${device}]`, { skip: device === 'cpp_standalone' ? SKIP : false }, (t) => {
      defaultclock.dt = ms(0.1);
      let standalone: CppStandaloneDevice | undefined;
      if (device === 'cpp_standalone') {
        standalone = setDevice('cpp_standalone', {
          directory: projectDirectory(name),
          ...options.standalone,
        });
      } else {
        resetDevice();
      }
      startScope();
      try {
        fn({ device, standalone, t });
      } finally {
        resetDevice();
        startScope();
        defaultclock.dt = ms(0.1);
      }
    });
  }
}

/**
 * Runs a script with several runs on both devices: on the standalone device with buildOnRun
 * false, `device.build()` after the script; the script returns a function reading its results.
 */
export function onEachDeviceBuilt<T>(name: string, script: () => () => T): { runtime: T; standalone: T } {
  const run = (device: DeviceName): T => {
    defaultclock.dt = ms(0.1);
    const standalone =
      device === 'cpp_standalone'
        ? setDevice('cpp_standalone', { directory: projectDirectory(name), buildOnRun: false })
        : undefined;
    if (!standalone) resetDevice();
    startScope();
    try {
      const read = script();
      standalone?.build();
      return read();
    } finally {
      resetDevice();
      startScope();
      defaultclock.dt = ms(0.1);
    }
  };
  return { runtime: run('runtime'), standalone: run('cpp_standalone') };
}

/** Runs `build` on both devices (fresh each time) and returns the two results for comparison. */
export function onEachDevice<T>(
  name: string,
  build: (device: DeviceName) => T,
): { runtime: T; standalone: T } {
  const run = (device: DeviceName): T => {
    defaultclock.dt = ms(0.1);
    if (device === 'cpp_standalone') setDevice('cpp_standalone', { directory: projectDirectory(name) });
    else resetDevice();
    startScope();
    try {
      return build(device);
    } finally {
      resetDevice();
      startScope();
      defaultclock.dt = ms(0.1);
    }
  };
  return { runtime: run('runtime'), standalone: run('cpp_standalone') };
}

export { SKIP as STANDALONE_SKIP };
