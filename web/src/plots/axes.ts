/**
 * A plot frame on a canvas: margins, linear scales, nice ticks, labels. The figures are drawn
 * with the 2D canvas API (no plotting library): thousands of spikes redraw in a few ms as data
 * arrive.
 */
export interface Frame {
  readonly ctx: CanvasRenderingContext2D;
  /** Canvas x of a data x, canvas y of a data y. */
  x(value: number): number;
  y(value: number): number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface FrameOptions {
  readonly title: string;
  readonly x: { readonly min: number; readonly max: number; readonly label: string; readonly scale?: number };
  readonly y: { readonly min: number; readonly max: number; readonly label: string; readonly scale?: number };
}

const MARGIN = { left: 64, right: 16, top: 26, bottom: 38 };
const FONT = '12px system-ui, "DejaVu Sans", sans-serif';

/** Clears the canvas and draws the axes; data drawn through the frame's scales land inside. */
export function frame(canvas: HTMLCanvasElement, options: FrameOptions): Frame {
  const ctx = canvas.getContext('2d')!;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const { x: xs, y: ys } = options;
  const xSpan = xs.max - xs.min || 1;
  const ySpan = ys.max - ys.min || 1;
  const f: Frame = {
    ctx,
    x: (v) => left + ((v - xs.min) / xSpan) * (right - left),
    y: (v) => bottom - ((v - ys.min) / ySpan) * (bottom - top),
    left,
    right,
    top,
    bottom,
  };
  ctx.font = FONT;
  ctx.fillStyle = '#222';
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, right - left, bottom - top);
  ctx.textAlign = 'left';
  ctx.fillText(options.title, left, top - 8);
  // x ticks
  ctx.textAlign = 'center';
  const xScale = xs.scale ?? 1;
  for (const tick of niceTicks(xs.min * xScale, xs.max * xScale, 8)) {
    const px = f.x(tick / xScale);
    ctx.beginPath();
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 4);
    ctx.stroke();
    ctx.fillText(formatTick(tick), px, bottom + 16);
  }
  ctx.fillText(xs.label, (left + right) / 2, height - 6);
  // y ticks
  ctx.textAlign = 'right';
  const yScale = ys.scale ?? 1;
  for (const tick of niceTicks(ys.min * yScale, ys.max * yScale, 5)) {
    const py = f.y(tick / yScale);
    ctx.beginPath();
    ctx.moveTo(left - 4, py);
    ctx.lineTo(left, py);
    ctx.stroke();
    ctx.fillText(formatTick(tick), left - 6, py + 4);
  }
  ctx.save();
  ctx.translate(14, (top + bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(ys.label, 0, 0);
  ctx.restore();
  // Data stay inside the frame.
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, right - left, bottom - top);
  ctx.clip();
  return f;
}

/** Ends drawing the data of a frame (undoes the clip). */
export function done(f: Frame): void {
  f.ctx.restore();
}

/** About `count` ticks on [lo, hi] at 1, 2 or 5 × 10^k. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return ticks;
}

function formatTick(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

/** Time axis in ms for runs up to 2 s, else in s. */
export function timeAxis(duration: number): { scale: number; label: string } {
  return duration <= 2 ? { scale: 1e3, label: 't (ms)' } : { scale: 1, label: 't (s)' };
}
