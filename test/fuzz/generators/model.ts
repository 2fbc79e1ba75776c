import {
  implementation,
  ms,
  mV,
  type Namespace,
  NeuronGroup,
  type NeuronGroupOptions,
  pA,
  pF,
  TimedArray,
  volt,
} from '../../../src/index.ts';

/**
 * The model the expression and option fuzzers put their input into: every kind of variable
 * (state, parameter, integer, boolean, subexpressions, refractoriness) and every kind of
 * external name (constants, a TimedArray, a user function with JavaScript and C++ code).
 */
export const MODEL = `
dv/dt = (El - v)/tau + I/C : volt (unless refractory)
dw/dt = -w/tau : 1
x : 1
k : integer
b : boolean
I : amp
g : siemens
xs = w + x : 1
vs = v - El : volt
`;

/** Made per case (a TimedArray and a user function are objects with names in the scope). */
export function namespace(): Namespace {
  return {
    tau: ms(10),
    El: mV(-70),
    Vt: mV(-50),
    C: pF(200),
    Ibias: pA(100),
    ta: new TimedArray([0, 0.5, 1, 0.25], { dt: ms(0.1) }),
    uf: implementation({
      name: 'uf',
      args: [volt],
      result: volt,
      js: (x) => 0.5 * x,
      cpp: { code: 'static inline double uf(double x) { return 0.5 * x; }' },
    }),
  };
}

/** A small group of the fuzz model, refractory for 1 ms, integrated with Euler (cheap, always applicable). */
export function fuzzGroup(options: NeuronGroupOptions = {}, model = MODEL, N = 3): NeuronGroup {
  return new NeuronGroup(N, model, {
    method: 'euler',
    refractory: ms(1),
    namespace: namespace(),
    ...options,
  });
}
