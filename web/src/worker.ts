/**
 * The simulation, in a Web Worker so that the page stays responsive: builds the chosen preset
 * from the edited text, runs it with `runAsync` (which gives this worker's event loop back every
 * ~20 ms, so a "cancel" message is received and aborts the run after the current step), and
 * sends what the monitors recorded since the last message with each progress report.
 */
import { BrianError, collect, defaultclock, ms, q, runAsync } from '../../src/index.ts';
import type { BrianObject } from '../../src/network/brian-object.ts';
import { EXPORTERS } from './exporters.ts';
import { PRESETS, presetById } from './presets/index.ts';
import { type BuiltModel, buildPreset, traceValues } from './presets/preset.ts';
import type { Chunk, FromWorker, ModelRequest, PanelSpec, ToWorker } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

/** How often (wall-clock) the run reports progress and new data. */
const REPORT_PERIOD = ms(100);

let controller: AbortController | undefined;
let model: BuiltModel | undefined;
/** Every object of the current model (what the .npz and HDF5 downloads hold). */
let objects: readonly BrianObject[] = [];

scope.postMessage({
  type: 'ready',
  presets: PRESETS.map(({ id, title, description, equations, parameters, duration, seed }) => ({
    id,
    title,
    description,
    equations,
    parameters,
    duration,
    seed,
  })),
  exporters: EXPORTERS.map(({ id, label }) => ({ id, label })),
});

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'run') void run(message);
  else if (message.type === 'cancel') controller?.abort();
  else if (message.type === 'export') void exportResults(message.exporter);
};

async function run(request: ModelRequest): Promise<void> {
  controller?.abort();
  const abort = new AbortController();
  controller = abort;
  model = undefined;
  const sent = new Sent();
  try {
    const preset = presetById(request.preset);
    if (!preset) throw new BrianError('bad_argument', `No preset "${request.preset}".`);
    // A fresh device and scope per run: nothing of the previous model stays in memory.
    const { built, duration } = buildPreset(preset, request);
    model = built;
    objects = [...collect()];
    scope.postMessage({ type: 'started', panels: panels(built), duration: duration.value });
    const started = performance.now();
    const options = {
      signal: abort.signal,
      reportPeriod: REPORT_PERIOD,
      report: (_elapsed: number, completed: number) =>
        post({ type: 'progress', completed, chunk: sent.take(built) }),
    };
    let cancelled = false;
    let simulated = duration.value;
    try {
      if (built.run) simulated = await built.run(duration, options);
      else await runAsync(duration, options);
    } catch (error) {
      if (!abort.signal.aborted) throw error;
      cancelled = true;
      simulated = defaultclock.t_;
    }
    const wall = (performance.now() - started) / 1000;
    post({
      type: 'finished',
      chunk: sent.take(built),
      cancelled,
      stats: {
        simulated,
        loopSeconds: wall,
        numSpikes: built.spikes?.monitor.num_spikes ?? 0,
        summary: built.summary?.(),
      },
    });
  } catch (error) {
    scope.postMessage(
      error instanceof BrianError
        ? { type: 'error', code: error.code, message: diagnostic(error) }
        : { type: 'error', code: 'internal', message: String((error as Error)?.stack ?? error) },
    );
  }
}

/**
 * The diagnostic with its code frame and hint, without the "object created at" line: in a page
 * that line names the bundled worker script, not a line the user wrote.
 */
function diagnostic(error: BrianError): string {
  return new BrianError(error.code, error.summary, {
    source: error.source,
    span: error.span,
    hint: error.hint,
  }).message;
}

function panels(m: BuiltModel): PanelSpec {
  return {
    spikes: m.spikes && { label: m.spikes.label, size: m.spikes.size },
    traces: m.traces && {
      label: m.traces.label,
      unit: m.traces.unit,
      scale: m.traces.unit ? 1 / q(`1*${m.traces.unit}`).value : 1,
      names: m.traces.series.map((s) => s.name),
    },
    rate: m.rate && { label: m.rate.label },
  };
}

/** Posts a message, handing its typed arrays over instead of copying them. */
function post(message: FromWorker): void {
  const transfer: Transferable[] = [];
  if ('chunk' in message) {
    const { spikes, traces, rate } = message.chunk;
    if (spikes) transfer.push(spikes.i.buffer, spikes.t.buffer);
    if (traces) transfer.push(traces.t.buffer, ...traces.values.map((v) => v.buffer));
    if (rate) transfer.push(rate.t.buffer, rate.rate.buffer);
  }
  scope.postMessage(message, transfer);
}

/** How much of each monitor was already sent; `take` copies what was recorded since. */
class Sent {
  private spikes = 0;
  private samples = 0;
  private rates = 0;

  take(m: BuiltModel): Chunk {
    const spikeCount = m.spikes?.monitor.num_spikes ?? 0;
    const sampleCount = m.traces?.monitor.t_.length ?? 0;
    const rateCount = m.rate?.monitor.t_.length ?? 0;
    // Monitors rewound (restore()): send everything again.
    const reset = spikeCount < this.spikes || sampleCount < this.samples || rateCount < this.rates;
    if (reset) this.spikes = this.samples = this.rates = 0;
    const chunk: Chunk = {
      reset,
      spikes: m.spikes && {
        i: m.spikes.monitor.i.slice(this.spikes),
        t: m.spikes.monitor.t_.slice(this.spikes),
      },
      traces: m.traces && {
        t: m.traces.monitor.t_.slice(this.samples),
        values: traceValues(m.traces).map((v) => v.slice(this.samples)),
      },
      rate: m.rate && {
        t: m.rate.monitor.t_.slice(this.rates),
        rate: m.rate.monitor.rate_.slice(this.rates),
      },
    };
    this.spikes = spikeCount;
    this.samples = sampleCount;
    this.rates = rateCount;
    return chunk;
  }
}

async function exportResults(id: string): Promise<void> {
  const exporter = EXPORTERS.find((e) => e.id === id);
  if (!model || !exporter?.available(model)) {
    scope.postMessage({ type: 'error', code: 'bad_argument', message: `Nothing to export as ${id}.` });
    return;
  }
  try {
    const file = await exporter.write({ model, objects });
    scope.postMessage({ type: 'exported', ...file }, [file.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({
      type: 'error',
      code: (error as BrianError).code ?? 'internal',
      message: String(error),
    });
  }
}
