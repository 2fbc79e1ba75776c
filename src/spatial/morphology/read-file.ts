import { BrianError } from '../../diagnostics/diagnostic.ts';
import { NEEDS_NODE_HINT, platform } from '../../platform/platform.ts';

/**
 * The text of a morphology file, read synchronously (Brian's `Morphology.from_file` is) through
 * the platform: under Node from the file system; elsewhere an error that says to pass the text.
 */
export function readTextFile(filename: string): string {
  const read = platform().readTextFile;
  if (!read) {
    throw new BrianError(
      'not_available_on_device',
      `Cannot read ${filename}: there is no file system here.`,
      {
        hint: `pass the file's text to Morphology.fromSwc(text); reading files: ${NEEDS_NODE_HINT}`,
      },
    );
  }
  try {
    return read(filename);
  } catch (e) {
    throw new BrianError(
      'bad_argument',
      `Cannot read the morphology file ${filename}: ${(e as Error).message}`,
    );
  }
}
