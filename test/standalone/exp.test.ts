import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, NeuronGroup, run } from '../../src/index.ts';
import { onEachDevice, STANDALONE_SKIP } from './devices.ts';

/**
 * `exp` is computed by brian-ts's own table-driven implementation on both devices
 * (src/devices/runtime/exp.ts and brianlib's `_brian_exp`, generated tables): the same bits
 * for every input, from the subnormal range to overflow, NaN and ±∞ included.
 */
function inputs(): number[] {
  const xs = [0, -0, 1, -1, Number.NaN, Infinity, -Infinity, 709.782712893384, 709.79, -708.3964185322641];
  xs.push(-745.1332191019411, -745.2, -746, 710, 1e-300, -1e-300, Math.LN2 / 128, -Math.LN2 / 128);
  let seed = 12345;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = 0; k < 4000; k++) xs.push((rnd() - 0.5) * 40);
  for (let k = 0; k < 4000; k++) xs.push(-750 + rnd() * 1465);
  for (let k = 0; k < 1000; k++) xs.push((rnd() - 0.5) * 1e-3);
  return xs;
}

test('exp gives the same bits in C++ as in JavaScript', { skip: STANDALONE_SKIP }, () => {
  const xs = inputs();
  const program = () => {
    const G = new NeuronGroup(xs.length, 'x : 1\ny : 1');
    G.x = xs;
    G.runRegularly('y = exp(x)');
    run(ms(0.1));
    return Array.from(G.y_ as ArrayLike<number>);
  };
  const { runtime, standalone } = onEachDevice('exp bits', program);
  xs.forEach((x, k) => {
    const [r, s] = [runtime[k], standalone[k]];
    assert.ok(
      Object.is(r, s) || (Number.isNaN(r) && Number.isNaN(s)),
      `exp(${x}): C++ ${s}, JavaScript ${r}`,
    );
  });
});
