import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KernelCompiler } from './kernel-compiler.ts';
import { ProgramVariants } from './program-variants.ts';

const noCompiler = () => ({ functions: [] }) as unknown as KernelCompiler;
const seed = { kind: 'seed', lo: 1, hi: 0 } as const;

function twoVariants(dropped: string[], only?: string) {
  return new ProgramVariants(['a', 'b'], noCompiler, {
    mayDrop: (variant, error) =>
      (only ?? variant) === variant && (error as Error).message.startsWith('droppable'),
    dropped: (variant) => dropped.push(variant),
  });
}

test('a variant failing with what the policy accepts is dropped; the others go on', () => {
  const dropped: string[] = [];
  const p = twoVariants(dropped, 'a');
  p.record((v) => v.ops.push(seed));
  p.record((v) => {
    if (v.name === 'a') throw new Error('droppable');
    v.ops.push(seed);
  });
  assert.deepEqual(dropped, ['a']);
  assert.equal(p.chosen.name, 'b');
  assert.equal(p.chosen.ops.length, 2);
  assert.deepEqual(
    p.all.map((v) => v.name),
    ['b'],
  );
});

test('any other failure, or every variant failing, is the script error (the last variant’s)', () => {
  const dropped: string[] = [];
  const p = twoVariants(dropped);
  assert.throws(
    () =>
      p.record((v) => {
        if (v.name === 'b') throw new Error('fatal');
      }),
    /fatal/,
  );
  assert.throws(
    () =>
      p.record((v) => {
        throw new Error(`droppable, from ${v.name}`);
      }),
    /from b/,
  );
  assert.deepEqual(dropped, []);
  assert.equal(p.all.length, 2);
  // Without a policy nothing is dropped.
  const one = new ProgramVariants(['only'], noCompiler);
  assert.throws(() =>
    one.record(() => {
      throw new Error('droppable');
    }),
  );
  assert.equal(one.chosen.name, 'only');
});
