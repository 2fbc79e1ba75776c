import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  Clock,
  Hz,
  ms,
  mV,
  Network,
  NeuronGroup,
  PoissonGroup,
  PopulationRateMonitor,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  seed,
  setDevice,
  startScope,
  TimedArray,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

/**
 * Issues 14 and 16 ("strict options"): every argument is checked at the API boundary, each
 * failure a coded error naming the argument; unknown option keys suggest the right one; Brian's
 * positional calls are explained. What used to be accepted silently or crash inside is listed
 * case by case.
 */

// biome-ignore lint/suspicious/noExplicitAny: scripts without a type checker write these
const js = (x: unknown) => x as any;
const hintOf = (e: Error) => (e as Error & { hint?: string }).hint ?? '';
const LIF = 'dv/dt = -v/(10*ms) : volt';

function pair() {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  const S = new Synapses(G, G, { model: 'w : 1' });
  return { G, S };
}

test('connect(): NaN, fractional and dimensioned arguments and bad types are coded errors', () => {
  const { S } = pair();
  assert.match(
    throwsCode(() => S.connect({ i: [NaN], j: [0] }), 'bad_argument').message,
    /options\.i .*element 0 is NaN/,
  );
  throwsCode(() => S.connect({ i: [1.5], j: [0] }), 'bad_argument');
  throwsCode(() => S.connect({ i: [0], j: [1], n: 1.5 }), 'bad_argument');
  throwsCode(() => S.connect({ p: '2*mV' }), 'dimension_not_dimensionless');
  throwsCode(() => S.connect({ p: 1.5 }), 'bad_argument');
  throwsCode(() => S.connect({ p: NaN }), 'bad_argument');
  throwsCode(() => S.connect(js(42)), 'positional_argument');
  throwsCode(() => S.connect(js('i != j'), 0.5), 'positional_argument');
  assert.equal(S.N, 0, 'nothing was connected by the failed calls');
  S.connect(false);
  assert.equal(S.N, 0, 'connect(false) connects nothing (it used to connect all-to-all)');
  S.connect({ i: [0, 1], j: [1, 2] });
  assert.equal(S.N, 2);
});

test('seed(): only integers >= 0 (seed("abc"), seed("xyz") and seed(NaN) used to give one stream)', () => {
  for (const bad of ['abc', 'xyz', NaN, -1, 1.5, Infinity, {}]) {
    throwsCode(() => seed(js(bad)), 'bad_argument');
  }
  seed(42);
  seed();
});

test('run(): infinite durations and step counts that can never end are refused before running', () => {
  startScope();
  const G = new NeuronGroup(1, LIF, { method: 'exact' });
  throwsCode(() => run(ms(Infinity)), 'bad_argument');
  throwsCode(() => run(ms(NaN)), 'bad_argument');
  throwsCode(() => run(ms(-1)), 'bad_argument');
  throwsCode(() => run(js(5)), 'missing_unit');
  throwsCode(() => run(mV(5)), 'dimension_mismatch');
  startScope();
  const tiny = new NeuronGroup(1, LIF, { method: 'exact', dt: second(1e-300) });
  const err = throwsCode(() => new Network(tiny).run(ms(1)), 'too_many_steps');
  assert.match(err.message, /steps/);
  throwsCode(() => new Network(G).run(second(1e9)), 'too_many_steps');
  throwsCode(() => new Network(G).run(ms(1), js('text')), 'positional_argument');
  throwsCode(() => new Network(G).run(ms(1), js({ reprot: 'text' })), 'unknown_option');
  throwsCode(() => new Network(js(42)), 'bad_argument');
});

test('wrongly typed options are coded errors naming the option (they used to crash inside)', () => {
  startScope();
  const G = new NeuronGroup(1, LIF);
  const cases: [() => unknown, string, RegExp][] = [
    [() => new NeuronGroup(1, LIF, js({ threshold: 42 })), 'bad_argument', /options\.threshold/],
    [() => new NeuronGroup(1, LIF, js({ method: 42 })), 'bad_argument', /options\.method/],
    [() => new NeuronGroup(1, LIF, js({ clock: {} })), 'bad_argument', /options\.clock/],
    [() => new NeuronGroup(1, LIF, js({ refractory: 5 })), 'missing_unit', /options\.refractory/],
    [() => new NeuronGroup(1, LIF, js({ refractory: mV(5) })), 'dimension_mismatch', /options\.refractory/],
    [() => new NeuronGroup(1, LIF, js({ dt: ms(NaN) })), 'bad_argument', /options\.dt/],
    [() => new NeuronGroup(1, LIF, js({ order: 0.5 })), 'bad_argument', /options\.order/],
    [() => new NeuronGroup(5, js(null)), 'bad_argument', /model/],
    [() => new NeuronGroup(js('5'), LIF), 'bad_argument', /N/],
    [() => new NeuronGroup(2.5, LIF), 'bad_argument', /N/],
    [() => new Synapses(G, G, js({ delay: 5 })), 'missing_unit', /options\.delay/],
    [() => new Synapses(G, G, js({ onPre: 42 })), 'bad_argument', /options\.onPre/],
    [() => new SpikeMonitor(js(42)), 'bad_argument', /source/],
    [() => new StateMonitor(G, js(42)), 'bad_argument', /variables/],
    [() => new StateMonitor(G, 'v', js({ record: [0.5] })), 'bad_argument', /options\.record/],
    [() => new PopulationRateMonitor(js(null)), 'bad_argument', /source/],
    [() => new PoissonGroup(3, js(10)), 'missing_unit', /rates/],
    [() => new TimedArray(mV([1, 2]), js({ dt: 1 })), 'missing_unit', /options\.dt/],
    [() => new TimedArray(mV([1, 2]), js(undefined)), 'bad_argument', /options\.dt/],
    [() => new Clock(ms(Infinity)), 'bad_argument', /dt/],
    [() => setDevice('runtime', js({ target: 'gpu' })), 'bad_argument', /options\.target/],
    [() => setDevice('cpp_standalone', js({ threads: -1 })), 'bad_argument', /options\.threads/],
  ];
  for (const [make, code, names] of cases) {
    assert.match(throwsCode(make, code).message, names);
  }
  resetDevice();
});

test('unknown option keys: a coded error naming the key, with the camelCase or correctly spelt one', () => {
  const { G } = pair();
  const treshold = throwsCode(() => new NeuronGroup(1, LIF, js({ treshold: 'v > 1*mV' })), 'unknown_option');
  assert.match(treshold.message, /"treshold"/);
  assert.match(hintOf(treshold), /did you mean 'threshold'/);
  const onPre = throwsCode(() => new Synapses(G, G, js({ on_pre: 'v += 1' })), 'unknown_option');
  assert.match(hintOf(onPre), /did you mean 'onPre'/);
  assert.match(
    hintOf(throwsCode(() => new Synapses(G, G, js({ multisynaptic_index: 'k' })), 'unknown_option')),
    /multisynapticIndex/,
  );
  const S = new Synapses(G, G, { model: 'w : 1' });
  assert.match(
    hintOf(throwsCode(() => S.connect(js({ skip_if_invalid: true })), 'unknown_option')),
    /skipIfInvalid/,
  );
  assert.match(
    hintOf(throwsCode(() => new SpikeMonitor(G, js({ variable: 'v' })), 'unknown_option')),
    /variables/,
  );
  throwsCode(() => new StateMonitor(G, 'v', js({ recrod: true })), 'unknown_option');
  throwsCode(() => setDevice('cpp_standalone', js({ build_on_run: false })), 'unknown_option');
  resetDevice();
});

test("Brian's positional calls are recognised and explained", () => {
  const { G } = pair();
  const brianOrder = Synapses as unknown as new (...args: unknown[]) => Synapses;
  const syn = throwsCode(() => new brianOrder(G, G, 'w : 1', { onPre: 'v += w' }), 'positional_argument');
  assert.match(syn.message, /"model"/);
  assert.match(hintOf(syn), /\{ model: 'w : 1'/);
  assert.match(
    throwsCode(() => new NeuronGroup(1, LIF, js('exact')), 'positional_argument').message,
    /"method"/,
  );
  assert.match(
    throwsCode(() => new StateMonitor(G, 'v', js(true)), 'positional_argument').message,
    /"record"/,
  );
  assert.match(throwsCode(() => new SpikeMonitor(G, js('v')), 'positional_argument').message, /"variables"/);
  // Brian's Synapses(G, model=…): the target may be left out.
  const S = new Synapses(G, js({ model: 'w : 1' }));
  assert.equal(S.target, G);
});

test('names: Brian identifiers only, for objects, clocks, TimedArrays and pathways', () => {
  startScope();
  for (const bad of ['', 'a b', '1abc', 'x\nglobalThis.__INJ=1;//', 'a"b', 'a-b', '$(shell id)', 'é']) {
    throwsCode(() => new NeuronGroup(1, 'v : 1', { name: bad }), 'invalid_name');
  }
  throwsCode(() => new NeuronGroup(1, 'v : 1', js({ name: 42 })), 'bad_argument');
  throwsCode(() => new Clock(ms(1), 'my clock'), 'invalid_name');
  throwsCode(() => new TimedArray(mV([1]), { dt: ms(1), name: 'a;b' }), 'invalid_name');
  const G = new NeuronGroup(1, 'v : 1', { name: 'ok_name_1' });
  throwsCode(() => new Synapses(G, G, { onPre: { 'bad name': 'v += 1' } }), 'invalid_name');
  new NeuronGroup(1, 'v : 1', { name: 'auto*' });
  new PoissonGroup(2, Hz(5), { name: '_private' });
});

test("a monitor's recorded arrays (index-checked proxies) are accepted where arrays are", () => {
  // Brian's tutorial 3 feeds a SpikeMonitor's i and t into a SpikeGeneratorGroup; the checked
  // arrays are proxies that ArrayBuffer.isView does not recognise (refused as indices before).
  startScope();
  const P = new NeuronGroup(3, 'v : 1', { threshold: 'i == 1 or i == 2' });
  const M = new SpikeMonitor(P);
  new Network(P, M).run(ms(0.3));
  const SGG = new SpikeGeneratorGroup(3, M.i, M.t);
  assert.equal(SGG.N, 3);
  throwsCode(() => new SpikeGeneratorGroup(3, [0.5], ms([1])), 'bad_argument');
});
