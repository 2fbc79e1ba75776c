import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Generator } from './ast.ts';
import { exprToString } from './expr-utils.ts';
import { parseGenerator } from './parse-generator.ts';
import { throwsBrian, where } from './testing.ts';

function brief(g: Generator): string {
  const parts = [exprToString(g.element)];
  if (g.iterator) {
    const args = [
      ...g.iterator.args.map(exprToString),
      ...g.iterator.keywords.map((k) => `${k.name}=${exprToString(k.value)}`),
    ];
    parts.push(`for ${g.variable} in ${g.iterator.kind}(${args.join(', ')})`);
  }
  if (g.condition) parts.push(`if ${exprToString(g.condition)}`);
  return parts.join(' ');
}
const b = (text: string) => brief(parseGenerator(text));

describe('parseGenerator', () => {
  it('reads range generators with and without a condition', () => {
    assert.equal(b('k for k in range(i-3, i+4) if k != i'), 'k for k in range(i - 3, i + 4) if k != i');
    assert.equal(b('k for k in range(i+1)'), 'k for k in range(i + 1)');
    assert.equal(b('k for k in range(0, N_post, 2)'), 'k for k in range(0, N_post, 2)');
    assert.equal(
      b('i+(-1)**k for k in range(2) if i>0 and i<N_pre-1'),
      'i + (-1)**k for k in range(2) if i > 0 and i < N_pre - 1',
    );
  });

  it('reads sample generators with p or size', () => {
    assert.equal(b('k for k in sample(N_post, p=0.1)'), 'k for k in sample(N_post, p=0.1)');
    assert.equal(
      b('k for k in sample(N_post, size=5) if k != i'),
      'k for k in sample(N_post, size=5) if k != i',
    );
    assert.equal(
      b('k for k in sample(N_post, p=i*1.0/(N_pre-1))'),
      'k for k in sample(N_post, p=i * 1.0 / (N_pre - 1))',
    );
    assert.equal(b('k for k in sample(10, 20, 2, size=i//2)'), 'k for k in sample(10, 20, 2, size=i // 2)');
  });

  it('reads bare mapping expressions, with an optional condition', () => {
    const g = parseGenerator('i');
    assert.equal(g.variable, undefined);
    assert.equal(g.iterator, undefined);
    assert.equal(g.condition, undefined);
    assert.equal(b('int(i/2)'), 'int(i / 2)');
    assert.equal(b('int(i/2) if i % 2 == 0'), 'int(i / 2) if i % 2 == 0');
  });

  it('gives spans to the parts', () => {
    const text = 'k for k in sample(N_post, p=0.1) if k != i';
    const g = parseGenerator(text);
    assert.deepEqual([g.span.start, g.span.end], [0, text.length]);
    assert.deepEqual([g.iterator!.span.start, g.iterator!.span.end], where(text, 'sample(N_post, p=0.1)'));
    assert.deepEqual([g.condition!.span.start, g.condition!.span.end], where(text, 'k != i'));
  });

  it('rejects other shapes with generator_syntax', () => {
    let text = 'k for k in arange(10)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'arange'));
    text = 'k for k in N_post';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'N_post'));
    text = 'k for 3 in range(3)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, '3'));
    text = 'k for k range(3)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'range'));
    text = 'k for k in range()';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'range()'));
    text = 'k for k in range(1, 2, 3, 4)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'range(1, 2, 3, 4)'));
    text = 'k for k in range(10, p=0.1)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'p=0.1'));
    text = 'k for k in sample(10)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'sample(10)'));
    text = 'k for k in sample(10, q=0.1)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'q=0.1'));
    text = 'k for k in sample(10, p=0.1, size=2)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'size=2'));
    text = 'k for k in range(3) if k > 0 if k < 2';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'if', 1));
    text = 'k for k in range(3) for l in range(2)';
    throwsBrian(() => parseGenerator(text), 'generator_syntax', ...where(text, 'for', 1));
  });

  it('reports expression errors with their own codes', () => {
    throwsBrian(() => parseGenerator(''), 'syntax_error', 0, 0);
    throwsBrian(() => parseGenerator('k for k in range(i-3'), 'unterminated_expression', 16, 17);
    throwsBrian(() => parseGenerator('k for k in range(3) if'), 'unterminated_expression', 22, 22);
    throwsBrian(() => parseGenerator('k for k in range(3) junk'), 'unexpected_token', 20, 24);
  });
});
