import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BinaryOp, CompareOp, Expr } from './ast.ts';
import {
  callNames,
  calls,
  exprEquals,
  exprToString,
  identifiers,
  mapExpr,
  renameNames,
  walk,
} from './expr-utils.ts';
import { parseExpression } from './parse-expression.ts';

const roundTrip = (text: string) => exprToString(parseExpression(text));

describe('walk, identifiers, calls', () => {
  it('visits every node in pre-order, and can skip children', () => {
    const kinds: string[] = [];
    walk(parseExpression('-f(a, p=b) + 1'), (node) => {
      kinds.push(node.kind);
    });
    assert.deepEqual(kinds, ['Binary', 'Unary', 'Call', 'Name', 'Name', 'Number']);
    const shallow: string[] = [];
    walk(parseExpression('f(a) + g(b)'), (node) => {
      shallow.push(node.kind);
      return node.kind !== 'Call';
    });
    assert.deepEqual(shallow, ['Binary', 'Call', 'Call']);
  });

  it('collects variable names, not function names', () => {
    const e = parseExpression('exp(-(v - El)/tau) * rand() + clip(w, 0, wmax) + sample(N, p=p)');
    assert.deepEqual([...identifiers(e)].sort(), ['El', 'N', 'p', 'tau', 'v', 'w', 'wmax']);
    assert.deepEqual([...callNames(e)].sort(), ['clip', 'exp', 'rand', 'sample']);
    assert.deepEqual(
      calls(parseExpression('f(g(x))')).map((c) => c.callee),
      ['f', 'g'],
    );
  });
});

describe('mapExpr, renameNames, exprEquals', () => {
  it('rebuilds bottom-up and keeps unchanged subtrees', () => {
    const e = parseExpression('a * (b + 1) - f(c)');
    const doubled = mapExpr(e, (node) =>
      node.kind === 'Number' ? { ...node, value: node.value * 2 } : node,
    );
    assert.equal(exprToString(doubled), 'a * (b + 2) - f(c)');
    assert.equal(
      mapExpr(e, (node) => node),
      e,
    );
    if (e.kind === 'Binary' && doubled.kind === 'Binary') assert.equal(doubled.right, e.right);
  });

  it('sees children before their parent', () => {
    const order: string[] = [];
    mapExpr(parseExpression('a + b'), (node) => {
      order.push(node.kind === 'Name' ? node.name : node.kind);
      return node;
    });
    assert.deepEqual(order, ['a', 'b', 'Binary']);
  });

  it('renames variables but not functions', () => {
    const e = parseExpression('v + exp(v) + w');
    assert.equal(exprToString(renameNames(e, { v: 'v_post', exp: 'nope' })), 'v_post + exp(v_post) + w');
    assert.equal(exprToString(renameNames(e, new Map([['w', 'w_syn']]))), 'v + exp(v) + w_syn');
    assert.equal(renameNames(e, { toString: 'x' }), e);
  });

  it('compares structure, ignoring spans', () => {
    assert.ok(exprEquals(parseExpression('a+b*c'), parseExpression(' a + (b*c) ')));
    assert.ok(!exprEquals(parseExpression('a+b'), parseExpression('b+a')));
    assert.ok(!exprEquals(parseExpression('1'), parseExpression('1.0')));
    assert.ok(!exprEquals(parseExpression('f(p=1)'), parseExpression('f(q=1)')));
  });
});

describe('exprToString', () => {
  it('prints minimal parentheses', () => {
    const cases: Array<[string, string]> = [
      ['(a + b) * c', '(a + b) * c'],
      ['a + (b * c)', 'a + b * c'],
      ['(a - b) - c', 'a - b - c'],
      ['a - (b - c)', 'a - (b - c)'],
      ['a / (b * c)', 'a / (b * c)'],
      ['(a ** b) ** c', '(a**b)**c'],
      ['a ** (b ** c)', 'a**b**c'],
      ['-(x ** 2)', '-x**2'],
      ['(-x) ** 2', '(-x)**2'],
      ['2 ** (-1)', '2**-1'],
      ['2 ** (a * b)', '2**(a * b)'],
      ['not (a and b)', 'not (a and b)'],
      ['(not a) and b', 'not a and b'],
      ['(a or b) and c', '(a or b) and c'],
      ['a or (b and c)', 'a or b and c'],
      ['(a < b) == c', '(a < b) == c'],
      ['a == (not b)', 'a == (not b)'],
      ['-(not a)', '-(not a)'],
      ['f((a + b), (c))', 'f(a + b, c)'],
      ['sample(N, p=(0.1))', 'sample(N, p=0.1)'],
      ['True and not False', 'True and not False'],
      ['- - a', '--a'],
    ];
    for (const [input, printed] of cases) assert.equal(roundTrip(input), printed, input);
  });

  it('prints numbers so that they read back as the same kind', () => {
    assert.equal(roundTrip('1'), '1');
    assert.equal(roundTrip('1.'), '1.0');
    assert.equal(roundTrip('2.5E+4'), '25000.0');
    assert.equal(roundTrip('1e-3'), '0.001');
    assert.equal(roundTrip('1e-7'), '1e-7');
    assert.equal(roundTrip('1e300'), '1e+300');
    const negative: Expr = { kind: 'Number', value: -3, isInteger: true, span: { start: 0, end: 0 } };
    const x: Expr = { kind: 'Name', name: 'x', span: { start: 0, end: 0 } };
    assert.equal(
      exprToString({ kind: 'Binary', op: '**', left: negative, right: x, span: x.span }),
      '(-3)**x',
    );
    assert.equal(exprToString({ kind: 'Binary', op: '-', left: x, right: negative, span: x.span }), 'x - -3');
  });

  it('round-trips many written expressions', () => {
    const expressions = [
      '-v**2**0.5',
      'not a and b or c',
      'a < b < c',
      '(ge + gi - (v - El))/taum',
      'exprel(-(v + 40*mV)/(10*mV))/ms',
      'rand() < rates*dt',
      'int(not_refractory)*(I - v)/tau',
      'clip(w + Apost, 0, wmax)',
      'timestep(t - lastspike, dt) >= timestep(ref, dt)',
      'label_pre != label_post and not (label_pre == PY and label_post == ABPD)',
      'x // 2 % 3 ** -y',
      '-(-(-a))',
      'a and (b or c) and not d',
      '1/(1 + exp(s*(V - v_pre)))',
      '2**-1 * 3',
      '0.04/ms/mV*v**2 + 5/ms*v + 140*mV/ms - u + I',
      'sample(N_post, p=i*1.0/(N_pre-1))',
      '(a < b) < c',
      'a == b != c',
      '+a - +b',
    ];
    for (const text of expressions) {
      const parsed = parseExpression(text);
      const printed = exprToString(parsed);
      assert.ok(exprEquals(parseExpression(printed), parsed), `${text} → ${printed}`);
      assert.equal(exprToString(parseExpression(printed)), printed, text);
    }
  });

  it('round-trips random trees', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const at = { start: 0, end: 0 };
    const binaryOps: BinaryOp[] = ['+', '-', '*', '/', '//', '%', '**'];
    const compareOps: CompareOp[] = ['<', '<=', '>', '>=', '==', '!='];
    const tree = (depth: number): Expr => {
      const r = depth <= 0 ? random() * 0.3 : random();
      if (r < 0.1) return { kind: 'Number', value: Math.floor(random() * 10), isInteger: true, span: at };
      if (r < 0.15)
        return { kind: 'Number', value: Math.floor(random() * 100) / 8, isInteger: false, span: at };
      if (r < 0.2) return { kind: 'Bool', value: random() < 0.5, span: at };
      if (r < 0.3) return { kind: 'Name', name: pick(['a', 'b', 'v', 'tau']), span: at };
      if (r < 0.4) {
        const args = Array.from({ length: Math.floor(random() * 3) }, () => tree(depth - 1));
        const keywords = random() < 0.3 ? [{ name: 'p', value: tree(depth - 1), span: at }] : [];
        return { kind: 'Call', callee: pick(['f', 'exp']), calleeSpan: at, args, keywords, span: at };
      }
      if (r < 0.5)
        return { kind: 'Unary', op: pick(['-', '+', 'not'] as const), operand: tree(depth - 1), span: at };
      if (r < 0.75)
        return {
          kind: 'Binary',
          op: pick(binaryOps),
          left: tree(depth - 1),
          right: tree(depth - 1),
          span: at,
        };
      if (r < 0.88)
        return {
          kind: 'Compare',
          op: pick(compareOps),
          left: tree(depth - 1),
          right: tree(depth - 1),
          span: at,
        };
      return {
        kind: 'Logical',
        op: pick(['and', 'or'] as const),
        left: tree(depth - 1),
        right: tree(depth - 1),
        span: at,
      };
    };
    for (let n = 0; n < 2000; n++) {
      const e = tree(5);
      const printed = exprToString(e);
      assert.ok(exprEquals(parseExpression(printed), e), printed);
    }
  });
});
