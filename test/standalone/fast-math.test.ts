import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brianExprel } from '../../src/core/math/exprel.ts';
import { resetDevice } from '../../src/devices/active.ts';
import { mathTablesHeader } from '../../src/devices/standalone/math-tables-source.ts';
import { DEFAULT_OPTIMISATION_FLAGS, FAST_MATH_FLAGS } from '../../src/devices/standalone/options.ts';
import { BRIANLIB_DIR } from '../../src/devices/standalone/write-project.ts';
import {
  farad,
  metre,
  ms,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  run,
  StateMonitor,
  second,
  setDevice,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { lcg, ulps } from '../helpers/floats.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { projectDirectory, STANDALONE_SKIP } from './devices.ts';

/**
 * fastMath (Brian's -ffast-math and a vectorised exp) changes results in the last bits only: the
 * HH traces still match Brian 2.5.1 to 1e-9.
 */
test('with fastMath the HH traces still match Brian 2.5.1', { skip: STANDALONE_SKIP }, () => {
  const ref = loadReference('hh_exponential_euler');
  const m = ref.model;
  setDevice('cpp_standalone', { directory: projectDirectory('fast math hh'), fastMath: true });
  startScope();
  try {
    const S_m2 = siemens.div(metre.pow(2)).dim;
    const ns = m.namespace;
    const G = new NeuronGroup(m.N, m.equations, {
      method: 'exponential_euler',
      dt: new Quantity(m.dt, second.dim),
      namespace: {
        El: new Quantity(ns.El, volt.dim),
        ENa: new Quantity(ns.ENa, volt.dim),
        EK: new Quantity(ns.EK, volt.dim),
        gl: new Quantity(ns.gl, S_m2),
        gK: new Quantity(ns.gK, S_m2),
        C: new Quantity(ns.C, farad.div(metre.pow(2)).dim),
      },
    });
    G.gNa = new QuantityArray(Float64Array.from(m.initial.gNa), S_m2);
    G.v = volt(0);
    G.m = '1/(1 + betam/alpham)';
    G.n = '1/(1 + betan/alphan)';
    G.h = '1/(1 + betah/alphah)';
    G.v = volt(m.initial.v);
    const M = new StateMonitor(G, ['v', 'm', 'n', 'h']);
    new Network(G, M).run(new Quantity(m.duration, second.dim));
    for (const x of ['v', 'm', 'n', 'h']) {
      for (const [k, trace] of (ref.recorded[x] as number[][]).entries()) {
        assertClose(M.traces_(x)[k], trace, 1e-9, `${x}[${k}]`, x === 'v' ? 1e-6 : 1e-9);
      }
    }
  } finally {
    resetDevice();
    startScope();
  }
});

/**
 * fastMath's exprel (brianlib's `_brian_exprel_fast`: -ffast-math would fold away the rounding
 * trick and the two-part ln 2 of the exact one) stays within a few ulp of the JavaScript's, with
 * the same edges.
 */
test('with fastMath exprel stays within 4 ulp, edges included', { skip: STANDALONE_SKIP }, () => {
  const xs = [0, -0, 1e-300, -1e-300, 1e-8, -1e-8, 0.5, -0.5, 1, -1, 20, -20, 700, -700, 709.78];
  xs.push(-38, -745, -800, 710, 1000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  const rnd = lcg(31);
  for (let k = 0; k < 3000; k++) xs.push((rnd() - 0.5) * 40);
  for (let k = 0; k < 2000; k++) xs.push(-750 + rnd() * 1459.78);
  for (let k = 0; k < 2000; k++) xs.push((rnd() - 0.5) * 10 ** (-16 * rnd()));
  setDevice('cpp_standalone', { directory: projectDirectory('fast math exprel'), fastMath: true });
  startScope();
  try {
    const G = new NeuronGroup(xs.length, 'x : 1\ny : 1');
    G.x = xs;
    G.runRegularly('y = exprel(x)');
    run(ms(0.1), { checkFinite: false }); // NaN and inf inputs on purpose
    const ys = G.y_ as ArrayLike<number>;
    xs.forEach((x, k) => {
      const [fast, exact] = [ys[k], brianExprel(x)];
      if (Number.isNaN(exact) || !Number.isFinite(exact) || exact === 0) {
        assert.ok(
          Object.is(fast, exact) || (Number.isNaN(fast) && Number.isNaN(exact)),
          `exprel(${x}): ${fast}`,
        );
      } else {
        assert.ok(ulps(fast, exact) <= 4, `exprel(${x}): fastMath ${fast}, JavaScript ${exact}`);
      }
    });
  } finally {
    resetDevice();
    startScope();
  }
});

/**
 * brian_math.h compiled with fastMath's flags: exp (random.h's draws call it in every program)
 * stays accurate. -ffast-math folds its (y + SHIFT) - SHIFT rounding away; without the header's
 * reassociation-proof branch it was 1 % off (k truncated, r ~ 0).
 */
test('with fastMath brianlib exp stays within 1e-15 of libm', { skip: STANDALONE_SKIP }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-fast-exp-'));
  try {
    writeFileSync(join(dir, 'math_tables.h'), mathTablesHeader());
    writeFileSync(
      join(dir, 'check.cpp'),
      `#include "brian_math.h"
#include <cstdio>
int main(int argc, char**) {
  double worst = 0;
  volatile double offset = (argc - 1) * 0.5;
  for (int i = 0; i < 200000; i++) {
    const double x = -700 + 1400.0 * i / 200000 + offset;
    worst = std::fmax(worst, std::fabs(_brian_exp(x) - std::exp(x)) / std::exp(x));
  }
  std::printf("%.3g\\n", worst);
}
`,
    );
    const exe = join(dir, 'check');
    const flags = [...DEFAULT_OPTIMISATION_FLAGS, ...FAST_MATH_FLAGS, '-std=c++17', '-ffp-contract=off'];
    const built = spawnSync('g++', [
      ...flags,
      `-I${BRIANLIB_DIR}`,
      `-I${dir}`,
      join(dir, 'check.cpp'),
      '-o',
      exe,
    ]);
    assert.equal(built.status, 0, String(built.stderr));
    const worst = Number(spawnSync(exe, [], { encoding: 'utf8' }).stdout);
    assert.ok(worst < 1e-15, `relative error ${worst}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
