/**
 * Multicompartment benchmarks (issue 17), each with its Brian twin in bench/brian/:
 *
 * - `spatial-cell` (spatial_cell.py): one cell, the 10 cm Hodgkin–Huxley axon of Brian's
 *   examples/compartmental/hh_with_spikes.py cut into N compartments (default 1000), a constant
 *   1 µA into one end (the axon fires a train of spikes along its length), threshold in every
 *   compartment as the example, dt = 0.01 ms.
 * - `spatial-network` (spatial_network.py): N/100 cells (default 100) of 100 compartments each
 *   (soma, 49-compartment dendrite, 50-compartment axon; Hodgkin–Huxley channels, a synaptic
 *   conductance on every compartment), each driven by its own constant current into the soma
 *   and exciting the dendrites of 5 other cells when a spike reaches the end of its axon;
 *   dt = 0.025 ms. brian-ts: one SpatialNeuron holding every cell (`cells: n`) and one Synapses.
 *   Brian: a SpatialNeuron per cell and a Synapses per connected pair (its only way).
 *
 * N counts compartments (neurons of the table: compartments, so ns per neuron-step is per
 * compartment-step).
 */

import {
  HH_AXON_EQUATIONS,
  hhAxonCable,
  hhAxonNamespace,
  setHhAxonAtRest,
} from '../../examples/compartmental/models/hh-axon.ts';
import {
  amp,
  Cylinder,
  cm,
  defaultclock,
  type Morphology,
  ms,
  mV,
  Network,
  nA,
  ohm,
  QuantityArray,
  Soma,
  SpatialNeuron,
  SpikeMonitor,
  Synapses,
  uA,
  uF,
  um,
} from '../../src/node.ts';
import { ConnectTimer, runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const spatialCell: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  const t0 = performance.now();
  defaultclock.dt = ms(0.01);
  const namespace = hhAxonNamespace();
  const morpho = new Cylinder({ length: cm(10), diameter: um(2 * 238), n: N, type: 'axon' });
  const neuron = new SpatialNeuron(morpho, HH_AXON_EQUATIONS, {
    ...hhAxonCable(),
    refractory: 'm > 0.4',
    threshold: 'm > 0.5',
    namespace,
  });
  setHhAxonAtRest(neuron, namespace);
  neuron.I[0] = uA(1);
  const spikes = new SpikeMonitor(neuron);
  const net = new Network(neuron, spikes);
  const setup_s = since(t0);
  const times = runMeasured(net, durationSeconds, namespace, device, hooks);
  const count = spikes.num_spikes as number;
  return {
    status: 'ok',
    ...times,
    setup_s,
    connect_s: 0,
    spikes: count,
    synapses: 0,
    extra: { dt_ms: 0.01 },
  };
};

const NETWORK_CELL_FAN_OUT = 5;

/** The cells of `spatial-network`: what Brian's twin builds too. */
export const NETWORK_CELL = {
  compartments: 100,
  fanOut: NETWORK_CELL_FAN_OUT,
  equations: `${HH_AXON_EQUATIONS}
Is = gs*(Es - v) : amp (point current)
dgs/dt = -gs/taus : siemens
`,
  /** Constant drive of cell k into its soma (nA): different rates, no randomness to match. */
  drive: (k: number) => 1.5 + 0.5 * (k % 7),
  /** The cells cell k excites. */
  targets: (k: number, cells: number) =>
    Array.from({ length: NETWORK_CELL_FAN_OUT }, (_, m) => (k + 1 + 7 * m) % cells),
};

export function networkMorphology(): Morphology {
  const soma = new Soma(um(30));
  soma.dend = new Cylinder({ diameter: um(4), length: um(500), n: 49 });
  soma.axon = new Cylinder({ diameter: um(2), length: um(1000), n: 50 });
  return soma;
}

export const spatialNetwork: ModelFn = (N, durationSeconds, device, hooks) => {
  const unavailable = selectDevice(device);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  const t0 = performance.now();
  defaultclock.dt = ms(0.025);
  const cells = Math.max(2, Math.round(N / NETWORK_CELL.compartments));
  // Voltages are relative to rest, as in the HH axon model: an excitatory reversal at +60 mV.
  const namespace = { ...hhAxonNamespace(), Es: mV(60), taus: ms(2) };
  const morpho = networkMorphology();
  const group = new SpatialNeuron(morpho, NETWORK_CELL.equations, {
    cells,
    method: 'exponential_euler',
    threshold: 'v > 50*mV',
    thresholdLocation: morpho.axon.at(49),
    refractory: 'v > 20*mV',
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    namespace,
  });
  group.v = mV(0);
  group.h = 1;
  group.m = 0;
  group.n = 0.5;
  group.gNa = namespace.gNa0;
  group.gNa.set(namespace.gNa0.mul(0), group.indicesIn(morpho.dend));
  group.I = amp(0);
  const soma = group.indicesIn(morpho.at(0));
  group.I.set(
    QuantityArray.from(
      Array.from(soma, (_, k) => NETWORK_CELL.drive(k)),
      nA,
    ),
    soma,
  );
  const S = new Synapses(group, group, { onPre: 'gs_post += 20*nS', namespace });
  const connect = new ConnectTimer();
  const axonEnd = group.indicesIn(morpho.axon.at(49));
  const dendrite = group.indicesIn(morpho.dend.at(25));
  const i: number[] = [];
  const j: number[] = [];
  for (let k = 0; k < cells; k++) {
    for (const target of NETWORK_CELL.targets(k, cells)) {
      i.push(axonEnd[k]);
      j.push(dendrite[target]);
    }
  }
  connect.time(() => S.connect({ i, j }));
  const spikes = new SpikeMonitor(group);
  const net = new Network(group, S, spikes);
  const setup_s = since(t0);
  const times = runMeasured(net, durationSeconds, namespace, device, hooks);
  const count = spikes.num_spikes as number;
  return {
    status: 'ok',
    ...times,
    setup_s,
    connect_s: connect.seconds,
    spikes: count,
    synapses: S.N,
    extra: { dt_ms: 0.025, cells, rate_hz: count / (cells * durationSeconds) },
  };
};
