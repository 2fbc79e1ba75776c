/**
 * Many cells in one SpatialNeuron (beyond Brian, whose SpatialNeuron is one cell): each cell of
 * a group computes exactly what it computes alone (bit for bit), per-cell parameters, spatial
 * access per cell, thresholds per cell, and synapses between compartments of different cells.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  Cylinder,
  cm,
  defaultclock,
  type Morphology,
  ms,
  mV,
  Network,
  nA,
  ohm,
  Soma,
  SpatialNeuron,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  siemens,
  startScope,
  uF,
  um,
} from '../../src/index.ts';

const EQS = `
Im = gL*(EL - v) + gNa*m*(ENa - v) : amp/meter**2
dm/dt = (minf - m)/(0.3*ms) : 1
minf = 1/(1 + exp((va - v)/ka)) : 1
I : amp (point current)
gNa : siemens/meter**2
`;

const namespace = {
  gL: siemens(1e-4).div(cm.pow(2)),
  EL: mV(-70),
  ENa: mV(50),
  va: mV(-30),
  ka: mV(6),
};

function ballAndStick(): Morphology {
  const morpho = new Soma(um(20));
  morpho.axon = new Cylinder({ diameter: um(1), length: um(200), n: 20 });
  morpho.dend = new Cylinder({ diameter: um(2), length: um(100), n: 10 });
  morpho.dend.L = new Cylinder({ diameter: um(1), length: um(50), n: 5 });
  morpho.dend.R = new Cylinder({ diameter: um(1), length: um(60), n: 6 });
  return morpho;
}

function fresh(): void {
  resetDevice();
  startScope();
  defaultclock.timestep = 0;
  defaultclock.dt = ms(0.025);
}

const options = { Cm: uF(1).div(cm.pow(2)), Ri: ohm(100).mul(cm), method: 'exponential_euler', namespace };

/** Drive of cell k: a current into its soma, and a sodium density, both growing with k. */
const drive = (k: number) => ({ I: nA(0.05 * (k + 1)), gNa: siemens(0.02 * k).div(cm.pow(2)) });

test('each cell of a group computes what it computes alone, to the bit', () => {
  const cells = 3;
  fresh();
  const group = new SpatialNeuron(ballAndStick(), EQS, { ...options, cells });
  group.v = mV(-70);
  for (let k = 0; k < cells; k++) {
    const cell = group.cellAt(k);
    cell.main.I = drive(k).I;
    cell.axon.slice(um(20), um(60)).gNa = drive(k).gNa;
  }
  const groupMon = new StateMonitor(group, 'v', { record: true });
  new Network(group, groupMon).run(ms(20));
  const together = groupMon.traces_('v');

  for (let k = 0; k < cells; k++) {
    fresh();
    const alone = new SpatialNeuron(ballAndStick(), EQS, options);
    alone.v = mV(-70);
    alone.main.I = drive(k).I;
    alone.axon.slice(um(20), um(60)).gNa = drive(k).gNa;
    const mon = new StateMonitor(alone, 'v', { record: true });
    new Network(alone, mon).run(ms(20));
    const traces = mon.traces_('v');
    const offset = group.flatMorphology.cellStart[k];
    traces.forEach((trace, c) => {
      assert.deepEqual(together[offset + c], trace, `cell ${k}, compartment ${c}`);
    });
  }
});

test('cell and compartment variables; per-cell parameters from expressions; a list of morphologies', () => {
  fresh();
  const small = new Soma(um(10));
  small.axon = new Cylinder({ diameter: um(1), length: um(50), n: 5 });
  const group = new SpatialNeuron([ballAndStick(), small], EQS, { ...options });
  assert.equal(group.N, 42 + 6);
  assert.deepEqual(Array.from(group.flatMorphology.cellStart), [0, 42, 48]);
  assert.equal(group.cell_[41], 0);
  assert.equal(group.cell_[42], 1);
  assert.equal(group.compartment_[43], 1);
  group.gNa = 'cell * 0.1*siemens/meter**2';
  assert.equal(group.gNa_[0], 0);
  assert.equal(group.gNa_[47], 0.1);
  // Subtrees name compartments in every cell: refused on the whole group, fine per cell.
  assert.throws(() => group.axon, { code: 'bad_argument' });
  assert.equal(group.cellAt(1).axon.N, 5);
  assert.equal(group.cellAt(1).axon.start, 43);
  assert.deepEqual(Array.from(group.indicesIn(small.axon.at(0))), [1, 43]);
  assert.throws(() => group.cellAt(2), { code: 'index_out_of_range' });
});

test('thresholdLocation applies in every cell; synapses connect compartments of different cells', () => {
  fresh();
  const morpho = ballAndStick();
  const cells = 4;
  const group = new SpatialNeuron(morpho, `${EQS}\ngs : siemens (constant)`, {
    ...options,
    cells,
    threshold: 'v > -60*mV',
    thresholdLocation: morpho.axon.at(um(190)),
    refractory: 'v > -65*mV',
  });
  // Passive cells (no sodium), at rest until driven: cell 0 by a current into its soma, cell 1
  // by cell 0 at a dendrite, cell 2 by cell 1, …
  group.v = mV(-70);
  group.cellAt(0).main.I = nA(0.5);
  const S = new Synapses(group, group, { onPre: 'I_post += 2*nA', namespace });
  const axonEnd = group.indicesIn(morpho.axon.at(um(190)));
  const dendrite = group.indicesIn(morpho.dend.L.at(um(25)));
  S.connect({ i: Array.from(axonEnd).slice(0, -1), j: Array.from(dendrite).slice(1) });
  const spikes = new SpikeMonitor(group);
  new Network(group, S, spikes).run(ms(30));
  // Every spike is at the threshold location of some cell.
  const cellOf = group.cell_;
  const sites = new Set(axonEnd);
  assert.ok(spikes.i.length > 0);
  for (const i of spikes.i) assert.ok(sites.has(i), `spike at compartment ${i}`);
  // The chain propagates: each cell spikes once, later than the one before it.
  assert.equal(spikes.i.length, cells);
  const first = Array.from({ length: cells }, (_, k) =>
    Math.min(...Array.from(spikes.t_).filter((_, n) => cellOf[spikes.i[n]] === k)),
  );
  for (let k = 1; k < cells; k++)
    assert.ok(first[k] > first[k - 1], `cell ${k} after cell ${k - 1}: ${first}`);
});
