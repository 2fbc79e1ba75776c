import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import { arrayFileName } from '../../src/devices/standalone/array-declarations.ts';
import {
  BinomialFunction,
  Clock,
  Cylinder,
  Equations,
  Hz,
  implementation,
  ms,
  NeuronGroup,
  PoissonGroup,
  PoissonInput,
  restore,
  run,
  Soma,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  setDevice,
  startScope,
  store,
  TimedArray,
  um,
  volt,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

/**
 * Bugs the fuzz suite (test/fuzz) found, one test each with the smallest input that showed it.
 * Each was an uncoded exception, a crash or a hang; each is now accepted or a coded error.
 */

// biome-ignore lint/suspicious/noExplicitAny: scripts without a type checker pass such values
const js = (x: unknown) => x as any;

test('rk2/heun with a shared parameter and refractoriness: the kernel loaded it twice (SyntaxError)', () => {
  startScope();
  const G = new NeuronGroup(2, 'dv/dt = freq : 1\nfreq : Hz (shared)', {
    method: 'rk2',
    threshold: 'rand() < 0.5',
    refractory: ms(0.1),
  });
  js(G).freq = '100*Hz';
  const M = new StateMonitor(G, 'v', { record: true });
  run(ms(0.3));
  assert.deepEqual(Array.from(M.v_[0]), [0, 0.01, 0.02]);
});

test('connect(): range()/sample() arguments that name the iteration variable (ReferenceError in the kernel)', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  const S = new Synapses(G, G);
  // Brian: "The 'high' argument of the range function depends on the loop variable k."
  throwsCode(() => S.connect({ j: 'k for k in range(k)' }), 'bad_argument');
  throwsCode(() => S.connect({ j: 'k for k in sample(3, p=k)' }), 'bad_argument');
  S.connect({ j: 'k for k in range(i, 3)' });
  assert.equal(S.N, 6);
});

test('connect(): a zero step of range() or sample() never ended (hang)', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  for (const j of [
    'k for k in range(3, 0, 0)',
    'k for k in range(0, 3, 0)',
    'k for k in sample(3, 0, 0, p=0.5)',
    'k for k in sample(3, 0, 0, size=2)',
  ]) {
    throwsCode(() => new Synapses(G, G).connect({ j }), 'bad_argument');
  }
});

test('connect(): more than 2^31 - 1 synapses is refused before any is made (hang, then RangeError)', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  const S = new Synapses(G, G);
  throwsCode(() => S.connect({ n: 2 ** 31 }), 'bad_argument');
  throwsCode(() => S.connect({ i: [0], j: [1], n: 2 ** 31 }), 'bad_argument');
  assert.equal(S.N, 0);
});

test('a Synapses source that only looks like a group (TypeError inside)', () => {
  startScope();
  const G = new NeuronGroup(2, 'v : 1');
  throwsCode(() => new Synapses(js({ variables: {}, N: 1, codeScope: {} }), G), 'bad_argument');
  throwsCode(() => new SpikeMonitor(js({ variables: {}, N: 1, codeScope: {} })), 'bad_argument');
});

test('a schedule slot with a line break (TypeError in the slot lookup)', () => {
  for (const when of ['\nx', 'thresholds\n', 'before_', '', '\u2028']) {
    startScope();
    new SpikeMonitor(new NeuronGroup(1, 'v : 1', { threshold: 'v > 1' }), { when });
    throwsCode(() => run(ms(0.1)), 'bad_argument');
  }
});

test('BinomialFunction with approximate: false where (1-p)^n underflows looped forever (hang)', () => {
  startScope();
  throwsCode(() => new BinomialFunction(2 ** 31, 0.3, { approximate: false }), 'bad_argument');
  throwsCode(() => new BinomialFunction(3000, 0.7, { approximate: false }), 'bad_argument');
  // still exact where the inversion works, and the default approximates
  const exact = new BinomialFunction(1000, 0.3, { approximate: false });
  assert.ok(exact.sample() >= 0);
  new BinomialFunction(2 ** 31, 0.3);
});

test('implementation(spec): a missing or malformed spec (TypeError reading spec.name)', () => {
  for (const spec of [null, undefined, 5, 'f', []])
    throwsCode(() => implementation(js(spec)), 'bad_argument');
  const ok = { name: 'f', args: [volt], result: volt };
  throwsCode(() => implementation(js({ ...ok, js: 5 })), 'bad_argument');
  throwsCode(() => implementation(js({ ...ok, js: (x: number) => x, colour: 1 })), 'unknown_option');
  implementation({ ...ok, js: (x: number) => x });
});

test('G.v.at() with an index that cannot be printed (TypeError building the message)', () => {
  startScope();
  const G = js(new NeuronGroup(2, 'v : 1'));
  throwsCode(() => G.v.at(Object.create(null)), 'bad_argument');
  throwsCode(() => G.v.at([Symbol('s')]), 'bad_argument');
  throwsCode(() => G.v.get([Symbol('s')]), 'bad_argument');
});

test('standalone: a 5000-character object name made file names too long (ENAMETOOLONG)', () => {
  const long = `_array_${'a'.repeat(5000)}_v`;
  assert.ok(arrayFileName(long).length <= 120);
  assert.notEqual(arrayFileName(`${long}x`), arrayFileName(long));
  assert.equal(arrayFileName('_array_neurongroup_v'), '_array_neurongroup_v');
  const directory = mkdtempSync(join(tmpdir(), 'brian-ts-long-name-'));
  try {
    const device = setDevice('cpp_standalone', { directory, buildOnRun: false });
    startScope();
    const G = new NeuronGroup(2, 'v : 1', { name: 'a'.repeat(5000) });
    js(G).v = [1, 2];
    new StateMonitor(G, 'v', { record: true });
    run(ms(0.1));
    device.build({ directory, compile: false });
    assert.ok(readdirSync(join(directory, 'static_arrays')).length > 0);
    assert.ok(existsSync(join(directory, 'main.cpp')));
    device.reinit();
  } finally {
    resetDevice();
    startScope();
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a quantity raised to an infinite power in model code (RangeError from Dimension.pow)', () => {
  startScope();
  const G = new NeuronGroup(1, 'y = (8*mV)**inf : 1 (constant over dt)\nv : 1');
  new StateMonitor(G, 'y', { record: true });
  throwsCode(() => run(ms(0.1)), 'dimension_mismatch');
  assert.throws(() => ms(1).pow(Number.POSITIVE_INFINITY), { code: 'dimension_mismatch' });
});

test('setting a variable from an object without a prototype (TypeError building the message)', () => {
  startScope();
  const G = js(new NeuronGroup(2, 'v : 1'));
  throwsCode(() => {
    G.v = Object.create(null);
  }, 'bad_argument');
});

test('store()/restore() with a name that is not a string (TypeError building the message)', () => {
  startScope();
  new NeuronGroup(1, 'v : 1');
  throwsCode(() => store(js(Symbol('s'))), 'bad_argument');
  throwsCode(() => restore(js(Object.create(null))), 'bad_argument');
  throwsCode(() => restore('default', js(5)), 'bad_argument');
  throwsCode(() => restore('default', undefined, js({ restoreRandomstate: true })), 'unknown_option');
  store('s');
  restore('s');
});

test('groups of 2^31 or more elements (minutes of allocation, a hang)', () => {
  startScope();
  throwsCode(() => new NeuronGroup(2 ** 31, 'v : 1'), 'bad_argument');
  throwsCode(() => new SpikeGeneratorGroup(2 ** 31, [0], ms([1])), 'bad_argument');
  throwsCode(() => new PoissonGroup(2 ** 31, Hz(1)), 'bad_argument');
});

test('a morphology subtree named __proto__ (or toString, n…) replaced the prototype (RangeError later)', () => {
  for (const name of ['__proto__', 'toString', 'constructor', 'n']) {
    const morpho = js(new Soma(um(20)));
    throwsCode(() => {
      morpho[name] = new Cylinder({ diameter: um(1), length: um(50), n: 3 });
    }, 'bad_argument');
  }
  const morpho = js(new Soma(um(20)));
  morpho.setSubtree('__proto__', new Cylinder({ diameter: um(1), length: um(50), n: 3 }));
  morpho.dend = new Cylinder({ diameter: um(1), length: um(50), n: 2 });
  assert.equal(morpho.subtree('__proto__').n, 3);
  assert.equal(morpho.dend.n, 2);
});

test('values without a string form (null prototype, symbols) in arguments: messages used String() (TypeError)', () => {
  startScope();
  const bare = Object.create(null);
  const G = new NeuronGroup(2, 'v : volt');
  throwsCode(() => new Clock(js(bare)), 'bad_argument');
  throwsCode(() => new PoissonInput(G, 'v', 5, Hz(10), js(bare)), 'bad_argument');
  throwsCode(() => new TimedArray(js(bare), { dt: ms(1) }), 'bad_argument');
  throwsCode(() => new TimedArray(js([Symbol('s')]), { dt: ms(1) }), 'bad_argument');
  throwsCode(() => setDevice(js(bare)), 'bad_argument');
});

test('new Equations() with something else than text (TypeError: lines is not iterable)', () => {
  for (const bad of [null, 5, NaN, [1, 2], {}, [undefined]])
    throwsCode(() => new Equations(js(bad)), 'bad_argument');
  throwsCode(() => new Equations('v : 1', js(5)), 'bad_argument');
  throwsCode(() => new Equations('v : 1').add(js(5)), 'bad_argument');
  assert.deepEqual(new Equations('v : 1').add('w : 1').names, ['v', 'w']);
});

test("connect({ n: '2**40' }): integers are 32-bit in kernels, so the count wrapped to 0 synapses silently", () => {
  startScope();
  const G = new NeuronGroup(3, 'v : 1');
  for (const n of ['2**40', '2**31 + 1', '-1', '1e10']) {
    throwsCode(() => new Synapses(G, G).connect({ n }), 'bad_argument');
  }
  // Not constant: the kernel refuses a negative count (it made no synapse for that pair).
  throwsCode(() => new Synapses(G, G).connect({ n: 'i - 1' }), 'bad_argument');
  const S = new Synapses(G, G);
  S.connect({ n: 'j + 1' });
  assert.equal(S.N, 18);
});
