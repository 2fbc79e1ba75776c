import fc from 'fast-check';
import { DEFAULT_FUNCTIONS } from '../../../src/compiler/functions.ts';
import { ms, mV, type Namespace, nS, pA, pF, q } from '../../../src/index.ts';
import { payload } from '../harness/payloads.ts';
import { EQUATION_CORPUS } from './equation-corpus.ts';

/**
 * Equation blocks for the equation fuzzer: real models (equation-corpus.ts) mutated a few times
 * (text cut, lines swapped and repeated, units, flags, names and operators replaced, tokens and
 * hostile comments inserted), and models made from a small grammar of equations with units and
 * flags. `guessNamespace` gives the external names a model uses plausible values (a `tau…` is a
 * time, an `E…`/`V…` a voltage …), so that mutants get past name resolution often enough to
 * reach the integrators and the code generators.
 */

const UNITS = [
  '1',
  'volt',
  'amp',
  'siemens',
  'second',
  'hertz',
  'Hz',
  'metre',
  'meter**2',
  'volt/second',
  'amp/meter**2',
  'siemens/meter**2',
  '1/second',
  'integer',
  'boolean',
  'mV',
  'volt**0.5',
  'Hz**-1',
  'foo',
  'volt volt',
  '',
  '2*volt',
  'kilogram*metre**2/second**3/amp',
];
const FLAGS = [
  '',
  '(constant)',
  '(shared)',
  '(linked)',
  '(unless refractory)',
  '(constant over dt)',
  '(summed)',
  '(clock-driven)',
  '(event-driven)',
  '(point current)',
  '(shared, constant)',
  '(constant, constant)',
  '(unless refractory, shared)',
  '()',
  '(foo)',
  '(unless  refractory)',
  '(',
];
const NAMES = [
  'v',
  'w',
  'x',
  'ge',
  'gi',
  'I',
  'u',
  'i',
  't',
  'dt',
  'N',
  'xi',
  'lambda',
  'exp',
  'int',
  'True',
  '_x',
  'x_pre',
  'v_post',
  'lastspike',
  'not_refractory',
  'xi_1',
  'y2',
  'ÿ',
  `a${'b'.repeat(300)}`,
];
const TOKENS = [
  ':',
  ' : ',
  '=',
  '==',
  '+=',
  '/dt',
  'd',
  '(',
  ')',
  '**',
  '*',
  '\n',
  '\r\n',
  '\\\n',
  ';',
  ',',
  '#',
  ' # comment',
  ' (unless refractory)',
  'xi',
  'xi_2',
  'rand()',
  '1e999',
  '\t',
  '\u00a0',
  '\u2028',
  '\0',
  '"',
  "'",
  '`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template substitution in model text, on purpose
  '${x}',
];

type Mutation = (text: string, a: number, b: number) => string;

const at = (text: string, k: number) => (text.length === 0 ? 0 : k % (text.length + 1));
const lines = (text: string) => text.split('\n');
const replaceNth = (text: string, pattern: RegExp, k: number, by: string): string => {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = matches[k % matches.length];
  return text.slice(0, m.index) + by + text.slice(m.index! + m[0].length);
};

/** One edit of an equation block; a and b are random choices. */
const MUTATIONS: readonly Mutation[] = [
  (s, a, b) => s.slice(0, at(s, a)) + s.slice(at(s, a) + (b % 12)),
  (s, a, b) => {
    const l = lines(s);
    const k = a % l.length;
    const m = b % l.length;
    [l[k], l[m]] = [l[m], l[k]];
    return l.join('\n');
  },
  (s, a) => {
    const l = lines(s);
    l.splice(a % l.length, 0, l[a % l.length]);
    return l.join('\n');
  },
  (s, a) => {
    const l = lines(s);
    l.splice(a % l.length, 1);
    return l.join('\n');
  },
  (s, a, b) => s.slice(0, at(s, a)) + TOKENS[b % TOKENS.length] + s.slice(at(s, a)),
  (s, a, b) => replaceNth(s, /:\s*[^:(#\n]+/g, a, `: ${UNITS[b % UNITS.length]} `),
  (s, a, b) => replaceNth(s, /\([a-z -,]*\)\s*($|#)/gm, a, `${FLAGS[b % FLAGS.length]}\n`),
  (s, a, b) =>
    replaceNth(s, /:\s*[^:(#\n]+$/gm, a, `: ${UNITS[a % UNITS.length]} ${FLAGS[b % FLAGS.length]}`),
  (s, a, b) => replaceNth(s, /\b[A-Za-z_]\w*\b/g, a, NAMES[b % NAMES.length]),
  (s, a, b) => replaceNth(s, /[-+*/]/g, a, ['+', '-', '*', '/', '**', '//', '%', '<', 'and'][b % 9]),
  (s, a) => replaceNth(s, /\/dt/g, a, ['/dt**2', '/dt2', '/ dt', '/dx', ''][a % 5]),
  (s, a) => replaceNth(s, /\d+(\.\d*)?/g, a, ['0', '1e308', '1e-320', 'inf', '-1', '0.0', 'nan'][a % 7]),
  (s, a) => `${s}\n${['', '#', 'dz/dt = z/ms : 1', 'v : volt', 'y = : 1', ': 1', '= 1 : 1'][a % 7]}`,
];

const mutationStep = fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.nat(), fc.nat());

/** A corpus model after 1 to 4 edits, sometimes with a hostile comment. */
export const mutatedEquations: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...EQUATION_CORPUS),
    fc.array(mutationStep, { minLength: 0, maxLength: 4 }),
    fc.option(payload, { freq: 6 }),
  )
  .map(([text, steps, hostile]) => {
    let out = text;
    for (const [m, a, b] of steps) out = MUTATIONS[m](out, a, b);
    return hostile === null ? out : `${out} # ${hostile}`;
  });

// ---------------------------------------------------------------------------------------------

const STATE_UNITS: Record<string, string> = {
  volt: 'mV',
  amp: 'pA',
  siemens: 'nS',
  '1': '1',
  hertz: 'Hz',
  'amp/meter**2': 'uA/cm**2',
};

const FITTING_FLAGS: Record<string, readonly string[]> = {
  ode: ['', '', '', '(unless refractory)'],
  sub: ['', '', '(constant over dt)', '(shared)'],
  param: ['', '', '(constant)', '(shared)', '(shared, constant)'],
};

interface Line {
  readonly name: string;
  readonly unit: string;
}

/** `dX/dt = … : unit [flags]`, `Y = … : unit [flags]`, `P : unit [flags]` lines from a grammar. */
export const grammarEquations: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      kind: fc.constantFrom('ode', 'ode', 'ode', 'sub', 'param'),
      unit: fc.constantFrom(...Object.keys(STATE_UNITS)),
      // a flag that fits the kind of line, or (one in five) any flag
      flag: fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom(...FLAGS) }),
      noise: fc.boolean(),
      nonlinear: fc.constantFrom(
        '',
        '',
        ' * exp(-X/(1*U))',
        ' * X**2/(1*U)**2',
        ' * sin(t/ms)',
        ' * (X > 0*U)',
        ' + X*rand()',
      ),
      comment: fc.option(fc.constantFrom('# a comment', '# ü ñ', '#', `# ${'x'.repeat(200)}`), { freq: 4 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) => {
    const declared: Line[] = [];
    const out: string[] = [];
    specs.forEach((s, k) => {
      const name = `${['v', 'w', 'g', 'm', 'y'][k]}${k}`;
      const u = STATE_UNITS[s.unit];
      // another variable of the same unit, or a constant of it
      const other = declared.find((d) => d.unit === s.unit)?.name ?? `(1*${u})`;
      const nonlinear = s.nonlinear.replace(/X/g, name).replace(/U/g, u);
      let line: string;
      if (s.kind === 'ode') {
        const noise = s.noise ? ` + (1*${u})*xi*tau**-0.5` : '';
        line = `d${name}/dt = (${other} - ${name})/tau${nonlinear}${noise} : ${s.unit}`;
      } else if (s.kind === 'sub') {
        line = `${name} = ${other}${nonlinear.replace(name, other)} : ${s.unit}`;
      } else {
        line = `${name} : ${s.unit}`;
      }
      const fitting = FITTING_FLAGS[s.kind];
      const flag = typeof s.flag === 'number' ? fitting[s.flag % fitting.length] : s.flag;
      out.push(`${line} ${flag}${s.comment ? ` ${s.comment}` : ''}`);
      declared.push({ name, unit: s.unit });
    });
    return out.join('\n');
  });

// ---------------------------------------------------------------------------------------------

const UNIT_NAMES = new Set<string>();

/** Whether `name` is a unit or constant that model code knows (then it is not given a value). */
function known(name: string): boolean {
  if (DEFAULT_FUNCTIONS.has(name) || UNIT_NAMES.has(name)) return true;
  try {
    q(name);
    UNIT_NAMES.add(name);
    return true;
  } catch {
    return false;
  }
}

/** Values for the names of an equation block that are not declared in it, guessed from the name. */
export function guessNamespace(text: string): Namespace {
  const declared = new Set<string>();
  for (const m of text.matchAll(/^\s*(?:d(\w+)\/dt|(\w+))\s*[=:]/gm)) declared.add(m[1] ?? m[2]);
  const ns: Record<string, unknown> = {};
  const code = text.replace(/#.*$/gm, '');
  for (const [name] of code.matchAll(/\b[A-Za-z]\w*\b/g)) {
    if (declared.has(name) || name in ns || known(name) || /^(d\w+|dt|t|i|j|N|xi\w*)$/.test(name)) continue;
    if (/_(pre|post)$/.test(name)) continue;
    ns[name] = /^tau/.test(name)
      ? ms(10)
      : /^(E|V|El|EL|mu|theta|sigma)/.test(name)
        ? mV(-60)
        : /^g/.test(name)
          ? nS(10)
          : /^C/.test(name)
            ? pF(200)
            : /^I/.test(name)
              ? pA(100)
              : 1;
  }
  if (!('tau' in ns) && !declared.has('tau')) ns.tau = ms(10);
  return ns as Namespace;
}
