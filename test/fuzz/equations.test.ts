import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz } from './harness/driver.ts';

/**
 * Issue 14, fuzz suite (test/fuzz/README.md): mutated real models and grammar-made equations
 * with units and flags, as neuron and synapse models with each integration method; every case is
 * accepted or a catalogued coded error, none crashes, hangs or injects.
 */
test('fuzz: equations', async (t) => {
  const tally = await fuzz(t, 'equations', new URL('./generators/equations.ts', import.meta.url));
  assert.equal(tally.failures.length, 0, 'see the FAILURE lines above');
});
