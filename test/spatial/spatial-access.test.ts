/**
 * SpatialNeuron's API beyond Brian's translated tests: subtree properties are the neuron's own
 * parts (a monitor of `neuron.axon` must not make the network run the neuron twice), paths,
 * positions, a morphology changed after the neuron was made, the coded errors of the membrane
 * current, and SWC errors that point at the line and field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  BrianError,
  Cylinder,
  cm,
  defaultclock,
  Morphology,
  ms,
  mV,
  Network,
  nA,
  ohm,
  Soma,
  SpatialNeuron,
  StateMonitor,
  siemens,
  startScope,
  uF,
  um,
} from '../../src/index.ts';

function fresh(): void {
  resetDevice();
  startScope();
  defaultclock.timestep = 0;
  defaultclock.dt = ms(0.1);
}

function cell(): Morphology {
  const morpho = new Soma(um(20));
  morpho.axon = new Cylinder({ diameter: um(1), length: um(100), n: 10 });
  morpho.dend = new Cylinder({ diameter: um(2), length: um(50), n: 5 });
  morpho.dend.L = new Cylinder({ diameter: um(1), length: um(30), n: 3 });
  morpho.dend.L.R = new Cylinder({ diameter: um(1), length: um(20), n: 2 });
  return morpho;
}

const PASSIVE = 'Im = gL*(EL - v) : amp/meter**2\nI : amp (point current)';
const options = {
  Cm: uF(1).div(cm.pow(2)),
  Ri: ohm(100).mul(cm),
  namespace: { gL: siemens(1e-4).div(cm.pow(2)), EL: mV(-70) },
};

function simulate(monitorSubtree: boolean): Float64Array {
  fresh();
  const neuron = new SpatialNeuron(cell(), PASSIVE, options);
  neuron.v = mV(-70);
  neuron.main.I = nA(0.1);
  const all = new StateMonitor(neuron, 'v', { record: [0] });
  const objects: object[] = [neuron, all];
  if (monitorSubtree) objects.push(new StateMonitor(neuron.axon, 'v', { record: true }));
  const net = new Network(...(objects as never[]));
  net.run(ms(5));
  assert.equal(net.allObjects().filter((o) => o instanceof SpatialNeuron).length, 1);
  return all.traces_('v')[0];
}

test('monitoring a subtree does not run the neuron a second time', () => {
  assert.deepEqual(simulate(true), simulate(false));
});

test('subtrees by name, number and path; their parts; positions along a section', () => {
  fresh();
  const morpho = cell();
  const neuron = new SpatialNeuron(morpho, PASSIVE, options);
  assert.equal(neuron.axon.parent, neuron);
  assert.equal(neuron.axon.N, 10);
  assert.equal(neuron['1'].start, neuron.axon.start);
  assert.equal(neuron.dend.N, 5 + 3 + 2);
  assert.equal(neuron.dend.main.N, 5);
  assert.equal(neuron.dend.L.R.start, neuron.subtree('2LR').start);
  assert.equal(neuron.dend.L.R.start, 1 + 10 + 5 + 3);
  assert.equal(neuron.axon.at(um(25)).start, morpho.axon.indexAt(um(25)));
  assert.equal(neuron.at(morpho.dend.L.at(1)).start, 1 + 10 + 5 + 1);
  const seg = neuron.axon.slice(um(20), um(50));
  assert.deepEqual([seg.start, seg.stop], [3, 6]);
  assert.throws(() => neuron.subtree('basal'), { code: 'unknown_section' });
  assert.throws(() => neuron.LL, { code: 'unknown_section' });
  assert.throws(() => neuron.axon.at(10), { code: 'index_out_of_range' });
  assert.throws(() => neuron.axon.at(um(150)), { code: 'index_out_of_range' });
  // The far end of a section is its last compartment (Brian 2.5.1 names the next section's first).
  assert.equal(morpho.axon.indexAt(um(100)), 10);
  // A morphology changed after the neuron was made no longer matches it.
  morpho.axon.L = new Cylinder({ diameter: um(1), length: um(10), n: 2 });
  assert.throws(() => neuron.axon, { code: 'bad_argument' });
});

test('coded errors for the membrane current', () => {
  fresh();
  const soma = new Soma(um(10));
  const code = (model: string, expected: string) =>
    assert.throws(
      () => new SpatialNeuron(soma, model),
      (e: unknown) => e instanceof BrianError && e.code === expected,
    );
  code('x : volt', 'membrane_current');
  code('Im = 0*amp/meter**2 : amp/meter**2 (constant over dt)', 'membrane_current');
  code('Im : amp/meter**2', 'membrane_current');
  code('Im = 0*amp : amp', 'dimension_mismatch');
  code('Im = 0*amp/meter**2 : amp/meter**2\nI : volt (point current)', 'dimension_mismatch');
  code('Im = gL*abs(v - EL) : amp/meter**2', 'membrane_current');
  code('Im = gL*(v > EL)*mV : amp/meter**2', 'membrane_current');
  code('Im = gL*(EL - v) : amp/meter**2\nv : volt', 'equation_duplicate_variable');
  const err = (() => {
    try {
      new SpatialNeuron(soma, 'Im = gL*clip(EL - v, -mV, mV) : amp/meter**2');
    } catch (e) {
      return e as BrianError;
    }
  })();
  assert.ok(err?.source?.slice(err.span!).startsWith('clip('));
});

test('a nonlinear membrane current is linearised around the present v (Brian: gtot = -dIm/dv)', () => {
  fresh();
  const neuron = new SpatialNeuron(new Soma(um(10)), 'Im = gL*mV*exp(v/mV) : amp/meter**2', {
    Cm: uF(1).div(cm.pow(2)),
    namespace: { gL: siemens(2) },
  });
  neuron.v = mV(-1);
  // time_constant = Cm/gtot with gtot = -gL*exp(v/mV)
  const expected = 0.01 / (-2 * Math.exp(-1));
  assert.ok(Math.abs(neuron.time_constant_[0] / expected - 1) < 1e-12, String(neuron.time_constant_[0]));
});

test('SWC errors name the line and field', () => {
  const swc = '# header\n1 1 0 0 0 5 -1\n2 3 10 abc 0 1 1\n';
  const e = (() => {
    try {
      Morphology.fromSwc(swc, { label: 'cell.swc' });
    } catch (error) {
      return error as BrianError;
    }
  })();
  assert.equal(e?.code, 'morphology_format');
  assert.match(e!.message, /Line 3 of the SWC file: the y 'abc' is not a number/);
  assert.equal(e!.source!.slice(e!.span!), 'abc');
  assert.match(e!.message, /in cell\.swc, line 3, column 8/);
  assert.throws(() => Morphology.fromSwc('1 1 0 0 0 5\n'), {
    code: 'morphology_format',
    message: /contains 6/,
  });
  assert.throws(() => Morphology.fromSwc('1 1 0 0 0 5 -1\n2 3 1 0 0 1 7\n'), {
    code: 'morphology_format',
    message: /Did not find the compartment 7/,
  });
  assert.throws(() => Morphology.fromFile('cell.txt'), { code: 'bad_argument' });
});
