import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * The coded errors of a standalone program's life cycle: a script records the program, builds
 * and runs it once, then may only rerun it (`device.run`) or start a new one (`device.reinit`).
 */

/** Recording more of the program after it was built and run. */
export function programAlreadyRan(what: string): BrianError {
  return new BrianError(
    'not_available_on_device',
    `${what} after the standalone program was built and run: the program cannot change any more.`,
    {
      hint: 'call device.reinit() (and create the objects again) for a new program, or use device.run({ runArgs }) to rerun it with new values',
    },
  );
}

/** Reading values that only the program computes, before it ran. */
export function valuesNotYetComputed(arrayId: string, buildOnRun: boolean | undefined): BrianError {
  return new BrianError(
    'not_available_on_device',
    `The values of ${arrayId} only exist once the standalone program has run.`,
    {
      hint:
        buildOnRun === false
          ? 'read them after device.build()'
          : 'read them after run() (which builds and runs the program)',
    },
  );
}

/** A second `run()` of a program built at the first one. */
export function secondRunWithBuildOnRun(): BrianError {
  return new BrianError(
    'not_available_on_device',
    'A second run() with buildOnRun: the standalone program was already built and run at the first one.',
    {
      hint: "use setDevice('cpp_standalone', { buildOnRun: false }) and call device.build() after the last run",
    },
  );
}

/** `device.build()` of a program already built and run. */
export function alreadyBuilt(): BrianError {
  return new BrianError('not_available_on_device', 'The standalone program has already been built and run.', {
    hint: 'use device.run({ runArgs }) to run it again, or device.reinit() for a new program',
  });
}

/** Running the program (`device.run`, `sweep`) before it was built. */
export function notYetBuilt(what: string, hint: string): BrianError {
  return new BrianError('not_available_on_device', what, { hint });
}
