/**
 * The playground page: a preset's equations, parameters and run length in editors, the run in a
 * Web Worker (worker.ts) with a progress bar and cancel, the figures redrawn as data arrive, the
 * coded diagnostic of an error under the editors, downloads of the results.
 */
import { drawFigures } from './plots/figures.ts';
import type { FromWorker, ModelRequest, PresetText, RunStats } from './protocol.ts';
import { Results } from './results.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  preset: $<HTMLSelectElement>('preset'),
  description: $<HTMLParagraphElement>('description'),
  equations: $<HTMLTextAreaElement>('equations'),
  parameters: $<HTMLTextAreaElement>('parameters'),
  duration: $<HTMLInputElement>('duration'),
  seed: $<HTMLInputElement>('seed'),
  diagnostic: $<HTMLPreElement>('diagnostic'),
  run: $<HTMLButtonElement>('run'),
  cancel: $<HTMLButtonElement>('cancel'),
  progress: $<HTMLProgressElement>('progress'),
  status: $<HTMLParagraphElement>('status'),
  exportFormat: $<HTMLSelectElement>('export-format'),
  download: $<HTMLButtonElement>('download'),
};
const canvases = {
  raster: $<HTMLCanvasElement>('raster'),
  traces: $<HTMLCanvasElement>('traces'),
  rate: $<HTMLCanvasElement>('rate'),
};

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let results = new Results();
let redrawPending = false;
/** The presets, sent by the worker (which holds the models) when it has started. */
let presets: readonly PresetText[] = [];

ui.run.disabled = true;
ui.preset.addEventListener('change', () => loadPreset(ui.preset.value));
ui.run.addEventListener('click', startRun);
ui.cancel.addEventListener('click', () => {
  worker.postMessage({ type: 'cancel' });
  ui.cancel.disabled = true;
  setStatus('Cancelling…', 'cancelling');
});
ui.download.addEventListener('click', () =>
  worker.postMessage({ type: 'export', exporter: ui.exportFormat.value }),
);
worker.addEventListener('message', (event: MessageEvent<FromWorker>) => receive(event.data));
worker.addEventListener('error', (event) => showError('internal', event.message));

function ready(list: readonly PresetText[], exporters: readonly { id: string; label: string }[]): void {
  presets = list;
  for (const p of presets) ui.preset.add(new Option(p.title, p.id));
  for (const e of exporters) ui.exportFormat.add(new Option(e.label, e.id));
  const wanted = new URLSearchParams(location.search).get('preset');
  loadPreset(presets.some((p) => p.id === wanted) ? wanted! : presets[0].id);
  ui.run.disabled = false;
  document.body.dataset.ready = 'true';
}

function loadPreset(id: string): void {
  const preset = presets.find((p) => p.id === id)!;
  ui.preset.value = id;
  ui.description.textContent = preset.description;
  ui.equations.value = preset.equations;
  ui.parameters.value = preset.parameters;
  ui.duration.value = preset.duration;
  ui.seed.value = String(preset.seed);
  clearError();
}

function startRun(): void {
  const request: ModelRequest = {
    preset: ui.preset.value,
    equations: ui.equations.value,
    parameters: ui.parameters.value,
    duration: ui.duration.value,
    seed: Number(ui.seed.value) || 0,
  };
  clearError();
  ui.run.disabled = true;
  ui.cancel.disabled = false;
  ui.download.disabled = true;
  ui.progress.value = 0;
  setStatus('Building the model…', 'building');
  worker.postMessage({ type: 'run', ...request });
}

function receive(message: FromWorker): void {
  switch (message.type) {
    case 'ready':
      ready(message.presets, message.exporters);
      break;
    case 'started':
      results = new Results(message.panels, message.duration);
      setStatus('Running…', 'running');
      redraw();
      break;
    case 'progress':
      results.add(message.chunk);
      ui.progress.value = message.completed;
      redraw();
      break;
    case 'finished':
      results.add(message.chunk);
      ui.progress.value = message.cancelled ? ui.progress.value : 1;
      finish(message.stats, message.cancelled);
      redraw();
      break;
    case 'error':
      finishWithError();
      showError(message.code, message.message);
      break;
    case 'exported':
      save(message.filename, message.mime, message.bytes);
      break;
  }
}

function finish(stats: RunStats, cancelled: boolean): void {
  ui.run.disabled = false;
  ui.cancel.disabled = true;
  ui.download.disabled = false;
  const perSecond = stats.simulated > 0 ? stats.loopSeconds / stats.simulated : Number.NaN;
  const text =
    `${cancelled ? 'Cancelled at' : 'Simulated'} ${format(stats.simulated)} s in ${format(stats.loopSeconds)} s ` +
    `(${format(perSecond)} s per biological second), ${stats.numSpikes} spikes.` +
    (stats.summary ? ` ${stats.summary}` : '');
  setStatus(text, cancelled ? 'cancelled' : 'finished');
  // For scripts driving the page (the end-to-end test): the numbers, not the prose.
  ui.status.dataset.spikes = String(stats.numSpikes);
  ui.status.dataset.simulated = String(stats.simulated);
  ui.status.dataset.seconds = String(stats.loopSeconds);
}

function finishWithError(): void {
  ui.run.disabled = false;
  ui.cancel.disabled = true;
  setStatus('The model has an error (see above).', 'error');
}

function setStatus(text: string, state: string): void {
  ui.status.textContent = text;
  ui.status.dataset.state = state;
}

function showError(code: string, message: string): void {
  ui.diagnostic.hidden = false;
  ui.diagnostic.dataset.code = code;
  ui.diagnostic.textContent = message;
}

function clearError(): void {
  ui.diagnostic.hidden = true;
  ui.diagnostic.textContent = '';
  delete ui.diagnostic.dataset.code;
}

function redraw(): void {
  if (redrawPending) return;
  redrawPending = true;
  requestAnimationFrame(() => {
    redrawPending = false;
    drawFigures(canvases, results);
  });
}

function save(filename: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function format(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '–';
}
