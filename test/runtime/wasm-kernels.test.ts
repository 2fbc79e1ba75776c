/**
 * State updates as WebAssembly SIMD (compiler/4-generate/wasm, devices/runtime/simd-kernels.ts):
 * every model here runs twice on the runtime device with JavaScript kernels, with `simd` on and
 * off, and must give the same values to the bit, for groups of odd and even size (the SIMD loop
 * does two neurons at a time). What cannot run as SIMD says why in `kernelTargets`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDevice, resetDevice } from '../../src/devices/active.ts';
import type { RuntimeDevice } from '../../src/devices/runtime/runtime-device.ts';
import { ms, Network, NeuronGroup, SpikeMonitor, seed, setDevice, startScope } from '../../src/index.ts';
import { cobahhGroup } from './cobahh-group.ts';
import { refractoryLif } from './refractory-lif.ts';

interface Outcome {
  readonly values: Record<string, Float64Array>;
  readonly spikes: Float64Array;
  readonly indices: Float64Array;
  readonly targets: ReadonlyMap<string, string>;
}

/** A model: its group, the variables to compare, and whether it spikes (then spike times are compared too). */
type Build = () => { group: NeuronGroup; read: string[]; spiking?: boolean };

function simulate(simd: boolean, build: Build, duration = 50): Outcome {
  setDevice('runtime', { target: 'js', simd });
  startScope();
  seed(2024);
  const { group, read, spiking } = build();
  const monitor = spiking ? new SpikeMonitor(group) : undefined;
  // NaN is a value under test here, not an error to report.
  new Network(group, ...(monitor ? [monitor] : [])).run(ms(duration), { checkFinite: false });
  const device = getDevice() as unknown as RuntimeDevice;
  const targets = new Map(device.kernelTargets);
  const values: Record<string, Float64Array> = {};
  for (const name of read) {
    values[name] = Float64Array.from(group.getStates([name], { units: false })[name] as ArrayLike<number>);
  }
  const spikes = Float64Array.from((monitor?.t_ ?? []) as ArrayLike<number>);
  const indices = Float64Array.from((monitor?.i ?? []) as ArrayLike<number>);
  resetDevice();
  return { values, spikes, indices, targets };
}

/** Equal element by element as Object.is sees it (NaN equals NaN, -0 differs from 0). */
function assertSameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let k = 0; k < actual.length; k++) {
    if (!Object.is(actual[k], expected[k]))
      assert.fail(`${what}[${k}]: ${actual[k]} (SIMD) vs ${expected[k]} (JS)`);
  }
}

function compare(build: Build, duration?: number): Outcome {
  const simd = simulate(true, build, duration);
  const js = simulate(false, build, duration);
  for (const name of Object.keys(js.values)) assertSameBits(simd.values[name], js.values[name], name);
  assertSameBits(simd.spikes, js.spikes, 'spike times');
  assertSameBits(simd.indices, js.indices, 'spike indices');
  for (const how of js.targets.values()) assert.doesNotMatch(how, /^wasm/, 'simd: false keeps JavaScript');
  return simd;
}

function updater(targets: ReadonlyMap<string, string>, role = 'stateupdater'): string | undefined {
  return [...targets].find(([name]) => name.endsWith(role))?.[1];
}

function lif(n: number): Build {
  return () => ({ group: refractoryLif(n), read: ['v', 'ge', 'lastspike', 'not_refractory'], spiking: true });
}

describe('SIMD state updates', () => {
  for (const n of [1000, 1001, 258, 259]) {
    it(`give the JavaScript kernel's bits for a refractory LIF group of ${n}`, () => {
      const run = compare(lif(n), 100);
      assert.equal(updater(run.targets), 'wasm');
      assert.equal(updater(run.targets, 'thresholder'), "wasm: in neurongroup_stateupdater's loop");
      assert.ok(run.spikes.length > n / 2, `neurons fire (${run.spikes.length} spikes)`);
    });
  }

  it('map every operation they accept exactly: division, comparisons, logic, selects, sqrt/abs/floor/ceil/int', () => {
    // z moves in steps of 0.125 around 0.5, so that every comparison with 0.5 is sometimes an equality.
    const flags = ['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'both', 'either', 'neither', 'same', 'flag'];
    const run = compare(() => {
      const group = new NeuronGroup(
        301,
        `dx/dt = (sqrt(abs(y)) - x / (1 + floor(z) - ceil(z) + 1)) / tau : 1
         dy/dt = -(y - int(z)) / tau : 1
         z : 1
         ${flags.map((f) => `${f} : boolean`).join('\n')}`,
        { method: 'euler', namespace: { tau: ms(7) } },
      );
      group.x = 'rand() * 4 - 2';
      group.y = 'rand() * 10 - 5';
      group.z = '0.125 * int(rand() * 9)';
      group.flag = 'rand() < 0.5';
      group.runRegularly(
        `lt = z < 0.5
         le = z <= 0.5
         gt = z > 0.5
         ge = z >= 0.5
         eq = z == 0.5
         ne = z != 0.5
         both = lt and flag
         either = gt or flag
         neither = not (eq or flag)
         same = flag == le
         flag = flag != (x > y)
         z = z + 0.125 * int(flag) - 0.125 * int(lt) + 0.125 * int(gt) * (int(y > 0) - 1.0)`,
        { dt: ms(1) },
      );
      return { group, read: ['x', 'y', 'z', ...flags] };
    });
    assert.equal(updater(run.targets), 'wasm');
    assert.equal(run.targets.get('neurongroup_run_regularly'), 'wasm');
    for (const f of flags.slice(0, 6)) {
      const set = run.values[f].reduce((a, b) => a + b, 0);
      assert.ok(set > 0 && set < 301, `${f} is true for some neurons and false for others (${set})`);
    }
  });

  it("compute exp() with the JavaScript kernel's bits, over its whole range and at its edges", () => {
    // Clamps (±∞, NaN, beyond ±710/746), subnormal and overflowing results, signed zeros,
    // multiples of ln2/64 (the reduction's steps) and their neighbours, and random arguments.
    const step = Math.LN2 / 64;
    const special = [Number.NaN, Infinity, -Infinity, 0, -0, 709.78, 709.79, 710, 711, -708.39, -708.4];
    special.push(-745.13, -745.14, -746, -747, 1e-300, -1e-300, 5e-324, 1, -1, 0.5, 700.5, -740.25);
    for (let k = -5; k <= 5; k++) special.push(k * step, k * step + 1e-12, k * 64 * step, -k * 1000 * step);
    const run = compare(() => {
      const group = new NeuronGroup(4000, 'x : 1\ny : 1\nz : 1', {});
      group.x = Float64Array.from({ length: 4000 }, (_, k) =>
        k < special.length ? special[k] : k % 2 ? (Math.sin(k) * 1500) % 760 : Math.cos(k) * 3,
      );
      group.runRegularly('y = exp(x)\nz = exp(-exp(x / 1000) * 2) * exp(x * 0.5)', { dt: ms(1) });
      return { group, read: ['y', 'z'] };
    }, 1);
    assert.equal(run.targets.get('neurongroup_run_regularly'), 'wasm');
    assert.ok(
      run.values.y.some((y) => y > 0 && y < 2.2250738585072014e-308),
      'some results are subnormal',
    );
    assert.ok(run.values.y.includes(Infinity), 'some results overflow');
  });

  it('run Hodgkin–Huxley neurons (ten exp() per neuron and step) with the same spikes and state', () => {
    const run = compare(() => {
      const group = cobahhGroup(1001);
      return { group, read: ['v', 'm', 'n', 'h', 'ge', 'gi'], spiking: true };
    }, 50);
    assert.equal(updater(run.targets), 'wasm');
    assert.ok(run.spikes.length > 100, `neurons fire (${run.spikes.length} spikes)`);
  });

  it("leave a subgroup's operations (a part of the arrays) to JavaScript, with the same results", () => {
    const run = compare(() => {
      const group = new NeuronGroup(600, 'dx/dt = -x / (5*ms) : 1', { method: 'exact' });
      group.x = 'i * 0.5';
      group.slice(100, 400).runRegularly('x = x * 0.75 + 1', { dt: ms(1) });
      group.slice(0, 300).runRegularly('x = x + 2', { dt: ms(1) });
      return { group, read: ['x'] };
    }, 5);
    const operations = [...run.targets].filter(([name]) => name.includes('run_regularly'));
    assert.equal(operations.length, 2, JSON.stringify([...run.targets]));
    for (const [name, how] of operations) assert.match(how, /^js: /, name);
    assert.equal(updater(run.targets), 'wasm');
  });

  it('carry NaN, infinities and signed zeros as JavaScript does', () => {
    compare(() => {
      const group = new NeuronGroup(260, 'dx/dt = (y - x) / (5*ms) : 1\ny : 1', { method: 'exact' });
      group.x = 'i * 1.0';
      // NaN (0/0), ±infinity (±n/0), ±0 and finite values
      group.y = '(i % 5 - 2.0) / (i % 3 - 1)';
      return { group, read: ['x', 'y'] };
    }, 5);
  });

  it('leave small groups, integers and random numbers to JavaScript, and say why', () => {
    const small = compare(lif(100), 10);
    assert.match(updater(small.targets) ?? '', /^js: .* not in WebAssembly memory/);
    const integer = compare(() => {
      const group = new NeuronGroup(300, 'dx/dt = -x / (5*ms) : 1\nk : integer', { method: 'exact' });
      group.x = 'i';
      group.runRegularly('k = k + 1', { dt: ms(1) });
      return { group, read: ['x'] };
    }, 5);
    assert.ok(
      [...integer.targets.values()].some((how) => /^js: integer k/.test(how)),
      JSON.stringify([...integer.targets]),
    );
    const noisy = compare(() => {
      const group = new NeuronGroup(300, 'dx/dt = -x / (5*ms) + xi / sqrt(5*ms) : 1', { method: 'euler' });
      return { group, read: ['x'] };
    }, 5);
    assert.equal(updater(noisy.targets), 'js: random numbers');
  });

  it('refuse a simd option that is not a boolean', () => {
    assert.throws(() => setDevice('runtime', { simd: 'yes' as unknown as boolean }), /simd/);
    resetDevice();
  });
});
