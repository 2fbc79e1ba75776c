import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  defaultclock,
  kHz,
  ms,
  Network,
  NeuronGroup,
  SpikeMonitor,
  second,
  startScope,
  TimedArray,
} from '../../src/index.ts';
import { loadReference } from '../helpers/reference.ts';

test('audio case study: the receptor spikes on the same steps as Brian 2.5.1 (3-note tone)', () => {
  const ref = loadReference('audio_receptor');
  const m = ref.model;
  startScope();
  const rate = 48000;
  const n = m.tone.n_samples as number;
  const notes = m.tone.notes_hz as number[];
  const samples = Float64Array.from({ length: n }, (_, k) =>
    Math.sin((2 * Math.PI * notes[Math.floor(k / m.tone.note_samples)] * k) / rate),
  );
  defaultclock.dt = kHz(48).pow(-1);
  try {
    const tone = new TimedArray(samples, { dt: defaultclock.dt });
    const receptors = new NeuronGroup(1, m.receptors.equations, {
      threshold: m.receptors.threshold,
      reset: m.receptors.reset,
      refractory: ms(2),
      method: 'exact',
      namespace: { tone, tau_ear: ms(1), tau_th: ms(5) },
    });
    receptors.th = 1;
    const S = new SpikeMonitor(receptors);
    new Network(receptors, S).run(second(m.duration));
    const dt = 1 / rate;
    const expected = (ref.recorded.receptor_spike_t ?? ref.recorded.spike_t) as number[];
    assert.deepEqual(
      Array.from(S.t_, (t) => Math.round(t / dt)),
      expected.map((t) => Math.round(t / dt)),
    );
  } finally {
    defaultclock.dt = ms(0.1);
  }
});

test('audio case study: the detected pitch of a 3-note test sound is within 3 % of each note', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'audio-')), 'fig');
  const printed = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'examples/audio-pitch.ts', '--out', out],
    {
      encoding: 'utf8',
    },
  );
  const notes = [...printed.matchAll(/played ([\d.]+) Hz, detected ([\d.]+) Hz/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  assert.equal(notes.length, 3, printed);
  for (const [played, detected] of notes) {
    assert.ok(Math.abs(detected - played) / played <= 0.03, `played ${played} Hz, detected ${detected} Hz`);
  }
});
