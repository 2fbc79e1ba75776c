/**
 * Fake but plausible simulation results for plotting tests and the demo: a population of noisy
 * leaky integrate-and-fire neurons (Euler, seeded), recorded like Brian's monitors would.
 */

/** A small seeded generator (mulberry32), so figures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeRun {
  spikes: { t: Float64Array; i: Int32Array };
  state: { t: Float64Array; v: Float64Array[] };
  rate: { t: Float64Array; rate: Float64Array; smooth: Float64Array };
  size: number;
  threshold: number;
}

/** `size` noisy LIF neurons for `duration` seconds; `v` recorded for the first `recorded`. */
export function fakeRun(size = 100, duration = 0.5, recorded = 3, seed = 1): FakeRun {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const dt = 1e-4;
  const steps = Math.round(duration / dt);
  const [El, Vt, Vr, tau, sigma] = [-0.06, -0.05, -0.06, 0.01, 0.004];
  const drive = Float64Array.from({ length: size }, (_, k) => 0.009 + 0.004 * (k / size));
  const v = Float64Array.from({ length: size }, () => Vr + rand() * (Vt - Vr));
  const st: number[] = [];
  const si: number[] = [];
  const vt = new Float64Array(steps);
  const vs = Array.from({ length: recorded }, () => new Float64Array(steps));
  const counts = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    const t = s * dt;
    vt[s] = t;
    // Slow common modulation makes the population rate wander, as in a real network.
    const common = 0.003 * Math.sin(2 * Math.PI * 8 * t);
    for (let k = 0; k < size; k++) {
      if (k < recorded) vs[k][s] = v[k];
      v[k] += (dt * (El - v[k] + drive[k] + common)) / tau + sigma * Math.sqrt(dt / tau) * gauss();
      if (v[k] > Vt) {
        v[k] = Vr;
        st.push(t);
        si.push(k);
        counts[s]++;
      }
    }
  }
  const rate = counts.map((c) => c / size / dt);
  return {
    spikes: { t: Float64Array.from(st), i: Int32Array.from(si) },
    state: { t: vt, v: vs },
    rate: { t: vt, rate, smooth: gaussianSmooth(rate, 0.005 / dt) },
    size,
    threshold: Vt,
  };
}

/** Gaussian smoothing with standard deviation `width` samples, as Brian's `smooth_rate`. */
export function gaussianSmooth(values: Float64Array, width: number): Float64Array {
  const half = Math.ceil(3 * width);
  const kernel = Float64Array.from({ length: 2 * half + 1 }, (_, k) =>
    Math.exp(-0.5 * ((k - half) / width) ** 2),
  );
  const norm = kernel.reduce((a, b) => a + b, 0);
  return values.map((_, j) => {
    let sum = 0;
    for (let k = -half; k <= half; k++) {
      const idx = j + k;
      if (idx >= 0 && idx < values.length) sum += values[idx] * kernel[k + half];
    }
    return sum / norm;
  });
}

/** `n` random spikes over `size` neurons and `duration` seconds, for performance checks. */
export function randomSpikes(
  n: number,
  size: number,
  duration: number,
  seed = 2,
): { t: Float64Array; i: Int32Array } {
  const rand = seededRandom(seed);
  const t = Float64Array.from({ length: n }, () => rand() * duration).sort();
  const i = Int32Array.from({ length: n }, () => Math.floor(rand() * size));
  return { t, i };
}
