import { resetDevice } from '../../../src/devices/active.ts';
import {
  Clock,
  defaultclock,
  Equations,
  implementation,
  ms,
  mV,
  Network,
  NeuronGroup,
  networkOperation,
  restore,
  run,
  Synapses,
  seed,
  setDevice,
  store,
  timestep,
  volt,
} from '../../../src/index.ts';
import { fuzzGroup } from './model.ts';
import { type Api, code, G, lazy, STEPS, v } from './option-apis-objects.ts';

/** The calls and setters of the option fuzzer (options.ts): a valid call of each, by name. */
export const CALL_APIS: Record<string, Api> = {
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
