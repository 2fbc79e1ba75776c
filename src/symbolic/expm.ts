/**
 * The numeric matrix exponential, by scaling and squaring with Padé approximants
 * (Higham, "The scaling and squaring method for the matrix exponential revisited", 2005;
 * the algorithm of scipy.linalg.expm and MATLAB's expm). Accurate to a few ulps times the
 * condition of the problem for the small matrices of neuron models.
 */
export type Matrix = number[][];

const THETA: ReadonlyArray<readonly [number, number]> = [
  [3, 1.495585217958292e-2],
  [5, 2.53939833006323e-1],
  [7, 9.504178996162932e-1],
  [9, 2.097847961257068],
];
const THETA_13 = 5.371920351148152;

const PADE: Readonly<Record<number, readonly number[]>> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600,
    670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
  ],
};

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const out = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++)
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += aik * b[k][j];
    }
  return out;
}

/** Σ c_k M_k for matrices of one shape. */
function combine(terms: ReadonlyArray<readonly [number, Matrix]>): Matrix {
  const [, first] = terms[0];
  return first.map((row, i) => row.map((_, j) => terms.reduce((acc, [c, m]) => acc + c * m[i][j], 0)));
}

function norm1(a: Matrix): number {
  let best = 0;
  for (let j = 0; j < a.length; j++) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += Math.abs(a[i][j]);
    best = Math.max(best, s);
  }
  return best;
}

/** Solves P X = Q by Gaussian elimination with partial pivoting. */
export function solve(p: Matrix, q: Matrix): Matrix {
  const n = p.length;
  const a = p.map((row) => [...row]);
  const x = q.map((row) => [...row]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [x[col], x[pivot]] = [x[pivot], x[col]];
    const d = a[col][col];
    if (d === 0) throw new Error('expm: singular Padé denominator');
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / d;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r][c] -= f * a[col][c];
      for (let c = 0; c < x[r].length; c++) x[r][c] -= f * x[col][c];
    }
  }
  for (let col = n - 1; col >= 0; col--) {
    for (let c = 0; c < x[col].length; c++) {
      let s = x[col][c];
      for (let k = col + 1; k < n; k++) s -= a[col][k] * x[k][c];
      x[col][c] = s / a[col][col];
    }
  }
  return x;
}

/** e^A for a square matrix of finite numbers. */
export function expm(a: Matrix): Matrix {
  const n = a.length;
  if (n === 0) return [];
  if (a.some((row) => row.some((v) => !Number.isFinite(v))))
    throw new Error('expm: the matrix has non-finite entries');
  const eye = identity(n);
  const norm = norm1(a);
  for (const [m, theta] of THETA) {
    if (norm <= theta) return padeQuotient(a, m, eye);
  }
  const s = Math.max(0, Math.ceil(Math.log2(norm / THETA_13)));
  const scaled = a.map((row) => row.map((v) => v / 2 ** s));
  let r = padeQuotient(scaled, 13, eye);
  for (let k = 0; k < s; k++) r = matmul(r, r);
  return r;
}

/** The [m/m] Padé approximant r_m(A) = (V - U)^-1 (V + U). */
function padeQuotient(a: Matrix, m: number, eye: Matrix): Matrix {
  const b = PADE[m];
  const a2 = matmul(a, a);
  let u: Matrix;
  let v: Matrix;
  if (m < 13) {
    const powers = [eye, a2];
    for (let k = 2; 2 * k <= m; k++) powers.push(matmul(powers[k - 1], a2));
    u = matmul(a, combine(powers.map((p, k) => [b[2 * k + 1], p] as const)));
    v = combine(powers.map((p, k) => [b[2 * k], p] as const));
  } else {
    const a4 = matmul(a2, a2);
    const a6 = matmul(a4, a2);
    const inner = matmul(
      a6,
      combine([
        [b[13], a6],
        [b[11], a4],
        [b[9], a2],
      ]),
    );
    u = matmul(
      a,
      combine([
        [1, inner],
        [b[7], a6],
        [b[5], a4],
        [b[3], a2],
        [b[1], eye],
      ]),
    );
    const innerV = matmul(
      a6,
      combine([
        [b[12], a6],
        [b[10], a4],
        [b[8], a2],
      ]),
    );
    v = combine([
      [1, innerV],
      [b[6], a6],
      [b[4], a4],
      [b[2], a2],
      [b[0], eye],
    ]);
  }
  const p = combine([
    [1, v],
    [-1, u],
  ]);
  const q = combine([
    [1, v],
    [1, u],
  ]);
  return solve(p, q);
}
