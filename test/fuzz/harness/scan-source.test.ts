import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cppComment, cppString, mangleId } from '../../../src/compiler/4-generate/cpp/names.ts';
import { jsComment, jsIdentifierPart, jsString } from '../../../src/compiler/4-generate/js/escape.ts';
import { MARKER, PAYLOADS } from './payloads.ts';
import { injectedCode, injectedMakefile } from './scan-source.ts';

/**
 * The injection oracle must see a payload that breaks out and must not see one that stays in
 * its comment, string or identifier: checked on every payload, escaped by the generators' own
 * functions and printed raw.
 */

test('escaped payloads stay in their comments, literals and identifiers', () => {
  for (const p of PAYLOADS) {
    const js = [
      `// kernel ${jsComment(p)}`,
      `const _name = ${jsString(p)};`,
      `const _k_${jsIdentifierPart(p)} = 1;`,
      `const _t = \`${'${'}_name}\`; /* ${jsComment(p).replace(/\*\//g, '*\\/')} */`,
    ].join('\n');
    assert.equal(injectedCode(js, 'js'), undefined, `js: ${JSON.stringify(p)}`);
    const cpp = [
      `// kernel ${cppComment(p)}`,
      `const char* _name = ${cppString(p)};`,
      `int _k_${mangleId(p)} = 1;`,
    ].join('\n');
    assert.equal(injectedCode(cpp, 'cpp'), undefined, `cpp: ${JSON.stringify(p)}`);
  }
});

test('payloads printed raw into the same places are found', () => {
  let js = 0;
  let cpp = 0;
  for (const p of PAYLOADS) {
    // each payload breaks out of at least one of these contexts in its own language
    const jsContexts = [
      `// kernel ${p}\n`,
      `const _name = "${p}";`,
      `const _t = \`${p}\`;`,
      `/* ${p} */`,
      `_a["${p}"];`,
    ];
    if (jsContexts.some((c) => injectedCode(c, 'js') !== undefined)) js++;
    const cppContexts = [`// kernel ${p}\nint x;`, `const char* _name = "${p}";`, `/* ${p} */`];
    if (cppContexts.some((c) => injectedCode(c, 'cpp') !== undefined)) cpp++;
  }
  // the JavaScript payloads break JavaScript, the C++ ones C++ (a few are meant for make)
  assert.ok(js >= 12, `${js} payloads found raw in JavaScript`);
  assert.ok(cpp >= 6, `${cpp} payloads found raw in C++`);
  // a backslash before the line end splices lines: a comment swallows the next one, code continues
  assert.equal(injectedCode(`// a\\\nint ${MARKER} = 1;`, 'cpp'), undefined);
  assert.ok(injectedCode(`int a; \\\nint ${MARKER} = 1;`, 'cpp'));
  assert.ok(injectedCode(`"a\\\n"; int ${MARKER} = 1;`, 'cpp'), 'a spliced string literal ends there');
  assert.ok(injectedCode(`// a\u2028${MARKER}=1`, 'js'), 'U+2028 ends a JavaScript comment');
  assert.ok(injectedMakefile(`CXXFLAGS = $(shell touch /tmp/${MARKER})`));
});
