"""Spike-train statistics shared by the network-statistics references (not a reference itself).

Every statistic works on integer time steps (step = round(t/dt)) so that binning never depends
on floating-point rounding of spike times.  STATS_DEFINITIONS is copied verbatim into each JSON
so that brian-ts can recompute exactly the same numbers from its own spike trains.
"""

import numpy as np

STATS_DEFINITIONS = {
    "step": "spike step k = round(t/dt); spikes of the last step are included, T = duration",
    "mean_rate": "n_spikes / (N * T) in Hz (all neurons, including silent ones)",
    "rate_exc / rate_inh": "same, restricted to neurons [0, Ne) / [Ne, N)",
    "n_active": "number of neurons with at least one spike",
    "cv_isi": "for every neuron with >= 3 spikes: ISIs = diff(spike times), cv = std(ISIs, ddof=0)/mean(ISIs); "
              "cv_isi = mean of cv over those neurons (n_cv_neurons of them)",
    "cv_isi_ge2spikes": "same but over neurons with >= 2 spikes (a neuron with exactly 2 spikes contributes cv = 0)",
    "fano_pop_Xms": "population spike counts c_b in consecutive bins of X ms (bin b = floor(k / (X ms/dt)), "
                    "b = 0 .. T/(X ms) - 1); fano = var(c, ddof=0) / mean(c). 1 for Poisson-like asynchronous "
                    "activity, >> 1 for synchronous activity",
    "fano_pop_Xms_late": "the same restricted to the bins that start at or after late_start (= 0.2 s; bins "
                         "b >= late_start/(X ms)), i.e. without the initial transient",
    "pop_rate_10ms": "population rate in consecutive 10 ms bins: count / (N * 10 ms), Hz",
    "spike_count_hist": "hist[c] = number of neurons that fired exactly c spikes during the run (c = 0 .. max)",
    "seed_summary": "mean and std (ddof=1) across seeds of every scalar per-seed statistic",
}


def spike_stats(spike_i, spike_t, N, dt, duration, Ne=None, bins_ms=(1, 5), late_start=0.2):
    spike_i = np.asarray(spike_i, dtype=np.int64)
    steps = np.round(np.asarray(spike_t) / dt).astype(np.int64)
    n_steps = int(round(duration / dt))
    n = len(steps)
    out = {"n_spikes": n, "mean_rate": n / (N * duration)}
    counts = np.bincount(spike_i, minlength=N)
    if Ne is not None:
        out["rate_exc"] = counts[:Ne].sum() / (Ne * duration)
        out["rate_inh"] = counts[Ne:].sum() / ((N - Ne) * duration)
    out["n_active"] = int((counts > 0).sum())
    order = np.lexsort((steps, spike_i))
    si, st = spike_i[order], steps[order] * dt
    bounds = np.searchsorted(si, np.arange(N + 1))
    cvs3, cvs2 = [], []
    for j in range(N):
        t_j = st[bounds[j]:bounds[j + 1]]
        if len(t_j) >= 2:
            isi = np.diff(t_j)
            cv = isi.std() / isi.mean()
            cvs2.append(cv)
            if len(t_j) >= 3:
                cvs3.append(cv)
    out["cv_isi"] = float(np.mean(cvs3)) if cvs3 else "NaN"
    out["n_cv_neurons"] = len(cvs3)
    out["cv_isi_ge2spikes"] = float(np.mean(cvs2)) if cvs2 else "NaN"
    out["n_cv_ge2_neurons"] = len(cvs2)
    for b_ms in bins_ms:
        per_bin = int(round(b_ms * 1e-3 / dt))
        n_bins = n_steps // per_bin
        c = np.bincount(steps // per_bin, minlength=n_bins)[:n_bins]
        out[f"fano_pop_{b_ms}ms"] = c.var() / c.mean() if c.mean() > 0 else "NaN"
        late = c[int(round(late_start * 1e3 / b_ms)):]
        out[f"fano_pop_{b_ms}ms_late"] = late.var() / late.mean() if late.mean() > 0 else "NaN"
    per10 = int(round(10e-3 / dt))
    c10 = np.bincount(steps // per10, minlength=n_steps // per10)[: n_steps // per10]
    out["pop_rate_10ms"] = c10 / (N * 10e-3)
    out["spike_count_hist"] = np.bincount(counts)
    return out


def seed_summary(per_seed, skip=("seed",)):
    """Mean and std (ddof=1) across seeds of every scalar entry."""
    summary = {}
    for key, val in per_seed[0].items():
        if key in skip or not np.isscalar(val) or isinstance(val, str):
            continue
        vals = np.array([float(p[key]) for p in per_seed])
        summary[key] = {"mean": vals.mean(), "std": vals.std(ddof=1) if len(vals) > 1 else 0.0,
                        "min": vals.min(), "max": vals.max()}
    return summary
