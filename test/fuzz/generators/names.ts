import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { resetDevice } from '../../../src/devices/active.ts';
import {
  BinomialFunction,
  Clock,
  Cylinder,
  cm,
  EventMonitor,
  Hz,
  implementation,
  linkedVar,
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
  Soma,
  SpatialNeuron,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  setDevice,
  siemens,
  startScope,
  store,
  TimedArray,
  um,
  volt,
} from '../../../src/index.ts';
import type { CaseContext, FuzzCase } from '../harness/case.ts';
import { hostileText } from '../harness/payloads.ts';
import { show } from '../harness/show.ts';
import { fuzzGroup, namespace } from './model.ts';

/**
 * Name fuzzing: hostile and borderline names in every place a name is given — objects, clocks,
 * networks, TimedArrays, functions, pathways, custom events, namespace keys, variables in
 * equations and monitors, snapshots, schedule slots, morphology sections. Each case builds a
 * small network with the name in one place and runs it for one step on the runtime device
 * (JavaScript and C++ kernels scanned); one in ten is also recorded on a
 * cpp_standalone device and the project written (not compiled), and all its files scanned.
 */

/** Names a generator might print as they are: valid identifiers that are keywords or globals somewhere. */
const TRICKY = [
  'for',
  'class',
  'int',
  'double',
  'NAN',
  'INFINITY',
  'main',
  'std',
  'delete',
  'new',
  'this',
  'arguments',
  'eval',
  'constructor',
  '__proto__',
  'toString',
  'prototype',
  'Object',
  'Math',
  'Array',
  '_brian',
  '_arrays',
  '_user',
  '_rng',
  'globalThis',
  'process',
  'require',
  'system',
  'brian',
  'neurongroup',
  'spike',
  'N',
  't',
  'dt',
  'i',
  'v',
  'x_pre',
  'lastspike',
  'not_refractory',
  'xi',
  'True',
  '_',
  '__',
  'a'.repeat(5000),
  'ÿ',
  'K',
  'k',
  'spikes',
  'rates',
];

export const names: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY).map((s) => `${s}*`) },
  { weight: 1, arbitrary: fc.stringMatching(/^[_A-Za-z][_A-Za-z0-9]{0,12}\*?$/) },
);

/** One step: every kernel is generated, compiled and run once. */
const STEPS = ms(0.1);
const G = () => fuzzGroup({ threshold: 'v > Vt', reset: 'v = El' });

const SLOTS: Record<string, (name: string) => void> = {
  'NeuronGroup name': (name) => void fuzzGroup({ name, threshold: 'v > Vt', reset: 'v = El' }),
  'Synapses name': (name) => {
    const g = G();
    new Synapses(g, g, { name, onPre: 'v_post += 1*mV' }).connect({ condition: 'i != j' });
  },
  'StateMonitor name': (name) => void new StateMonitor(G(), 'v', { record: true, name }),
  'SpikeMonitor name': (name) => void new SpikeMonitor(G(), { name }),
  'PopulationRateMonitor name': (name) => void new PopulationRateMonitor(G(), { name }),
  'PoissonGroup name': (name) => void new PoissonGroup(2, Hz(100), { name }),
  'SpikeGeneratorGroup name': (name) => void new SpikeGeneratorGroup(2, [0, 1], ms([0, 0.1]), { name }),
  'PoissonInput name': (name) => void new PoissonInput(G(), 'v', 5, Hz(10), mV(0.1), { name }),
  'TimedArray name': (name) => {
    const ta = new TimedArray(mV([1, 2]), { dt: ms(0.1), name });
    new NeuronGroup(2, 'y = ta(t) : volt', { namespace: { ta } });
  },
  'BinomialFunction name': (name) => {
    const b = new BinomialFunction(10, 0.5, { name });
    new NeuronGroup(2, 'y : 1', { namespace: { b } }).runRegularly('y = b()', { dt: ms(0.1) });
  },
  'Clock name': (name) => void fuzzGroup({ clock: new Clock(ms(0.1), name) }),
  'runRegularly name': (name) => void G().runRegularly('x += 1', { dt: ms(0.1), name }),
  'networkOperation name': (name) => {
    G();
    networkOperation(() => {}, { dt: ms(0.1), name });
  },
  'function name': (name) => {
    const f = implementation({
      name,
      args: [volt],
      result: volt,
      js: (x) => x,
      cpp: { code: `static inline double ${name.replace(/\W/g, '_')}(double x) { return x; }` },
    });
    new NeuronGroup(2, `y = ${name}(1*mV) : volt`, { namespace: { [name]: f } });
  },
  'namespace key': (name) => {
    new NeuronGroup(2, `y = ${name} : 1`, { namespace: { [name]: 2 } });
  },
  'namespace key (unused)': (name) => void fuzzGroup({ namespace: { ...namespace(), [name]: mV(1) } }),
  'run namespace key': (name) => {
    new NeuronGroup(2, `y = ${name} : 1`);
    run(STEPS, { namespace: { [name]: 3 } });
  },
  'onPre pathway': (name) => {
    const g = G();
    new Synapses(g, g, { onPre: { [name]: 'v_post += 1*mV' }, delay: { [name]: ms(0.1) } }).connect();
  },
  multisynapticIndex: (name) => {
    const g = G();
    new Synapses(g, g, { multisynapticIndex: name, onPre: 'v_post += 1*mV' }).connect({ n: 2 });
  },
  'custom event': (name) => {
    const g = fuzzGroup({ events: { [name]: 'v > Vt' } });
    new EventMonitor(g, name, { variables: ['v'] });
  },
  'equation variable': (name) =>
    void new NeuronGroup(2, `d${name}/dt = -${name}/(10*ms) : 1\n${name}_2 : volt`),
  'StateMonitor variable': (name) => void new StateMonitor(G(), [name], { record: true }),
  'SpikeMonitor variable': (name) => void new SpikeMonitor(G(), { variables: [name] }),
  'PoissonInput target variable': (name) => void new PoissonInput(G(), name, 5, Hz(10), mV(0.1)),
  'store/restore name': (name) => {
    G();
    store(name);
    run(STEPS);
    restore(name);
  },
  'schedule slot (when)': (name) => void new SpikeMonitor(G(), { when: name }),
  'method name': (name) => void fuzzGroup({ method: name }),
  'Network name': (name) => {
    new Network(G(), { name }).run(STEPS);
  },
  'network schedule slot': (name) => {
    const net = new Network(G(), new SpikeMonitor(G(), { when: name }));
    net.schedule = ['start', 'groups', 'thresholds', name, 'synapses', 'resets', 'end'];
    net.run(STEPS, { profile: true });
  },
  'linkedVar variable': (name) => {
    const H = new NeuronGroup(2, 'y : 1 (linked)');
    (H as unknown as Record<string, unknown>).y = linkedVar(G(), name);
  },
  'setStates key': (name) => {
    const net = new Network(G());
    net.setStates({ neurongroup: { [name]: [1, 2, 3] } } as never);
    net.run(STEPS);
  },
  'morphology section': (name) => {
    const morpho = new Soma(um(20)) as unknown as Record<string, unknown>;
    morpho[name] = new Cylinder({ diameter: um(1), length: um(50), n: 3 });
    new SpatialNeuron(morpho as never, 'Im = gL*(EL - v) : amp/meter**2', {
      namespace: { gL: siemens(1e-4).div(cm.pow(2)), EL: mV(-70) },
    });
  },
};

/** A model with the name in `slot`, run for one step (where the slot did not run it itself). */
function build(slot: string, name: string): void {
  SLOTS[slot](name);
  run(STEPS);
}

/**
 * The same model recorded on a cpp_standalone device and written as a project (not compiled):
 * every file goes to the scan (Makefile as make input, everything else as C++).
 */
function writeStandalone(slot: string, name: string, ctx: CaseContext): void {
  const directory = join(ctx.scratch, 'project');
  const device = setDevice('cpp_standalone', { directory, buildOnRun: false });
  try {
    startScope();
    build(slot, name);
    device.build({ directory, compile: false });
    for (const file of walk(directory)) {
      if (file.includes(`${join(directory, 'brianlib')}`) || file.includes('static_arrays')) continue;
      const text = readFileSync(file, 'utf8');
      ctx.extraSources.push({ language: file.endsWith('Makefile') ? 'make' : 'cpp', text });
    }
  } finally {
    // The project folder stays for the next case: unchanged files (brianlib) are not written again.
    device.reinit();
    resetDevice({ target: 'js' });
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export const cases: fc.Arbitrary<FuzzCase> = fc
  .record({
    slot: fc.constantFrom(...Object.keys(SLOTS)),
    name: names,
    standalone: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  })
  .map(({ slot, name, standalone }) => ({
    label: `${slot} ${show(name)}${standalone ? ' (and a standalone project)' : ''}`,
    run: (ctx) => {
      build(slot, name);
      if (standalone) writeStandalone(slot, name, ctx);
    },
  }));
