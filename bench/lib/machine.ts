/** The state of this shared machine around each run (load, waiting for quiet), and the git revision. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname, loadavg } from 'node:os';

/** Runnable tasks right now (/proc/loadavg field 4), not counting the reader. */
export function runnableTasks(): number {
  try {
    const field = readFileSync('/proc/loadavg', 'utf8').split(' ')[3];
    return Math.max(0, Number(field.split('/')[0]) - 1);
  } catch {
    return 0;
  }
}

/**
 * Waits (at most `maxSeconds`) until at most one other task is runnable for 3 consecutive
 * seconds, as Brian's run_all.py did for the recorded baselines.
 */
export async function waitForQuiet(maxSeconds: number): Promise<{ waited_s: number; runnable: number }> {
  const t0 = performance.now();
  let quietSeconds = 0;
  let runnable = runnableTasks();
  while ((performance.now() - t0) / 1000 < maxSeconds) {
    runnable = runnableTasks();
    quietSeconds = runnable <= 1 ? quietSeconds + 1 : 0;
    if (quietSeconds >= 3) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { waited_s: (performance.now() - t0) / 1000, runnable };
}

export function loadAverage(): number {
  return loadavg()[0];
}

export function host(): string {
  return hostname();
}

/** Short git revision, with `+dirty` when bench-relevant sources have uncommitted changes. */
export function gitRevision(cwd: string): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], {
      cwd,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${rev}+dirty` : rev;
  } catch {
    return 'unknown';
  }
}
