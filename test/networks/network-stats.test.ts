/**
 * The statistics helper (test/helpers/network-stats.ts) against the Python it ports: a synthetic
 * spike train (bursts every 7.3 ms, pseudo-random neurons from a MINSTD generator, plus neurons
 * with 0–3 spikes) run through _netstats.spike_stats and scipy.signal.welch with the settings of
 * brunel_hakim_stats.py. Expected values printed by the Python below (Brian's /usr/bin/python3).
 *
 *   x = 1; nxt = lambda: x := (x*48271) % 2147483647
 *   for k in range(3000): step = (k*10000//3000)//73*73 + nxt() % 20; i = nxt() % 40
 *   + neuron 40 at step 500; 41 at 100, 900; 42 at 200, 250, 700  (N = 45, Ne = 32, dt = 0.1 ms, T = 1 s)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSeedSpread, spectralPeak, spikeStats, welch } from '../helpers/network-stats.ts';

function syntheticTrain(): { i: number[]; t: number[] } {
  let x = 1;
  const next = () => {
    x = (x * 48271) % 2147483647;
    return x;
  };
  const i: number[] = [];
  const t: number[] = [];
  for (let k = 0; k < 3000; k++) {
    const step = Math.floor(Math.floor((k * 10000) / 3000) / 73) * 73 + (next() % 20);
    i.push(next() % 40);
    t.push(step * 1e-4);
  }
  for (const [n, steps] of [
    [40, [500]],
    [41, [100, 900]],
    [42, [200, 250, 700]],
  ] as const) {
    for (const s of steps) {
      i.push(n);
      t.push(s * 1e-4);
    }
  }
  return { i, t };
}

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('spikeStats reproduces _netstats.spike_stats', () => {
  const { i, t } = syntheticTrain();
  const st = spikeStats(i, t, 45, 1e-4, 1.0, { Ne: 32 });
  assert.equal(st.n_spikes, 3006);
  close(st.mean_rate, 66.8, 'mean_rate');
  close(st.rate_exc!, 74.90625, 'rate_exc');
  close(st.rate_inh!, 46.84615384615385, 'rate_inh');
  assert.equal(st.n_active, 43);
  close(st.cv_isi, 0.9722201212068899, 'cv_isi');
  assert.equal(st.n_cv_neurons, 41);
  close(st.cv_isi_ge2spikes, 0.9490720230829164, 'cv_isi_ge2spikes');
  assert.equal(st.n_cv_ge2_neurons, 42);
  close(st.fano.fano_pop_1ms, 6.7245389221556895, 'fano_pop_1ms');
  close(st.fano.fano_pop_1ms_late, 6.727474853310981, 'fano_pop_1ms_late');
  close(st.fano.fano_pop_5ms, 4.182242182302063, 'fano_pop_5ms');
  close(st.fano.fano_pop_5ms_late, 4.17216051969824, 'fano_pop_5ms_late');
  const pop = [
    97.77777777777777, 51.11111111111111, 77.77777777777777, 73.33333333333333, 48.888888888888886,
  ];
  for (const [k, r] of pop.entries()) close(st.pop_rate_10ms[k], r, `pop_rate_10ms[${k}]`);
  assert.equal(st.pop_rate_10ms.length, 100);
  assert.deepEqual(st.spike_count_hist.slice(0, 5), [2, 1, 1, 1, 0]);
  assert.equal(st.spike_count_hist.length, 91);
  assert.equal(
    st.spike_count_hist.reduce((a, b) => a + b, 0),
    45,
  );
});

test('welch and spectralPeak reproduce scipy.signal.welch (hann, nperseg 2000, noverlap 1000, density)', () => {
  const { i, t } = syntheticTrain();
  const st = spikeStats(i, t, 45, 1e-4, 1.0);
  const { f, P } = welch(st.per_step.subarray(2000), { fs: 1e4, nperseg: 2000, noverlap: 1000, fMax: 1000 });
  assert.equal(f.length, 201);
  assert.equal(f[27], 135);
  const expected = [
    [0, 2.1335915965830795e-6],
    [1, 1.1507029827111105e-6],
    [2, 3.4384202916976604e-7],
    [27, 0.015140416253692257],
    [200, 4.8381046981450546e-5],
  ];
  for (const [m, p] of expected) {
    assert.ok(Math.abs(P[m] - p) <= 1e-9 * p, `P[${m}] = ${P[m]} vs scipy ${p}`);
  }
  const peak = spectralPeak(f, P, 10, 1000);
  assert.equal(peak.peak_freq, 135);
  assert.ok(Math.abs(peak.peak_freq_centroid - 137.0052857421855) < 1e-9);
  assert.ok(Math.abs(peak.peak_ratio - 292.99079035298143) < 1e-6);
});

test('checkSeedSpread: tolerance 3σ√(1/K + 1/n) on the mean, 4σ√(1 + 1/n) per seed', () => {
  const brian = { mean: 10, std: 1 };
  const ok = checkSeedSpread('x', [11, 12], brian, 4);
  assert.ok(Math.abs(ok.tolerance - 3 * Math.sqrt(1 / 2 + 1 / 4)) < 1e-12);
  assert.ok(ok.ok, ok.message);
  assert.equal(checkSeedSpread('x', [13, 13], brian, 4).ok, false);
  // One seed far out fails even if the mean is fine.
  assert.equal(checkSeedSpread('x', [5, 15, 10, 10, 10, 10, 10, 10, 10], brian, 100).ok, false);
  // A theoretical floor widens a too-small std.
  assert.equal(checkSeedSpread('x', [10.5], { mean: 10, std: 0.01 }, 5).ok, false);
  assert.ok(checkSeedSpread('x', [10.5], { mean: 10, std: 0.01 }, 5, { minStd: 0.5 }).ok);
});
