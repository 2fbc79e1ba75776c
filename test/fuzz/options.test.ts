import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz } from './harness/driver.ts';

/**
 * Issue 14, fuzz suite (test/fuzz/README.md): options objects and arguments of the public constructors and calls, corrupted
 * (wrong types, NaN, infinities, wrong dimensions, misspelt and extra keys, huge arrays); every case is accepted or a
 * catalogued coded error, none crashes, hangs or injects.
 */
test('fuzz: options', async (t) => {
  const tally = await fuzz(t, 'options', new URL('./generators/options.ts', import.meta.url));
  assert.equal(tally.failures.length, 0, 'see the FAILURE lines above');
});
