/**
 * numpy's pairwise summation (numpy/core/src/umath/loops_utils.h.src, `pairwise_sum`), so that
 * sums, means and standard deviations agree with Brian's to the last bit.
 */
const BLOCK = 128;

/** Sum of `a[start .. start+n)` as numpy's `np.sum` computes it (checked against numpy 1.24). */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  // The reduction starts from the identity 0.0, then adds the pairwise sum of all elements.
  return 0 + pairwise(a, start, n);
}

function pairwise(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= BLOCK) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      r0 += a[start + i];
      r1 += a[start + i + 1];
      r2 += a[start + i + 2];
      r3 += a[start + i + 3];
      r4 += a[start + i + 4];
      r5 += a[start + i + 5];
      r6 += a[start + i + 6];
      r7 += a[start + i + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}
