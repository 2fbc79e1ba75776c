import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Hostile text for the fuzz suite: strings built to break out of the JavaScript and C++ contexts
 * that generated code puts user text into (identifiers, `//` and block comments, string
 * literals, template literals, bracket lookups, Makefiles and shell command lines). Every payload
 * names MARKER, the identifier whose appearance as *code* (outside comments and literals, see
 * scan-source.ts) or whose side effects (a global set, the marker file created) mean that text
 * escaped: an injection.
 */

export const MARKER = '__brianFuzzInjected';

/**
 * The file a shell, make or C++ payload would create if it ran: one folder per process, named
 * after the marker so that even the path in a payload reads as MARKER to the scanner.
 */
export const MARKER_FILE = join(tmpdir(), `brian-ts-fuzz-${process.pid}`, MARKER);

const touch = `touch ${MARKER_FILE}`;
const setGlobal = `globalThis.${MARKER}=1`;
const cppRun = `int ${MARKER} = system("${touch}");`;

/** Text that, printed unescaped into generated code, would run (each contains MARKER). */
export const PAYLOADS: readonly string[] = [
  // JavaScript: line terminators end `//` comments; quotes, backticks, `${`, `*/` and `]` end
  // strings, templates, block comments and bracket lookups.
  `\n${setGlobal};//`,
  `\r${setGlobal};//`,
  `\u2028${setGlobal};//`,
  `\u2029${setGlobal};//`,
  `*/${setGlobal};/*`,
  `"+(${setGlobal})+"`,
  `'+(${setGlobal})+'`,
  `\`+(${setGlobal})+\``,
  `\${${setGlobal}}`,
  `"];${setGlobal};//`,
  `\\";${setGlobal};//`,
  `\nprocess.getBuiltinModule("fs").writeFileSync(${JSON.stringify(MARKER_FILE)},"");${setGlobal}//`,
  // C++: a backslash (or the trigraph ??/) at the end of a `//` comment continues it; quotes end
  // string literals; `#` starts a directive on a fresh line.
  `\n${cppRun}//`,
  `\\\n${cppRun}`,
  `??/\n${cppRun}`,
  `"); ${cppRun} //`,
  `*/ ${cppRun} /*`,
  `\n#define ${MARKER} system("${touch}")\n`,
  // make and the shell: command substitution and separators.
  `$(shell ${touch})`,
  `$(${touch})`,
  `\`${touch}\``,
  `;${touch};#`,
  `' ; ${touch} ; '`,
];

/** Pieces that break lexers and escapers without being payloads themselves. */
const FRAGMENTS = [
  '\n',
  '\r',
  '\t',
  '\0',
  '\u2028',
  '\u2029',
  '\\',
  '"',
  "'",
  '`',
  '${',
  '*/',
  '/*',
  '//',
  '#',
  '??/',
  '$(',
  ';',
  ' ',
  'é',
  'µ',
  'ﬁ',
  '😀',
  '\ud800',
  'Ω',
  '\u200b',
  '_',
  'x',
  '1',
];

/** A payload, possibly inside a prefix and suffix of plausible or hostile text. */
export const payload: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'x', 'G', 'v', 'neurongroup', 'a b', '1'),
    fc.constantFrom(...PAYLOADS),
    fc.constantFrom('', 'x', ' ', '\n', '//', '*'),
  )
  .map(([a, p, b]) => a + p + b);

/** Any hostile string: payloads, fragment soup, arbitrary unicode, very long text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: payload },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(5000), `${'a'.repeat(300)}*`, '*', 'a**') },
);
