import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { writableCacheDirectory } from '../../cache-directory.ts';
import { withPartial } from '../../work-in-progress.ts';
import type { TypedArray } from '../arrays.ts';

/** The Node-API addon of loader.c: loads kernel libraries and calls their functions. */
export interface NativeLoader {
  /** dlopen()s a library; returns its index. */
  open(path: string): number;
  /** Resolves `symbol` in a library and fixes the storage and lengths of its arrays; returns a kernel index. */
  bind(library: number, symbol: string, arrays: readonly TypedArray[], lengths: readonly number[]): number;
  call(kernel: number, t: number, dt: number, timestep: number): void;
  /** Gives a bound kernel the new storage or length of its array number `slot`. */
  update(kernel: number, slot: number, array: TypedArray, length: number): void;
  /** Frees a bound kernel (it must not be called again) and lets its arrays be collected. */
  release(kernel: number): void;
  /** How many bound kernels are not released. */
  live(): number;
}

const LOADER_SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'loader.c');

let loaded: NativeLoader | undefined;

/** The loader addon, compiled with the C compiler into the cache directory at first use. */
export function nativeLoader(compiler: string): NativeLoader {
  if (loaded) return loaded;
  const headers = nodeHeaders();
  const source = readFileSync(LOADER_SOURCE);
  const key = createHash('sha256')
    .update(source)
    .update(process.versions.napi ?? '')
    .update(process.arch)
    .digest('hex')
    .slice(0, 16);
  const dir = writableCacheDirectory('native');
  const addon = join(dir, `loader-${key}.node`);
  if (!existsSync(addon)) {
    withPartial(dir, basename(addon), (partial) => {
      const args = [
        '-x',
        'c',
        '-O2',
        '-shared',
        '-fPIC',
        `-I${headers}`,
        LOADER_SOURCE,
        '-o',
        partial,
        '-ldl',
      ];
      runCompiler(compiler, args, "the runtime device's kernel loader");
      renameSync(partial, addon);
    });
  }
  loaded = createRequire(import.meta.url)(addon) as NativeLoader;
  return loaded;
}

/** Node's own headers (node_api.h), next to the running executable as Node installs them. */
function nodeHeaders(): string {
  const candidates = [
    join(dirname(process.execPath), '..', 'include', 'node'),
    ...(process.env.npm_config_nodedir ? [join(process.env.npm_config_nodedir, 'include', 'node')] : []),
  ];
  const found = candidates.find((d) => existsSync(join(d, 'node_api.h')));
  if (!found) {
    throw new BrianError(
      'compiler_not_found',
      `Compiled runtime kernels need Node's headers (node_api.h), which were not found in ${candidates.join(' or ')}.`,
      { hint: "install Node's development headers, or use JavaScript kernels: setDevice('runtime')" },
    );
  }
  return found;
}

/** Runs the compiler; a missing compiler or a failed compile is a coded error with its output. */
export function runCompiler(compiler: string, args: readonly string[], what: string): void {
  const result = spawnSync(compiler, args, { encoding: 'utf8' });
  if (result.error) {
    throw new BrianError(
      'compiler_not_found',
      `Compiled runtime kernels need the C++ compiler "${compiler}", which was not found.`,
      { hint: "install g++ (Debian: apt-get install g++), or use JavaScript kernels: setDevice('runtime')" },
    );
  }
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(0, 30).join('\n');
    throw new BrianError('compile_error', `Compiling ${what} failed:\n${output}`, {
      hint: "report this as a bug; JavaScript kernels (setDevice('runtime')) do not need a compiler",
    });
  }
}
