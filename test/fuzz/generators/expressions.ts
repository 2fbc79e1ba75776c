import fc from 'fast-check';
import {
  EventMonitor,
  Hz,
  ms,
  PoissonGroup,
  PoissonInput,
  q,
  run,
  StateMonitor,
  Synapses,
  type VariableView,
} from '../../../src/index.ts';
import type { FuzzCase } from '../harness/case.ts';
import { broken, deep, typed, untyped } from './expression-grammar.ts';
import { fuzzGroup, MODEL, namespace } from './model.ts';

/**
 * Expression fuzzing: random expressions (expression-grammar.ts) in every place the API takes
 * one — setters, thresholds, resets, subexpressions, differential equations, custom events,
 * connect conditions, probabilities and counts, synaptic statements, Poisson rates, operations
 * run regularly, quantity text — each created and run for one step on the runtime device.
 */

/** A variable of a group as the API returns it (`G.v`). */
const view = (G: object, name: string) => (G as unknown as Record<string, VariableView>)[name];

type Wanted = 'dimless' | 'volt' | 'bool';

/** One step: every kernel is generated, compiled and run once. */
const STEPS = ms(0.1);

/** Where an expression goes, and the kind of value that fits there. */
const CONTEXTS: Record<string, { wants: Wanted; use: (e: string) => void }> = {
  'G.x = …': {
    wants: 'dimless',
    use: (e) => {
      fuzzGroup().x = e;
    },
  },
  'G.v = …': {
    wants: 'volt',
    use: (e) => {
      fuzzGroup().v = e;
    },
  },
  'G.b = …': {
    wants: 'bool',
    use: (e) => {
      fuzzGroup().b = e;
    },
  },
  "G.v.set(…, 'i > 0')": { wants: 'volt', use: (e) => view(fuzzGroup(), 'v').set(e, 'i > 0') },
  'G.x.get(…)': { wants: 'bool', use: (e) => void view(fuzzGroup(), 'x').get(e) },
  threshold: {
    wants: 'bool',
    use: (e) => {
      fuzzGroup({ threshold: e, reset: 'v = El' });
      run(STEPS);
    },
  },
  'reset v = …': {
    wants: 'volt',
    use: (e) => {
      fuzzGroup({ threshold: 'True', reset: `v = ${e}` });
      run(STEPS);
    },
  },
  'reset x += …': {
    wants: 'dimless',
    use: (e) => {
      fuzzGroup({ threshold: 'v > Vt', reset: `x += ${e}\nk = int(x)` });
      run(STEPS);
    },
  },
  'subexpression y = … : 1': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup({}, `${MODEL}\ny = ${e} : 1`);
      new StateMonitor(G, 'y', { record: [0] });
      run(STEPS);
    },
  },
  'subexpression y = … : volt (constant over dt)': {
    wants: 'volt',
    use: (e) => {
      const G = fuzzGroup({}, `${MODEL}\ny = ${e} : volt (constant over dt)`);
      new StateMonitor(G, ['y', 'v'], { record: true });
      run(STEPS);
    },
  },
  'dz/dt = (…)/tau': {
    wants: 'dimless',
    use: (e) => {
      fuzzGroup({}, `${MODEL}\ndz/dt = (${e})/tau : 1`);
      run(STEPS);
    },
  },
  'dv2/dt = (…)/tau (rk4)': {
    wants: 'volt',
    use: (e) => {
      fuzzGroup({ method: 'rk4' }, `${MODEL}\ndv2/dt = (${e} - v2)/tau : volt`);
      run(STEPS);
    },
  },
  'custom event': {
    wants: 'bool',
    use: (e) => {
      const G = fuzzGroup({ events: { ev: e } });
      new EventMonitor(G, 'ev', { variables: ['v'] });
      run(STEPS);
    },
  },
  'connect condition': {
    wants: 'bool',
    use: (e) => {
      const G = fuzzGroup();
      new Synapses(G, G, { model: 'w2 : 1', namespace: namespace() }).connect({ condition: e });
    },
  },
  'connect p': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup();
      new Synapses(G, G, { namespace: namespace() }).connect({ condition: 'i != j', p: e });
    },
  },
  'connect n (clip: a huge n is legitimately slow)': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup();
      new Synapses(G, G, { namespace: namespace() }).connect({ n: `clip(${e}, -3, 30)` });
    },
  },
  'connect j generator': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup();
      new Synapses(G, G, { namespace: namespace() }).connect({
        j: `k for k in range(int(${e})) if k < N_post`,
      });
    },
  },
  'onPre v_post += …': {
    wants: 'volt',
    use: (e) => {
      const G = fuzzGroup({ threshold: 'True', reset: 'v = El' });
      const S = new Synapses(G, G, { model: 'ws : 1', onPre: `v_post += ${e}`, namespace: namespace() });
      S.connect({ condition: 'i != j' });
      run(STEPS);
    },
  },
  'synaptic weight S.ws = …': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup();
      const S = new Synapses(G, G, { model: 'ws : 1', namespace: namespace() });
      S.connect();
      S.ws = e;
    },
  },
  'PoissonGroup rates': {
    wants: 'dimless',
    use: (e) => {
      new PoissonGroup(3, `(${e})*Hz`, { namespace: namespace() });
      run(STEPS);
    },
  },
  runRegularly: {
    wants: 'dimless',
    use: (e) => {
      fuzzGroup().runRegularly(`x = ${e}`, { dt: ms(0.1) });
      run(STEPS);
    },
  },
  'refractory condition': {
    wants: 'bool',
    use: (e) => {
      fuzzGroup({ threshold: 'v > Vt', reset: 'v = El', refractory: e });
      run(STEPS);
    },
  },
  'summed variable x_post = … (summed)': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup();
      const S = new Synapses(G, G, { model: `ws : 1\nx_post = ${e} : 1 (summed)`, namespace: namespace() });
      S.connect({ condition: 'i != j' });
      run(STEPS);
    },
  },
  'PoissonInput weight': {
    wants: 'volt',
    use: (e) => {
      new PoissonInput(fuzzGroup(), 'v', 10, Hz(100), e);
      run(STEPS);
    },
  },
  'onPost x_pre += …': {
    wants: 'dimless',
    use: (e) => {
      const G = fuzzGroup({ threshold: 'True', reset: 'v = El' });
      const S = new Synapses(G, G, { model: 'ws : 1', onPost: `x_pre += ${e}`, namespace: namespace() });
      S.connect({ condition: 'i != j' });
      run(STEPS);
    },
  },
  'q(…)': { wants: 'volt', use: (e) => void q(e, { El: namespace().El as never }) },
};

const text = (wants: Wanted): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: typed[wants] },
    { weight: 2, arbitrary: fc.oneof(typed.dimless, typed.volt, typed.bool) },
    { weight: 2, arbitrary: untyped },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: broken },
  );

export const cases: fc.Arbitrary<FuzzCase> = fc
  .constantFrom(...Object.keys(CONTEXTS))
  .chain((where) => text(CONTEXTS[where].wants).map((e) => ({ where, e })))
  .map(({ where, e }) => ({
    label: `${where} with ${JSON.stringify(e.length > 300 ? `${e.slice(0, 300)}…(${e.length} chars)` : e)}`,
    run: () => CONTEXTS[where].use(e),
  }));
