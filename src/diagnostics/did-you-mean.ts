/**
 * "Did you mean …?" for misspelt names (options keys, variables, attributes): the candidate that
 * is the same up to case and `_` (`on_pre` → `onPre`), else the closest one by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours) when close enough to be a typo.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/_/g, '');
  const list = [...candidates].filter((c) => c !== name);
  const same = list.find((c) => squash(c) === squash(name));
  if (same !== undefined) return same;
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of list) {
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The hint of an error about an unknown `name`: a suggestion, else the list of known names. */
export function unknownNameHint(name: string, candidates: readonly string[], what = 'names'): string {
  const close = closestName(name, candidates);
  if (close !== undefined) return `did you mean '${close}'?`;
  const sorted = [...candidates].sort();
  const shown = sorted.length > 30 ? [...sorted.slice(0, 30), '…'] : sorted;
  return sorted.length ? `the ${what} are: ${shown.join(', ')}` : `there are no ${what}`;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}
