import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * The text of a file, read synchronously (Brian's `Morphology.from_file` is synchronous).
 * Node's `fs` is taken from `process.getBuiltinModule` when called, not imported, so that this
 * module (and everything importing it) loads in a browser too; there, reading a file is an
 * error that says to pass the text instead.
 */
export function readTextFile(filename: string): string {
  const fs =
    typeof process === 'undefined'
      ? undefined
      : (process.getBuiltinModule?.('node:fs') as typeof import('node:fs'));
  if (!fs) {
    throw new BrianError(
      'not_available_on_device',
      `Cannot read ${filename}: there is no file system here.`,
      {
        hint: 'pass the file contents to Morphology.fromSwc(text)',
      },
    );
  }
  try {
    return fs.readFileSync(filename, 'utf8');
  } catch (e) {
    throw new BrianError(
      'bad_argument',
      `Cannot read the morphology file ${filename}: ${(e as Error).message}`,
    );
  }
}
