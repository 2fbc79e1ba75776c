/**
 * The error catalogue docs/errors.md is generated and up to date, names every code, and each
 * example in it really throws its code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOGUE_PATH, catalogueText } from '../../scripts/error-catalogue.ts';
import { ERROR_EXAMPLES } from '../../scripts/error-examples.ts';
import { ERROR_CODES, type ErrorCode } from '../../src/diagnostics/codes.ts';
import * as io from '../../src/io/index.ts';
import * as api from '../../src/node.ts';
import * as plot from '../../src/plot/index.ts';

describe('error catalogue', () => {
  it('docs/errors.md is what scripts/error-catalogue.ts writes (run `npm run docs` after changing codes)', () => {
    assert.equal(readFileSync(CATALOGUE_PATH, 'utf8'), catalogueText());
  });

  it('has an example and a fix for every code and nothing else', () => {
    assert.deepEqual(Object.keys(ERROR_EXAMPLES).sort(), Object.keys(ERROR_CODES).sort());
  });

  for (const [code, example] of Object.entries(ERROR_EXAMPLES) as [
    ErrorCode,
    (typeof ERROR_EXAMPLES)[ErrorCode],
  ][]) {
    it(`the example of ${code} throws ${code}`, {
      skip: example.runs ? `not run: ${example.runs}` : false,
    }, () => {
      api.startScope();
      const scope = { ...api, ...plot, ...io };
      // The examples are user scripts with every brian-ts name in scope.
      const run = new Function('scope', `with (scope) {\n${example.code}\n}`);
      assert.throws(
        () => run(scope),
        (e: unknown) => {
          assert.ok(e instanceof api.BrianError, `not a BrianError: ${e}`);
          assert.equal(e.code, code, e.message);
          return true;
        },
      );
    });
  }
});
