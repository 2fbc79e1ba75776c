import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestName, editDistance, unknownNameHint } from './did-you-mean.ts';

test('editDistance counts insertions, deletions, substitutions and swaps', () => {
  assert.equal(editDistance('threshold', 'threshold'), 0);
  assert.equal(editDistance('treshold', 'threshold'), 1);
  assert.equal(editDistance('thresold', 'threshold'), 1);
  assert.equal(editDistance('thershold', 'threshold'), 1);
  assert.equal(editDistance('abc', ''), 3);
});

test('closestName prefers a match up to case and underscores (Brian spelling → camelCase)', () => {
  assert.equal(closestName('on_pre', ['onPre', 'onPost', 'delay']), 'onPre');
  assert.equal(closestName('multisynaptic_index', ['multisynapticIndex', 'method']), 'multisynapticIndex');
  assert.equal(closestName('treshold', ['threshold', 'reset', 'refractory']), 'threshold');
  assert.equal(closestName('V', ['v', 'w']), 'v');
  assert.equal(closestName('zzzzzz', ['threshold', 'reset']), undefined);
});

test('unknownNameHint suggests, or lists what exists', () => {
  assert.equal(unknownNameHint('treshold', ['threshold', 'reset']), "did you mean 'threshold'?");
  assert.equal(unknownNameHint('qqqq', ['b', 'a'], 'variables'), 'the variables are: a, b');
  assert.equal(unknownNameHint('qqqq', [], 'variables'), 'there are no variables');
});
