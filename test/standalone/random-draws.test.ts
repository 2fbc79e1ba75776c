/**
 * The reference table of random draws (src/core/random/draws.reference.json) on every target:
 * brianlib's C++ generator directly, and the end-to-end model (a setter, rand/randn/poisson at
 * every step, a second network in the next epoch) on the runtime device with JavaScript and with
 * compiled kernels, and on the standalone device with 1 and 2 OpenMP threads.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import type { CppStandaloneDevice } from '../../src/devices/standalone/cpp-standalone-device.ts';
import { mathTablesHeader } from '../../src/devices/standalone/math-tables-source.ts';
import { BRIANLIB_DIR } from '../../src/devices/standalone/write-project.ts';
import { defaultclock, ms, setDevice, startScope } from '../../src/index.ts';
import { type ModelDraws, runDrawsModel, type SequenceKey } from '../helpers/random-draws.ts';
import { HAS_COMPILER, projectDirectory } from './devices.ts';

const TABLE = JSON.parse(
  readFileSync(new URL('../../src/core/random/draws.reference.json', import.meta.url), 'utf8'),
);
const SKIP = HAS_COMPILER ? false : 'g++ not found';

/** A C++ program calling brianlib's generator for the table's known answers and sequences. */
function brianlibProgram(): string {
  const lines = [
    '#include <cstdio>',
    '#include "random.h"',
    'namespace brian { DrawContext _draws; }',
    'int main() {',
    '  uint32_t o0, o1, key[2];',
  ];
  for (const { ctr, key } of TABLE.threefry2x32_20_known_answers) {
    lines.push(
      `  brian::threefry2x32(0x${key[0]}u, 0x${key[1]}u, 0x${ctr[0]}u, 0x${ctr[1]}u, o0, o1); std::printf("%08x %08x\\n", o0, o1);`,
    );
  }
  for (const s of TABLE.sequences as SequenceKey[]) {
    const time = BigInt(s.time);
    lines.push('  {');
    lines.push(
      `    brian::DrawContext c; c.seed_lo = ${s.seed % 2 ** 32}u; c.seed_hi = ${Math.floor(s.seed / 2 ** 32)}u; c.epoch = ${s.epoch}u; c.once = ${s.once}; c.call = ${time}ull;`,
    );
    lines.push(`    c.invocation(${s.stream}u, ${time}ll, key);`);
    lines.push(`    brian::SiteDraws d(brian::SiteKey(key, ${s.site}u), (uint32_t)${s.element >>> 0}u);`);
    // binomialInversion(20, 0.1, q, q**20, 20) as test/helpers/random-draws.ts calls it.
    lines.push('    const double q = 1 - 0.1;');
    lines.push(`    const double qn = ${(0.9 ** 20).toPrecision(17)};`);
    // One statement per draw: the order of the sequence (table.sequence).
    lines.push(
      '    double y[8];',
      '    y[0] = d.rand(); y[1] = d.rand(); y[2] = d.rand(); y[3] = d.randn(); y[4] = d.randn();',
      '    y[5] = d.poisson(3.5); y[6] = d.poisson(40);',
    );
    lines.push(
      '    long X = 0; double px = qn, U = d.rand();',
      '    while (U > px) { X++; if (X > 20) { X = 0; px = qn; U = d.rand(); } else { U -= px; px = ((20 - X + 1) * 0.1 * px) / (X * q); } }',
      '    y[7] = (double)X;',
      '    for (int k = 0; k < 8; k++) std::printf("%.17g\\n", y[k]);',
    );
    lines.push('  }');
  }
  const r = TABLE.long_run;
  lines.push(
    '  {',
    `    brian::DrawContext c; c.seed_lo = ${r.seed}u; c.seed_hi = 0u; c.epoch = ${r.epoch}u;`,
    `    c.invocation(${r.stream}u, ${r.time}ll, key);`,
    '    for (int site = 0; site < 4; site++) {',
    `      brian::SiteDraws d(brian::SiteKey(key, (uint32_t)site), ${r.element}u);`,
    '      double sum = 0;',
    `      for (int k = 0; k < ${r.length}; k++) sum += site == 0 ? d.rand() : site == 1 ? d.randn() : d.poisson(site == 2 ? 3.5 : 40);`,
    '      std::printf("%.17g\\n", sum);',
    '    }',
    '  }',
  );
  lines.push('}');
  return lines.join('\n');
}

test("brianlib's generator gives the reference table (C++)", { skip: SKIP }, () => {
  const dir = join(projectDirectory('random-draws-brianlib'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'math_tables.h'), mathTablesHeader());
  writeFileSync(join(dir, 'main.cpp'), brianlibProgram());
  const build = spawnSync(
    'g++',
    ['-std=c++17', '-O2', '-ffp-contract=off', `-I${BRIANLIB_DIR}`, `-I${dir}`, 'main.cpp', '-o', 'draws'],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(build.status, 0, build.stderr);
  const out = spawnSync(join(dir, 'draws'), { encoding: 'utf8' }).stdout.trim().split('\n');
  const kat = TABLE.threefry2x32_20_known_answers.length;
  TABLE.threefry2x32_20_known_answers.forEach((k: { out: string[] }, n: number) => {
    assert.equal(out[n], k.out.join(' '));
  });
  TABLE.sequences.forEach((s: { draws: number[] }, n: number) => {
    const got = out.slice(kat + 8 * n, kat + 8 * (n + 1)).map(Number);
    assert.deepEqual(got, s.draws, `sequence ${n}`);
  });
  const sums = out.slice(kat + 8 * TABLE.sequences.length).map(Number);
  assert.deepEqual(sums, TABLE.long_run.sums, 'sums over long runs (rand, randn, poisson 3.5, poisson 40)');
});

function checkModel(got: ModelDraws): void {
  assert.deepEqual(got.setter, TABLE.model.setter, 'setter');
  assert.deepEqual(got.recorded, TABLE.model.recorded, 'recorded draws');
}

function onDevice(
  label: string,
  select: () => CppStandaloneDevice | undefined,
  options: { skip?: string | false } = {},
) {
  test(`the model draws the reference table: ${label}`, { skip: options.skip ?? false }, () => {
    defaultclock.dt = ms(0.1);
    const standalone = select();
    try {
      const read = runDrawsModel();
      standalone?.build();
      checkModel(read());
    } finally {
      resetDevice();
      startScope();
    }
  });
}

onDevice('runtime, JavaScript kernels', () => {
  resetDevice({ target: 'js' });
  return undefined;
});
onDevice(
  'runtime, compiled kernels',
  () => {
    resetDevice({ target: 'cpp' });
    return undefined;
  },
  { skip: SKIP },
);
for (const threads of [0, 2]) {
  onDevice(
    `cpp_standalone, ${threads || 1} thread${threads ? 's' : ''}`,
    () =>
      setDevice('cpp_standalone', {
        directory: projectDirectory(`random-draws-${threads}`),
        buildOnRun: false,
        threads,
      }),
    { skip: SKIP },
  );
}
