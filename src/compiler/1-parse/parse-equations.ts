import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type SourceText, span } from '../../diagnostics/span.ts';
import type { EquationKind, EquationLine, Expr, Flag } from './ast.ts';
import { walk } from './expr-utils.ts';
import { readFlags } from './flags.ts';
import { checkIdentifier, type IdentifierCheckOptions, isNoiseSymbol } from './identifiers.ts';
import { lex, type Token } from './lexer.ts';
import { parseExpressionTokens } from './parse-expression.ts';
import { describe, sliceTokens, spanOf } from './token-cursor.ts';
import { readUnitDecl } from './unit-decl.ts';

/**
 * Parses an equation block in Brian's format (brian2/equations/equations.py):
 *
 *   dx/dt = expression : unit (flags)     differential equation
 *   x = expression : unit (flags)         subexpression
 *   x : unit (flags)                      parameter
 *
 * As in Brian, an expression extends up to the ` : ` of its unit, over as many lines as it takes;
 * `#` comments and blank lines may appear anywhere, CRLF line ends are fine. A definition that
 * runs into the next one without `: unit` is reported as `equation_missing_unit`.
 *
 * Also checked here, because they need no context: names (`checkIdentifier`, including the
 * `_pre`/`_post` rule, which only a `(summed)` subexpression is exempt from), duplicate
 * definitions, flags against the union of all groups (groups narrow with `checkFlags`), and the
 * white-noise rules of `checkNoise`. Whether unit names are unscaled units is left to analysis.
 */
export interface ParseEquationsOptions {
  /** Label of the text in messages when `text` is a string. */
  readonly label?: string;
  /** Tells unit names, which variables may not shadow (see IdentifierCheckOptions). */
  readonly isUnitName?: IdentifierCheckOptions['isUnitName'];
}

export function parseEquations(
  text: string | SourceText,
  options: ParseEquationsOptions = {},
): EquationLine[] {
  const tokens = lex(text, options.label ?? 'equations');
  const lines: EquationLine[] = [];
  let k = 0;
  for (;;) {
    while (tokens[k].kind === 'newline') k++;
    if (tokens[k].kind === 'eof') break;
    const [line, next] = parseDefinition(tokens, k);
    const allowPrePostSuffix = line.kind === 'subexpression' && line.flags.some((f) => f.name === 'summed');
    checkIdentifier(line.name, line.nameSpan, { isUnitName: options.isUnitName, allowPrePostSuffix });
    lines.push(line);
    k = next;
  }
  checkDuplicates(lines);
  checkNoise(lines);
  return lines;
}

/** Throws `equation_duplicate_variable` at the second definition of a name. */
export function checkDuplicates(lines: readonly EquationLine[]): void {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.name)) {
      throw new BrianError('equation_duplicate_variable', `duplicate definition of variable '${line.name}'`, {
        span: line.nameSpan,
      });
    }
    seen.add(line.name);
  }
}

/**
 * White noise: `xi`/`xi_*` may only appear in differential equations, and a bare `xi` in only one
 * of them (as in Brian: two equations must say whether they share a noise source, by naming it
 * `xi_…`). Uses of `xi` in statements or thresholds are for analysis to reject.
 */
export function checkNoise(lines: readonly EquationLine[]): void {
  let bareXiIn: string | undefined;
  for (const line of lines) {
    if (!line.expr) continue;
    for (const use of noiseUses(line.expr)) {
      if (line.kind !== 'ode') {
        throw new BrianError(
          'equation_bad_noise',
          `the definition of '${line.name}' uses the white-noise symbol '${use.name}', but only differential equations may`,
          { span: use.span },
        );
      }
      if (use.name === 'xi' && bareXiIn !== undefined && bareXiIn !== line.name) {
        throw new BrianError(
          'equation_bad_noise',
          `the equation of '${line.name}' uses 'xi', which the equation of '${bareXiIn}' already uses`,
          {
            span: use.span,
            hint: "name the noise sources 'xi_…': the same name gives identical noise, different names independent noise",
          },
        );
      }
      if (use.name === 'xi') bareXiIn = line.name;
    }
  }
}

function noiseUses(expr: Expr): Array<{ name: string; span: Expr['span'] }> {
  const uses: Array<{ name: string; span: Expr['span'] }> = [];
  walk(expr, (node) => {
    if (node.kind === 'Name' && isNoiseSymbol(node.name)) uses.push({ name: node.name, span: node.span });
  });
  return uses;
}

const isOp = (t: Token | undefined, op: string) => t?.kind === 'op' && t.text === op;

/** `dx/dt =`: a name starting with d, then `/ dt`. */
function isDerivative(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return (
    t.kind === 'name' &&
    t.text.length > 1 &&
    t.text[0] === 'd' &&
    isOp(tokens[k + 1], '/') &&
    tokens[k + 2]?.text === 'dt'
  );
}

/** Whether a new definition begins at token `k` (`x =`, `x :`, `dx/dt`). */
function startsDefinition(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'name' && t.kind !== 'keyword') return false;
  return isOp(tokens[k + 1], '=') || isOp(tokens[k + 1], ':') || isDerivative(tokens, k);
}

/** Parses the definition starting at token `k`; returns it and the index of the token after it. */
function parseDefinition(tokens: readonly Token[], k: number): [EquationLine, number] {
  const first = tokens[k];
  const [kind, name, nameSpan, bodyStart] = readHead(tokens, k);
  let expr: Expr | undefined;
  let colon = bodyStart;
  if (kind !== 'parameter') {
    [expr, colon] = readExpression(tokens, k, bodyStart, name);
  }
  // The unit runs to the end of the line or to the `(` of the flags.
  let unitEnd = colon + 1;
  const endsUnit = (t: Token) => t.kind === 'newline' || t.kind === 'eof' || isOp(t, '(') || isOp(t, ';');
  while (!endsUnit(tokens[unitEnd])) unitEnd++;
  const unit = readUnitDecl(tokens, colon + 1, unitEnd, tokens[colon]);
  if (kind === 'ode' && (unit.kind === 'integer' || unit.kind === 'boolean')) {
    throw new BrianError(
      'equation_bad_unit',
      `a differential equation cannot define an ${unit.kind} variable`,
      {
        span: unit.span,
        hint: 'differential equations define floating-point variables: use a unit or 1',
      },
    );
  }
  let flags: Flag[] = [];
  let last = tokens[unitEnd - 1];
  let next = unitEnd;
  // As in Brian, the flags may also stand on the next line (no definition starts with `(`).
  let open = unitEnd;
  while (tokens[open].kind === 'newline') open++;
  if (isOp(tokens[open], '(')) {
    const close = findFlagsEnd(tokens, open);
    flags = readFlags(tokens[open], tokens.slice(open + 1, close), tokens[close], kind);
    last = tokens[close];
    next = close + 1;
  }
  const after = tokens[next];
  if (after.kind !== 'newline' && after.kind !== 'eof') {
    const hint = isOp(after, '(')
      ? 'give several flags in one pair of parentheses: (constant, shared)'
      : isOp(after, ';')
        ? 'equations are separated by line breaks, not by ;'
        : undefined;
    throw new BrianError(
      'equation_syntax',
      `unexpected ${describe(after)} at the end of the definition of '${name}'`,
      {
        span: after.span,
        hint,
      },
    );
  }
  return [{ kind, name, nameSpan, expr, unit, flags, span: spanOf(first, last) }, next];
}

/** The index of the `)` that closes the flags opened at `open`. */
function findFlagsEnd(tokens: readonly Token[], open: number): number {
  let close = open + 1;
  while (!isOp(tokens[close], ')')) {
    if (tokens[close].kind === 'eof') {
      throw new BrianError('equation_syntax', "the '(' of the flags is never closed", {
        span: tokens[open].span,
      });
    }
    if (isOp(tokens[close], '(')) {
      throw new BrianError('equation_syntax', `unexpected ${describe(tokens[close])} in the flags`, {
        span: tokens[close].span,
      });
    }
    close++;
  }
  return close;
}

/** Recognises `dx/dt =`, `x =` or `x :`; returns the kind, name, its span and the index after `=` (or of `:`). */
function readHead(tokens: readonly Token[], k: number): [EquationKind, string, Token['span'], number] {
  const t = tokens[k];
  const following = tokens[k + 1];
  if (isDerivative(tokens, k)) {
    if (!isOp(tokens[k + 3], '=')) {
      throw new BrianError(
        'equation_syntax',
        `expected '=' after ${t.text}/dt, found ${describe(tokens[k + 3])}`,
        {
          span: tokens[k + 3].span,
        },
      );
    }
    return ['ode', t.text.slice(1), span(t.span.start + 1, t.span.end, t.span.source), k + 4];
  }
  if (t.kind === 'keyword' && (isOp(following, '=') || isOp(following, ':'))) {
    throw new BrianError(
      'invalid_identifier',
      `'${t.text}' is a Python keyword and cannot be used as a variable`,
      {
        span: t.span,
      },
    );
  }
  if (t.kind === 'name') {
    if (isOp(following, '=')) return ['subexpression', t.text, t.span, k + 2];
    if (isOp(following, ':')) return ['parameter', t.text, t.span, k + 1];
    if (following.kind === 'newline' || following.kind === 'eof') {
      throw new BrianError('equation_missing_unit', `'${t.text}' is declared without a unit`, {
        span: t.span,
        hint: `write '${t.text} : unit', e.g. '${t.text} : volt', or '${t.text} : 1' when it is dimensionless`,
      });
    }
    if (isOp(following, '/') && t.text.startsWith('d')) {
      throw new BrianError('equation_syntax', 'a derivative must be with respect to t, written dx/dt', {
        span: spanOf(t, tokens[k + 2]),
      });
    }
    throw new BrianError(
      'equation_syntax',
      `expected '=' or ':' after '${t.text}', found ${describe(following)}`,
      {
        span: following.span,
        hint: 'a definition is `dx/dt = … : unit`, `x = … : unit` or `x : unit`',
      },
    );
  }
  throw new BrianError('equation_syntax', `expected a definition, found ${describe(t)}`, {
    span: t.span,
    hint: 'a definition is `dx/dt = … : unit`, `x = … : unit` or `x : unit`',
  });
}

/**
 * The right-hand side runs from `bodyStart` to the next `:`. When it does not parse and a line
 * inside it starts a new definition, the real problem is a missing `: unit`, so that is reported.
 */
function readExpression(
  tokens: readonly Token[],
  k: number,
  bodyStart: number,
  name: string,
): [Expr, number] {
  let depth = 0;
  let colon = -1;
  const breaks: number[] = [];
  for (let j = bodyStart; tokens[j].kind !== 'eof'; j++) {
    const t = tokens[j];
    if (isOp(t, ':')) {
      colon = j;
      break;
    }
    if (isOp(t, '(')) depth++;
    else if (isOp(t, ')')) depth--;
    else if (t.kind === 'newline' && depth <= 0) {
      let m = j + 1;
      while (tokens[m].kind === 'newline') m++;
      if (startsDefinition(tokens, m)) breaks.push(j);
    }
  }
  const missingUnit = (end: number) => {
    let lastIndex = end - 1;
    while (lastIndex > k && tokens[lastIndex].kind === 'newline') lastIndex--;
    return new BrianError('equation_missing_unit', `the definition of '${name}' has no unit`, {
      span: spanOf(tokens[k], tokens[lastIndex]),
      hint: "end the definition with ': unit', e.g. ': volt', or ': 1' when it is dimensionless",
    });
  };
  if (colon < 0) {
    throw missingUnit(breaks[0] ?? tokens.length - 1);
  }
  if (tokens.slice(bodyStart, colon).every((t) => t.kind === 'newline')) {
    throw new BrianError('equation_syntax', `the definition of '${name}' has no expression after '='`, {
      span: tokens[bodyStart - 1].span,
    });
  }
  try {
    return [parseExpressionTokens(sliceTokens(tokens, bodyStart, colon)), colon];
  } catch (error) {
    if (breaks.length > 0 && parses(sliceTokens(tokens, bodyStart, breaks[0]))) throw missingUnit(breaks[0]);
    throw error;
  }
}

function parses(tokens: readonly Token[]): boolean {
  try {
    parseExpressionTokens(tokens);
    return true;
  } catch {
    return false;
  }
}
