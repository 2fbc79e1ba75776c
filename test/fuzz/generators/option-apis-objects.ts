import {
  BinomialFunction,
  Clock,
  EventMonitor,
  Hz,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  PoissonInput,
  PopulationRateMonitor,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  TimedArray,
} from '../../../src/index.ts';
import { fuzzGroup, MODEL, namespace } from './model.ts';
import { constant, type Value } from './option-values.ts';

/** The public constructors of the option fuzzer (options.ts): a valid call of each, by name. */

/** One step: every kernel is generated, compiled and run once. */
export const STEPS = ms(0.1);
/** A constant value, shown as itself. */
export const v = (x: unknown, text?: string) => constant(x, text);
/** A value made when the case runs (objects of its scope), shown as `text`. */
export const lazy = (text: string, make: () => unknown): Value => ({ text, make });

/** One fuzzed call: its valid arguments and options and how to make the call. */
export interface Api {
  /** Valid values of each option (the corruptions replace some). */
  readonly options: Record<string, readonly Value[]>;
  /** Valid positional arguments (before the options). */
  readonly args: readonly Value[];
  /** The call, with the arguments and options made. */
  call(args: unknown[], options: unknown): void;
}

/** A spiking group of the fuzz model. */
export const G = () => fuzzGroup({ threshold: 'v > Vt', reset: 'v = El' });
/** Code strings as values. */
export const code = (...xs: string[]) => xs.map((x) => v(x));

export const OBJECT_APIS: Record<string, Api> = {
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
};
