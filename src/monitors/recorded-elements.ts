import { warn } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { elementNumbers, isSelection, type Selection } from '../groups/selection.ts';

/**
 * The elements (relative to the source) a StateMonitor records: all (`true`, or none known yet
 * for synapses created inside a standalone program), none (`false`), element numbers, or a
 * selection of the source (`S.at(undefined, 1)`). Numbers are checked against the source's
 * size where it is known: a standalone program's synapses made by connect() with explicit
 * indices have a known number; otherwise Brian's warning `cannot_check_statemonitor_indices`.
 */
export function recordedElements(
  monitor: string,
  source: Group,
  record: boolean | number | ArrayLike<number> | Selection,
): Int32Array {
  if (record === false) return new Int32Array(0);
  const size = source.knownSize;
  if (record === true)
    return size === undefined ? new Int32Array(0) : Int32Array.from({ length: size }, (_, k) => k);
  if (isSelection(record)) return elementNumbers(record, source.N, source.name, 'recorded index');
  if (size !== undefined) return elementNumbers(record, size, source.name, 'recorded index');
  warn(
    'cannot_check_statemonitor_indices',
    `${monitor}: the recorded indices of ${source.name} cannot be checked before the standalone program has created its synapses.`,
  );
  const list = typeof record === 'number' ? [record] : Array.from(record);
  if (!list.every((k) => Number.isInteger(k) && k >= 0)) {
    throw new BrianError(
      'index_out_of_range',
      `${monitor}: recorded indices must be non-negative integers, got ${list.join(', ')}.`,
    );
  }
  return Int32Array.from(list);
}
