import fc from 'fast-check';
import { resetDevice } from '../../../src/devices/active.ts';
import {
  BinomialFunction,
  Clock,
  defaultclock,
  Equations,
  EventMonitor,
  Hz,
  implementation,
  ms,
  mV,
  Network,
  NeuronGroup,
  networkOperation,
  PoissonGroup,
  PoissonInput,
  PopulationRateMonitor,
  restore,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  setDevice,
  store,
  TimedArray,
  timestep,
  volt,
} from '../../../src/index.ts';
import type { FuzzCase } from '../harness/case.ts';
import { fuzzGroup, MODEL, namespace } from './model.ts';
import { anyValue, constant, keyNoise, type Value } from './option-values.ts';

/**
 * Option fuzzing: each public constructor and call with a valid base call corrupted — known
 * options set to values of the wrong kind (NaN, infinities, fractions, negatives, quantities of
 * other dimensions, null, huge arrays …), misspelt and extra keys, the options object or a
 * positional argument replaced — then run for two steps where the call succeeded.
 */

/** One step: every kernel is generated, compiled and run once. */
const STEPS = ms(0.1);
const v = (x: unknown, text?: string) => constant(x, text);
const lazy = (text: string, make: () => unknown): Value => ({ text, make });

interface Api {
  /** Valid values of each option (the corruptions replace some). */
  readonly options: Record<string, readonly Value[]>;
  /** Valid positional arguments (before the options). */
  readonly args: readonly Value[];
  /** The call, with the arguments and options made. */
  call(args: unknown[], options: unknown): void;
}

const G = () => fuzzGroup({ threshold: 'v > Vt', reset: 'v = El' });
const code = (...xs: string[]) => xs.map((x) => v(x));

const APIS: Record<string, Api> = {
  'new NeuronGroup': {
    args: [v(3), v(MODEL)],
    options: {
      threshold: code('v > Vt', 'True', 'rand() < 0.5'),
      reset: code('v = El', 'x += 1'),
      refractory: [v(ms(1)), v('2*ms'), v('v > Vt'), v(false)],
      method: code('euler', 'rk4', 'heun'),
      namespace: [lazy('the fuzz namespace', namespace)],
      dt: [v(ms(0.05)), v(ms(0.1))],
      clock: [lazy('new Clock(ms(0.1))', () => new Clock(ms(0.1)))],
      order: [v(0), v(-1), v(3)],
      name: code('grp', 'neurons*'),
      events: [v({ custom: 'v > Vt' })],
    },
    call: ([N, model], options) => {
      new NeuronGroup(N as number, model as string, { namespace: namespace(), ...(options as object) });
      run(STEPS);
    },
  },
  'new Synapses + connect': {
    args: [lazy('G', G)],
    options: {
      model: code('w : 1', 'w : volt', 'dws/dt = -ws/tau : 1 (clock-driven)'),
      onPre: [v('v_post += 1*mV'), v({ pre: 'v_post += 1*mV', pre2: 'x_post += 1' })],
      onPost: code('x_pre += 1'),
      delay: [v(ms(1)), v({ pre: ms(0.5) })],
      multisynapticIndex: code('syn_k'),
      namespace: [lazy('the fuzz namespace', namespace)],
      method: code('euler'),
      dt: [v(ms(0.1))],
      clock: [lazy('new Clock(ms(0.1))', () => new Clock(ms(0.1)))],
      order: [v(0)],
      name: code('syn'),
    },
    call: ([source], options) => {
      const S = new Synapses(source as NeuronGroup, source as NeuronGroup, options as object);
      S.connect({ condition: 'i != j' });
      run(STEPS);
    },
  },
  connect: {
    args: [],
    options: {
      condition: [v('i != j'), v(true), v(false)],
      p: [v(0.5), v(1), v('0.5')],
      n: [v(1), v(2), v('2')],
      i: [v([0, 1]), v(0), v('k for k in range(N_pre)')],
      j: [v([1, 2]), v(2), v('k for k in range(3)')],
      skipIfInvalid: [v(true), v(false)],
      namespace: [v({})],
    },
    call: (_args, options) => {
      const g = G();
      const S = new Synapses(g, g, { model: 'w : 1', onPre: 'v_post += w*mV' });
      S.connect(options as never);
      run(STEPS);
    },
  },
  'new StateMonitor': {
    args: [lazy('G', G), v('v')],
    options: {
      record: [v(true), v([0, 2]), v(1), v(Int32Array.from([0]))],
      dt: [v(ms(0.1))],
      clock: [lazy('new Clock(ms(0.1))', () => new Clock(ms(0.1)))],
      when: code('start', 'end', 'thresholds', 'before_resets'),
      order: [v(0), v(2)],
      name: code('mon'),
      stream: [lazy('a sink', () => ({ every: 1, to: { write: () => {} } }))],
    },
    call: ([source, variables], options) => {
      const M = new StateMonitor(source as NeuronGroup, variables as string, options as never);
      run(STEPS);
      void M.t;
    },
  },
  'new SpikeMonitor': {
    args: [lazy('G', G)],
    options: {
      variables: [v('v'), v(['v', 'x'])],
      record: [v(true), v(false)],
      when: code('thresholds', 'end'),
      order: [v(1)],
      name: code('spikes'),
    },
    call: ([source], options) => {
      const M = new SpikeMonitor(source as NeuronGroup, options as never);
      run(STEPS);
      void M.count;
    },
  },
  'new EventMonitor': {
    args: [lazy('G with event ev', () => fuzzGroup({ events: { ev: 'v > Vt' } })), v('ev')],
    options: { variables: [v('v')], record: [v(true)], when: code('end'), name: code('evmon') },
    call: ([source, event], options) => {
      new EventMonitor(source as NeuronGroup, event as string, options as never);
      run(STEPS);
    },
  },
  'new PopulationRateMonitor': {
    args: [lazy('G', G)],
    options: { when: code('end'), order: [v(0)], name: code('rates') },
    call: ([source], options) => {
      const M = new PopulationRateMonitor(source as NeuronGroup, options as never);
      run(STEPS);
      void M.rate;
    },
  },
  'new PoissonGroup': {
    args: [v(3), v(Hz(100))],
    options: { namespace: [v({})], dt: [v(ms(0.1))], name: code('poisson') },
    call: ([N, rates], options) => {
      new PoissonGroup(N as number, rates as never, options as never);
      run(STEPS);
    },
  },
  'new SpikeGeneratorGroup': {
    args: [v(3), v([0, 1, 2]), v(ms([0, 0.1, 0.1]))],
    options: {
      period: [v(ms(1)), v(ms(0))],
      sorted: [v(true), v(false)],
      dt: [v(ms(0.1))],
      when: code('thresholds'),
      order: [v(0)],
      name: code('sgg'),
    },
    call: ([N, indices, times], options) => {
      new SpikeGeneratorGroup(N as number, indices as never, times as never, options as never);
      run(STEPS);
    },
  },
  'new TimedArray': {
    args: [v(mV([1, 2, 3]))],
    options: { dt: [v(ms(0.1)), v(ms(1))], name: code('stim') },
    call: ([values], options) => {
      const ta = new TimedArray(values as never, options as never);
      new NeuronGroup(2, 'y = ta(t) : volt', { namespace: { ta } });
      run(STEPS);
    },
  },
  'new PoissonInput': {
    args: [lazy('G', G), v('v'), v(5), v(Hz(10)), v(mV(0.1))],
    options: { when: code('synapses', 'start'), order: [v(0)], name: code('pin') },
    call: ([target, targetVar, N, rate, weight], options) => {
      new PoissonInput(
        target as never,
        targetVar as string,
        N as number,
        rate as never,
        weight as never,
        options as never,
      );
      run(STEPS);
    },
  },
  'new BinomialFunction': {
    args: [v(10), v(0.3)],
    options: { approximate: [v(true), v(false)], name: code('binom') },
    call: ([n, p], options) => {
      const b = new BinomialFunction(n as number, p as number, options as never);
      new NeuronGroup(2, 'y : 1', { namespace: { b } }).runRegularly('y = b()', { dt: ms(0.1) });
      run(STEPS);
    },
  },
  run: {
    args: [v(ms(0.2))],
    options: {
      report: [lazy('() => {}', () => () => {})],
      reportPeriod: [v(ms(1))],
      namespace: [v({})],
      profile: [v(true), v(false)],
      checkFinite: [v(false), v({ every: 1 })],
    },
    call: ([duration], options) => {
      G();
      run(duration as never, options as never);
    },
  },
  'Network.run': {
    args: [v(ms(0.2))],
    options: { report: [lazy('() => {}', () => () => {})], profile: [v(true)] },
    call: ([duration], options) => {
      const net = new Network(G());
      net.run(duration as never, options as never);
    },
  },
  "setDevice('runtime')": {
    args: [],
    options: { target: [v('js')], threads: [v(0), v(1), v('auto')] },
    call: (_args, options) => {
      setDevice('runtime', options as never);
      resetDevice({ target: 'js' });
    },
  },
  "setDevice('cpp_standalone')": {
    args: [],
    options: {
      directory: code('tmp/fuzz-never-built'),
      buildOnRun: [v(false)],
      debug: [v(true)],
      threads: [v(0), v(2)],
      compiler: code('g++'),
      optimisationFlags: [v(['-O0'])],
      fastMath: [v(true)],
      extraCompileArgs: [v(['-DX=1'])],
      extraLinkArgs: [v([])],
      verbose: [v(false)],
      mpi: [v({ processes: 2 })],
    },
    // Nothing is built: the device is only made and dropped.
    call: (_args, options) => {
      try {
        setDevice('cpp_standalone', options as never);
      } finally {
        resetDevice({ target: 'js' });
      }
    },
  },
  runRegularly: {
    args: [v('x += 1')],
    options: {
      dt: [v(ms(0.1))],
      clock: [lazy('new Clock(ms(0.1))', () => new Clock(ms(0.1)))],
      when: code('start', 'end'),
      order: [v(0)],
      name: code('op'),
    },
    call: ([c], options) => {
      G().runRegularly(c as string, options as never);
      run(STEPS);
    },
  },
  networkOperation: {
    args: [lazy('() => {}', () => () => {})],
    options: { dt: [v(ms(0.1))], when: code('start'), order: [v(0)], name: code('netop') },
    call: ([fn], options) => {
      G();
      networkOperation(fn as never, options as never);
      run(STEPS);
    },
  },
  'new Clock': {
    args: [v(ms(0.1))],
    options: {},
    call: ([dt], options) => {
      const clock = new Clock(dt as never, (options as { name?: string })?.name);
      fuzzGroup({ clock });
      run(STEPS);
    },
  },
  'seed + store/restore': {
    args: [v(42), v('snap')],
    options: {},
    call: ([value, name]) => {
      seed(value as number);
      G();
      store(name as string);
      run(STEPS);
      restore(name as string);
    },
  },
  implementation: {
    args: [],
    options: {
      name: code('f'),
      args: [v([volt]), v([1]), v([null])],
      result: [v(volt), v(1)],
      js: [lazy('(x) => x', () => (x: number) => x)],
      cpp: [v({ code: 'static inline double f(double x) { return x; }' })],
      stateless: [v(true)],
      resultType: code('float'),
      argNames: [v(['x'])],
    },
    call: (_args, options) => {
      const f = implementation(options as never);
      new NeuronGroup(2, 'y : volt', { namespace: { f } }).runRegularly('y = f(1*mV)*volt/volt', {
        dt: ms(0.1),
      });
      run(STEPS);
    },
  },
  'defaultclock.dt = …': {
    args: [v(ms(0.1))],
    options: {},
    call: ([dt]) => {
      try {
        defaultclock.dt = dt as never;
        G();
        run(STEPS);
      } finally {
        defaultclock.dt = ms(0.1);
      }
    },
  },
  'new Network': {
    args: [lazy('G', G), v({ name: 'net' })],
    options: {},
    call: (args) => {
      new Network(...(args as never[])).run(STEPS);
    },
  },
  'new Equations': {
    args: [v('dv/dt = -v/tau : volt'), v({ tau: ms(10) })],
    options: {},
    call: ([text, substitutions]) => {
      new NeuronGroup(2, new Equations(text as string, substitutions as never), { method: 'euler' });
      run(STEPS);
    },
  },
  timestep: {
    args: [v(ms(1)), v(ms(0.1))],
    options: {},
    call: ([t, dt]) => void timestep(t as never, dt as never),
  },
  'G.v = …': {
    args: [v(mV(-60))],
    options: {},
    call: ([value]) => {
      const g = G();
      (g as unknown as Record<string, unknown>).v = value;
      (g as unknown as Record<string, unknown>).k = value;
      run(STEPS);
    },
  },
  'S.delay = …': {
    args: [v(ms(1))],
    options: {},
    call: ([value]) => {
      const g = G();
      const S = new Synapses(g, g, { onPre: 'v_post += 1*mV' });
      S.connect({ condition: 'i != j' });
      (S as unknown as Record<string, unknown>).delay = value;
      run(STEPS);
    },
  },
  'G.v.at / G[key]': {
    args: [v(1), v('v')],
    options: {},
    call: ([index, key]) => {
      const g = G() as unknown as Record<string, { at(i: unknown): unknown }>;
      if (typeof key === 'string') void g[key];
      g.v.at(index);
    },
  },
};

const ALL_KEYS = (api: Api) => Object.keys(api.options);

/** Options of one API: a valid subset, then corruptions. */
function optionsOf(api: Api): fc.Arbitrary<{ text: string; make: () => unknown }> {
  const keys = ALL_KEYS(api);
  const base = keys.length
    ? fc
        .subarray(keys, { maxLength: Math.min(4, keys.length) })
        .chain((chosen) =>
          fc.tuple(...chosen.map((k) => fc.constantFrom(...api.options[k]).map((val) => [k, val] as const))),
        )
    : fc.constant([] as (readonly [string, Value])[]);
  const corruption = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('x'), anyValue)
        .map(([k, val]) => ({ set: [k, val] as const })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(keys.length ? keyNoise(keys) : fc.constant('x'), anyValue)
        .map(([k, val]) => ({ set: [k, val] as const })),
    },
    { weight: 1, arbitrary: anyValue.map((whole) => ({ whole })) },
  );
  return fc.tuple(base, fc.array(corruption, { maxLength: 3 })).map(([entries, corruptions]) => {
    const list: (readonly [string, Value])[] = [...entries];
    let whole: Value | undefined;
    for (const c of corruptions) {
      if ('whole' in c) whole = c.whole;
      else list.push(c.set);
    }
    const text = whole
      ? whole.text
      : `{ ${list.map(([k, val]) => `${JSON.stringify(k)}: ${val.text}`).join(', ')} }`;
    return {
      text,
      make: () => (whole ? whole.make() : Object.fromEntries(list.map(([k, val]) => [k, val.make()]))),
    };
  });
}

/** The positional arguments, one of them sometimes replaced (or one more given). */
function argsOf(api: Api): fc.Arbitrary<{ text: string; make: () => unknown[] }> {
  const n = api.args.length;
  return fc.tuple(fc.nat({ max: n + 3 }), anyValue).map(([k, value]) => {
    const values = [...api.args];
    if (k < n) values[k] = value;
    return {
      text: values.map((x) => x.text).join(', '),
      make: () => values.map((x) => x.make()),
    };
  });
}

export const cases: fc.Arbitrary<FuzzCase> = fc
  .constantFrom(...Object.keys(APIS))
  .chain((name) => fc.tuple(fc.constant(name), argsOf(APIS[name]), optionsOf(APIS[name])))
  .map(([name, args, options]) => ({
    label: `${name}(${args.text}${args.text ? ', ' : ''}${options.text})`.slice(0, 600),
    run: () => APIS[name].call(args.make(), options.make()),
  }));
