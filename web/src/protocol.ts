/**
 * Messages between the page (main.ts) and the simulation worker (worker.ts). Arrays travel as
 * typed arrays (structured clone); each data message holds what was recorded since the last one.
 */

/** What the user edited: the preset's model as text. */
export interface ModelRequest {
  readonly preset: string;
  readonly equations: string;
  readonly parameters: string;
  readonly duration: string;
  readonly seed: number;
}

export type ToWorker =
  | ({ readonly type: 'run' } & ModelRequest)
  | { readonly type: 'cancel' }
  | { readonly type: 'export'; readonly exporter: string };

/** The panels a model fills, known once it is built. */
export interface PanelSpec {
  readonly spikes?: { readonly label: string; readonly size: number };
  readonly traces?: {
    readonly label: string;
    /** Display unit and the factor from SI values to it (`mV`, 1000). */
    readonly unit: string;
    readonly scale: number;
    readonly names: readonly string[];
  };
  readonly rate?: { readonly label: string };
}

/** New data since the previous chunk (`reset`: the monitors were rewound, start over). */
export interface Chunk {
  readonly reset: boolean;
  readonly spikes?: { readonly i: Int32Array; readonly t: Float64Array };
  readonly traces?: { readonly t: Float64Array; readonly values: readonly Float64Array[] };
  readonly rate?: { readonly t: Float64Array; readonly rate: Float64Array };
}

export interface RunStats {
  /** Biological time simulated, in seconds. */
  readonly simulated: number;
  /** Wall-clock seconds of the whole run (runAsync with its yields; all runs of an experiment). */
  readonly loopSeconds: number;
  readonly numSpikes: number;
  readonly summary?: string;
}

/** A preset as the page shows it (its build function stays in the worker). */
export interface PresetText {
  readonly id: string;
  readonly title: string;
  /** One or two sentences under the title. */
  readonly description: string;
  readonly equations: string;
  /** One `name = quantity` per line (`taum = 20*ms`); `#` starts a comment. */
  readonly parameters: string;
  readonly duration: string;
  readonly seed: number;
}

export type FromWorker =
  | {
      readonly type: 'ready';
      readonly presets: readonly PresetText[];
      readonly exporters: readonly { readonly id: string; readonly label: string }[];
    }
  | { readonly type: 'started'; readonly panels: PanelSpec; readonly duration: number }
  | { readonly type: 'progress'; readonly completed: number; readonly chunk: Chunk }
  | {
      readonly type: 'finished';
      readonly chunk: Chunk;
      readonly stats: RunStats;
      /** True when the run was cancelled: the data end at the last completed step. */
      readonly cancelled: boolean;
    }
  | { readonly type: 'error'; readonly code: string; readonly message: string }
  | {
      readonly type: 'exported';
      readonly filename: string;
      readonly mime: string;
      readonly bytes: Uint8Array;
    };
