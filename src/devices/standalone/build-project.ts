import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText } from '../../diagnostics/span.ts';
import { cacheDirectory } from '../cache-directory.ts';
import { withPartial } from '../work-in-progress.ts';
import type { SupportCode } from './program.ts';
import type { WrittenProject } from './write-project.ts';

const HASH_FILE = '.brian-ts-build-hash';

export interface BuildResult {
  /** False when the project was unchanged and the previous binary was kept. */
  readonly compiled: boolean;
  readonly seconds: number;
}

/**
 * Compiles a written project with `make -j` unless the same project (same content hash) was
 * already built in that directory. Compiler errors in user functions are reported with the
 * user's code and line; other failures with the compiler's output.
 */
export function buildProject(project: WrittenProject, compiler: string, clean = false): BuildResult {
  const dir = project.directory;
  const hashFile = join(dir, HASH_FILE);
  if (clean) {
    spawnSync('make', ['clean'], { cwd: dir, stdio: 'ignore' });
    rmSync(hashFile, { force: true });
  }
  if (
    existsSync(join(dir, 'main')) &&
    existsSync(hashFile) &&
    readFileSync(hashFile, 'utf8') === project.hash
  ) {
    return { compiled: false, seconds: 0 };
  }
  checkTools(compiler);
  rmSync(hashFile, { force: true });
  // Always relinked: the list of objects may have changed without any object being newer.
  rmSync(join(dir, 'main'), { force: true });
  // User sources are not tracked by make (see makefile.ts): a changed project recompiles them.
  const userObjects = join(dir, 'user_sources');
  if (existsSync(userObjects)) {
    for (const f of readdirSync(userObjects))
      if (!f.endsWith('.rsp')) rmSync(join(userObjects, f), { force: true });
  }
  const started = performance.now();
  const cached = reuseSupportObject(dir, compiler);
  const result = spawnSync('make', [`-j${availableParallelism()}`, '--no-print-directory'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw compileError(`${result.stderr ?? ''}${result.stdout ?? ''}`, project.support, dir);
  cached.store();
  writeFileSync(hashFile, project.hash);
  return { compiled: true, seconds };
}

/**
 * brianlib's support.cpp is the same in every project: its object file is kept in a cache
 * (keyed by the source, the compile flags and the compiler) and copied into new projects, so a
 * cold build only compiles the generated code.
 */
function reuseSupportObject(dir: string, compiler: string): { store(): void } {
  const object = join(dir, 'brianlib', 'support.o');
  const flags = ['flags.mk', 'compile.rsp'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\0');
  const version = spawnSync(compiler, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const key = createHash('sha256')
    .update(readFileSync(join(dir, 'brianlib', 'support.cpp')))
    .update(
      readdirSync(join(dir, 'brianlib'))
        .filter((f) => f.endsWith('.h'))
        .sort()
        .map((f) => readFileSync(join(dir, 'brianlib', f), 'utf8'))
        .join('\0'),
    )
    .update(flags)
    .update(version)
    .digest('hex')
    .slice(0, 24);
  const cacheDir = cacheDirectory('standalone');
  const cachedObject = join(cacheDir, `support-${key}.o`);
  if (!existsSync(object) && existsSync(cachedObject)) copyFileSync(cachedObject, object);
  return {
    store() {
      if (existsSync(cachedObject) || !existsSync(object)) return;
      try {
        mkdirSync(cacheDir, { recursive: true });
        withPartial(cacheDir, basename(cachedObject), (partial) => {
          copyFileSync(object, partial);
          renameSync(partial, cachedObject);
        });
      } catch {
        // The cache is an optimisation only.
      }
    },
  };
}

/** A clear message when g++ or make is missing, before trying to build. */
export function checkTools(compiler: string): void {
  for (const [tool, args] of [
    [compiler, ['--version']],
    ['make', ['--version']],
  ] as const) {
    const r = spawnSync(tool, args, { stdio: 'ignore' });
    if (r.error) {
      throw new BrianError(
        'compiler_not_found',
        `The cpp_standalone device needs ${tool === 'make' ? 'make' : `the C++ compiler "${tool}"`}, which was not found.`,
        {
          hint: 'install g++ and make (Debian: apt-get install g++ make), or set the compiler option / $CXX',
        },
      );
    }
  }
}

/**
 * The compiler's first error, shown in the user's own code when it is inside a user function
 * (the support headers start with `#line 1 "user function NAME"`).
 */
export function compileError(output: string, support: readonly SupportCode[], dir: string): BrianError {
  const lines = output.split('\n');
  for (const s of support) {
    const escaped = s.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`^${escaped}:(\\d+):(\\d+): (?:fatal )?error: (.*)$`);
    for (const line of lines) {
      const m = re.exec(line);
      if (!m) continue;
      const source = new SourceText(s.code, s.label);
      const start = offsetOf(s.code, Number(m[1]), Number(m[2]));
      const end = Math.max(
        start + 1,
        s.code.indexOf('\n', start) === -1 ? s.code.length : s.code.indexOf('\n', start),
      );
      return new BrianError('compile_error', `The C++ code of ${s.label} does not compile: ${m[3]}`, {
        span: { start, end, source },
        hint: 'the line and column are those of your cpp code',
      });
    }
  }
  const missing = /cannot find -l([^\s:]+)/.exec(output);
  if (missing) {
    const wanted = support.find((s) => s.libraries.includes(missing[1]));
    return new BrianError(
      'compile_error',
      `The library "${missing[1]}"${wanted ? ` that ${wanted.label} links with` : ''} was not found.`,
      { hint: 'install it (its -dev package), or give its directory in libraryDirs' },
    );
  }
  const header = /fatal error: (\S+): No such file or directory/.exec(output);
  if (header) {
    const wanted = support.find((s) => s.headers.some((h) => h.includes(header[1])));
    return new BrianError(
      'compile_error',
      `The header ${header[1]}${wanted ? ` that ${wanted.label} includes` : ''} was not found.`,
      { hint: 'install the library (its -dev package), or give its directory in includeDirs' },
    );
  }
  const first = lines.findIndex((l) => /error/.test(l));
  const excerpt = lines.slice(Math.max(0, first), Math.max(0, first) + 20).join('\n');
  return new BrianError('compile_error', `The generated C++ project in ${dir} did not compile:\n${excerpt}`, {
    hint: 'this is a bug of brian-ts unless the error is in code you wrote',
  });
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let k = 1; k < line; k++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
