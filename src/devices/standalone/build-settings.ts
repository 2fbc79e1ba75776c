import { resolve } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { BuildSettings } from './makefile.ts';
import { DEFAULT_OPTIMISATION_FLAGS, FAST_MATH_FLAGS, type StandaloneOptions } from './options.ts';
import type { SupportCode } from './program.ts';

/**
 * Compiler and linker flags of a project: the flags every program needs (C++17, 32-bit integer
 * wrap-around as JavaScript's, no fused multiply-add so results equal JavaScript's), the
 * optimisation flags, OpenMP, and what user functions ask for (include and library directories,
 * macros, libraries, extra sources).
 */
export function buildSettings(
  options: StandaloneOptions,
  threads: number,
  compiler: string,
  support: readonly SupportCode[],
  debug: boolean,
): BuildSettings {
  const defines = support.flatMap((s) =>
    Object.entries(s.defineMacros).map(([k, v]) => (v === '' ? `-D${k}` : `-D${k}=${v}`)),
  );
  const compileFlags = [
    '-std=c++17',
    '-fwrapv',
    '-ffp-contract=off',
    '-w',
    '-I.',
    ...(debug ? ['-O0', '-g', '-DDEBUG'] : (options.optimisationFlags ?? DEFAULT_OPTIMISATION_FLAGS)),
    ...(options.fastMath ? FAST_MATH_FLAGS : []),
    ...(threads > 0 ? ['-fopenmp'] : []),
    ...unique(support.flatMap((s) => s.includeDirs.map((d) => `-I${d}`))),
    ...unique(defines),
    ...(options.extraCompileArgs ?? []),
  ];
  const linkFlags = [
    ...(threads > 0 ? ['-fopenmp'] : []),
    ...unique(support.flatMap((s) => s.libraryDirs.map((d) => `-L${d}`))),
    ...unique(support.flatMap((s) => s.runtimeLibraryDirs.map((d) => `-Wl,-rpath,${resolve(d)}`))),
    ...(options.extraLinkArgs ?? []),
  ];
  // Paths reach the compiler through response files, and the headers found through them its
  // dependency files for make: no line breaks or other control characters there.
  for (const path of support.flatMap((s) => [...s.includeDirs, ...s.libraryDirs, ...s.sources])) {
    if ([...path].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
      throw new BrianError(
        'bad_argument',
        `The path ${JSON.stringify(path)} of a user function contains a control character.`,
      );
    }
  }
  return {
    compiler,
    compileFlags,
    linkFlags,
    libraries: unique(support.flatMap((s) => s.libraries)),
    extraSources: unique(support.flatMap((s) => s.sources.map((p) => resolve(p)))),
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
