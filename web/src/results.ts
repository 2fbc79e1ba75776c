import type { Chunk, PanelSpec } from './protocol.ts';

/** A typed array that grows as chunks arrive (amortised doubling). */
class Column<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }

  append(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) {
      const bigger = this.make(Math.max(2 * this.data.length, this.length + values.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }

  get values(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = () => new Column((n) => new Float64Array(n));

/** Everything received of the current run, column by column, for the figures. */
export class Results {
  spikeI = new Column((n) => new Int32Array(n));
  spikeT = f64();
  traceT = f64();
  traces: Column<Float64Array>[] = [];
  rateT = f64();
  rate = f64();

  constructor(
    readonly panels: PanelSpec = {},
    /** Biological duration of the run, in seconds (the figures' time axis). */
    readonly duration = 0,
  ) {
    this.clear();
  }

  private clear(): void {
    this.spikeI = new Column((n) => new Int32Array(n));
    this.spikeT = f64();
    this.traceT = f64();
    this.traces = (this.panels.traces?.names ?? []).map(f64);
    this.rateT = f64();
    this.rate = f64();
  }

  add(chunk: Chunk): void {
    if (chunk.reset) this.clear();
    if (chunk.spikes) {
      this.spikeI.append(chunk.spikes.i);
      this.spikeT.append(chunk.spikes.t);
    }
    if (chunk.traces) {
      this.traceT.append(chunk.traces.t);
      chunk.traces.values.forEach((v, k) => {
        this.traces[k]?.append(v);
      });
    }
    if (chunk.rate) {
      this.rateT.append(chunk.rate.t);
      this.rate.append(chunk.rate.rate);
    }
  }
}
