/**
 * How text that did not come from brian-ts itself (object, array, kernel and function names)
 * enters generated JavaScript: only through these functions. Names are validated where users
 * give them (Brian's identifier rule), so these are the second line of defence: whatever the
 * text, a comment stays a comment, an identifier an identifier and a string a string.
 */

/** `text` as an identifier fragment: anything but ASCII letters, digits and `_` becomes `_`. */
export function jsIdentifierPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * `text` inside a `//` comment: printable ASCII is kept, everything else (line terminators,
 * U+2028/U+2029, control characters, non-ASCII) is written as `\u{…}`, so the comment cannot end
 * before the line does.
 */
export function jsComment(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** `text` as a JavaScript string literal. */
export function jsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
