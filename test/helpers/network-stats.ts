/**
 * Spike-train statistics of the network references, ported from
 * test/reference/scripts/_netstats.py (the recipes are also in each JSON's
 * `statistics_definitions`). Everything works on integer steps `round(t/dt)`, so binning never
 * depends on the rounding of spike times. Plus the Welch spectrum of brunel_hakim_stats.py and
 * the seed-spread comparison used by test/networks.
 */

export interface SpikeStatsOptions {
  /** Neurons [0, Ne) are excitatory: adds `rate_exc` and `rate_inh`. */
  readonly Ne?: number;
  /** Bin widths (ms) of the population Fano factors; default [1, 5]. */
  readonly binsMs?: readonly number[];
  /** Start (s) of the `_late` Fano factors; default 0.2 s. */
  readonly lateStart?: number;
}

export interface SpikeStats {
  n_spikes: number;
  mean_rate: number;
  rate_exc?: number;
  rate_inh?: number;
  n_active: number;
  /** Mean ISI CV over neurons with ≥ 3 spikes (NaN if none). */
  cv_isi: number;
  n_cv_neurons: number;
  /** Mean ISI CV over neurons with ≥ 2 spikes. */
  cv_isi_ge2spikes: number;
  n_cv_ge2_neurons: number;
  /** `fano_pop_1ms`, `fano_pop_1ms_late`, … for each bin width. */
  fano: Record<string, number>;
  /** Population rate in consecutive 10 ms bins (Hz). */
  pop_rate_10ms: Float64Array;
  /** hist[c] = number of neurons with exactly c spikes. */
  spike_count_hist: number[];
  /** Spike count of every neuron. */
  counts: Int32Array;
  /** Population spike count in each time step (length round(duration/dt)). */
  per_step: Int32Array;
}

/** The scalar statistics by their reference names (`mean_rate`, `fano_pop_1ms`, …). */
export function scalarStats(st: SpikeStats): Record<string, number> {
  const out: Record<string, number> = { ...st.fano };
  for (const [key, value] of Object.entries(st)) if (typeof value === 'number') out[key] = value;
  return out;
}

/** Population variance (ddof 0) over mean; NaN when the mean is 0 (Python writes "NaN"). */
function fanoOf(c: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < c.length; k++) s += c[k];
  const mean = s / c.length;
  if (!(mean > 0)) return Number.NaN;
  let ss = 0;
  for (let k = 0; k < c.length; k++) ss += (c[k] - mean) ** 2;
  return ss / c.length / mean;
}

/** The statistics of `_netstats.spike_stats` for the spikes (`i`, `t` in seconds) of N neurons. */
export function spikeStats(
  spikeI: ArrayLike<number>,
  spikeT: ArrayLike<number>,
  N: number,
  dt: number,
  duration: number,
  options: SpikeStatsOptions = {},
): SpikeStats {
  const nSteps = Math.round(duration / dt);
  const n = spikeI.length;
  const steps = new Int32Array(n);
  for (let k = 0; k < n; k++) steps[k] = Math.round(spikeT[k] / dt);
  const counts = new Int32Array(N);
  for (let k = 0; k < n; k++) counts[spikeI[k]]++;

  const out: SpikeStats = {
    n_spikes: n,
    mean_rate: n / (N * duration),
    n_active: 0,
    cv_isi: Number.NaN,
    n_cv_neurons: 0,
    cv_isi_ge2spikes: Number.NaN,
    n_cv_ge2_neurons: 0,
    fano: {},
    pop_rate_10ms: new Float64Array(0),
    spike_count_hist: [],
    counts,
    per_step: new Int32Array(nSteps),
  };
  if (options.Ne !== undefined) {
    const Ne = options.Ne;
    let exc = 0;
    for (let j = 0; j < Ne; j++) exc += counts[j];
    out.rate_exc = exc / (Ne * duration);
    out.rate_inh = (n - exc) / ((N - Ne) * duration);
  }
  for (let j = 0; j < N; j++) if (counts[j] > 0) out.n_active++;

  // Spike steps grouped by neuron (counting sort; within a neuron spikes stay in time order
  // because monitors record in time order, and we sort each neuron's steps anyway).
  const start = new Int32Array(N + 1);
  for (let j = 0; j < N; j++) start[j + 1] = start[j] + counts[j];
  const fill = start.slice(0, N);
  const byNeuron = new Int32Array(n);
  for (let k = 0; k < n; k++) byNeuron[fill[spikeI[k]]++] = steps[k];
  let sum3 = 0;
  let sum2 = 0;
  for (let j = 0; j < N; j++) {
    const m = counts[j];
    if (m < 2) continue;
    const ts = byNeuron.subarray(start[j], start[j + 1]).sort();
    let s = 0;
    for (let k = 1; k < m; k++) s += ts[k] * dt - ts[k - 1] * dt;
    const mean = s / (m - 1);
    let ss = 0;
    for (let k = 1; k < m; k++) ss += (ts[k] * dt - ts[k - 1] * dt - mean) ** 2;
    const cv = Math.sqrt(ss / (m - 1)) / mean;
    sum2 += cv;
    out.n_cv_ge2_neurons++;
    if (m >= 3) {
      sum3 += cv;
      out.n_cv_neurons++;
    }
  }
  if (out.n_cv_neurons > 0) out.cv_isi = sum3 / out.n_cv_neurons;
  if (out.n_cv_ge2_neurons > 0) out.cv_isi_ge2spikes = sum2 / out.n_cv_ge2_neurons;

  for (let k = 0; k < n; k++) if (steps[k] < nSteps) out.per_step[steps[k]]++;
  const binned = (perBin: number): Float64Array => {
    const c = new Float64Array(Math.floor(nSteps / perBin));
    for (let k = 0; k < n; k++) {
      const b = Math.floor(steps[k] / perBin);
      if (b < c.length) c[b]++;
    }
    return c;
  };
  const lateStart = options.lateStart ?? 0.2;
  for (const bMs of options.binsMs ?? [1, 5]) {
    const c = binned(Math.round((bMs * 1e-3) / dt));
    out.fano[`fano_pop_${bMs}ms`] = fanoOf(c);
    out.fano[`fano_pop_${bMs}ms_late`] = fanoOf(c.subarray(Math.round((lateStart * 1e3) / bMs)));
  }
  out.pop_rate_10ms = binned(Math.round(10e-3 / dt)).map((c) => c / (N * 10e-3));
  let maxCount = 0;
  for (let j = 0; j < N; j++) maxCount = Math.max(maxCount, counts[j]);
  out.spike_count_hist = new Array(maxCount + 1).fill(0);
  for (let j = 0; j < N; j++) out.spike_count_hist[counts[j]]++;
  return out;
}

export interface WelchOptions {
  /** Sampling frequency (Hz). */
  readonly fs: number;
  readonly nperseg: number;
  readonly noverlap: number;
  /** Highest frequency computed (Hz); the spectrum is only evaluated on f_m = m·fs/nperseg ≤ fMax. */
  readonly fMax: number;
}

/**
 * One-sided power spectral density as `scipy.signal.welch(x, fs, window='hann', nperseg,
 * noverlap, detrend='constant', scaling='density')`: periodic Hann window, per-segment mean
 * removed, P = mean over segments of c·|Σ w·x e^{-2πi f n/fs}|² / (fs·Σw²), c = 2 except at 0
 * and Nyquist. Evaluated by direct DFT on the few frequencies needed (no FFT library).
 */
export function welch(x: ArrayLike<number>, options: WelchOptions): { f: Float64Array; P: Float64Array } {
  const { fs, nperseg, noverlap, fMax } = options;
  const step = nperseg - noverlap;
  const nSeg = Math.floor((x.length - noverlap) / step);
  const nFreq = Math.floor((fMax * nperseg) / fs + 1e-9) + 1;
  const w = new Float64Array(nperseg);
  let w2 = 0;
  for (let k = 0; k < nperseg; k++) {
    w[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / nperseg);
    w2 += w[k] * w[k];
  }
  const cos = new Float64Array(nperseg);
  const sin = new Float64Array(nperseg);
  for (let k = 0; k < nperseg; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / nperseg);
    sin[k] = Math.sin((2 * Math.PI * k) / nperseg);
  }
  const P = new Float64Array(nFreq);
  const seg = new Float64Array(nperseg);
  for (let s = 0; s < nSeg; s++) {
    let mean = 0;
    for (let k = 0; k < nperseg; k++) mean += x[s * step + k];
    mean /= nperseg;
    for (let k = 0; k < nperseg; k++) seg[k] = (x[s * step + k] - mean) * w[k];
    for (let m = 0; m < nFreq; m++) {
      let re = 0;
      let im = 0;
      for (let k = 0, phase = 0; k < nperseg; k++, phase = (phase + m) % nperseg) {
        re += seg[k] * cos[phase];
        im -= seg[k] * sin[phase];
      }
      const scale = m === 0 || 2 * m === nperseg ? 1 : 2;
      P[m] += (scale * (re * re + im * im)) / (fs * w2);
    }
  }
  for (let m = 0; m < nFreq; m++) P[m] /= nSeg;
  const f = Float64Array.from({ length: nFreq }, (_, m) => (m * fs) / nperseg);
  return { f, P };
}

/** Peak of a spectrum in [fMin, fMax], its centroid within ±20 Hz, and its height over the band's median. */
export function spectralPeak(
  f: ArrayLike<number>,
  P: ArrayLike<number>,
  fMin: number,
  fMax: number,
): { peak_freq: number; peak_freq_centroid: number; peak_ratio: number } {
  let best = -1;
  const band: number[] = [];
  for (let m = 0; m < f.length; m++) {
    if (f[m] < fMin || f[m] > fMax) continue;
    band.push(P[m]);
    if (best < 0 || P[m] > P[best]) best = m;
  }
  let num = 0;
  let den = 0;
  for (let m = 0; m < f.length; m++) {
    if (Math.abs(f[m] - f[best]) <= 20) {
      num += f[m] * P[m];
      den += P[m];
    }
  }
  band.sort((a, b) => a - b);
  const h = band.length >> 1;
  const median = band.length % 2 ? band[h] : (band[h - 1] + band[h]) / 2;
  return { peak_freq: f[best], peak_freq_centroid: num / den, peak_ratio: P[best] / median };
}

/** A `seed_summary` entry of a reference. */
export interface SeedSpread {
  readonly mean: number;
  readonly std: number;
}

export interface SpreadCheck {
  readonly ok: boolean;
  /** Mean of our values. */
  readonly ours: number;
  /** Allowed |ours − Brian's mean|. */
  readonly tolerance: number;
  readonly message: string;
}

/**
 * Whether our values of one statistic (one per seed, K of them) agree with Brian's seed-to-seed
 * spread (mean μ and std σ over n_B seeds). Both means are estimates, so the allowed difference
 * is k standard errors of their difference: |mean(ours) − μ| ≤ k·σ·√(1/K + 1/n_B), with k = 3.
 * σ is Brian's std, raised to `minStd` where a theoretical sampling error is known (e.g. the
 * binomial std of a synapse count), because a std estimated from 3–8 seeds can come out small
 * by chance. Per seed, every value must also lie in the prediction interval
 * |x − μ| ≤ kSeed·σ·√(1 + 1/n_B) with kSeed = 4 (looser: it is applied K times).
 */
export function checkSeedSpread(
  name: string,
  ours: readonly number[],
  brian: SeedSpread,
  nBrian: number,
  options: { minStd?: number; k?: number; kSeed?: number } = {},
): SpreadCheck {
  const k = options.k ?? 3;
  const kSeed = options.kSeed ?? 4;
  const sigma = Math.max(brian.std, options.minStd ?? 0);
  const K = ours.length;
  const mean = ours.reduce((a, b) => a + b, 0) / K;
  const tolerance = k * sigma * Math.sqrt(1 / K + 1 / nBrian);
  const perSeed = kSeed * sigma * Math.sqrt(1 + 1 / nBrian);
  const worst = Math.max(...ours.map((x) => Math.abs(x - brian.mean)));
  const ok = Math.abs(mean - brian.mean) <= tolerance && worst <= perSeed;
  const fmt = (x: number) => Number(x.toPrecision(6));
  const message =
    `${name}: ours ${ours.map(fmt).join(', ')} (mean ${fmt(mean)}) vs Brian ${fmt(brian.mean)} ± ${fmt(brian.std)}` +
    ` (n=${nBrian}); allowed |Δmean| ≤ ${fmt(tolerance)}, |Δ| per seed ≤ ${fmt(perSeed)}`;
  return { ok, ours: mean, tolerance, message };
}
