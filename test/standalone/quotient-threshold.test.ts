import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { quotientThreshold } from '../../src/core/math/quotient-threshold.ts';
import { mathTablesHeader } from '../../src/devices/standalone/math-tables-source.ts';
import { DEFAULT_OPTIMISATION_FLAGS } from '../../src/devices/standalone/options.ts';
import { BRIANLIB_DIR } from '../../src/devices/standalone/write-project.ts';
import { STANDALONE_SKIP } from './devices.ts';

/** The bits of a double as 16 hex digits (what the C++ side prints with %016llx). */
function hexBits(x: number): string {
  const f = new Float64Array([x]);
  return new BigUint64Array(f.buffer)[0].toString(16).padStart(16, '0');
}

/**
 * Refractoriness compares with `_brian_quotient_threshold(m, dt)` in C++ and `quotientThreshold`
 * in JavaScript: the two must give the same bits, or runtime and standalone would disagree on
 * which step a neuron leaves its refractory period.
 */
test('the C++ quotient threshold has the same bits as the JavaScript one', { skip: STANDALONE_SKIP }, () => {
  const cases: [number, number][] = [];
  for (const d of [1e-4, 5e-5, 1e-5, 0.025e-3, 1 / 3, 2 ** -14, 0.1, 1e-320, 1e100]) {
    for (let n = -3; n <= 300; n++) cases.push([n, d]);
    for (let n = -3; n <= 0; n++) cases.push([-((1 - n) * (1 - 2 ** -53)), d]);
    cases.push([1e300, d], [2 ** 31 - 1, d], [-(2 ** 31), d]);
  }
  cases.push([1, 0], [1, -1], [Number.NaN, 1], [Number.POSITIVE_INFINITY, 1], [Number.NEGATIVE_INFINITY, 1]);
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-quotient-'));
  try {
    writeFileSync(join(dir, 'math_tables.h'), mathTablesHeader());
    writeFileSync(join(dir, 'cases.txt'), cases.map(([m, d]) => `${hexBits(m)} ${hexBits(d)}`).join('\n'));
    writeFileSync(
      join(dir, 'check.cpp'),
      `#include "functions.h"
#include <cinttypes>
#include <cstdio>
static double from_bits(uint64_t u) { double x; std::memcpy(&x, &u, 8); return x; }
int main() {
  std::FILE* in = std::fopen("cases.txt", "r");
  uint64_t m, d;
  while (std::fscanf(in, "%" SCNx64 " %" SCNx64, &m, &d) == 2) {
    const double t = _brian_quotient_threshold(from_bits(m), from_bits(d));
    uint64_t u;
    std::memcpy(&u, &t, 8);
    std::printf("%016" PRIx64 "\\n", u);
  }
}
`,
    );
    const exe = join(dir, 'check');
    const built = spawnSync('g++', [
      ...DEFAULT_OPTIMISATION_FLAGS,
      '-std=c++17',
      `-I${BRIANLIB_DIR}`,
      `-I${dir}`,
      join(dir, 'check.cpp'),
      '-o',
      exe,
    ]);
    assert.equal(built.status, 0, String(built.stderr));
    const lines = spawnSync(exe, [], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach(([m, d], k) => {
      const js = quotientThreshold(m, d);
      // Every NaN is "no x passes"; the payload bits may differ.
      if (Number.isNaN(js)) assert.ok(/^(7ff|fff)[89a-f]/.test(lines[k]), `m=${m} d=${d}: C++ ${lines[k]}`);
      else assert.equal(lines[k], hexBits(js), `m=${m} d=${d}: JavaScript ${js}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
