import { SiteDraws } from './site-draws.ts';
import { threefry2x32 } from './threefry.ts';

/**
 * A device's random state: the seed, and the counters that make every kernel invocation's
 * numbers new: each kernel that draws has a stream number (in the order kernels first draw after
 * `seed()`: the same in every device, unlike names, which depend on what else the process made),
 * the epoch is bumped when a run goes back over simulated time (after restore(), in a new
 * network), and one-off calls that draw (setters, connect()) are numbered. A kernel invocation's
 * key is
 *
 *   Threefry(Threefry((seed), (stream, epoch)), (time, domain))
 *
 * where `time` is the clock's time step for kernels that run at every step and the call number
 * for one-off calls (the domain bit tells them apart). Each call site then takes its own key
 * from this one (SiteDraws.begin).
 *
 * The rules keep Brian's reproducibility: `seed(n)` gives the same numbers again (for the same
 * script, whatever ran before it in the process); a run split in two (`run(a); run(b)`) draws
 * what one run of a + b draws (steps are steps); a network restored to an earlier time draws new
 * numbers unless the random state is restored too.
 */
export class DrawState {
  private seedLo = 0;
  private seedHi = 0;
  private epoch = 0;
  private calls = 0;
  /** Network time up to which runs of this epoch have drawn (seconds). */
  private highWater = 0;
  /** Stream numbers of the kernels that drew since seed(), by kernel name. */
  private streams = new Map<string, number>();
  /** The current invocation's key (two words), written by `invocation`. */
  readonly key = new Int32Array(2);

  constructor(seed?: number) {
    this.seed(seed ?? randomSeed());
  }

  seed(value: number): void {
    this.seedLo = value | 0;
    this.seedHi = Math.floor(value / 4294967296) | 0;
    this.epoch = 0;
    this.calls = 0;
    this.highWater = 0;
    this.streams = new Map();
  }

  /** The stream number of kernel `name` (a new one for a kernel not seen since seed()). */
  stream(name: string): number {
    let n = this.streams.get(name);
    if (n === undefined) {
      n = this.streams.size;
      this.streams.set(name, n);
    }
    return n;
  }

  /** The seed's two words (unsigned), for a compiled program. */
  seedWords(): [number, number] {
    return [this.seedLo >>> 0, this.seedHi >>> 0];
  }

  /** A run starts at network time `start`: its epoch (a new one when this epoch already drew beyond `start`). */
  runStarts(start: number): number {
    if (start < this.highWater) {
      this.epoch++;
      this.highWater = start;
    }
    return this.epoch;
  }

  /** The run that started last reached network time `end`. */
  runEnded(end: number): void {
    if (end > this.highWater) this.highWater = end;
  }

  /** The epoch of the draws made now. */
  get currentEpoch(): number {
    return this.epoch;
  }

  /** A one-off call that draws: its number (the next calls get the next numbers). */
  nextCall(): number {
    return this.calls++;
  }

  /** Writes the key of one invocation of the kernel with stream number `stream` into `this.key`. */
  invocation(stream: number, time: number, once: boolean): Int32Array {
    invocationKey(this.seedLo, this.seedHi, this.epoch, stream, time, once, this.key);
    return this.key;
  }

  /**
   * The draw context of a compiled kernel called at every step (brianlib's
   * `DrawContext::from_doubles` layout: seed words, epoch, once, call).
   */
  saveContextTo(out: Float64Array): void {
    out[0] = this.seedLo >>> 0;
    out[1] = this.seedHi >>> 0;
    out[2] = this.epoch;
    out[3] = 0;
    out[4] = 0;
  }

  /** Draws for one call site of a JavaScript kernel. */
  site(): SiteDraws {
    return new SiteDraws();
  }

  /** Seed, epoch, calls and how far runs drew, for store()/restore() (JSON-compatible numbers; stream numbers stay). */
  getState(): number[] {
    return [this.seedLo, this.seedHi, this.epoch, this.calls, this.highWater];
  }

  setState(state: readonly number[]): void {
    [this.seedLo, this.seedHi, this.epoch, this.calls, this.highWater] = state;
  }
}

/** The key of one kernel invocation (the derivation DrawState describes), into `out`. */
export function invocationKey(
  seedLo: number,
  seedHi: number,
  epoch: number,
  stream: number,
  time: number,
  once: boolean,
  out: Int32Array,
): void {
  threefry2x32(seedLo, seedHi, stream | 0, epoch | 0, out);
  const timeHi = Math.floor(time / 4294967296) | (once ? 0x80000000 : 0);
  threefry2x32(out[0], out[1], time | 0, timeHi, out);
}

function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296);
}
