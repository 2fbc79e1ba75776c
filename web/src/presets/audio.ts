import {
  buildPitchDetector,
  detectedPitch,
  RECEPTOR_EQUATIONS,
  toneSamples,
} from '../../../examples/models/pitch-detection.ts';
import { type Quantity, SpikeMonitor, StateMonitor } from '../../../src/index.ts';
import type { Preset } from './preset.ts';

/** Case study 4 of the Brian 2 paper (examples/audio-pitch.ts) on a generated three-note tone. */
export const audio: Preset = {
  id: 'audio',
  title: 'Case study 4: pitch detection in a 48 kHz sound',
  description:
    'A receptor spiking on the peaks of a three-note tone drives 300 coincidence detectors (50 Hz – 1 kHz), each with a delay of one period: the detector of the note fires most.',
  equations: RECEPTOR_EQUATIONS.trim(),
  parameters: `note1 = 175*Hz
note2 = 196*Hz
note3 = 220*Hz
note_duration = 300*ms
tau_ear = 1*ms
tau_th = 5*ms
tau = 1*ms
sigma = 0.1
min_freq = 50*Hz
max_freq = 1000*Hz
num_neurons = 300`,
  duration: '0.9*second',
  seed: 1,
  build({ equations, parameters }) {
    const notes = ['note1', 'note2', 'note3'].map((n) => (parameters[n] as Quantity).value);
    const noteDuration = (parameters.note_duration as Quantity).value;
    const samples = toneSamples(notes, noteDuration);
    const { receptors, neurons } = buildPitchDetector(equations, parameters, samples);
    const detectors = new SpikeMonitor(neurons);
    return {
      spikes: { monitor: detectors, size: neurons.N, label: 'Coincidence detectors (50 Hz → 1 kHz)' },
      traces: {
        monitor: new StateMonitor(receptors, ['sound', 'x', 'th'], { record: 0 }),
        series: [
          { name: 'sound (rectified)', variable: 'sound', element: 0 },
          { name: 'receptor x', variable: 'x', element: 0 },
          { name: 'threshold', variable: 'th', element: 0 },
        ],
        unit: '',
        label: 'receptor',
      },
      summary() {
        const freq = neurons.freq_ as Float64Array;
        const found = notes.map((f, k) => {
          // The first 50 ms of each note: the receptor's threshold adapts to the new sound.
          const pitch = detectedPitch(
            detectors.t_,
            detectors.i,
            freq,
            k * noteDuration + 0.05,
            (k + 1) * noteDuration,
          );
          return `${f.toFixed(0)} → ${pitch.toFixed(1)} Hz`;
        });
        return `Played → detected pitch: ${found.join(', ')}.`;
      },
    };
  },
};
