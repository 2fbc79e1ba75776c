/** Runs one benchmark child process in its own process group, with a time limit. */
import { spawn } from 'node:child_process';

export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  wall_s: number;
}

export function runChild(
  command: string,
  args: readonly string[],
  options: { timeoutSeconds: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // detached: a new process group, so a time-out also kills what the child started (make, ./main)
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutSeconds * 1000);
    const finish = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, wall_s: (performance.now() - t0) / 1000 });
    };
    child.on('error', (e) => {
      stderr += String(e);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}

/** The JSON after the last `RESULT ` line of a child's stdout (Brian's harness format, and ours). */
export function parseResultLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n').filter((l) => l.startsWith('RESULT '));
  if (lines.length === 0) return undefined;
  // Python's json.dumps writes NaN/Infinity, which JSON.parse rejects
  const text = lines[lines.length - 1].slice(7).replace(/\b(NaN|-?Infinity)\b/g, 'null');
  return JSON.parse(text) as Record<string, unknown>;
}

/** The last lines of a child's stderr, for a failure's reason. */
export function tail(text: string, lines = 12): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
