/**
 * Brian 2's own test files, translated (test/brian2/README.md): the device matrix and the
 * per-file result records behind `npm test`'s table. Not a test file itself.
 *
 * Each translated file starts with `const { brianTest } = brianSuite('test_x.py', {...})` and
 * declares every test under Brian's name. A test runs on the runtime device in each pass of
 * `npm test` (JavaScript kernels in the first pass, compiled kernels in the second, named
 * `[runtime]` and `[runtime_cpp]`), and on cpp_standalone in the first pass when Brian marks it
 * `standalone_compatible`.
 */
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import type { CppStandaloneDevice } from '../../src/devices/standalone/cpp-standalone-device.ts';
import type { StandaloneOptions } from '../../src/devices/standalone/options.ts';
import { defaultclock, ms, setDevice, startScope } from '../../src/index.ts';
import { HAS_COMPILER } from '../standalone/devices.ts';

/** The devices of the matrix: runtime with JavaScript kernels, with compiled kernels, and cpp_standalone. */
export type Brian2Device = 'runtime' | 'runtime_cpp' | 'cpp_standalone';

/** Per device (or `all`), a reason. */
export type PerDevice = Partial<Record<Brian2Device | 'all', string>>;

export interface BrianTestOptions {
  /** Brian's `@pytest.mark.standalone_compatible`: also run on cpp_standalone. */
  readonly standalone?: boolean;
  /**
   * Brian's `@pytest.mark.multiple_runs`: on cpp_standalone the device does not build at the
   * first `run()`; the test calls `ctx.build()` after its last run (a no-op on the runtime device).
   */
  readonly multipleRuns?: boolean;
  /**
   * Devices where the test cannot run, with the reason (a documented difference from Brian
   * 2.5.1, a feature refused on that device with a coded error…). Counted as "not supported";
   * "not implemented yet" is not a reason.
   */
  readonly notSupported?: PerDevice;
  /**
   * Devices where the test is known to fail, with the reason: it runs as a `todo` (its failure
   * does not fail the suite) and the table counts it as failed. If it passes, the table says so
   * under "unexpected passes" so the mark gets removed.
   */
  readonly knownFailure?: PerDevice;
  /** Options for the standalone device (threads, …). */
  readonly standaloneOptions?: StandaloneOptions;
}

export interface BrianTestContext {
  readonly device: Brian2Device;
  /** The standalone device (undefined on the runtime device). */
  readonly standalone?: CppStandaloneDevice;
  readonly t: TestContext;
  /** Brian's `device.build(direct_call=False)` for `multipleRuns` tests: builds and runs on cpp_standalone, nothing at runtime. */
  build(): void;
}

export interface BrianSuiteOptions {
  /** Brian's tests not translated, each with the reason (only tests of Python internals). */
  readonly skipped?: Readonly<Record<string, string>>;
}

/** One test's outcome on one device, as the table reads it. */
export interface BrianTestRecord {
  readonly file: string;
  readonly test: string;
  readonly device: Brian2Device;
  readonly outcome: 'pass' | 'fail' | 'not_supported' | 'known_failure' | 'unexpected_pass';
  readonly reason?: string;
}

/** The pass this process runs in: compiled kernels when `$BRIAN_RUNTIME_TARGET` is `cpp`. */
function devicesOfThisPass(standalone: boolean): Brian2Device[] {
  if (process.env.BRIAN_RUNTIME_TARGET === 'cpp') return ['runtime_cpp'];
  return standalone ? ['runtime', 'cpp_standalone'] : ['runtime'];
}

function record(entry: BrianTestRecord): void {
  const file = process.env.BRIAN2_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

function reasonFor(reasons: PerDevice | undefined, device: Brian2Device): string | undefined {
  return reasons?.[device] ?? reasons?.all;
}

/** Standalone projects per test, and per checkout so that concurrent checkouts never share one. */
function projectDirectory(file: string, name: string): string {
  const checkout = basename(process.cwd()).replace(/[^A-Za-z0-9]+/g, '-');
  const slug = `${file}-${name}`.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return join(tmpdir(), 'brian-ts-brian2', checkout, slug);
}

function freshState(): void {
  resetDevice();
  startScope();
  // Brian's tests start with a new device, whose defaultclock is at t = 0 with dt = 0.1 ms.
  defaultclock.dt = ms(0.1);
  defaultclock.updateTimeAndDt(0);
}

/** The test function of one translated Brian file. */
export function brianSuite(file: string, suite: BrianSuiteOptions = {}) {
  const names = new Set<string>();

  function brianTest(
    name: string,
    options: BrianTestOptions,
    fn: (ctx: BrianTestContext) => void | Promise<void>,
  ): void {
    if (names.has(name)) throw new Error(`${file}: test ${name} declared twice`);
    if (suite.skipped?.[name]) throw new Error(`${file}: test ${name} is both translated and skipped`);
    names.add(name);
    for (const device of devicesOfThisPass(options.standalone ?? false)) {
      const notSupported = reasonFor(options.notSupported, device);
      const known = reasonFor(options.knownFailure, device);
      const label = `${name} [${device}]`;
      if (notSupported) {
        test(label, { skip: `not supported: ${notSupported}` }, () => {});
        record({ file, test: name, device, outcome: 'not_supported', reason: notSupported });
        continue;
      }
      if (device === 'cpp_standalone' && !HAS_COMPILER) {
        test(label, { skip: 'g++ or make not found: cpp_standalone tests skipped' }, () => {});
        continue;
      }
      test(label, known ? { todo: known } : {}, async (t) => {
        try {
          // Inside the try: a failure to set up counts as the test's failure in the table.
          freshState();
          let standalone: CppStandaloneDevice | undefined;
          if (device === 'cpp_standalone') {
            standalone = setDevice('cpp_standalone', {
              directory: projectDirectory(file, name),
              buildOnRun: !options.multipleRuns,
              ...options.standaloneOptions,
            });
          } else if (device === 'runtime_cpp') {
            resetDevice({ target: 'cpp' });
          }
          const ctx: BrianTestContext = {
            device,
            standalone,
            t,
            build: () => standalone?.build(),
          };
          await fn(ctx);
        } catch (error) {
          record({ file, test: name, device, outcome: known ? 'known_failure' : 'fail', reason: known });
          throw error;
        } finally {
          freshState();
        }
        record({ file, test: name, device, outcome: known ? 'unexpected_pass' : 'pass', reason: known });
      });
    }
  }

  // The skipped tests are recorded once so the table can show them beside the translated ones.
  if (process.env.BRIAN_RUNTIME_TARGET !== 'cpp') {
    for (const [name, reason] of Object.entries(suite.skipped ?? {})) {
      const file_ = process.env.BRIAN2_SKIPPED;
      if (file_) appendFileSync(file_, `${JSON.stringify({ file, test: name, reason })}\n`);
    }
  }

  return { brianTest };
}
