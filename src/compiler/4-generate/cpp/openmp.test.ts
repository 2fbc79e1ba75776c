import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { envSwitch } from './openmp.ts';

function withVariable<T>(value: string | undefined, body: () => T): T {
  const before = process.env.BRIAN_TEST_SWITCH;
  if (value === undefined) delete process.env.BRIAN_TEST_SWITCH;
  else process.env.BRIAN_TEST_SWITCH = value;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.BRIAN_TEST_SWITCH;
    else process.env.BRIAN_TEST_SWITCH = before;
  }
}

test('an OpenMP switch from the environment: unset or empty is the default, a known value is returned', () => {
  const read = () => envSwitch('BRIAN_TEST_SWITCH', ['parallel', 'serial']);
  assert.equal(withVariable(undefined, read), undefined);
  assert.equal(withVariable('', read), undefined);
  assert.equal(withVariable('serial', read), 'serial');
});

test('an OpenMP switch with an unknown value is a coded error naming it, not the default', () => {
  assert.throws(
    () => withVariable('paralel', () => envSwitch('BRIAN_TEST_SWITCH', ['parallel', 'serial'])),
    (e: unknown) =>
      e instanceof BrianError &&
      e.code === 'bad_argument' &&
      /BRIAN_TEST_SWITCH="paralel" is not one of parallel, serial/.test(e.message),
  );
});
