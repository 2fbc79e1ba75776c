import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { cppComment, cppString, mangleId } from '../../src/compiler/4-generate/cpp/names.ts';
import { jsComment, jsIdentifierPart, jsString } from '../../src/compiler/4-generate/js/escape.ts';
import { resetDevice } from '../../src/devices/active.ts';
import { responseFileArgument } from '../../src/devices/standalone/makefile.ts';
import {
  implementation,
  ms,
  NeuronGroup,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  setDevice,
  startScope,
  TimedArray,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { projectDirectory, STANDALONE_SKIP } from '../standalone/devices.ts';

/**
 * Issue 14, "names become code": no user-given string is ever executed. Names are validated
 * where they are given (coded `invalid_name`); everything printed into generated JavaScript, C++,
 * compiler response files and Makefiles goes through one escaping function per target, checked
 * here with generated hostile strings (fast-check, fixed seed).
 */

const SEED = 1414;
const marker = () => (globalThis as Record<string, unknown>).__INJ;

/** Strings built to break out of comments, strings and command lines, mixed with any text. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '\n',
        '\r',
        '\u2028',
        '\u2029',
        '*/',
        '/*',
        '\\',
        '"',
        "'",
        '`',
        '${',
        '$(shell touch INJ)',
        '??/',
        ';',
        '#error INJECTED',
        'globalThis.__INJ=1;',
        '#include <INJECTED>',
        '\0',
        ' ',
        'é',
        '😀',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join('')),
);

/** Splits `12:…bytes…3:…` output into the byte strings. */
function lengthPrefixed(out: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < out.length) {
    const colon = out.indexOf(':', at);
    const n = Number(out.subarray(at, colon).toString());
    parts.push(out.subarray(colon + 1, colon + 1 + n));
    at = colon + 1 + n;
  }
  return parts;
}

test('hostile object, clock, TimedArray and pathway names are refused with invalid_name', () => {
  startScope();
  fc.assert(
    fc.property(hostile, (name) => {
      fc.pre(!/^[_A-Za-z][_A-Za-z0-9]*\*?$/.test(name));
      throwsCode(() => new NeuronGroup(1, 'v : 1', { name }), 'invalid_name');
      throwsCode(() => new TimedArray(ms([1]), { dt: ms(1), name }), 'invalid_name');
    }),
    { seed: SEED, numRuns: 300 },
  );
  // The payloads of issue 14 in particular:
  throwsCode(() => new NeuronGroup(2, 'v : 1', { name: 'x\nglobalThis.__INJ=1;//' }), 'invalid_name');
  const G = new NeuronGroup(2, 'v : 1');
  throwsCode(() => new Synapses(G, G, { name: 's"; system("id"); //' }), 'invalid_name');
  throwsCode(() => new Synapses(G, G, { onPre: { 'p\n#error': 'v += 1' } }), 'invalid_name');
  // Names used as they are (events, pathways, the multisynaptic index) take no numbering `*`:
  // `onEvent: 'spike*'` named an event that never exists.
  throwsCode(() => new Synapses(G, G, { onPre: 'v += 1', onEvent: 'spike*' }), 'invalid_name');
  throwsCode(() => new Synapses(G, G, { onPre: { 'pre*': 'v += 1' } }), 'invalid_name');
  throwsCode(() => new Synapses(G, G, { onPre: 'v += 1', multisynapticIndex: 'k*' }), 'invalid_name');
  assert.equal(marker(), undefined);
});

test('JavaScript: comments stay comments, strings round-trip, identifiers are identifiers', () => {
  fc.assert(
    fc.property(hostile, (text) => {
      const fn = new Function(`// kernel ${jsComment(text)}\nreturn ${jsString(text)};`);
      assert.equal(fn(), text);
      assert.match(`_k_${jsIdentifierPart(text)}`, /^[A-Za-z_][A-Za-z0-9_]*$/);
      assert.equal(marker(), undefined);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test('C++: comments stay comments, string literals round-trip, identifiers are identifiers', {
  skip: STANDALONE_SKIP,
}, () => {
  const texts = fc.sample(hostile, { seed: SEED, numRuns: 300 });
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-escape-'));
  try {
    const lines = ['#include <cstdio>', 'int main() {'];
    texts.forEach((text, k) => {
      lines.push(`  // ${cppComment(text)}`);
      lines.push(`  int ${mangleId(`v_${text}`)}_${k} = ${k}; (void)${mangleId(`v_${text}`)}_${k};`);
      lines.push(
        `  { const char s[] = ${cppString(text)}; printf("%zu:", sizeof(s) - 1); fwrite(s, 1, sizeof(s) - 1, stdout); }`,
      );
    });
    lines.push('  return 0;', '}');
    writeFileSync(join(dir, 'escape.cpp'), lines.join('\n'));
    const built = spawnSync('g++', ['-std=c++17', '-o', join(dir, 'escape'), join(dir, 'escape.cpp')], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    const out = spawnSync(join(dir, 'escape'), { encoding: 'buffer' });
    assert.deepEqual(
      lengthPrefixed(out.stdout),
      texts.map((t) => Buffer.from(t, 'utf8')),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('response files: the compiler receives each argument exactly, make and the shell never see it', {
  skip: STANDALONE_SKIP,
}, () => {
  const values = fc.sample(hostile, { seed: SEED, numRuns: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-rsp-'));
  try {
    const lines = ['#include <cstdio>', 'int main() {'];
    for (let k = 0; k < values.length; k++) {
      lines.push(`  printf("%zu:", sizeof(V${k}) - 1); fwrite(V${k}, 1, sizeof(V${k}) - 1, stdout);`);
    }
    lines.push('  return 0;', '}');
    writeFileSync(join(dir, 'rsp.cpp'), lines.join('\n'));
    const args = values.map((value, k) => `-DV${k}=${cppString(value)}`);
    writeFileSync(join(dir, 'args.rsp'), args.map(responseFileArgument).join('\n'));
    const built = spawnSync('g++', ['-std=c++17', '-o', 'rsp', `@args.rsp`, 'rsp.cpp'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    const out = spawnSync(join(dir, 'rsp'), { encoding: 'buffer' }).stdout;
    assert.deepEqual(
      lengthPrefixed(out),
      values.map((v) => Buffer.from(v, 'utf8')),
    );
    assert.equal(existsSync(join(dir, 'INJ')), false, 'no $(shell …) was run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cpp_standalone: user-function directories, macros, sources and compiler arguments are not expanded by make or a shell', {
  skip: STANDALONE_SKIP,
}, () => {
  const work = mkdtempSync(join(tmpdir(), 'brian-ts-inj-'));
  const flag = join(work, 'INJECTED');
  const payload = `$(shell touch ${flag})`;
  // A source in a directory whose name make and the shell would interpret.
  const srcDir = join(work, `dir with $(shell touch ${flag}) 'quote' & ;`);
  mkdirSync(srcDir, { recursive: true });
  writeFileSync(join(srcDir, 'helper.h'), 'double helper_value();\n');
  writeFileSync(join(srcDir, 'helper.cpp'), '#include "helper.h"\ndouble helper_value() { return 2.5; }\n');
  try {
    setDevice('cpp_standalone', {
      directory: projectDirectory('no injection through make'),
      extraCompileArgs: [`-DEXTRA_ARG=${cppString(payload)}`],
    });
    startScope();
    const same = (macro: string) => `(std::strcmp(${macro}, ${cppString(payload)}) == 0)`;
    const helper = implementation({
      name: 'helper',
      args: [],
      result: 1,
      cpp: {
        code: `static inline double helper() { return helper_value() + 10 * ${same('MACRO')} + 100 * ${same('EXTRA_ARG')}; }`,
        headers: ['"helper.h"', '<cstring>'],
        includeDirs: [srcDir, `/nonexistent/${payload}`],
        libraryDirs: [`/nonexistent/${payload}`],
        sources: [join(srcDir, 'helper.cpp')],
        defineMacros: { MACRO: cppString(payload) },
      },
    });
    const G = new NeuronGroup(1, 'y : 1', { namespace: { helper } });
    G.y = 'helper()';
    const M = new StateMonitor(G, 'y', { record: true });
    run(ms(0.1));
    assert.equal(existsSync(flag), false, 'make or a shell expanded a user string');
    // The source was compiled in, and both macros arrived as the exact strings.
    assert.equal(M.y_[0][0], 112.5);
  } finally {
    resetDevice();
    startScope();
    rmSync(work, { recursive: true, force: true });
  }
});

test('the compiler command is checked (it is the one user string make runs)', {
  skip: STANDALONE_SKIP,
}, () => {
  try {
    setDevice('cpp_standalone', {
      directory: projectDirectory('compiler command'),
      compiler: 'g++; touch x',
    });
    startScope();
    const G = new NeuronGroup(1, 'dv/dt = -v/ms : 1', { threshold: 'v > 1' });
    new SpikeMonitor(G);
    throwsCode(() => run(ms(0.1)), 'bad_argument');
  } finally {
    resetDevice();
    startScope();
  }
});
