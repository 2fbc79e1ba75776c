import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_EXPRESSION_DEPTH } from '../../src/compiler/1-parse/expression-depth.ts';
import { parseExpression } from '../../src/compiler/1-parse/parse-expression.ts';
import { ms, NeuronGroup, run, StateMonitor, Synapses, startScope } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { onBothDevices } from '../standalone/devices.ts';

/**
 * Issue 14: expressions nested 2000 deep or flat sums of 3000 terms overflowed the stack
 * (an uncoded RangeError). The parser limits nesting and tree depth, so every input either
 * compiles or is the coded `nesting_too_deep`, pointing at the expression.
 */

const nested = (n: number, inner = 'v') => `${'('.repeat(n)}${inner}${')'.repeat(n)}`;
const flatSum = (n: number, term = 'v') => Array(n).fill(term).join(' + ');

test('2000-deep nesting and 3000-term sums are nesting_too_deep, wherever code is written', () => {
  for (const text of [
    nested(2000),
    flatSum(3000),
    `${'-'.repeat(3000)}v`,
    Array(3000).fill('v').join('**'),
    `${'f('.repeat(2000)}v${')'.repeat(2000)}`,
    `${'not '.repeat(3000)}True`,
  ]) {
    const err = throwsCode(() => parseExpression(text), 'nesting_too_deep') as Error & { span?: unknown };
    assert.ok(err.span, 'the error points at the expression');
  }
  startScope();
  throwsCode(() => new NeuronGroup(1, `dv/dt = (${flatSum(3000)})/ms : 1`), 'nesting_too_deep');
  const G = new NeuronGroup(2, 'v : 1');
  throwsCode(() => {
    G.v = nested(2000, '1');
  }, 'nesting_too_deep');
  startScope();
  new NeuronGroup(1, 'v : 1', { threshold: `${flatSum(3000)} > 1`, reset: 'v = 0' });
  throwsCode(() => run(ms(0.1)), 'nesting_too_deep');
  startScope();
  // The group in this scope too: the magic run switches off synapses whose group it does not
  // simulate (Brian's dependency_warning), and code that never runs is never generated.
  const H = new NeuronGroup(2, 'v : 1', { threshold: 'False' });
  const S = new Synapses(H, H, { model: 'w : 1', onPre: `v += ${flatSum(3000, 'w')}` });
  throwsCode(() => S.connect({ condition: nested(2000, 'i != j') }), 'nesting_too_deep');
  S.connect();
  throwsCode(() => run(ms(0.1)), 'nesting_too_deep');
});

onBothDevices(`expressions ${MAX_EXPRESSION_DEPTH} deep compile and run`, () => {
  const depth = MAX_EXPRESSION_DEPTH - 10;
  const G = new NeuronGroup(1, `dv/dt = (${flatSum(depth)} - ${nested(depth, 'v')})/ms : 1`, {
    method: 'euler',
  });
  G.v = 1;
  const M = new StateMonitor(G, 'v', { record: true });
  run(ms(0.2));
  // dv/dt = (depth - 1) v / ms, Euler with dt = 0.1 ms: v grows by 1 + 0.1 (depth - 1) per step.
  assert.ok(Math.abs(M.v_[0][1] - (1 + 0.1 * (depth - 1))) < 1e-9);
});
