/**
 * Case study 4 of Stimberg, Brette & Goodman (eLife 2019): pitch detection from the
 * autocorrelation of a sound, with real-time input. A receptor neuron spikes on the sound's
 * peaks (adaptive threshold, two-statement reset); 300 noisy coincidence detectors tuned from
 * 50 Hz to 1 kHz each receive every receptor spike twice: directly and after a delay of one
 * period (`multisynapticIndex` with `connect({ n: 2 })`, `S.delay['k == 1'] = '1/freq_post'`).
 * The detector whose period matches the sound's fires most.
 *
 * The input is a user function (`implementation({ js, cpp })`), as the paper's microphone
 * input: here it reads a generated three-note test tone or a 16-bit PCM WAV file.
 *
 * The receptor's adaptive threshold (×2.5 at each spike, τ = 5 ms) lets it fire at most about
 * every 4.6 ms, and below ~150 Hz a pure tone makes it fire twice per cycle: the default notes
 * (F3, G3, A3 = 175, 196, 220 Hz) sit in the range where it locks to one spike per period, as
 * the voices the paper's microphone demo was made for.
 *
 *   npx tsx examples/audio-pitch.ts [--wav file.wav] [--notes 220,330,440] [--out out/audio-pitch]
 *                                   [--device runtime|cpp_standalone] [--project out/audio-pitch-standalone]
 *
 * With `--device cpp_standalone` the input function is C++ code that reads the sound from a WAV
 * file: the given one, or the generated tone written as a 64-bit float WAV (the same samples).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { run, SpikeMonitor, StateMonitor, second, seed, setDevice } from '../src/node.ts';
import { figure, line, raster, saveFigure, traces } from '../src/plot/index.ts';
import {
  buildPitchDetector,
  detectedPitch,
  pitchDetectionConstants,
  RECEPTOR_EQUATIONS,
  SAMPLE_RATE,
  toneSamples,
} from './models/pitch-detection.ts';

const { values: args } = parseArgs({
  options: {
    wav: { type: 'string' },
    notes: { type: 'string', default: '175,196,220' },
    'note-duration': { type: 'string', default: '0.3' },
    out: { type: 'string', default: 'out/audio-pitch' },
    seed: { type: 'string', default: '1' },
    device: { type: 'string', default: 'runtime' },
    project: { type: 'string', default: 'out/audio-pitch-standalone' },
  },
});
const standalone = args.device === 'cpp_standalone';
if (standalone) setDevice('cpp_standalone', { directory: args.project });
seed(Number(args.seed));

const sampleRate = SAMPLE_RATE;

/** The sound: a WAV file (mono or first channel) or generated notes. */
function loadSound(): { samples: Float64Array; notes?: number[]; noteDuration?: number } {
  if (args.wav) return { samples: readWav(args.wav) };
  const notes = args.notes.split(',').map(Number);
  const noteDuration = Number(args['note-duration']);
  const samples = toneSamples(notes, noteDuration);
  return { samples, notes, noteDuration };
}

function readWav(path: string): Float64Array {
  const b = readFileSync(path);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error(`${path} is not a WAV file`);
  let offset = 12;
  let channels = 1;
  let bits = 16;
  while (offset < b.length) {
    const id = b.toString('ascii', offset, offset + 4);
    const size = b.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      channels = b.readUInt16LE(offset + 10);
      bits = b.readUInt16LE(offset + 22);
    } else if (id === 'data') {
      if (bits !== 16) throw new Error('only 16-bit PCM WAV files are supported');
      const n = Math.floor(size / (2 * channels));
      return Float64Array.from({ length: n }, (_, k) => b.readInt16LE(offset + 8 + 2 * channels * k) / 32768);
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path} has no data chunk`);
}

const sound = loadSound();
const duration = sound.samples.length / sampleRate;

/** The generated tone as a WAV file of 64-bit floats (format 3), so that C++ reads exactly these samples. */
function writeFloatWav(path: string, samples: Float64Array): void {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(3, 20); // IEEE float
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 8, 28);
  header.writeUInt16LE(8, 32);
  header.writeUInt16LE(64, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([header, data]));
}

const wavFile = standalone ? resolve(args.wav ?? `${args.project}-tone.wav`) : undefined;
if (standalone && !args.wav) writeFloatWav(wavFile!, sound.samples);

/**
 * The C++ input: reads the WAV file once (16-bit PCM scaled by 1/32768 as readWav, or 64-bit
 * floats; mono or the first channel), then returns the sample of time t, as the JS version.
 */
const cppInput = `
static const std::vector<double>& _sound() {
  static std::vector<double> samples;
  static bool loaded = false;
  if (loaded) return samples;
  loaded = true;
  FILE* f = std::fopen(${JSON.stringify(wavFile ?? '')}, "rb");
  if (!f) { std::fprintf(stderr, "cannot open the sound file\\n"); std::exit(1); }
  std::vector<unsigned char> b;
  unsigned char buffer[65536];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) b.insert(b.end(), buffer, buffer + got);
  std::fclose(f);
  auto u16 = [&](size_t o) { return (unsigned)(b[o] | (b[o + 1] << 8)); };
  auto u32 = [&](size_t o) { return (unsigned long)u16(o) | ((unsigned long)u16(o + 2) << 16); };
  unsigned channels = 1, bits = 16;
  for (size_t o = 12; o + 8 <= b.size();) {
    const unsigned long size = u32(o + 4);
    if (!std::memcmp(&b[o], "fmt ", 4)) {
      channels = u16(o + 10);
      bits = u16(o + 22);
    } else if (!std::memcmp(&b[o], "data", 4)) {
      const size_t bytes = bits / 8, n = size / (bytes * channels);
      for (size_t k = 0; k < n; k++) {
        const size_t p = o + 8 + bytes * channels * k;
        if (bits == 64) { double x; std::memcpy(&x, &b[p], 8); samples.push_back(x); }
        else samples.push_back((double)(int16_t)u16(p) / 32768);
      }
      break;
    }
    o += 8 + size + (size % 2);
  }
  return samples;
}

double get_sample(const double t) {
  const std::vector<double>& s = _sound();
  const long k = std::lround(t * ${sampleRate}.0);
  return s[k < (long)s.size() - 1 ? k : (long)s.size() - 1];
}
`;

// The input function is JavaScript on the runtime device, C++ reading the WAV file in standalone.
const { receptors, neurons } = buildPitchDetector(
  RECEPTOR_EQUATIONS,
  pitchDetectionConstants(),
  sound.samples,
  {
    code: cppInput,
    headers: ['<cstdio>', '<cstdlib>', '<cstring>', '<vector>'],
  },
);

const receptorSpikes = new SpikeMonitor(receptors);
const detectorSpikes = new SpikeMonitor(neurons);
const input = new StateMonitor(receptors, ['sound', 'x', 'th'], { record: 0 });

const started = performance.now();
run(second(duration), { report: 'text' });
const elapsed = (performance.now() - started) / 1000;

const freq = neurons.freq_ as Float64Array;
const t = detectorSpikes.t_;
const idx = detectorSpikes.i;
const pitch = (t0: number, t1: number) => detectedPitch(t, idx, freq, t0, t1);

console.log(
  `Real-time pitch detection, ${duration.toFixed(2)} s of sound at 48 kHz, simulated in ${elapsed.toFixed(2)} s`,
);
console.log(`  receptor spikes: ${receptorSpikes.num_spikes}, detector spikes: ${detectorSpikes.num_spikes}`);
const detected: { t: number; f: number }[] = [];
if (sound.notes && sound.noteDuration) {
  sound.notes.forEach((f, k) => {
    // Skip the first 50 ms of each note: the receptor's threshold adapts to the new sound.
    const found = pitch(k * sound.noteDuration! + 0.05, (k + 1) * sound.noteDuration!);
    detected.push({ t: (k + 0.5) * sound.noteDuration!, f: found });
    const error = ((found - f) / f) * 100;
    console.log(
      `  note ${k + 1}: played ${f} Hz, detected ${found.toFixed(1)} Hz (${error >= 0 ? '+' : ''}${error.toFixed(1)} %)`,
    );
  });
} else {
  for (let t0 = 0; t0 + 0.1 <= duration; t0 += 0.1) detected.push({ t: t0 + 0.05, f: pitch(t0, t0 + 0.1) });
  console.log(`  detected pitch every 100 ms: ${detected.map((d) => d.f.toFixed(0)).join(', ')} Hz`);
}

const files = await saveFigure(
  figure(
    [
      traces({
        t: input.t_,
        series: [
          { label: 'sound (rectified)', values: input.sound_[0] },
          { label: 'receptor x', values: input.x_[0] },
        ],
        yLabel: 'input',
        tRange: [Math.max(0, duration / 3 - 0.02), Math.min(duration, duration / 3 + 0.03)],
        title: 'Input signal and receptor (50 ms around the first note change)',
      }),
      raster({
        t: receptorSpikes.t_,
        i: receptorSpikes.i,
        size: 1,
        yLabel: 'receptor',
        title: 'Receptor spikes',
        height: 90,
      }),
      raster({
        t: detectorSpikes.t_,
        i: Int32Array.from(detectorSpikes.i, (n) => n),
        size: 300,
        yLabel: 'detector (50 Hz → 1 kHz)',
        title: 'Coincidence detectors',
      }),
      line({
        x: Float64Array.from(detected, (d) => d.t),
        ys: [
          { label: 'detected pitch', values: Float64Array.from(detected, (d) => d.f) },
          ...(sound.notes ? [{ label: 'played note', values: Float64Array.from(sound.notes) }] : []),
        ],
        xLabel: 't',
        xUnit: 's',
        yLabel: 'pitch',
        yUnit: 'Hz',
        title: 'Detected pitch',
      }),
    ],
    { title: 'Case study 4: pitch detection by autocorrelation (48 kHz input)' },
  ),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
