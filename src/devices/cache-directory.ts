import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where compiled artefacts are kept between processes: `$BRIAN_TS_CACHE`, else `~/.cache/brian-ts`. */
export function cacheDirectory(kind: 'standalone' | 'native'): string {
  return join(process.env.BRIAN_TS_CACHE ?? join(homedir(), '.cache', 'brian-ts'), kind);
}

/**
 * The cache directory, created; when it cannot be written (a read-only home), a directory of
 * this user under the system's temporary directory instead, so that compiling still works.
 */
export function writableCacheDirectory(kind: 'standalone' | 'native'): string {
  for (const dir of [
    cacheDirectory(kind),
    join(tmpdir(), `brian-ts-${process.getuid?.() ?? 'user'}`, kind),
  ]) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // try the next one
    }
  }
  return join(tmpdir(), kind);
}
