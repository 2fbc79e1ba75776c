/**
 * SpatialNeuron under MPI (issues 17 and 18): a group of four ball-and-stick cells, each cell's
 * axon end driving the next cell's dendrite through Synapses, gives on 2 and 3 processes the
 * spikes and voltage traces of the runtime device and of the single-process program, bit for
 * bit. The channel state updates, the threshold and the synapses are split between processes; the
 * cable solve (kernel `spatialstateupdate`) runs over every compartment on every process, its
 * inputs exchanged as for any kernel that is not split (src/devices/mpi/README.md, "Limits").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Cylinder,
  cm,
  defaultclock,
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
  uF,
  um,
} from '../../src/index.ts';
import { label, MPI_SKIP, runOn, type Target } from './devices.ts';

const EQS = `
Im = gL*(EL - v) + gNa*m*(ENa - v) : amp/meter**2
dm/dt = (minf - m)/(0.3*ms) : 1
minf = 1/(1 + exp((va - v)/ka)) : 1
I : amp (point current)
gNa : siemens/meter**2
`;

function chainOfCells() {
  defaultclock.dt = ms(0.025);
  const namespace = { gL: siemens(1e-4).div(cm.pow(2)), EL: mV(-70), ENa: mV(50), va: mV(-30), ka: mV(6) };
  const morpho = new Soma(um(20));
  morpho.axon = new Cylinder({ diameter: um(1), length: um(200), n: 20 });
  morpho.dend = new Cylinder({ diameter: um(2), length: um(100), n: 10 });
  const group = new SpatialNeuron(morpho, EQS, {
    Cm: uF(1).div(cm.pow(2)),
    Ri: ohm(100).mul(cm),
    method: 'exponential_euler',
    namespace,
    cells: 4,
    threshold: 'v > -60*mV',
    thresholdLocation: morpho.axon.at(um(190)),
    refractory: 'v > -65*mV',
  });
  group.v = mV(-70);
  group.gNa = 'cell * 20*siemens/meter**2';
  group.cellAt(0).main.I = nA(0.5);
  const S = new Synapses(group, group, { onPre: 'I_post += 2*nA', namespace });
  const axonEnd = Array.from(group.indicesIn(morpho.axon.at(um(190))));
  const dendrite = Array.from(group.indicesIn(morpho.dend.at(um(25))));
  S.connect({ i: axonEnd.slice(0, -1), j: dendrite.slice(1) });
  const spikes = new SpikeMonitor(group);
  // A soma, an axon end and a dendrite of different cells (31 compartments per cell).
  const mon = new StateMonitor(group, 'v', { record: [0, 20, 31 + 25, 62 + 5, 93 + 30] });
  new Network(group, S, spikes, mon).run(ms(30));
  return () => ({
    i: Array.from(spikes.i as ArrayLike<number>),
    t: Array.from(spikes.t_ as ArrayLike<number>),
    v: mon.traces_('v').flatMap((trace) => Array.from(trace)),
  });
}

test('a SpatialNeuron of 4 cells with synapses: identical on runtime, standalone and 2, 3 MPI processes', {
  skip: MPI_SKIP,
}, () => {
  const reference = runOn('spatial', 'runtime', chainOfCells);
  assert.equal(reference.i.length, 4, 'one spike per cell, passed along the chain');
  const targets: Target[] = ['cpp_standalone', { processes: 2 }, { processes: 3 }];
  for (const target of targets) {
    const got = runOn('spatial', target, chainOfCells);
    for (const key of ['i', 't', 'v'] as const) {
      assert.equal(got[key].length, reference[key].length, `${label(target)}: length of ${key}`);
      const k = got[key].findIndex((x, n) => !Object.is(x, reference[key][n]));
      assert.equal(
        k,
        -1,
        `${label(target)}: ${key}[${k}] is ${got[key][k]}, the runtime's ${reference[key][k]}`,
      );
    }
  }
});
