import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * Files and folders that a compile writes into the shared cache before renaming its result into
 * place carry the host and process id of the process doing it (`<name>.<host>.<pid>.partial`).
 * A compile that fails removes its own; one whose process was killed cannot, so every compile
 * first sweeps the cache for work of processes of this host that no longer exist.
 */
export function partialName(name: string): string {
  return `${name}.${safeHost()}.${process.pid}.partial`;
}

/** Removes the partial work in `directory` left by dead processes of this host. */
export function sweepAbandoned(directory: string): void {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return;
  }
  const suffix = new RegExp(`\\.${escapeRegExp(safeHost())}\\.(\\d+)\\.partial$`);
  for (const entry of entries) {
    const match = suffix.exec(entry);
    if (match && !isAlive(Number(match[1]))) rmSync(join(directory, entry), { recursive: true, force: true });
  }
}

/** Runs `fn` with a partial work path that is removed afterwards, whether `fn` succeeded or threw. */
export function withPartial<T>(directory: string, name: string, fn: (path: string) => T): T {
  sweepAbandoned(directory);
  const path = join(directory, partialName(name));
  try {
    return fn(path);
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

function safeHost(): string {
  return hostname().replace(/[^A-Za-z0-9-]/g, '_');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
