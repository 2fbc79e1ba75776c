import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { evaluate } from './evaluate.ts';
import { expm, type Matrix, matmul } from './expm.ts';
import { expmTriangular, matrixProduct, triangularOrder } from './matrix.ts';

const maxDiff = (a: Matrix, b: Matrix) =>
  Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));

/** exp(A) by its Taylor series with many terms (for small, well-scaled matrices). */
function taylor(a: Matrix): Matrix {
  let term: Matrix = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  let sum = term.map((r) => [...r]);
  for (let k = 1; k < 60; k++) {
    term = matmul(term, a).map((r) => r.map((v) => v / k));
    sum = sum.map((r, i) => r.map((v, j) => v + term[i][j]));
  }
  return sum;
}

describe('expm (numeric)', () => {
  test('matches closed forms', () => {
    const w = 0.3;
    const rot = expm([
      [0, w],
      [-w, 0],
    ]);
    assert.ok(
      maxDiff(rot, [
        [Math.cos(w), Math.sin(w)],
        [-Math.sin(w), Math.cos(w)],
      ]) < 1e-15,
    );
    assert.ok(maxDiff(expm([[-2]]), [[Math.exp(-2)]]) < 1e-16);
    assert.deepEqual(expm([]), []);
    // nilpotent: exp = I + N
    assert.ok(
      maxDiff(
        expm([
          [0, 5],
          [0, 0],
        ]),
        [
          [1, 5],
          [0, 1],
        ],
      ) < 1e-14,
    );
  });

  test('matches the Taylor series at every Padé degree and with scaling', () => {
    for (const scale of [0.001, 0.1, 0.5, 1.5, 4, 20]) {
      const a = [
        [-1, 0.4, 0.2],
        [0.3, -0.7, 0.5],
        [0.1, -0.2, -0.4],
      ].map((r) => r.map((v) => v * scale));
      // e^A = (e^{A/4})^4 keeps the series well conditioned at the larger scales
      const quarter = taylor(a.map((r) => r.map((v) => v / 4)));
      const half = matmul(quarter, quarter);
      const ref = matmul(half, half);
      const err = maxDiff(expm(a), ref) / Math.max(...ref.flat().map(Math.abs));
      assert.ok(err < 1e-13, `scale ${scale}: ${err}`);
    }
  });
});

const p = parseExpression;
const parse = (rows: string[][]) => rows.map((r) => r.map((s) => p(s)));

function numericExpm(rows: string[][], values: Record<string, number>, dt: number): Matrix {
  return expm(rows.map((r) => r.map((s) => (evaluate(p(s), values) as number) * dt)));
}

function symbolicExpm(rows: string[][], values: Record<string, number>): Matrix {
  const f = expmTriangular(parse(rows), p('dt'))!;
  return f.map((r) => r.map((e) => evaluate(e, values) as number));
}

describe('expmTriangular (symbolic)', () => {
  const values = { taum: 0.02, taue: 0.005, taui: 0.01, El: -0.049, dt: 1e-4, tau: 0.01, nr: 1 };

  test('finds a triangular order or reports a cycle', () => {
    assert.deepEqual(
      triangularOrder(
        parse([
          ['-1/tau', '1/tau'],
          ['0', '-1/tau'],
        ]),
      ),
      [0, 1],
    );
    assert.deepEqual(
      triangularOrder(
        parse([
          ['-1/tau', '0'],
          ['1/tau', '-1/tau'],
        ]),
      ),
      [1, 0],
    );
    assert.equal(
      triangularOrder(
        parse([
          ['0', 'w'],
          ['-w', '0'],
        ]),
      ),
      undefined,
    );
  });

  test('CUBA with its constant input (augmented matrix)', () => {
    const rows = [
      ['-1/taum', '1/taum', '1/taum', 'El/taum'],
      ['0', '-1/taue', '0', '0'],
      ['0', '0', '-1/taui', '0'],
      ['0', '0', '0', '0'],
    ];
    assert.ok(maxDiff(symbolicExpm(rows, values), numericExpm(rows, values, values.dt)) < 1e-15);
  });

  test('equal eigenvalues (the same name) use the confluent formula', () => {
    const rows = [
      ['-1/tau', '1/tau', '0', '2'],
      ['0', '-1/tau', '1/tau', '0'],
      ['0', '0', '-1/tau', '1/tau'],
      ['0', '0', '0', '0'],
    ];
    const err = maxDiff(symbolicExpm(rows, values), numericExpm(rows, values, values.dt));
    assert.ok(err < 1e-15, String(err));
  });

  test('mixed chains of distinct and equal eigenvalues', () => {
    const rows = [
      ['-1/taum', '1/taum', '0', '0'],
      ['0', '-1/taue', '1/taue', '0'],
      ['0', '0', '-1/taue', '3'],
      ['0', '0', '0', '0'],
    ];
    const err = maxDiff(symbolicExpm(rows, values), numericExpm(rows, values, values.dt));
    assert.ok(err < 1e-14, String(err));
  });

  test('stays finite when a refractory eigenvalue becomes 0 at run time', () => {
    const rows = [
      ['-int(nr)/taum', 'int(nr)/taum', '0', 'int(nr)*El/taum'],
      ['0', '-1/taue', '0', '1/taue'],
      ['0', '0', '0', '0'],
      ['0', '0', '0', '0'],
    ];
    for (const nr of [0, 1]) {
      const v = { ...values, nr };
      const sym = symbolicExpm(rows, v);
      assert.ok(sym.flat().every(Number.isFinite), `nr=${nr}`);
      const ref = numericExpm(rows, v, v.dt);
      assert.ok(maxDiff(sym, ref) < 1e-15, `nr=${nr}: ${maxDiff(sym, ref)}`);
    }
  });

  test('singular systems (dx/dt = c) need no fixed point', () => {
    const f = symbolicExpm(
      [
        ['0', 'c'],
        ['0', '0'],
      ],
      { c: 3, dt: 0.1 },
    );
    assert.deepEqual(f, [
      [1, 3 * 0.1],
      [0, 1],
    ]);
  });

  test('undefined for a cycle', () => {
    assert.equal(
      expmTriangular(
        parse([
          ['0', 'w'],
          ['-w', '0'],
        ]),
        p('dt'),
      ),
      undefined,
    );
  });

  test('matrix products', () => {
    const prod = matrixProduct(
      parse([
        ['a', '1'],
        ['0', 'b'],
      ]),
      parse([
        ['1', '0'],
        ['c', '1'],
      ]),
    );
    assert.deepEqual(
      prod.map((r) => r.map((e) => evaluate(e, { a: 2, b: 3, c: 5 }))),
      [
        [7, 1],
        [15, 3],
      ],
    );
  });
});
