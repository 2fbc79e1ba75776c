/**
 * Series colours. Up to ten series get matplotlib's "tab10" colours (what Brian users see in
 * their own plots); more series get evenly spaced viridis colours, so neighbours in order stay
 * distinguishable and the order itself is readable from the colour.
 */

const TAB10 = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

// viridis sampled at 9 points; intermediate colours are interpolated in RGB, which is close enough.
const VIRIDIS = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
];

/** `count` distinguishable colours as `#rrggbb` strings. */
export function seriesColors(count: number): string[] {
  if (count <= TAB10.length) return TAB10.slice(0, count);
  // Stop short of viridis' pale yellow end, which is hard to see on white.
  return Array.from({ length: count }, (_, k) => viridisAt((0.9 * k) / (count - 1)));
}

/** The viridis colour at position `u` in [0, 1]. */
export function viridisAt(u: number): string {
  const x = Math.min(1, Math.max(0, u)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const a = rgb(VIRIDIS[k]);
  const b = rgb(VIRIDIS[k + 1]);
  const f = x - k;
  return `#${a.map((c, j) => hex2(Math.round(c + (b[j] - c) * f))).join('')}`;
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((p) => Number.parseInt(hex.slice(p, p + 2), 16));
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
