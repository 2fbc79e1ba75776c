import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeWriter } from '../../compiler/4-generate/code-writer.ts';
import type { DataFiles } from './arrays-source.ts';
import { externDeclaration } from './cpp-values.ts';
import { type MainHooks, mainSource } from './main-source.ts';
import { type BuildSettings, makefile, settingsFiles } from './makefile.ts';
import { mathTablesHeader } from './math-tables-source.ts';
import type { ArrayDecl, CppFunction, Operation, SupportCode } from './program.ts';
import { supportHeader, supportPath } from './support-files.ts';

export const BRIANLIB_DIR = join(dirname(fileURLToPath(import.meta.url)), 'brianlib');

export interface ProjectInput {
  readonly decls: readonly ArrayDecl[];
  readonly ops: readonly Operation[];
  readonly functions: readonly CppFunction[];
  readonly queues: readonly string[];
  readonly settings: BuildSettings;
  /** How many files the kernels are compiled in (compiled in parallel; each parses the headers once). */
  readonly kernelFiles: number;
  /** What a distributed program (devices/mpi) adds to main.cpp and the Makefile. */
  readonly distributed?: DistributedProgram;
}

/** What a distributed program adds: code in main.cpp (see MainHooks) and brianlib objects to link. */
export interface DistributedProgram {
  readonly main: MainHooks;
  /** brianlib sources compiled into the program besides support.cpp (`distributed.cpp`). */
  readonly brianlibSources: readonly string[];
}

export interface WrittenProject {
  readonly directory: string;
  /** Hash of everything that is compiled (sources, headers, Makefile): equal hashes, equal binaries. */
  readonly hash: string;
  /** The support code compiled in (for messages about compile errors). */
  readonly support: readonly SupportCode[];
}

/**
 * Writes the C++ project: brianlib, `arrays.h/.cpp`, one file per kernel, `main.cpp`, the
 * Makefile and the data files of initial values. Files whose content did not change are not
 * touched, so `make` recompiles only what changed; kernel files no longer used are removed.
 */
export function writeProject(directory: string, input: ProjectInput): WrittenProject {
  const files = new Map<string, string>();
  const data: DataFiles = new Map();
  const brianlib = readdirSync(BRIANLIB_DIR)
    .filter((f) => f.endsWith('.h') || f.endsWith('.cpp'))
    .sort();
  for (const f of brianlib) files.set(`brianlib/${f}`, readFileSync(join(BRIANLIB_DIR, f), 'utf8'));
  files.set('brianlib/math_tables.h', mathTablesHeader());
  brianlib.push('math_tables.h');

  const support = new Map<string, SupportCode>();
  for (const fn of input.functions) for (const s of fn.support) support.set(supportPath(s), s);
  for (const [path, s] of support) files.set(path, supportHeader(s));

  const kernels: string[] = [];
  groupFunctions(input.functions, input.kernelFiles).forEach((group, k) => {
    const path = `kernels/kernels_${k}.cpp`;
    kernels.push(path);
    files.set(path, kernelSource(group));
  });
  files.set(
    'main.cpp',
    mainSource(input.decls, input.queues, input.ops, input.functions, data, input.distributed?.main),
  );
  for (const [path, content] of settingsFiles(input.settings)) files.set(path, content);
  files.set(
    'Makefile',
    makefile({
      settings: input.settings,
      brianlib: brianlib.filter((f) => f.endsWith('.h')).map((f) => `brianlib/${f}`),
      support: [...support.keys()],
      kernels,
      brianlibSources: input.distributed?.brianlibSources ?? [],
    }),
  );

  for (const sub of ['brianlib', 'kernels', 'support', 'static_arrays', 'results']) {
    mkdirSync(join(directory, sub), { recursive: true });
  }
  for (const [path, content] of files) writeIfChanged(join(directory, path), content);
  removeStale(join(directory, 'kernels'), new Set(kernels.map((k) => k.slice('kernels/'.length))));
  const staticDir = join(directory, 'static_arrays');
  rmSync(staticDir, { recursive: true, force: true });
  mkdirSync(staticDir, { recursive: true });
  for (const [name, bytes] of data) writeFileSync(join(staticDir, name), bytes);

  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort())
    hash.update(path).update('\0').update(files.get(path)!).update('\0');
  for (const src of input.settings.extraSources) {
    hash.update(src).update(existsSync(src) ? readFileSync(src) : '');
  }
  return { directory, hash: hash.digest('hex'), support: [...support.values()] };
}

/**
 * Kernels shared out over `count` files of about equal size, in a fixed order (so an unchanged
 * program gives unchanged files): few files because every file parses the headers again.
 */
function groupFunctions(functions: readonly CppFunction[], count: number): CppFunction[][] {
  const n = Math.max(1, Math.min(count, functions.length));
  const groups: CppFunction[][] = Array.from({ length: n }, () => []);
  const sizes = new Array<number>(n).fill(0);
  const bySize = [...functions].sort(
    (a, b) => b.source.length - a.source.length || (a.name < b.name ? -1 : 1),
  );
  for (const fn of bySize) {
    const k = sizes.indexOf(Math.min(...sizes));
    groups[k].push(fn);
    sizes[k] += fn.source.length;
  }
  for (const g of groups) g.sort((a, b) => (a.name < b.name ? -1 : 1));
  return groups.filter((g) => g.length > 0);
}

/** A file of kernels: the kernel header, their support headers, extern declarations of exactly the arrays they use, the functions. */
function kernelSource(functions: readonly CppFunction[]): string {
  const w = new CodeWriter();
  w.line('#include "../brianlib/kernel.h"');
  const support = new Set(functions.flatMap((fn) => fn.support.map(supportPath)));
  for (const path of [...support].sort()) w.line(`#include "../${path}"`);
  const externs = new Set(functions.flatMap((fn) => [...fn.arrays.map(externDeclaration), ...fn.externs]));
  for (const e of [...externs].sort()) w.line(e);
  w.line();
  return w.toString() + functions.map((fn) => fn.source).join('\n');
}

function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function removeStale(dir: string, keep: ReadonlySet<string>): void {
  for (const f of readdirSync(dir)) {
    const base = f.replace(/\.o$/, '.cpp');
    if (!keep.has(base)) rmSync(join(dir, f), { force: true });
  }
}
