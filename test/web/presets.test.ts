/**
 * The playground's models and text inputs, in Node (the browser runs the same code in its
 * worker, test/e2e): every preset builds from its text and runs a few milliseconds; parameter
 * and run-length errors are coded and point into the editor's text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BrianError, ms, q, runAsync } from '../../src/index.ts';
import { parseDuration, parseParameters } from '../../web/src/model-input.ts';
import { PRESETS } from '../../web/src/presets/index.ts';
import { buildPreset, traceValues } from '../../web/src/presets/preset.ts';

for (const preset of PRESETS) {
  test(`preset ${preset.id} builds from its text and runs`, async () => {
    const { built } = buildPreset(preset, preset);
    assert.ok(built.spikes || built.traces || built.rate, 'the model fills a panel');
    await (built.run ? built.run(ms(5), {}) : runAsync(ms(5)));
    assert.ok(built.summary === undefined || typeof built.summary() === 'string');
    if (built.traces) {
      assert.equal(traceValues(built.traces).length, built.traces.series.length);
      assert.ok(built.traces.monitor.t_.length > 0);
      if (built.traces.unit) q(`1*${built.traces.unit}`);
    }
  });
}

test('parameters: name = quantity per line, comments, earlier names usable, numbers plain', () => {
  const p = parseParameters('N = 4000\n# a comment\ntaum = 20*ms  # membrane\np = 80/N\n\nwe = 2*taum/ms*mV');
  assert.equal(p.N, 4000);
  assert.equal(p.p, 0.02);
  assert.equal(String(p.taum), '20. ms');
  assert.equal(String(p.we), '40. mV');
});

test('parameter errors are coded and point into the whole parameters text', () => {
  const text = 'N = 10\ntaum = 20*mss\n';
  assert.throws(
    () => parseParameters(text),
    (error: BrianError) => {
      assert.equal(error.code, 'unknown_identifier');
      assert.equal(text.slice(error.span!.start, error.span!.end), 'mss');
      assert.match(error.message, /in parameters, line 2, column 11/);
      return true;
    },
  );
  assert.throws(() => parseParameters('taum 20*ms'), { code: 'syntax_error' });
  assert.throws(() => parseParameters('x = 2 +'), { code: 'unterminated_expression' });
});

test('the run length is a positive time', () => {
  assert.equal(parseDuration('500*ms').value, 0.5);
  assert.throws(() => parseDuration('500*mV'), { code: 'bad_argument' });
  assert.throws(() => parseDuration('-1*second'), { code: 'bad_argument' });
  assert.throws(() => parseDuration('1*secnd'), { code: 'unknown_identifier' });
});
