/**
 * Every export format read back by Python (numpy.load, h5py, numpy.loadtxt) and compared, value by
 * value and bit for bit, with what the monitors and groups hold in memory.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { saveResults } from '../../src/io/files.ts';
import { toCsv, toHdf5, toNpz } from '../../src/io/index.ts';
import {
  ms,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/node.ts';
import { type ReadBack, readBack, skipUnlessH5py, skipUnlessNumpy } from './python.ts';

function simulate() {
  startScope();
  const G = new NeuronGroup(
    5,
    'dv/dt = (20*mV - v)/(10*ms) : volt (unless refractory)\nflag : boolean\nn : integer',
    {
      threshold: 'v > 10*mV',
      reset: 'v = 0*mV',
      refractory: ms(2),
      method: 'exact',
      name: 'neurons',
    },
  );
  G.v = 'i*2*mV';
  G.n = [1, 2, 3, 4, 5];
  G.flag = [1, 0, 1, 0, 0];
  const S = new Synapses(G, G, { model: 'w : volt', onPre: 'v += w', name: 'syn' });
  S.connect({ condition: 'i != j' });
  S.w = 'j*0.1*mV';
  const spikes = new SpikeMonitor(G, { variables: 'v', name: 'spikes' });
  const state = new StateMonitor(G, ['v', 'not_refractory'], { record: [0, 3], name: 'state' });
  const rate = new PopulationRateMonitor(G, { name: 'rate' });
  const net = new Network(G, S, spikes, state, rate);
  net.run(ms(30));
  return { G, S, spikes, state, rate, net };
}

/** The values as Python prints them: non-finite floats are repr strings. */
function expected(values: ArrayLike<number>): (number | string)[] {
  return Array.from(values, (x) => (Number.isFinite(x) ? x : x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan'));
}

describe('export read back by Python', () => {
  let sim: ReturnType<typeof simulate>;
  let dir: string;
  before(() => {
    sim = simulate();
    dir = mkdtempSync(join(tmpdir(), 'brian-ts-results-export-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a SpikeMonitor as .npz: Brian names, exact values, dtypes, units', { skip: skipUnlessNumpy }, () => {
    const { spikes } = sim;
    assert.ok(spikes.num_spikes > 5);
    const path = join(dir, 'spikes.npz');
    writeFileSync(path, toNpz(spikes));
    const back = readBack('npz', path);
    assert.deepEqual(Object.keys(back.arrays).sort(), ['count', 'i', 't', 'v']);
    assert.deepEqual(back.arrays.t.values, Array.from(spikes.t_));
    assert.equal(back.arrays.t.dtype, '<f8');
    assert.deepEqual(back.arrays.i.values, Array.from(spikes.i));
    assert.equal(back.arrays.i.dtype, '<i4');
    assert.deepEqual(back.arrays.v.values, Array.from(spikes.v_));
    assert.deepEqual(back.arrays.count.values, Array.from(spikes.count));
    assert.deepEqual(back.units, { t: 's', i: '1', v: 'V', count: '1' });
  });

  it('a whole network as .npz: one prefix per object, 2-D traces as M.v', {
    skip: skipUnlessNumpy,
  }, async () => {
    const { state, G, S, rate, net } = sim;
    const path = await saveResults(join(dir, 'net.npz'), net);
    const back = readBack('npz', path);
    checkNetwork(back, (name) => name, sim);
    assert.deepEqual(back.arrays['state/v'].shape, [2, state.t_.length]);
    assert.equal(back.arrays['state/not_refractory'].dtype, '<f8');
    assert.equal(back.arrays['neurons/flag'].dtype, '|b1');
    assert.deepEqual(back.arrays['neurons/flag'].values, [true, false, true, false, false]);
    assert.equal(back.arrays['neurons/n'].dtype, '<i4');
    assert.deepEqual(back.arrays['syn/j'].values, Array.from(S.j));
    assert.equal(back.units['syn/w'], 'V');
    assert.equal(back.units['rate/rate'], 'Hz');
    assert.deepEqual(back.arrays['rate/rate'].values, expected(rate.rate_));
    void G;
  });

  it('a whole network as HDF5: one group per object, units as attributes', {
    skip: skipUnlessH5py,
  }, async () => {
    const path = join(dir, 'net.h5');
    writeFileSync(path, await toHdf5(sim.net));
    const back = readBack('hdf5', path);
    checkNetwork(back, (name) => name, sim);
    assert.equal(back.attrs.state.type, 'StateMonitor');
    assert.equal(back.attrs.state.source, 'neurons');
    assert.equal(back.attrs.neurons.type, 'NeuronGroup');
    assert.equal(back.attrs['/'].software, 'brian-ts');
    assert.equal(back.arrays['spikes/i'].dtype, '<i4');
    assert.equal(back.arrays['spikes/t'].dtype, '<f8');
  });

  it('monitors and groups as CSV, read by numpy.loadtxt', { skip: skipUnlessNumpy }, async () => {
    const { spikes, state, G } = sim;
    const spikesPath = join(dir, 'spikes.csv');
    writeFileSync(spikesPath, toCsv(spikes));
    const s = readBack('csv', spikesPath);
    assert.deepEqual(s.header, ['t (s)', 'i', 'v (V)']);
    assert.deepEqual(s.arrays['t (s)'].values, Array.from(spikes.t_));
    assert.deepEqual(s.arrays.i.values, Array.from(spikes.i));
    const statePath = await saveResults(join(dir, 'state.csv'), state);
    const m = readBack('csv', statePath);
    assert.deepEqual(m.header, ['t (s)', 'v[0] (V)', 'v[3] (V)', 'not_refractory[0]', 'not_refractory[3]']);
    assert.deepEqual(m.arrays['v[3] (V)'].values, Array.from(state.v_[1]));
    assert.deepEqual(m.arrays['t (s)'].values, Array.from(state.t_));
    const groupPath = await saveResults(join(dir, 'neurons.csv'), G);
    const g = readBack('csv', groupPath);
    assert.deepEqual(g.arrays['v (V)'].values, Array.from(G.v.values));
    assert.deepEqual(g.arrays['lastspike (s)'].values, Array.from(G.lastspike.values));
  });

  it('says clearly what it cannot export', () => {
    assert.throws(() => toCsv(sim.net as never), { code: 'bad_argument' });
    assert.throws(() => toNpz({} as never), { code: 'bad_argument' });
    assert.throws(() => toNpz([]), { code: 'empty_data' });
    return assert.rejects(saveResults(join(dir, 'x.txt'), sim.spikes), { code: 'bad_argument' });
  });
});

/** The arrays every network export holds, against memory. */
function checkNetwork(back: ReadBack, key: (name: string) => string, sim: ReturnType<typeof simulate>): void {
  const { spikes, state, G, S } = sim;
  assert.deepEqual(back.arrays[key('spikes/t')].values, Array.from(spikes.t_));
  assert.deepEqual(back.arrays[key('spikes/i')].values, Array.from(spikes.i));
  assert.deepEqual(back.arrays[key('state/t')].values, Array.from(state.t_));
  assert.deepEqual(back.arrays[key('state/record')].values, [0, 3]);
  const v = state.v_;
  assert.deepEqual(back.arrays[key('state/v')].values, [...v[0], ...v[1]]);
  assert.deepEqual(back.arrays[key('state/v')].shape, [2, state.t_.length]);
  assert.deepEqual(back.arrays[key('neurons/v')].values, Array.from(G.v.values));
  assert.deepEqual(back.arrays[key('neurons/lastspike')].values, Array.from(G.lastspike.values));
  assert.deepEqual(back.arrays[key('syn/w')].values, Array.from(S.w.values));
  assert.deepEqual(back.arrays[key('syn/i')].values, Array.from(S.i));
  assert.equal(back.units[key('state/v')], 'V');
  assert.equal(back.units[key('spikes/t')], 's');
  assert.equal(back.units[key('neurons/lastspike')], 's');
}
