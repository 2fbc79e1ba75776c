import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceText } from '../../diagnostics/span.ts';
import type { EquationLine } from './ast.ts';
import { exprToString } from './expr-utils.ts';
import { parseEquations } from './parse-equations.ts';
import { throwsBrian, where } from './testing.ts';

/** One line per definition: `kind name = expr : unit (flags)`. */
function brief(line: EquationLine): string {
  const u = line.unit;
  const unit = u.kind === 'unit' ? exprToString(u.expr) : u.kind === 'dimensionless' ? '1' : u.kind;
  const flags = line.flags.length ? ` (${line.flags.map((f) => f.name).join(', ')})` : '';
  const expr = line.expr ? ` = ${exprToString(line.expr)}` : '';
  return `${line.kind} ${line.name}${expr} : ${unit}${flags}`;
}
const b = (text: string) => parseEquations(text).map(brief);

describe('parseEquations: the three forms', () => {
  it('reads differential equations, subexpressions and parameters', () => {
    const text = `
      dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
      I = g*(v - E) : amp
      label : integer (constant)`;
    assert.deepEqual(b(text), [
      'ode v = (ge + gi - (v - El)) / taum : volt (unless refractory)',
      'subexpression I = g * (v - E) : amp',
      'parameter label : integer (constant)',
    ]);
  });

  it('gives spans to names, expressions, units, flags and whole definitions', () => {
    const text = 'dv/dt = -v/tau : volt (unless refractory)\ngNa : siemens/meter**2';
    const [ode, param] = parseEquations(text);
    assert.deepEqual([ode.nameSpan.start, ode.nameSpan.end], [1, 2]);
    assert.deepEqual([ode.expr!.span.start, ode.expr!.span.end], where(text, '-v/tau'));
    assert.deepEqual([ode.unit.span.start, ode.unit.span.end], where(text, 'volt'));
    assert.deepEqual([ode.flags[0].span.start, ode.flags[0].span.end], where(text, 'unless refractory'));
    assert.deepEqual([ode.span.start, ode.span.end], [0, text.indexOf('\n')]);
    assert.deepEqual([param.unit.span.start, param.unit.span.end], where(text, 'siemens/meter**2'));
    assert.deepEqual([param.span.start, param.span.end], where(text, 'gNa : siemens/meter**2'));
  });

  it('keeps the SourceText and label', () => {
    const source = new SourceText('x : 1', 'equations of neurongroup');
    assert.equal(parseEquations(source)[0].span.source, source);
    assert.equal(parseEquations('x : 1', { label: 'model' })[0].span.source?.label, 'model');
  });

  it('reads an empty block as no equations', () => {
    assert.deepEqual(parseEquations(''), []);
    assert.deepEqual(parseEquations('\n  # nothing here\n\n'), []);
  });
});

describe('parseEquations: layout', () => {
  it('continues an expression on the next lines until its ": unit"', () => {
    assert.deepEqual(b('dv/dt = -v/tau\n + 1*volt/tau : volt'), ['ode v = -v / tau + 1 * volt / tau : volt']);
    assert.deepEqual(b('dv/dt = (-v\n/tau) : volt'), ['ode v = -v / tau : volt']);
    assert.deepEqual(b('x = a +\n\n # hi \n c : 1\ny : 1'), [
      'subexpression x = a + c : 1',
      'parameter y : 1',
    ]);
    assert.deepEqual(b('x = a +\n  b : 1'), ['subexpression x = a + b : 1']);
  });

  it('allows comments anywhere, blank lines and CRLF line ends', () => {
    const text =
      '# model\r\n\r\ndv/dt = -v/tau # decay\r\n  + I/C : volt # membrane\r\n\r\nI : amp  # input\r\n';
    assert.deepEqual(b(text), ['ode v = -v / tau + I / C : volt', 'parameter I : amp']);
    const [, param] = parseEquations(text);
    assert.deepEqual([param.span.start, param.span.end], where(text, 'I : amp'));
  });

  it('reads flags whitespace-insensitively and normalises them', () => {
    assert.deepEqual(b('x : volt ( constant , shared )'), ['parameter x : volt (constant, shared)']);
    assert.deepEqual(b('x : volt (constant,shared)'), ['parameter x : volt (constant, shared)']);
    assert.deepEqual(b('dv/dt = -v/tau : volt (unless  refractory)'), [
      'ode v = -v / tau : volt (unless refractory)',
    ]);
    assert.deepEqual(b('dA/dt = -A/tau : 1 (event - driven)'), ['ode A = -A / tau : 1 (event-driven)']);
    assert.deepEqual(b('dA/dt = -A/tau : 1 (clock-driven)'), ['ode A = -A / tau : 1 (clock-driven)']);
    assert.deepEqual(b('s = rand() : 1 (constant over dt)'), [
      'subexpression s = rand() : 1 (constant over dt)',
    ]);
    assert.deepEqual(b('I_post = g*(E - v_post) : amp (summed)'), [
      'subexpression I_post = g * (E - v_post) : amp (summed)',
    ]);
    assert.deepEqual(b('I : amp (point current)'), ['parameter I : amp (point current)']);
    assert.deepEqual(b('x : 1 (shared,\n constant)'), ['parameter x : 1 (shared, constant)']);
    assert.deepEqual(b('dv/dt = -v/tau : volt\n  (unless refractory)\nw : 1'), [
      'ode v = -v / tau : volt (unless refractory)',
      'parameter w : 1',
    ]);
  });
});

describe('parseEquations: units', () => {
  it('reads 1, integer, boolean and unit expressions', () => {
    const units = [
      '1',
      'integer',
      'boolean',
      'volt',
      'siemens/meter**2',
      'amp/meter**2',
      '1/second',
      'second**-0.5',
      'radian/second',
      'metre**2*kilogram',
    ];
    const lines = parseEquations(units.map((u, k) => `x${k} : ${u}`).join('\n'));
    assert.deepEqual(
      lines.map((l) => (l.unit.kind === 'unit' ? exprToString(l.unit.expr) : l.unit.kind)),
      [
        'dimensionless',
        'integer',
        'boolean',
        'volt',
        'siemens / meter**2',
        'amp / meter**2',
        '1 / second',
        'second**-0.5',
        'radian / second',
        'metre**2 * kilogram',
      ],
    );
  });

  it('rejects forms that are not units', () => {
    let text = 'x : 2*volt';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', ...where(text, '2'));
    text = 'x : 1 * siemens';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', ...where(text, '1'));
    assert.match(throwsBrian(() => parseEquations('x : bool'), 'equation_bad_unit', 4, 8).hint!, /boolean/);
    text = 'x : volt/(second)';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', ...where(text, '('));
    text = 'x : volt**a';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', ...where(text, 'a'));
    text = 'x : volt + amp';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', ...where(text, 'volt + amp'));
    text = 'x : volt /';
    throwsBrian(() => parseEquations(text), 'equation_bad_unit', text.length, text.length);
    throwsBrian(() => parseEquations('x : 1.0'), 'equation_bad_unit', 4, 7);
    throwsBrian(() => parseEquations('dv/dt = -v/(10*ms) : integer'), 'equation_bad_unit', 21, 28);
    throwsBrian(() => parseEquations('dv/dt = -v/(10*ms) : boolean'), 'equation_bad_unit', 21, 28);
    assert.equal(parseEquations('k = i % 2 : integer\nb = v > 0 : boolean').length, 2);
  });
});

describe('parseEquations: missing units', () => {
  it('reports a definition without ": unit"', () => {
    const text = 'dv/dt = -v/tau';
    const error = throwsBrian(() => parseEquations(text), 'equation_missing_unit', 0, text.length);
    assert.match(error.hint!, /: volt/);
  });

  it('reports the missing unit when the next definition begins', () => {
    let text = 'dv/dt = -v/tau\nw : volt';
    throwsBrian(() => parseEquations(text), 'equation_missing_unit', ...where(text, 'dv/dt = -v/tau'));
    text = '  x = a  # c\n\n  y = b : 1';
    throwsBrian(() => parseEquations(text), 'equation_missing_unit', ...where(text, 'x = a'));
    text = 'dv/dt = -v/tau\ndw/dt = -w/tau : 1';
    throwsBrian(() => parseEquations(text), 'equation_missing_unit', ...where(text, 'dv/dt = -v/tau'));
  });

  it('reports an empty unit and a name alone', () => {
    throwsBrian(() => parseEquations('x : (constant)'), 'equation_missing_unit', 2, 3);
    throwsBrian(() => parseEquations('x = 1 :\ny : 1'), 'equation_missing_unit', 6, 7);
    throwsBrian(() => parseEquations('x : 1\nv\n'), 'equation_missing_unit', 6, 7);
  });
});

describe('parseEquations: structure errors', () => {
  it('reports duplicates at the second name', () => {
    const text = 'dv/dt = x : volt\nv : volt';
    throwsBrian(() => parseEquations(text), 'equation_duplicate_variable', ...where(text, 'v', 2));
    throwsBrian(() => parseEquations('x : 1\ndx/dt = 1/second : 1'), 'equation_duplicate_variable', 7, 8);
  });

  it('reports lines that are not definitions', () => {
    throwsBrian(() => parseEquations('3 : volt'), 'equation_syntax', 0, 1);
    throwsBrian(() => parseEquations('x volt'), 'equation_syntax', 2, 6);
    throwsBrian(() => parseEquations('dv/ds = -v/tau : volt'), 'equation_syntax', 0, 5);
    throwsBrian(() => parseEquations('dv/dt : volt'), 'equation_syntax', 6, 7);
    throwsBrian(() => parseEquations('x = : 1'), 'equation_syntax', 2, 3);
    throwsBrian(() => parseEquations('x : volt () '), 'equation_syntax', 9, 11);
    throwsBrian(() => parseEquations('x : volt (constant,)'), 'equation_syntax', 18, 19);
    throwsBrian(() => parseEquations('x : volt (constant'), 'equation_syntax', 9, 10);
    assert.match(
      throwsBrian(() => parseEquations('x : 1 ; y : 1'), 'equation_syntax', 6, 7).hint!,
      /line breaks/,
    );
    const text = 'x : volt (constant) (shared)';
    const error = throwsBrian(() => parseEquations(text), 'equation_syntax', ...where(text, '(', 1));
    assert.match(error.hint!, /\(constant, shared\)/);
  });

  it('reports expression errors with their own codes', () => {
    let text = 'dv/dt = (El - v)/tau^2 : volt';
    throwsBrian(() => parseEquations(text), 'unexpected_character', ...where(text, '^'));
    text = 'dv/dt = (El - v/tau : volt';
    throwsBrian(() => parseEquations(text), 'unterminated_expression', ...where(text, '('));
    text = 'dv/dt = -v/tau) : volt';
    throwsBrian(() => parseEquations(text), 'unexpected_token', ...where(text, ')'));
  });
});

describe('parseEquations: flags', () => {
  it('rejects unknown flags, with suggestions', () => {
    const text = 'x : volt (foo)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'foo'));
    assert.match(
      throwsBrian(() => parseEquations('x : volt (Constant)'), 'equation_bad_flag').hint!,
      /'constant'/,
    );
    assert.match(
      throwsBrian(() => parseEquations('dx/dt = 1/second : 1 (clock_driven)'), 'equation_bad_flag').hint!,
      /'clock-driven'/,
    );
  });

  it('rejects flags that no group allows for the kind of equation', () => {
    let text = 'dv/dt = -v/tau : volt (constant)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'constant'));
    text = 'x : volt (unless refractory)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'unless refractory'));
    text = 'x = 2*y : volt (constant)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'constant'));
    text = 'x : 1 (constant over dt)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'constant over dt'));
  });

  it('rejects a flag given twice', () => {
    const text = 'x : 1 (constant, shared, constant)';
    throwsBrian(() => parseEquations(text), 'equation_bad_flag', ...where(text, 'constant', 1));
  });
});

describe('parseEquations: names', () => {
  const invalid = (name: string) => {
    const text = `y : 1\n${name} : 1`;
    throwsBrian(() => parseEquations(text), 'invalid_identifier', 6, 6 + name.length);
  };

  it('rejects reserved, internal and predefined names', () => {
    for (const name of [
      '_x',
      't',
      'dt',
      't_in_timesteps',
      'xi',
      'xi_1',
      'i',
      'N',
      'e',
      'pi',
      'inf',
      'exp',
      'rand',
      'int',
    ]) {
      invalid(name);
    }
    for (const name of ['not_refractory', 'refractory', 'refractory_until', 'x_pre', 'v_post']) invalid(name);
  });

  it('rejects Python keywords as names', () => {
    invalid('lambda');
    invalid('True');
    throwsBrian(() => parseEquations('dif/dt = 1/second : 1'), 'invalid_identifier', 1, 3);
  });

  it('checks the name of differential equations at the variable', () => {
    throwsBrian(() => parseEquations('dv_post/dt = -v_post/tau : volt'), 'invalid_identifier', 1, 7);
  });

  it('allows _pre/_post only as the target of a summed subexpression', () => {
    assert.deepEqual(b('I_pre = w : amp (summed)'), ['subexpression I_pre = w : amp (summed)']);
    throwsBrian(() => parseEquations('I_pre = w : amp'), 'invalid_identifier', 0, 5);
  });

  it('rejects unit names when given the unit table', () => {
    const isUnitName = (name: string) => ['mV', 'volt', 'siemens'].includes(name);
    throwsBrian(() => parseEquations('mV : 1', { isUnitName }), 'invalid_identifier', 0, 2);
    assert.equal(parseEquations('mV : 1').length, 1);
  });

  it('allows ordinary names, including lastspike and names starting with d', () => {
    assert.deepEqual(b('lastspike : second\nd : 1\ndelta = 2*d : 1'), [
      'parameter lastspike : second',
      'parameter d : 1',
      'subexpression delta = 2 * d : 1',
    ]);
  });
});

describe('parseEquations: white noise', () => {
  it('allows xi and xi_* in differential equations', () => {
    assert.equal(parseEquations('dx/dt = -x/tau + sigma*xi/sqrt(tau) : 1').length, 1);
    assert.equal(
      parseEquations('dx/dt = xi_1/sqrt(ms) : 1\ndy/dt = xi_1/sqrt(ms) + xi_2/sqrt(ms) : 1').length,
      2,
    );
  });

  it('rejects noise outside differential equations', () => {
    const text = 'I = sigma*xi_in : amp';
    throwsBrian(() => parseEquations(text), 'equation_bad_noise', ...where(text, 'xi_in'));
  });

  it('rejects the same bare xi in two equations', () => {
    const text = 'dx/dt = xi/sqrt(ms) : 1\ndy/dt = xi/sqrt(ms) : 1';
    const error = throwsBrian(() => parseEquations(text), 'equation_bad_noise', ...where(text, 'xi', 1));
    assert.match(error.hint!, /xi_/);
    assert.equal(parseEquations('dx/dt = xi/sqrt(ms) + xi*x/sqrt(ms) : 1').length, 1);
  });
});

describe('parseEquations: messages', () => {
  it('renders a code frame on the line of the error', () => {
    const source = new SourceText('dv/dt = -v/tau : volt\nv : volt', 'equations of neurongroup');
    const error = throwsBrian(() => parseEquations(source), 'equation_duplicate_variable', 22, 23);
    assert.match(error.message, /in equations of neurongroup, line 2, column 1/);
    assert.ok(error.message.includes('2 | v : volt'), error.message);
    assert.ok(
      error.message.split('\n').some((line) => /^\s+\| \^$/.test(line)),
      error.message,
    );
  });
});
