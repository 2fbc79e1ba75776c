/**
 * Streamed monitors: `new SpikeMonitor(G, { stream: { every: 1000, to: sink } })` hands what the
 * monitor recorded to `sink` every `every` steps of its clock and at the end of each run, so a run
 * that dies keeps everything up to the last hand-over (Brian cannot do this, its #298). The monitor
 * still keeps its data in memory as usual.
 *
 * The core only knows the {@link StreamSink} interface; sinks that write files live in the Node
 * entry (`csvFileSink` in `brian-ts/io/files`), and a page can pass its own. Streaming runs in the
 * running process, so the `cpp_standalone` device, whose loop runs in a compiled program, refuses a
 * streamed monitor with `not_available_on_device` when the run is built.
 */
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { BrianObject, RunContext, Runner } from '../network/brian-object.ts';
import type { BaseClock } from '../network/clock.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';

/** Rows a monitor recorded since the last hand-over, column by column. */
export interface StreamChunk {
  /** The monitor's name. */
  readonly monitor: string;
  /** Column headers with their SI unit: `t (s)`, `i`, `v[3] (V)`. The same for every chunk of a stream. */
  readonly columns: readonly string[];
  /** One array per column, all `rows` long, SI values. */
  readonly values: readonly ArrayLike<number>[];
  /** How many rows this chunk holds. */
  readonly rows: number;
  /** True for the first chunk of the stream (a file sink starts the file anew). */
  readonly first: boolean;
}

/** Where a streamed monitor's rows go. */
export interface StreamSink {
  /** Takes the rows recorded since the last call; must finish with them (e.g. write them) before returning. */
  write(chunk: StreamChunk): void;
}

/** The `stream` option of SpikeMonitor and StateMonitor. */
export interface StreamOptions {
  /** Hand rows over every this many steps of the monitor's clock (a whole number ≥ 1), or every this much time. */
  readonly every: number | Quantity;
  /** Where the rows go, e.g. `csvFileSink('out/spikes.csv')` from `brian-ts/io/files`. */
  readonly to: StreamSink;
}

/** What a monitor tells its stream: the column headers, how many rows it holds, and a slice of them. */
export interface StreamSource {
  columns(): string[];
  rowCount(): number;
  slice(from: number, to: number): ArrayLike<number>[];
}

/** The hand-over of one monitor: a runner in the `end` slot, and `flush()` for the end of a run. */
export class MonitorStream {
  readonly runner: Runner;
  private written = 0;
  private started = false;
  private every = 1;
  private steps = 0;

  constructor(
    owner: BrianObject,
    clock: BaseClock,
    private readonly options: StreamOptions,
    private readonly source: StreamSource,
  ) {
    checkOptions(owner.name, options);
    const stream = this;
    this.runner = {
      name: `${owner.name}_stream`,
      when: 'end',
      order: Number.MAX_SAFE_INTEGER,
      clock,
      owner,
      prepare(ctx: RunContext) {
        if (!ctx.device.inProcess) {
          throw new BrianError(
            'not_available_on_device',
            `${owner.name} streams its records (the 'stream' option), which needs the run loop in this process; device ${ctx.device.kind} runs it in a compiled program.`,
            { hint: "use the runtime device, or drop 'stream' and read the monitor after the run" },
          );
        }
        stream.every = stepsOf(options.every, clock, owner.name);
        stream.steps = 0;
      },
      step() {
        if (++stream.steps % stream.every === 0) stream.flush();
      },
    };
  }

  /** Hands over the rows recorded since the last hand-over (nothing when there are none). */
  flush(): void {
    const rows = this.source.rowCount();
    // restore() can take records back; the rows already handed over stay where they went.
    if (rows < this.written) this.written = rows;
    if (rows === this.written && this.started) return;
    const chunk: StreamChunk = {
      monitor: this.runner.owner.name,
      columns: this.source.columns(),
      values: this.source.slice(this.written, rows),
      rows: rows - this.written,
      first: !this.started,
    };
    this.options.to.write(chunk);
    this.started = true;
    this.written = rows;
  }
}

function checkOptions(name: string, options: StreamOptions): void {
  if (options === null || typeof options !== 'object' || typeof options.to?.write !== 'function') {
    throw new BrianError(
      'bad_argument',
      `${name}: 'stream' needs { every, to } with a sink such as csvFileSink(path).`,
    );
  }
  const every = options.every;
  const ok = every instanceof Quantity ? every.value > 0 : Number.isInteger(every) && every >= 1;
  if (!ok) {
    throw new BrianError(
      'bad_argument',
      `${name}: 'stream.every' must be a whole number of steps ≥ 1 or a positive time, got ${describeValue(every)}.`,
    );
  }
}

function stepsOf(every: number | Quantity, clock: BaseClock, name: string): number {
  if (typeof every === 'number') return every;
  if (!every.hasSameDimensions(clock.dt)) {
    throw new BrianError(
      'dimension_mismatch',
      `${name}: 'stream.every' must be a number of steps or a time, got ${every}.`,
    );
  }
  return Math.max(1, Math.round(every.value / clock.dt_));
}
