/**
 * Brian's examples/synapses/state_variables.py against Brian 2.5.1
 * (test/reference/example_state_variables.json).
 *
 * Covers: string setters that use the index `i`, the group size `N`, `pi`, `sin` and `randn()`;
 * all-to-all `connect()` (synapse order) and a string setter with a condition on synapses
 * (`S.w['i > j'] = 'exp(-(i - j)**2/space_constant) * mV'`, integer arithmetic on i, j and an external
 * constant). The example does not run the network, and neither does the test.
 *
 * randn(): brian-ts's generator is not numpy's, so the first test sets the same expression with
 * Brian's draws (recorded as `noise`, held in an extra parameter `noise`) in place of randn(); the
 * second sets the example's expression itself and checks the draws statistically.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NeuronGroup, Synapses, seed, startScope } from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_state_variables');
const m = ref.model;

test('state_variables.py: G.v and the w matrix match Brian 2.5.1 (Brian’s randn() draws)', () => {
  startScope();
  const G = new NeuronGroup(m.N, `${m.equations}\nnoise : 1 (constant)`, { threshold: m.threshold });
  G.noise = ref.noise;
  G.v = m.v_expression.replace('randn()', 'noise');
  // Brian evaluates a sympy rewrite of the expression (e.g. `mV` distributed over the sum): ≤ 4e-16
  // relative from the expression as written (measured by the Brian script), so 1e-15.
  assertClose(G.v_ as Float64Array, ref.v, 1e-15, 'G.v');

  const S = new Synapses(G, G, { model: m.synapse_model, onPre: m.on_pre, namespace: m.namespace });
  S.connect();
  S.w[m.w_condition] = m.w_expression;
  assert.equal(S.N, m.N * m.N);
  assert.deepEqual(Array.from(S.i), ref.syn_i);
  assert.deepEqual(Array.from(S.j), ref.syn_j);
  // w is exactly 0 where i <= j, and exp() of the same integer argument elsewhere (1e-15: 14 % of the
  // values differ in the last bit, ≤ 2.2e-16 relative: sympy's rewrite and libm's exp against V8's).
  const w = S.w_ as Float64Array;
  for (let k = 0; k < w.length; k++) if (ref.w[k] === 0) assert.equal(w[k], 0, `w[${k}]`);
  assertClose(w, ref.w, 1e-15, 'S.w', 1e-3);
  assert.ok(ref.w.filter((x: number) => x > 0).length === (m.N * (m.N - 1)) / 2);
});

test('state_variables.py: the setter with randn() itself draws N(0, 1) per neuron', () => {
  startScope();
  seed(5);
  const G = new NeuronGroup(m.N, m.equations, { threshold: m.threshold });
  G.v = m.v_expression;
  const v = G.v_ as Float64Array;
  // Recover the draws: (v/mV - sin(2*pi*i/N) + 70) / 0.25 (rounding: ~1e-11 absolute).
  const draws = Array.from(v, (x, i) => (x / 1e-3 - Math.sin((2 * Math.PI * i) / m.N) + 70) / 0.25);
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1));
  // 100 standard normal draws: mean has sd 0.1 (|mean| < 0.4 is 4 sd), the sample sd has sd
  // ≈ 1/sqrt(2*99) ≈ 0.071 (0.7-1.3 is > 4 sd). A missing 0.25 or mV factor, or a single draw
  // shared by all neurons (sd 0), fails.
  assert.ok(Math.abs(mean) < 0.4, `mean of the draws ${mean}`);
  assert.ok(sd > 0.7 && sd < 1.3, `sd of the draws ${sd}`);
  assert.equal(new Set(draws).size, m.N, 'one draw per neuron');
  // And the deterministic part: without randn() the values are Brian's minus its draws (measured
  // 4e-16 relative: the rounding of Brian's rewritten sum and of the subtraction here).
  startScope();
  const G2 = new NeuronGroup(m.N, m.equations, { threshold: m.threshold });
  G2.v = m.v_expression.replace(' + 0.25*randn()', '');
  const det = Array.from(ref.v as number[], (x, i) => x - 0.25e-3 * ref.noise[i]);
  assertClose(G2.v_ as Float64Array, det, 1e-15, 'v without randn()');
});
