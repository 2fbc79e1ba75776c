import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz } from './harness/driver.ts';

/**
 * Issue 14, fuzz suite (test/fuzz/README.md): random expressions in every place the API takes
 * one; every case is accepted or a catalogued coded error, none crashes, hangs or injects.
 */
test('fuzz: expressions', async (t) => {
  const tally = await fuzz(t, 'expressions', new URL('./generators/expressions.ts', import.meta.url));
  assert.equal(tally.failures.length, 0, 'see the FAILURE lines above');
});
