import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, NeuronGroup, run } from '../../src/index.ts';
import { lcg } from '../helpers/floats.ts';
import { onEachDevice, STANDALONE_SKIP } from './devices.ts';

/**
 * `exp`, `exprel` and `log` are brian-ts's own on both devices (src/core/math, brianlib's
 * `brian_math.h` with generated constants): the same bits for every input, subnormals, NaN and
 * ±∞ included.
 */
function expInputs(): number[] {
  const xs = [0, -0, 1, -1, Number.NaN, Infinity, -Infinity, 709.782712893384, 709.79, -708.3964185322641];
  xs.push(-745.1332191019411, -745.2, -746, 710, 1e-300, -1e-300, Math.LN2 / 128, -Math.LN2 / 128);
  const rnd = lcg(12345);
  for (let k = 0; k < 4000; k++) xs.push((rnd() - 0.5) * 40);
  for (let k = 0; k < 4000; k++) xs.push(-750 + rnd() * 1465);
  for (let k = 0; k < 1000; k++) xs.push((rnd() - 0.5) * 1e-3);
  return xs;
}

function exprelInputs(): number[] {
  const xs = [0, -0, 1, -1, Number.NaN, Infinity, -Infinity, 709.78, 709.79, 710, 717, -38, -745, -746, -800];
  xs.push(1e-300, -1e-300, 1e-8, -1e-8, 0.5, -0.5, Math.LN2 / 2, -Math.LN2 / 2, 20, -20, 700, -700);
  const rnd = lcg(4242);
  for (let k = 0; k < 3000; k++) xs.push((rnd() - 0.5) * 40);
  for (let k = 0; k < 2000; k++) xs.push(-750 + rnd() * 1465);
  for (let k = 0; k < 2000; k++) xs.push((rnd() - 0.5) * 10 ** (-16 * rnd()));
  return xs;
}

function logInputs(): number[] {
  const xs = [0, -0, 1, -1, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, Math.SQRT2];
  xs.push(2.2250738585072014e-308, 1.0000000000000002, 0.9999999999999999, 1e-300, 0.5, 2);
  const rnd = lcg(777);
  for (let k = 0; k < 3000; k++) xs.push(rnd() * 3);
  for (let k = 0; k < 3000; k++) xs.push(10 ** ((rnd() - 0.5) * 640));
  for (let k = 0; k < 1000; k++) xs.push(1 + (rnd() - 0.5) * 1e-6);
  return xs;
}

for (const [name, inputs] of [
  ['exp', expInputs],
  ['exprel', exprelInputs],
  ['log', logInputs],
] as const) {
  test(`${name} gives the same bits in C++ as in JavaScript`, { skip: STANDALONE_SKIP }, () => {
    const xs = inputs();
    const program = () => {
      const G = new NeuronGroup(xs.length, 'x : 1\ny : 1');
      G.x = xs;
      G.runRegularly(`y = ${name}(x)`);
      run(ms(0.1), { checkFinite: false }); // NaN and inf inputs on purpose
      return Array.from(G.y_ as ArrayLike<number>);
    };
    const { runtime, standalone } = onEachDevice(`${name} bits`, program);
    xs.forEach((x, k) => {
      const [r, s] = [runtime[k], standalone[k]];
      assert.ok(
        Object.is(r, s) || (Number.isNaN(r) && Number.isNaN(s)),
        `${name}(${x}): C++ ${s}, JavaScript ${r}`,
      );
    });
  });
}
