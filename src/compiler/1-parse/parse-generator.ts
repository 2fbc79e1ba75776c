import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { SourceText } from '../../diagnostics/span.ts';
import type { Expr, Generator, GeneratorIterator } from './ast.ts';
import { lex } from './lexer.ts';
import { ExpressionParser } from './parse-expression.ts';
import { describe, spanOf, withoutNewlines } from './token-cursor.ts';

/**
 * Parses the generator syntax of `Synapses.connect(j='…')` / `connect(i='…')`, as Brian's
 * brian2/synapses/parse_synaptic_generator_syntax.py accepts it:
 *
 *   EXPR for VAR in range(stop | start, stop | start, stop, step) [if COND]
 *   EXPR for VAR in sample(stop | start, stop | start, stop, step, p=… | size=…) [if COND]
 *   EXPR [if COND]                          (a mapping, e.g. `i`, `int(i/2) if i % 2 == 0`)
 *
 * Only the shape is checked here; which names the parts may use is for analysis.
 */
export function parseGenerator(text: string | SourceText, label = 'connect generator'): Generator {
  const tokens = withoutNewlines(lex(text, label));
  const parser = new ExpressionParser(tokens);
  if (parser.atEnd()) throw new BrianError('syntax_error', 'empty expression', { span: parser.peek().span });
  const first = parser.peek();
  const element = parser.parseExpr();
  let variable: string | undefined;
  let iterator: GeneratorIterator | undefined;
  let condition: Expr | undefined;
  if (parser.atKeyword('for')) {
    parser.next();
    const name = parser.next();
    if (name.kind !== 'name') {
      throw new BrianError(
        'generator_syntax',
        `expected the name of the loop variable after 'for', found ${describe(name)}`,
        {
          span: name.span,
        },
      );
    }
    variable = name.text;
    if (!parser.atKeyword('in')) {
      throw new BrianError(
        'generator_syntax',
        `expected 'in' after 'for ${name.text}', found ${describe(parser.peek())}`,
        {
          span: parser.peek().span,
        },
      );
    }
    parser.next();
    iterator = readIterator(parser);
  }
  if (parser.atKeyword('if')) {
    parser.next();
    condition = parser.parseExpr();
    if (parser.atKeyword('if')) {
      throw new BrianError('generator_syntax', 'a generator can have at most one if condition', {
        span: parser.peek().span,
        hint: 'combine the conditions with and',
      });
    }
  }
  if (parser.atKeyword('for')) {
    throw new BrianError('generator_syntax', 'a generator can have only one for clause', {
      span: parser.peek().span,
    });
  }
  parser.expectEnd();
  const last = condition ?? iterator ?? element;
  return { element, variable, iterator, condition, span: spanOf(first.span, last.span) };
}

const ITERATORS = ['range', 'sample'] as const;

function readIterator(parser: ExpressionParser): GeneratorIterator {
  const start = parser.peek();
  // Binding power above every infix operator: just a call (or whatever atom is there, rejected below).
  const call = parser.parseExpr(100);
  if (call.kind !== 'Call' || !(ITERATORS as readonly string[]).includes(call.callee)) {
    throw new BrianError('generator_syntax', 'the iterator of a generator must be range(…) or sample(…)', {
      span: call.kind === 'Call' ? call.calleeSpan : spanOf(start.span, call.span),
    });
  }
  const kind = call.callee as GeneratorIterator['kind'];
  if (call.args.length === 0 || call.args.length > 3) {
    throw new BrianError(
      'generator_syntax',
      `${kind}() takes 1 to 3 positional arguments (stop, start and stop, or start, stop and step)`,
      {
        span: call.span,
      },
    );
  }
  if (kind === 'range' && call.keywords.length > 0) {
    throw new BrianError('generator_syntax', 'range() takes no keyword arguments', {
      span: call.keywords[0].span,
    });
  }
  if (kind === 'sample') {
    const [keyword, extra] = call.keywords;
    if (!keyword || extra || (keyword.name !== 'p' && keyword.name !== 'size')) {
      throw new BrianError(
        'generator_syntax',
        "sample() takes exactly one keyword argument, either 'p' or 'size'",
        {
          span: extra?.span ?? keyword?.span ?? call.span,
          hint: 'e.g. sample(N_post, p=0.1) or sample(N_post, size=5)',
        },
      );
    }
  }
  return { kind, args: call.args, keywords: call.keywords, span: call.span };
}
