import fc from 'fast-check';

/**
 * Random expressions as text, from a small grammar of Brian's expression language: numbers in
 * every spelling, the variables of the fuzz model (model.ts), units, the default functions (also
 * with wrong argument counts), a TimedArray and a user function, unary and binary operators,
 * chained comparisons, `and`/`or`/`not`. `typed` keeps dimensions consistent (so many cases get
 * through analysis into code generation); `untyped` mixes everything; `deep` builds nesting and
 * chains around and past the parser's limit (MAX_EXPRESSION_DEPTH = 500).
 */

const space = fc.constantFrom('', '', '', ' ', '  ', '\t');
const sp = (parts: readonly string[]) =>
  fc.array(space, { minLength: parts.length + 1, maxLength: parts.length + 1 }).map((s) => {
    let out = s[0];
    parts.forEach((p, k) => {
      out += p + s[k + 1];
    });
    return out;
  });

/** Numbers as Python and Brian write them, including extremes. */
export const numberText = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map((x) => String(x).replace('+', '')),
  fc.constantFrom(
    '0',
    '1',
    '2',
    '0.5',
    '.5',
    '1.',
    '1e3',
    '1E-3',
    '2.5e+2',
    '1e308',
    '1e309',
    '5e-324',
    '1e-400',
    '9007199254740993',
    '123456789012345678901234567890',
    '0.0',
    '00',
    '007',
    'inf',
    'pi',
    'e',
    'True',
    'False',
  ),
);

const units = [
  'mV',
  'volt',
  'ms',
  'second',
  'nS',
  'siemens',
  'pA',
  'amp',
  'Hz',
  'pF',
  'metre',
  'um',
  'ohm',
  'molar',
  'kelvin',
  'cd',
  'radian',
];
const dimlessVars = ['w', 'x', 'k', 'i', 'N', 'lastspike/ms', 't/ms', 'dt/ms', 'ta(t)', 'xs'];
const voltVars = ['v', 'El', 'uf(v)', 'I/g', 'Vt', 'vs'];
const boolVars = ['b', 'not_refractory', 'True', 'False'];
const functions1 = [
  'exp',
  'log',
  'log10',
  'expm1',
  'log1p',
  'exprel',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'arcsin',
  'arccos',
  'arctan',
  'sqrt',
  'abs',
  'sign',
  'floor',
  'ceil',
  'int',
];

const binaryOps = ['+', '-', '*', '/', '**', '//', '%'];
const compareOps = ['<', '<=', '==', '!=', '>', '>='];

/** Expressions whose dimensions agree: dimensionless, voltage (`volt`) and boolean. */
export const typed = fc.letrec<{ dimless: string; volt: string; bool: string }>((tie) => ({
  dimless: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    fc.oneof(numberText, fc.constantFrom(...dimlessVars)),
    fc.tuple(fc.constantFrom(...functions1), tie('dimless')).chain(([f, a]) => sp([f, '(', a, ')'])),
    fc
      .tuple(tie('dimless'), fc.constantFrom(...binaryOps), tie('dimless'))
      .chain(([a, o, b]) => sp([a, o, b])),
    fc.tuple(tie('volt'), tie('volt')).chain(([a, b]) => sp(['(', a, ')', '/', '(', b, ')'])),
    tie('dimless').chain((a) => sp(['(', a, ')'])),
    tie('dimless').chain((a) => sp(['-', a])),
    fc
      .tuple(tie('dimless'), tie('dimless'), tie('dimless'))
      .chain(([a, b, c]) => sp(['clip(', a, ',', b, ',', c, ')'])),
    tie('bool').chain((a) => sp(['int(', a, ')'])),
    fc.constantFrom('rand()', 'randn()', 'poisson(2)', 'timestep(t, dt)'),
  ),
  volt: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    fc.constantFrom(...voltVars),
    numberText.chain((n) => sp([n, '*', 'mV'])),
    fc.tuple(tie('volt'), fc.constantFrom('+', '-'), tie('volt')).chain(([a, o, b]) => sp([a, o, b])),
    fc
      .tuple(tie('volt'), fc.constantFrom('*', '/'), tie('dimless'))
      .chain(([a, o, b]) => sp([a, o, '(', b, ')'])),
    tie('volt').chain((a) => sp(['-', '(', a, ')'])),
    tie('volt').chain((a) => sp(['abs(', a, ')'])),
    tie('volt').chain((a) => sp(['uf(', a, ')'])),
    fc
      .tuple(tie('volt'), tie('volt'), tie('volt'))
      .chain(([a, b, c]) => sp(['clip(', a, ',', b, ',', c, ')'])),
  ),
  bool: fc.oneof(
    { maxDepth: 5, depthSize: 'small' },
    fc.constantFrom(...boolVars),
    fc.tuple(tie('volt'), fc.constantFrom(...compareOps), tie('volt')).chain(([a, o, b]) => sp([a, o, b])),
    fc
      .tuple(
        tie('dimless'),
        fc.constantFrom(...compareOps),
        tie('dimless'),
        fc.constantFrom(...compareOps),
        tie('dimless'),
      )
      .chain(([a, o, b, p, c]) => sp([a, o, b, p, c])),
    fc
      .tuple(tie('bool'), fc.constantFrom('and', 'or'), tie('bool'))
      .chain(([a, o, b]) => sp([`(${a})`, ` ${o} `, `(${b})`])),
    tie('bool').chain((a) => sp(['not ', '(', a, ')'])),
  ),
}));

/** Anything the grammar (and a little beyond it) can say, dimensions and types mixed. */
export const untyped: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 7, depthSize: 'small' },
    fc.oneof(
      numberText,
      fc.constantFrom(
        ...dimlessVars,
        ...voltVars,
        ...boolVars,
        ...units,
        'foo',
        'tau',
        'C',
        'g',
        'I',
        'xi',
        'lastspike',
        't',
        'dt',
      ),
    ),
    fc
      .tuple(
        fc.constantFrom(...functions1, 'clip', 'rand', 'randn', 'poisson', 'timestep', 'ta', 'uf', 'bar'),
        fc.array(tie('e'), { maxLength: 4 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc
      .tuple(tie('e'), fc.constantFrom(...binaryOps, ...compareOps, ' and ', ' or '), tie('e'))
      .chain(([a, o, b]) => sp([a, o, b])),
    fc.tuple(fc.constantFrom('-', '+', 'not ', '- -', '~'), tie('e')).map(([o, a]) => `${o}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), fc.constantFrom(...units)).map(([a, u]) => `${a}*${u}`),
    fc.tuple(tie('e'), fc.integer({ min: -3, max: 3 })).map(([a, p]) => `(${a})**${p}`),
  ),
})).e;

/** Shapes of extreme nesting and chain length; sizes cluster around the limit of 500. */
const depths = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.integer({ min: 480, max: 520 }),
  fc.constantFrom(499, 500, 501, 1000, 3000, 10000, 60000),
);

export const deep: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'parens',
      'minus',
      'not',
      'power',
      'sum',
      'product',
      'calls',
      'compare',
      'and',
      'mixed',
      'nested-sum',
      'unclosed',
    ),
    depths,
    fc.constantFrom('v', 'w', '1', 'x', '2*mV', 'b'),
  )
  .map(([shape, n, atom]) => deepText(shape, n, atom));

function deepText(shape: string, n: number, atom: string): string {
  const join = (sep: string) => Array(n).fill(atom).join(sep);
  switch (shape) {
    case 'parens':
      return `${'('.repeat(n)}${atom}${')'.repeat(n)}`;
    case 'minus':
      return `${'-'.repeat(n)}${atom}`;
    case 'not':
      return `${'not '.repeat(n)}${atom}`;
    case 'power':
      return join('**');
    case 'sum':
      return join(' + ');
    case 'product':
      return join('*');
    case 'calls':
      return `${'abs('.repeat(n)}${atom}${')'.repeat(n)}`;
    case 'compare':
      return join(' < ');
    case 'and':
      return join(' and ');
    case 'mixed': {
      let out = atom;
      for (let k = 0; k < n; k++)
        out = k % 3 === 0 ? `(${out} + ${atom})` : k % 3 === 1 ? `-${out}` : `exp(${out})`;
      return out;
    }
    case 'nested-sum':
      return `${'('.repeat(Math.min(n, 400))}${join('+')}${')'.repeat(Math.min(n, 400))}`;
    default:
      return `${'('.repeat(n)}${atom}`;
  }
}

/** Broken text: tokens Brian does not know, cut-off expressions, stray characters. */
export const broken: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(typed.dimless, untyped),
    fc.nat(),
    fc.constantFrom(
      '^',
      '$',
      '?',
      '@',
      ';',
      ':',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      '#',
      '\\',
      '\n',
      '\r\n',
      '0x1F',
      '1_0',
      '1e',
      '..',
      '**',
      '!',
      '&&',
      '||',
      '=',
      '==',
      '\u00b5',
      '\u2028',
      '\0',
      ',',
      ')',
      '(',
    ),
  )
  .map(([e, at, tok]) => {
    const k = at % (e.length + 1);
    return e.slice(0, k) + tok + e.slice(k);
  });
