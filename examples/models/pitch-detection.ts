import {
  defaultclock,
  Hz,
  implementation,
  kHz,
  ms,
  type Namespace,
  NeuronGroup,
  Synapses,
  second,
} from '../../src/index.ts';

/**
 * Case study 4 of Stimberg, Brette & Goodman (eLife 2019), pitch detection from the sound's
 * autocorrelation: the model and its analysis, shared by examples/audio-pitch.ts and the
 * playground. A receptor neuron spikes on the sound's peaks (adaptive threshold); 300 noisy
 * coincidence detectors tuned from 50 Hz to 1 kHz receive each receptor spike directly and after
 * one period of their frequency; the detector whose period matches the sound fires most.
 */
export const SAMPLE_RATE = 48000;

/** Pure tones of `notes` (Hz), `noteDuration` seconds each, sampled at 48 kHz. */
export function toneSamples(notes: readonly number[], noteDuration: number): Float64Array {
  const perNote = Math.round(noteDuration * SAMPLE_RATE);
  const samples = new Float64Array(notes.length * perNote);
  notes.forEach((f, k) => {
    for (let n = 0; n < perNote; n++) {
      const g = k * perNote + n;
      samples[g] = Math.sin((2 * Math.PI * f * g) / SAMPLE_RATE);
    }
  });
  return samples;
}

export const RECEPTOR_EQUATIONS = `
dx/dt = (sound - x)/tau_ear : 1 (unless refractory)
dth/dt = (0.1*x - th)/tau_th : 1
sound = clip(get_sample(t), 0, inf) : 1 (constant over dt)
`;

export function pitchDetectionConstants() {
  return {
    tau_ear: ms(1),
    tau_th: ms(5),
    tau: ms(1),
    sigma: 0.1,
    min_freq: Hz(50),
    max_freq: Hz(1000),
    num_neurons: 300,
  };
}

/**
 * The network on `samples` (read by the user function get_sample(t); `cpp` gives its C++
 * implementation for the standalone device). Sets the default clock to the sound's 48 kHz.
 */
export function buildPitchDetector(
  receptorEquations: string,
  constants: Namespace,
  samples: Float64Array,
  cpp?: { code: string; headers: string[] },
) {
  defaultclock.dt = kHz(48).pow(-1);
  const get_sample = implementation({
    name: 'get_sample',
    args: [second],
    result: 1,
    stateless: false,
    js: (t) => samples[Math.min(samples.length - 1, Math.round(t * SAMPLE_RATE))],
    cpp,
  });
  const namespace = { ...constants, get_sample };
  const receptors = new NeuronGroup(1, receptorEquations, {
    threshold: 'x>th',
    reset: 'x=0; th = th*2.5 + 0.01',
    refractory: ms(2),
    method: 'exact',
    namespace,
  });
  receptors.th = 1;

  const neurons = new NeuronGroup(
    Number(constants.num_neurons),
    `dv/dt = -v/tau+sigma*(2./tau)**.5*xi : 1
     freq : Hz (constant)`,
    { threshold: 'v>1', reset: 'v=0', method: 'euler', namespace },
  );
  neurons.freq = 'exp(log(min_freq/Hz)+(i*1.0/(num_neurons-1))*log(max_freq/min_freq))*Hz';

  const synapses = new Synapses(receptors, neurons, { onPre: 'v += 0.5', multisynapticIndex: 'k' });
  synapses.connect({ n: 2 }); // one synapse without delay, one with a delay of one period
  synapses.delay['k == 1'] = '1/freq_post';
  return { receptors, neurons, synapses };
}

/**
 * The detected pitch in [t0, t1) from the detectors' spikes (times `t`, indices `i`) and their
 * frequencies. A detector tuned to f also fires for f/2, f/3… (a delay of two or three periods
 * meets an earlier spike too): the autocorrelation's octave ambiguity. As pitch estimators do,
 * take the shortest period with a strong peak: the highest-frequency local maximum of the
 * (lightly smoothed) spike counts that reaches 70 % of the largest one.
 */
export function detectedPitch(
  t: ArrayLike<number>,
  i: ArrayLike<number>,
  freq: ArrayLike<number>,
  t0: number,
  t1: number,
): number {
  const n = freq.length;
  const counts = new Float64Array(n);
  for (let k = 0; k < t.length; k++) if (t[k] >= t0 && t[k] < t1) counts[i[k]]++;
  const smooth = counts.map((_, m) => {
    let s = 0;
    for (let d = -2; d <= 2; d++) s += counts[Math.min(n - 1, Math.max(0, m + d))];
    return s / 5;
  });
  const max = Math.max(...smooth);
  for (let m = n - 2; m >= 1; m--) {
    if (smooth[m] >= 0.7 * max && smooth[m] >= smooth[m - 1] && smooth[m] >= smooth[m + 1]) {
      // The peak detector within the smoothing window.
      let best = m;
      for (let d = -2; d <= 2; d++)
        if (counts[m + d] > counts[best]) best = Math.min(n - 1, Math.max(0, m + d));
      return freq[best];
    }
  }
  return Number.NaN;
}
