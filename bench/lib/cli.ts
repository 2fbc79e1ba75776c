/** The command line of the bench tools that take a few options (bench/run.ts has its own, lib/args.ts). */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;

/**
 * `parseArgs` of `process.argv` with a `--help` (`-h`) that prints `usage` and exits 0, and
 * an unknown or malformed option answered with its message and the usage, exit status 2, instead
 * of a stack trace from inside node.
 */
export function parseToolArgs<const O extends Options>(
  options: O,
  usage: string,
  allowPositionals = false,
): Parsed<O> {
  const config = {
    options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals,
    args: process.argv.slice(2),
  } as const;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\nusage: ${usage}\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  return parsed;
}
