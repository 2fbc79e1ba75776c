import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Hz,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  PopulationRateMonitor,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { onBothDevices } from '../standalone/devices.ts';

/**
 * Issue 14: reading or writing a name that is not there is a coded error (never `undefined`,
 * never a new property), on groups, synapses, monitors and views; a variable named like an API
 * member stays reachable without replacing the member (network/attribute-access.ts).
 */

const hintOf = (e: Error) => (e as Error & { hint?: string }).hint ?? '';
/** What a script without a type checker can write (TypeScript rejects these lines itself). */
// biome-ignore lint/suspicious/noExplicitAny: the point is to bypass the types
const js = (x: object) => x as Record<string, any>;

test('G.V (misspelt) is unknown_variable with a did-you-mean, reading and writing', () => {
  startScope();
  const G = new NeuronGroup(3, 'dv/dt = -v/(10*ms) : volt');
  const read = throwsCode(() => G.V, 'unknown_variable');
  assert.match(hintOf(read), /did you mean 'v'/);
  throwsCode(() => {
    G.V = mV(3);
  }, 'unknown_variable');
  assert.equal('V' in G, false, 'no property was created');
  throwsCode(() => G.treshold, 'unknown_variable');
});

test('a variable called like an API member neither replaces the member nor becomes unreachable', () => {
  startScope();
  const G = new NeuronGroup(3, 'func = variable**2 : 1\nvariable : 1\nname : 1');
  // Brian's tests write `G.variable = array` (test_functions.py).
  js(G).variable = [1, 2, 3];
  assert.deepEqual(Array.from(G.variable_), [1, 2, 3]);
  assert.deepEqual(Array.from(G.state('variable').values), [1, 2, 3]);
  assert.equal(typeof G.variable, 'function', 'the method stays');
  assert.equal(G.variable('variable').kind, 'array');
  assert.deepEqual(Array.from(G.func_), [1, 4, 9]);
  // `name` is a read-only member: assigning it sets the variable, reading it gives the group's name.
  js(G).name = 5;
  assert.match(G.name, /^neurongroup/);
  assert.deepEqual(Array.from(G.name_), [5, 5, 5]);
  const M = new StateMonitor(G, ['func', 'variable'], { record: true });
  run(ms(0.1));
  assert.deepEqual(Array.from(M.func_[2]), [9]);
  assert.deepEqual(Array.from(M.traces_('variable')[0]), [1]);
});

test('assigning a method, a getter or a read-only variable is a coded error', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  throwsCode(() => {
    js(G).N = 3;
  }, 'read_only_variable');
  throwsCode(() => {
    js(G).name = 'x';
  }, 'read_only_variable');
  throwsCode(() => {
    js(G).runRegularly = 3;
  }, 'read_only_variable');
  throwsCode(() => {
    G.i = 3;
  }, 'read_only_variable');
  G.active = false; // a writable member stays writable
  assert.equal(G.active, false);
});

test('subgroups, Poisson and spike generator groups refuse unknown names too', () => {
  startScope();
  const G = new NeuronGroup(10, 'v : 1');
  const sub = G.slice(2, 5);
  assert.match(hintOf(throwsCode(() => sub.vv, 'unknown_variable')), /did you mean 'v'/);
  const P = new PoissonGroup(5, Hz(10));
  assert.match(hintOf(throwsCode(() => P.rate, 'unknown_variable')), /did you mean 'rates'/);
  const SG = new SpikeGeneratorGroup(2, [0, 1], ms([1, 2]));
  throwsCode(() => SG.foo, 'unknown_variable');
});

test('synapses: unknown names are coded errors; pre/post variables read through the synapses', () => {
  startScope();
  const G = new NeuronGroup(2, 'v : 1');
  G.v = [10, 20];
  const S = new Synapses(G, G, { model: 'w : 1' });
  S.connect();
  assert.match(hintOf(throwsCode(() => S.W, 'unknown_variable')), /did you mean 'w'/);
  assert.deepEqual(Array.from(S.v_pre.values), [10, 10, 20, 20]);
  assert.deepEqual(Array.from(S.v_post.values), [10, 20, 10, 20]);
  assert.deepEqual(Array.from(S.v.values), [10, 20, 10, 20], 'a bare target name is the _post variable');
  throwsCode(() => S.u_pre, 'unknown_variable');
  throwsCode(() => S.i[4], 'index_out_of_range');
  assert.equal(S.i[3], 1);
  assert.equal(S.j[-1], 1, 'negative indices count from the end');
});

test('PopulationRateMonitor suggests close names', () => {
  startScope();
  const P = new PoissonGroup(5, Hz(10));
  const R = new PopulationRateMonitor(P);
  assert.match(hintOf(throwsCode(() => js(R).rates, 'unknown_variable')), /did you mean 'rate'/);
});

onBothDevices('monitors refuse unknown names and indices outside what they recorded', () => {
  const G = new NeuronGroup(10, 'dv/dt = 1/ms : 1\nw : 1', { threshold: 'v > 0.5', reset: 'v = 0' });
  const M = new StateMonitor(G, 'v', { record: [0, 2, 5] });
  const S = new SpikeMonitor(G, { variables: 'v' });
  run(ms(1));
  assert.equal(M.v.length, 3);
  const beyond = throwsCode(() => M.v[7], 'index_out_of_range');
  assert.match(beyond.message, /records 3 element/);
  throwsCode(() => M.v_[3], 'index_out_of_range');
  assert.equal(M.v[-1].length, 10, 'M.v[-1] is the last recorded element');
  throwsCode(() => M.t[10], 'index_out_of_range');
  assert.equal(M.t[9].toString(), '0.9 ms');
  assert.equal(M[5].v.length, 10);
  throwsCode(() => M[7], 'index_out_of_range');
  assert.match(hintOf(throwsCode(() => M.V, 'unknown_variable')), /did you mean 'v'/);
  throwsCode(() => M.w, 'not_recorded');
  throwsCode(() => M.at(5).V, 'unknown_variable');
  assert.equal(S.count.length, 10);
  throwsCode(() => S.count[99], 'index_out_of_range');
  throwsCode(() => S.i[S.num_spikes], 'index_out_of_range');
  assert.equal(S.v.length, S.num_spikes, 'S.v: the variable recorded at each spike');
  assert.match(hintOf(throwsCode(() => S.cout, 'unknown_variable')), /did you mean 'count'/);
  throwsCode(() => G.v[10], 'index_out_of_range');
});

test('JavaScript protocols still work on user objects (await, JSON, string conversion)', async () => {
  startScope();
  const G = new NeuronGroup(2, 'v : 1');
  assert.equal(await Promise.resolve(G), G);
  // Brian's repr (the inspection text), reached through the proxy.
  assert.match(String(G), new RegExp(`^NeuronGroup\\(.*name='${G.name}'\\)$`));
  assert.doesNotThrow(() => JSON.stringify({ n: G.N }));
});

test('variable views: a misspelt member is unknown_variable, conditions and indices still work', async () => {
  startScope();
  const G = new NeuronGroup(4, 'v : 1\nflag : boolean');
  G.v = [1, 2, 3, 4];
  G.flag = [true, false, true, false];
  assert.match(hintOf(throwsCode(() => G.v.mena(), 'unknown_variable')), /did you mean 'mean'/);
  assert.deepEqual(Array.from(G.v.get('flag').values), [1, 3]);
  assert.deepEqual(Array.from(G.v['i > 1'].values), [3, 4]);
  throwsCode(() => G.v[4], 'index_out_of_range');
  const view = await Promise.resolve(G.v);
  assert.equal(view.length, 4);
});
