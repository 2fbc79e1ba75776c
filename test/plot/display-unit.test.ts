import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axisLabel, DIMENSIONLESS, pickDisplayUnit } from '../../src/plot/index.ts';

describe('pickDisplayUnit', () => {
  it('picks the prefix that puts the largest value between 1 and 1000', () => {
    assert.deepEqual(pickDisplayUnit(new Float64Array([0, 0.25]), 's'), { name: 'ms', scale: 1e-3 });
    assert.deepEqual(pickDisplayUnit([0, 1.5], 's'), { name: 's', scale: 1 });
    assert.deepEqual(pickDisplayUnit([-0.07, -0.05], 'V'), { name: 'mV', scale: 1e-3 });
    assert.deepEqual(pickDisplayUnit([2e-9, 1.5e-8], 'S'), { name: 'nS', scale: 1e-9 });
    assert.deepEqual(pickDisplayUnit([0.3e-9], 'A'), { name: 'pA', scale: 1e-12 });
    assert.deepEqual(pickDisplayUnit([40, 250], 'Hz'), { name: 'Hz', scale: 1 });
    assert.deepEqual(pickDisplayUnit([2500], 'Hz'), { name: 'kHz', scale: 1e3 });
    assert.deepEqual(pickDisplayUnit([2e8], 'ohm'), { name: 'Mohm', scale: 1e6 });
    assert.deepEqual(pickDisplayUnit([2e-10], 'F'), { name: 'pF', scale: 1e-12 });
  });

  it('treats a float sum just under a unit as that unit (0.9999999999 s is 1 s)', () => {
    assert.equal(pickDisplayUnit([0, 0.1 * 3 + 0.7 - 1e-12], 's').name, 's');
  });

  it('ignores NaN and infinities, and uses the base unit when there is nothing to go by', () => {
    assert.equal(pickDisplayUnit([Number.NaN, 0.02, Number.POSITIVE_INFINITY], 's').name, 'ms');
    assert.equal(pickDisplayUnit([], 'V').name, 'V');
    assert.equal(pickDisplayUnit([0, 0], 'S').name, 'S');
  });

  it('falls back to the smallest prefix on offer for tiny values', () => {
    assert.equal(pickDisplayUnit([1e-12], 's').name, 'us');
  });

  it('leaves unknown symbols unscaled and treats an empty symbol as dimensionless', () => {
    assert.deepEqual(pickDisplayUnit([5e-3], 'K'), { name: 'K', scale: 1 });
    assert.equal(pickDisplayUnit([5e-3], ''), DIMENSIONLESS);
  });
});

describe('axisLabel', () => {
  it('puts the unit in parentheses, and leaves dimensionless labels bare', () => {
    assert.equal(axisLabel('v', { name: 'mV', scale: 1e-3 }), 'v (mV)');
    assert.equal(axisLabel('iteration', DIMENSIONLESS), 'iteration');
  });
});
