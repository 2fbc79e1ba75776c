import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDevice } from '../../src/devices/active.ts';
import type { RuntimeDevice } from '../../src/devices/runtime/runtime-device.ts';
import { defaultclock, Network, NeuronGroup, startScope } from '../../src/index.ts';

/**
 * A float as a 32-bit integer, whether `int(f)` in a float expression or a float assigned to an
 * integer variable: truncated toward zero, and -2^31 for NaN, ±Inf and values outside the int32
 * range, as Brian 2.5.1 gives (numpy target: `k = f_nan`, `k = f_inf`, `k = f_big` all
 * -2147483648; test/reference/arithmetic_semantics.json). The same on every kernel: the 10-neuron
 * group runs scalar JavaScript, the 300-neuron one the SIMD loop, and the test's second pass
 * (BRIAN_RUNTIME_TARGET=cpp) compiled C++.
 */
const INPUTS = [Number.NaN, Infinity, -Infinity, 2.5e9, -2.5e9, 2147483647.9, -2147483648.9, -0.5, 2.7, -2.7];
const EXPECTED = [
  -2147483648, -2147483648, -2147483648, -2147483648, -2147483648, 2147483647, -2147483648, 0, 2, -2,
];

for (const size of [10, 300]) {
  test(`int() of floats and floats stored as integers, ${size} neurons`, () => {
    startScope();
    const G = new NeuronGroup(size, 'f : 1\nx : 1\nk : integer\ny : 1');
    G.f = Float64Array.from({ length: size }, (_, n) => INPUTS[n % INPUTS.length]);
    // int() in float expressions: a SIMD loop at 300 neurons on JavaScript kernels; integer
    // variables never are (so `k = f` is an operation of its own).
    G.runRegularly('x = int(f)\ny = int(f) + 0.25', { dt: defaultclock.dt });
    G.runRegularly('k = f', { dt: defaultclock.dt });
    new Network(G).run(defaultclock.dt, { checkFinite: false });
    const targets = (getDevice() as RuntimeDevice).kernelTargets;
    if (size === 300 && process.env.BRIAN_RUNTIME_TARGET !== 'cpp')
      assert.equal(targets.get('neurongroup_run_regularly'), 'wasm');
    const x = G.x_ as Float64Array;
    const k = G.k as ArrayLike<number>;
    const y = G.y_ as Float64Array;
    for (let n = 0; n < size; n++) {
      const want = EXPECTED[n % INPUTS.length];
      // int(-0.5) is +0 on JavaScript kernels (scalar and SIMD); compiled C++ may give -0, where
      // g++ folds (double)(int)x into trunc(x) under -fno-trapping-math: compared with ===.
      assert.ok(x[n] === want, `x[${n}] = int(${INPUTS[n % INPUTS.length]}): ${x[n]}, want ${want}`);
      assert.equal(Number(k[n]), want, `k[${n}] = ${INPUTS[n % INPUTS.length]}`);
      assert.equal(y[n], want + 0.25, `y[${n}]`);
    }
  });
}

test('a float that does not fit in an integer variable is refused when set as a value', () => {
  startScope();
  const G = new NeuronGroup(2, 'k : integer');
  for (const bad of [Number.NaN, Infinity, 2.5e9, -2147483649]) {
    assert.throws(
      () => {
        G.k = bad;
      },
      { code: 'bad_argument', message: /Cannot set neurongroup\.k to .*integer variable/ },
    );
    assert.throws(
      () => {
        G.k = [1, bad];
      },
      { code: 'bad_argument' },
    );
  }
  // Nothing was written by the refused assignments.
  assert.deepEqual(Array.from(G.k as ArrayLike<number>, Number), [0, 0]);
  G.k = 2147483647.5;
  G.k = [-2.7, 2.7];
  assert.deepEqual(Array.from(G.k as ArrayLike<number>, Number), [-2, 2]);
});
