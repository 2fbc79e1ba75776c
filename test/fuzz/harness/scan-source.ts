import { MARKER } from './payloads.ts';

/**
 * The injection oracle on generated source: user text may appear in comments and in string
 * literals (escaped), never as code. These small lexers drop comments and literals the way
 * the JavaScript engine and the C++ compiler read them (C++: lines spliced by a backslash before
 * the line end, so `// text\` swallows the next line, as g++ does), and what is left is the code;
 * MARKER in it means a payload broke out of its context.
 */

/** The code of a JavaScript source without its comments, strings and template text. */
export function jsCode(source: string): string {
  let out = '';
  // template literals nest: each `${` inside one opens code until its matching `}`
  const braces: number[] = [];
  let k = 0;
  const n = source.length;
  const lineEnd = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
  const template = (): void => {
    // k is just after a backtick or a closing `}` of a substitution
    while (k < n) {
      const c = source[k];
      if (c === '\\') k += 2;
      else if (c === '`') {
        k++;
        return;
      } else if (c === '$' && source[k + 1] === '{') {
        k += 2;
        braces.push(0);
        return;
      } else k++;
    }
  };
  while (k < n) {
    const c = source[k];
    const d = source[k + 1];
    if (c === '/' && d === '/') {
      while (k < n && !lineEnd(source[k])) k++;
    } else if (c === '/' && d === '*') {
      const end = source.indexOf('*/', k + 2);
      k = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      k++;
      while (k < n && source[k] !== c && !lineEnd(source[k])) k += source[k] === '\\' ? 2 : 1;
      k++;
      out += ' "" ';
    } else if (c === '`') {
      k++;
      template();
      out += ' `` ';
    } else if (braces.length > 0 && (c === '{' || c === '}')) {
      if (c === '{') braces[braces.length - 1]++;
      else if (braces[braces.length - 1] > 0) braces[braces.length - 1]--;
      else {
        braces.pop();
        k++;
        template();
        continue;
      }
      out += c;
      k++;
    } else {
      out += c;
      k++;
    }
  }
  return out;
}

/** The code of a C++ source without its comments and string and character literals. */
export function cppCode(source: string): string {
  // translation phase 2: a backslash before a line end joins the lines (everywhere)
  const text = source.replace(/\\\r?\n/g, '');
  let out = '';
  let k = 0;
  const n = text.length;
  while (k < n) {
    const c = text[k];
    const d = text[k + 1];
    if (c === '/' && d === '/') {
      while (k < n && text[k] !== '\n') k++;
    } else if (c === '/' && d === '*') {
      const end = text.indexOf('*/', k + 2);
      k = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      k++;
      while (k < n && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      k++;
      out += ' "" ';
    } else {
      out += c;
      k++;
    }
  }
  return out;
}

/**
 * MARKER as a token of its own: a payload's `globalThis.__brianFuzzInjected` or its file path
 * is, a mangled name that merely contains it (`_k_globalThis___brianFuzzInjected_1`) is not.
 */
const MARKER_TOKEN = new RegExp(`(?<![A-Za-z0-9_$])${MARKER}(?![A-Za-z0-9_$])`);

/** Where MARKER appears as code in `source` (a few lines around it), or undefined. */
export function injectedCode(source: string, language: 'js' | 'cpp'): string | undefined {
  if (!source.includes(MARKER)) return undefined;
  const code = language === 'js' ? jsCode(source) : cppCode(source);
  const at = code.search(MARKER_TOKEN);
  if (at < 0) return undefined;
  return code.slice(Math.max(0, at - 120), at + 60);
}

/** A Makefile (make expands `$(…)` and runs recipes in a shell) must not mention user text at all. */
export function injectedMakefile(source: string): string | undefined {
  const at = source.indexOf(MARKER);
  return at < 0 ? undefined : source.slice(Math.max(0, at - 120), at + 60);
}
