import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz } from './harness/driver.ts';

/**
 * Issue 14, fuzz suite (test/fuzz/README.md): hostile and borderline names in every place a name is given, with the generated
 * JavaScript, C++ and (for some) whole standalone projects scanned; every case is accepted or a
 * catalogued coded error, none crashes, hangs or injects.
 */
test('fuzz: names', async (t) => {
  const tally = await fuzz(t, 'names', new URL('./generators/names.ts', import.meta.url));
  assert.equal(tally.failures.length, 0, 'see the FAILURE lines above');
});
