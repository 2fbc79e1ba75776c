import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where compiled artefacts are kept between processes: `$BRIAN_TS_CACHE`, else `~/.cache/brian-ts`. */
export function cacheDirectory(kind: 'standalone' | 'native'): string {
  return join(process.env.BRIAN_TS_CACHE ?? join(homedir(), '.cache', 'brian-ts'), kind);
}
