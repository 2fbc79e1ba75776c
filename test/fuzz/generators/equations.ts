import fc from 'fast-check';
import {
  Cylinder,
  cm,
  Equations,
  ms,
  mV,
  NeuronGroup,
  run,
  Soma,
  SpatialNeuron,
  Synapses,
  siemens,
  um,
} from '../../../src/index.ts';
import type { FuzzCase } from '../harness/case.ts';
import { show } from '../harness/show.ts';
import { grammarEquations, guessNamespace, mutatedEquations } from './equation-text.ts';

/**
 * Equation fuzzing: mutated real models and grammar-made ones (equation-text.ts) as the model
 * of a NeuronGroup (as text or an Equations object) or of Synapses, with each integration
 * method, created and run for one step on the runtime device.
 */

const METHODS = [
  undefined,
  undefined,
  'euler',
  'rk2',
  'rk4',
  'heun',
  'milstein',
  'exponential_euler',
  'exact',
  'linear',
  'independent',
  'gsl_rk2',
  ['exact', 'euler'],
  'foo',
  '',
];

/** One step: every kernel is generated, compiled and run once. */
const STEPS = ms(0.1);

const TARGET_MODEL = `
dv/dt = -v/tau : volt
I : amp
Igap : 1
x : 1
Ic : amp
Im : amp
`;

const CONTEXTS: Record<
  string,
  (eqs: string, method: string | string[] | undefined, spikes: boolean) => void
> = {
  NeuronGroup: (eqs, method, spikes) => {
    new NeuronGroup(3, eqs, {
      method,
      namespace: guessNamespace(eqs),
      ...(spikes ? { threshold: 'rand() < 0.5', refractory: ms(0.1) } : {}),
    });
    run(STEPS);
  },
  'NeuronGroup(Equations)': (eqs, method) => {
    new NeuronGroup(2, new Equations(eqs), { method, namespace: guessNamespace(eqs) });
    run(STEPS);
  },
  // The corpus has multicompartment models (Im = … : amp/meter**2): a small SpatialNeuron.
  SpatialNeuron: (eqs, method, spikes) => {
    const morpho = new Soma(um(20)) as unknown as Record<string, unknown>;
    morpho.dend = new Cylinder({ diameter: um(1), length: um(50), n: 3 });
    // a membrane current of its own where the model has none (most corpus models are point neurons)
    const model = /\bIm\b/.test(eqs) ? eqs : `Im = gL*(EL - v) + 0*amp/meter**2 : amp/meter**2\n${eqs}`;
    new SpatialNeuron(morpho as never, model, {
      method,
      namespace: { ...guessNamespace(eqs), gL: siemens(1e-4).div(cm.pow(2)), EL: mV(-70) },
      ...(spikes ? { threshold: 'v > -50*mV', refractory: ms(0.1) } : {}),
    });
    run(STEPS);
  },
  Synapses: (eqs, method, spikes) => {
    const G = new NeuronGroup(3, TARGET_MODEL, { namespace: { tau: ms(10) }, threshold: 'rand() < 0.5' });
    const S = new Synapses(G, G, {
      model: eqs,
      method,
      namespace: guessNamespace(eqs),
      ...(spikes ? { onPre: 'v_post += 0.1*mV', onPost: 'x_pre += 1' } : {}),
    });
    S.connect({ condition: 'i != j' });
    run(STEPS);
  },
};

export const cases: fc.Arbitrary<FuzzCase> = fc
  .record({
    eqs: fc.oneof({ weight: 3, arbitrary: mutatedEquations }, { weight: 2, arbitrary: grammarEquations }),
    where: fc.constantFrom(...Object.keys(CONTEXTS)),
    method: fc.constantFrom(...METHODS),
    spikes: fc.boolean(),
  })
  .map(({ eqs, where, method, spikes }) => ({
    label: `${where} method ${show(method)}${spikes ? ' with spikes' : ''}: ${show(eqs, 600)}`,
    run: () => CONTEXTS[where](eqs, method, spikes),
  }));
