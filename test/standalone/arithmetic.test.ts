import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, NeuronGroup, run, startScope } from '../../src/index.ts';
import { num } from '../core/support.ts';
import { loadReference } from '../helpers/reference.ts';
import { onEachDevice, STANDALONE_SKIP } from './devices.ts';

/**
 * The C++ printer has the JavaScript printer's semantics: every expression of the
 * `arithmetic_semantics` reference (Python's `/`, `//`, `%`, `**`, integer wrap-around, booleans
 * in arithmetic, functions at the edges of their domain) is evaluated in one program on both
 * devices; results agree bit for bit except transcendental functions from the platforms' maths
 * libraries (glibc and V8 may differ in the last bit). `exp` is brian-ts's own and agrees
 * exactly (test/standalone/exp.test.ts).
 */
const ref = loadReference('arithmetic_semantics');
const TRANSCENDENTAL =
  /\b(exprel|expm1|log10|log1p|sqrt|tanh|arctan|sin|cos|tan|sinh|cosh|arcsin|arccos)\(|\*\*/;

interface Entry {
  expression: string;
  target_var: 'x' | 'k' | 'b';
}

const context = Object.entries(ref.model.context) as [
  string,
  { type: string; value: number | string | boolean },
][];
const declarations = context.map(([name, c]) => `${name} : ${c.type}`);

/** The entries the runtime device evaluates without error, as `r_<n> = expression` statements. */
function evaluable(): { entry: Entry; target: string; type: string }[] {
  const out: { entry: Entry; target: string; type: string }[] = [];
  (ref.entries as Entry[]).forEach((entry, n) => {
    const type = { x: '1', k: 'integer', b: 'boolean' }[entry.target_var];
    startScope();
    const G = new NeuronGroup(1, [...declarations, `r : ${type}`].join('\n'));
    try {
      G.r = entry.expression;
      out.push({ entry, target: `r_${n}`, type });
    } catch {
      // An error on both devices (checked by test/core/arithmetic-semantics).
    }
  });
  return out;
}

test('every arithmetic expression gives the same value in C++ as in JavaScript', {
  skip: STANDALONE_SKIP,
}, () => {
  const entries = evaluable();
  assert.ok(entries.length > 100, `${entries.length} entries`);
  const program = () => {
    const G = new NeuronGroup(
      1,
      [...declarations, ...entries.map((e) => `${e.target} : ${e.type}`)].join('\n'),
    );
    for (const [name, c] of context) G[name] = typeof c.value === 'boolean' ? c.value : num(c.value);
    G.runRegularly(entries.map((e) => `${e.target} = ${e.entry.expression}`).join('\n'));
    // NaN and inf are among the expected values: no numerical_error for them.
    run(ms(0.1), { checkFinite: false });
    return entries.map((e) => G[`${e.target}_`][0] as number);
  };
  const { runtime, standalone } = onEachDevice('arithmetic semantics', program);
  entries.forEach((e, k) => {
    const [r, s] = [runtime[k], standalone[k]];
    const what = `${e.entry.target_var} = ${e.entry.expression}: C++ ${s}, JavaScript ${r}`;
    if (TRANSCENDENTAL.test(e.entry.expression) && Number.isFinite(r)) {
      assert.ok(Math.abs(s - r) <= 4 * Number.EPSILON * Math.abs(r), what);
    } else {
      assert.ok(Object.is(s, r) || (s === 0 && r === 0) || (Number.isNaN(s) && Number.isNaN(r)), what);
    }
  });
});
