import type { UserCppImplementation } from '../compiler/functions.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';

/** The options of a C++ implementation and the kind of value each takes (Brian's compiler arguments). */
const CPP_OPTIONS: Readonly<Record<keyof UserCppImplementation, 'string' | 'strings' | 'macros'>> = {
  code: 'string',
  headers: 'strings',
  sources: 'strings',
  libraries: 'strings',
  includeDirs: 'strings',
  libraryDirs: 'strings',
  runtimeLibraryDirs: 'strings',
  defineMacros: 'macros',
};

/**
 * Checks a C++ implementation when the function is made (Brian checks its compiler arguments
 * before building): unknown options and values of the wrong kind are errors naming the option.
 */
export function checkCppImplementation(fn: string, cpp: UserCppImplementation): void {
  if (typeof cpp !== 'object' || cpp === null) {
    throw new BrianError('bad_argument', `The cpp implementation of ${fn} must be an object with its code.`);
  }
  for (const [key, value] of Object.entries(cpp)) {
    const kind = CPP_OPTIONS[key as keyof UserCppImplementation];
    if (!kind) {
      throw new BrianError('bad_argument', `Unknown option "${key}" in the cpp implementation of ${fn}.`, {
        hint: `the options are ${Object.keys(CPP_OPTIONS).join(', ')}`,
      });
    }
    if (value === undefined) continue;
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : kind === 'strings'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
    if (!ok) {
      const wanted = {
        string: 'a string',
        strings: 'an array of strings',
        macros: 'an object of macro values',
      }[kind];
      throw new BrianError(
        'bad_argument',
        `The option "${key}" of the cpp implementation of ${fn} must be ${wanted}.`,
      );
    }
  }
  if (typeof cpp.code !== 'string') {
    throw new BrianError('bad_argument', `The cpp implementation of ${fn} needs its code.`);
  }
}
