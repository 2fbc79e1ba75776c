/**
 * The benchmark models: how to run each one in brian-ts, which Brian 2 script is its
 * counterpart, its sizes, and the derived counts (neurons per step, synaptic events) computed
 * the same way for brian-ts and Brian records.
 */
import { cobahh } from './cobahh.ts';
import { cuba } from './cuba.ts';
import { hhUncoupled } from './hh-uncoupled.ts';
import { lif } from './lif.ts';
import { spatialCell, spatialNetwork } from './spatial.ts';
import { stdp } from './stdp.ts';
import type { ModelFn } from './types.ts';

/** The counts a record carries that derived quantities need (brian-ts and Brian records alike). */
export interface Counts {
  N: number;
  spikes: number;
  synapses: number;
  input_spikes?: number;
  output_spikes?: number;
}

export interface ModelSpec {
  readonly name: string;
  readonly run: ModelFn;
  /** Brian 2 script: `shared:<file>` in ../shared/brian2-bench, `local:<file>` in bench/brian. */
  readonly brianScript: string;
  /** The name Brian's script writes in its `model` field. */
  readonly brianName: string;
  readonly sizes: readonly number[];
  readonly quickSizes: readonly number[];
  readonly duration: number;
  readonly quickDuration: number;
  /** false: `--sizes` does not apply (STDP's N is its number of inputs, fixed at 1000). */
  readonly scalable: boolean;
  /** Neurons updated per time step (for ns per neuron-step). */
  neurons(N: number): number;
  /** Synaptic events: spikes × synapses per source neuron, summed over pathways. */
  synapticEvents(c: Counts): number;
}

const recurrent = (c: Counts) => (c.N > 0 ? (c.spikes * c.synapses) / c.N : 0);
const NETWORK_SIZES = [4000, 16000, 64000] as const;
const QUICK_SIZES = [1000, 4000] as const;

export const MODELS: readonly ModelSpec[] = [
  {
    name: 'cuba',
    run: cuba,
    brianScript: 'shared:cuba.py',
    brianName: 'CUBA',
    sizes: NETWORK_SIZES,
    quickSizes: QUICK_SIZES,
    duration: 1,
    quickDuration: 0.1,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: recurrent,
  },
  {
    name: 'cobahh',
    run: cobahh,
    brianScript: 'shared:cobahh.py',
    brianName: 'COBAHH',
    sizes: NETWORK_SIZES,
    quickSizes: QUICK_SIZES,
    duration: 1,
    quickDuration: 0.1,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: recurrent,
  },
  {
    name: 'stdp',
    run: stdp,
    brianScript: 'shared:stdp.py',
    brianName: 'STDP',
    sizes: [1000],
    quickSizes: [1000],
    duration: 10,
    quickDuration: 0.5,
    scalable: false,
    neurons: (N) => N + 1,
    // each input spike reaches its one synapse (on_pre); each output spike all N synapses (on_post)
    synapticEvents: (c) =>
      (c.input_spikes ?? 0) * (c.N > 0 ? c.synapses / c.N : 0) + (c.output_spikes ?? 0) * c.synapses,
  },
  {
    name: 'lif',
    run: lif,
    brianScript: 'local:lif.py',
    brianName: 'LIF',
    sizes: NETWORK_SIZES,
    quickSizes: QUICK_SIZES,
    duration: 1,
    quickDuration: 0.1,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: () => 0,
  },
  {
    name: 'hh-uncoupled',
    run: hhUncoupled,
    brianScript: 'local:hh_uncoupled.py',
    brianName: 'HH_UNCOUPLED',
    sizes: NETWORK_SIZES,
    quickSizes: QUICK_SIZES,
    duration: 1,
    quickDuration: 0.1,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: () => 0,
  },
  {
    // Issue 17: one HH axon of N compartments (N counts compartments here and below).
    name: 'spatial-cell',
    run: spatialCell,
    brianScript: 'local:spatial_cell.py',
    brianName: 'SPATIAL_CELL',
    sizes: [1000],
    quickSizes: [200],
    duration: 1,
    quickDuration: 0.01,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: () => 0,
  },
  {
    // Issue 17: N/100 cells of 100 compartments, 5 synapses from each axon's end to other dendrites.
    name: 'spatial-network',
    run: spatialNetwork,
    brianScript: 'local:spatial_network.py',
    brianName: 'SPATIAL_NETWORK',
    sizes: [10000],
    quickSizes: [1000],
    duration: 0.1,
    quickDuration: 0.005,
    scalable: true,
    neurons: (N) => N,
    synapticEvents: (c) => (c.N > 0 ? (c.spikes * c.synapses) / (c.N / 100) : 0),
  },
];

/** The models of issue 7 (what `npm run bench` runs without `--models`). */
export const DEFAULT_MODELS = ['cuba', 'cobahh', 'stdp', 'spatial-cell', 'spatial-network'] as const;
/** `--quick` also runs the neuron-only models, which need no Synapses. */
export const QUICK_MODELS = [
  'lif',
  'hh-uncoupled',
  'cuba',
  'cobahh',
  'stdp',
  'spatial-cell',
  'spatial-network',
] as const;

export function modelSpec(name: string): ModelSpec {
  const spec = MODELS.find((m) => m.name === name);
  if (!spec) throw new Error(`unknown model "${name}" (known: ${MODELS.map((m) => m.name).join(', ')})`);
  return spec;
}
