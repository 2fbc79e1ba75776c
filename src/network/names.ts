/**
 * Unique object names (`neurongroup`, `neurongroup_1`, …) as Brian gives them. Names key the
 * device's arrays, so they must be unique per process. Public-API convenience state.
 */
const used = new Map<string, number>();

export function uniqueName(base: string): string {
  const wildcard = base.endsWith('*');
  const stem = wildcard ? base.slice(0, -1) : base;
  const count = used.get(stem);
  if (count === undefined) {
    used.set(stem, 1);
    return stem;
  }
  used.set(stem, count + 1);
  return `${stem}_${count}`;
}
