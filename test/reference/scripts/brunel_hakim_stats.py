"""brunel_hakim_stats: Brunel & Hakim (1999) sparse inhibitory network, 5 seeds (stochastic reference).

Source: Brian 2 example examples/frompapers/Brunel_Hakim_1999.py ("Fast Global Oscillations in
Networks of Integrate-and-Fire Neurons with Low Firing Rates", Neural Computation 11, 1621-1671),
reproduced exactly except the duration (example: 0.1 s; here 1 s for usable statistics):
N = 5000 current-based LIF neurons driven by white noise, method 'euler', V starts at Vr,
threshold 'V>theta', reset 'V=Vr', refractory 2 ms, all-inhibitory synapses on_pre 'V += -J'
with a homogeneous delay of 2 ms, conn.connect(p=C/N) with C = 1000 (p = 0.2, ~5e6 synapses).
Neurons fire irregularly at low rate while the population rate oscillates fast (~140 Hz with these parameters).
Per seed: mean rate, CV of ISIs, population Fano factors, synapse count, plus the dominant
frequency of the population activity (Welch spectrum, precisely defined in the JSON).
Target: cython.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402
from _netstats import STATS_DEFINITIONS, seed_summary, spike_stats  # noqa: E402

import numpy as np  # noqa: E402
from scipy.signal import welch  # noqa: E402

TARGET = "cython"
b = setup_brian(target=TARGET)
from brian2 import Network, NeuronGroup, SpikeMonitor, Synapses, mV, ms, second, seed  # noqa: E402

N = 5000
DT = 0.1e-3
DURATION = 1.0
SEEDS = [1, 2, 3, 4, 5]
Vr = 10 * mV
theta = 20 * mV
tau = 20 * ms
delta = 2 * ms
taurefr = 2 * ms
C = 1000
sparseness = float(C) / N
J = 0.1 * mV
muext = 25 * mV
sigmaext = 1 * mV
EQS = "dV/dt = (-V+muext + sigmaext * sqrt(tau) * xi)/tau : volt"
NS = dict(Vr=Vr, theta=theta, tau=tau, J=J, muext=muext, sigmaext=sigmaext)

# spectrum of the population activity
PSD_START = 0.2  # s, skip the synchronous start (all neurons begin at V = Vr)
NPERSEG = 2000  # 0.2 s segments -> 5 Hz resolution
NOVERLAP = 1000
F_MIN, F_MAX = 10.0, 1000.0
PSD_DEFINITION = (
    "x[k] = population spike count in time step k (dt = 0.1 ms) for k = round(psd_start/dt) .. n_steps-1 "
    "(8000 samples); scipy.signal.welch(x, fs=1/dt, window='hann' (periodic: w[n] = 0.5 - 0.5*cos(2*pi*n/nperseg)), "
    "nperseg=2000, noverlap=1000 (7 segments), detrend='constant' (per-segment mean removed), "
    "scaling='density', one-sided: P(f) = mean over segments of c*|sum_n w[n] (x_seg[n]-mean) e^{-2 pi i f n dt}|^2 "
    "/ (fs * sum w^2), c = 2 except at f = 0 and Nyquist); frequencies f_m = m*5 Hz. "
    "peak_freq = f_m with the largest P in f_min <= f <= f_max (10 .. 1000 Hz); "
    "peak_freq_centroid = sum(f*P)/sum(P) over the f_m with |f_m - peak_freq| <= 20 Hz (sub-bin estimate); "
    "peak_ratio = that P divided by the median P over the same band. psd (per seed) lists P for f_m <= 1000 Hz, "
    "units spikes^2/Hz per step-count signal"
)
code = None


def run_seed(s):
    global code
    b.defaultclock.dt = DT * second
    seed(s)
    group = NeuronGroup(N, EQS, threshold="V>theta", reset="V=Vr", refractory=taurefr, method="euler")
    group.V = Vr
    conn = Synapses(group, group, on_pre="V += -J", delay=delta)
    conn.connect(p=sparseness)
    mon = SpikeMonitor(group)
    net = Network(group, conn, mon)
    t0 = time.time()
    net.run(DURATION * second, namespace=NS)
    wall = time.time() - t0
    code = state_updater_code(group)
    st = spike_stats(mon.i[:], mon.t_[:], N, DT, DURATION)
    steps = np.round(mon.t_[:] / DT).astype(np.int64)
    n_steps = int(round(DURATION / DT))
    x = np.bincount(steps, minlength=n_steps)[:n_steps][int(round(PSD_START / DT)):].astype(float)
    f, P = welch(x, fs=1 / DT, window="hann", nperseg=NPERSEG, noverlap=NOVERLAP, detrend="constant",
                 scaling="density")
    band = (f >= F_MIN) & (f <= F_MAX)
    k = np.argmax(np.where(band, P, -np.inf))
    out = {"seed": s, "synapses": len(conn)}
    out.update(st)
    out["peak_freq"] = f[k]
    near = np.abs(f - f[k]) <= 20.0
    out["peak_freq_centroid"] = np.sum(f[near] * P[near]) / np.sum(P[near])
    out["peak_ratio"] = P[k] / np.median(P[band])
    out["psd"] = P[f <= F_MAX]
    print(f"seed {s}: rate {st['mean_rate']:.3f} Hz, cv {st['cv_isi']:.3f}, fano1 {st['fano_pop_1ms']:.2f}, "
          f"peak {f[k]:.0f} Hz (x{out['peak_ratio']:.1f}), syn {len(conn)} ({wall:.1f} s)", flush=True)
    return out, f[f <= F_MAX]


results = [run_seed(s) for s in SEEDS]
per_seed = [r[0] for r in results]
freqs = results[0][1]

write_reference(
    "brunel_hakim_stats",
    {
        "meta": meta(__file__, target=TARGET, source="brian2 examples/frompapers/Brunel_Hakim_1999.py"),
        "model": {
            "N": N,
            "dt": DT,
            "duration": DURATION,
            "duration_note": "the Brian example runs 0.1 s; 1 s here",
            "seeds": SEEDS,
            "seed_note": "brian2.seed(s) is called before the network is built",
            "equations": EQS,
            "threshold": "V>theta",
            "reset": "V=Vr",
            "refractory": float(taurefr),
            "method": "euler",
            "namespace": NS,
            "C": C,
            "sparseness": sparseness,
            "initial": {"V": float(Vr)},
            "synapses": {"source": "group", "target": "group", "on_pre": "V += -J", "delay": float(delta),
                         "connect": "conn.connect(p=sparseness)"},
            "monitors": "SpikeMonitor(group)",
            "state_updater_abstract_code": code,
        },
        "statistics_definitions": dict(STATS_DEFINITIONS, psd=PSD_DEFINITION),
        "psd_params": {"psd_start": PSD_START, "nperseg": NPERSEG, "noverlap": NOVERLAP, "f_min": F_MIN,
                       "f_max": F_MAX, "window": "hann (periodic)", "detrend": "constant", "scaling": "density"},
        "recorded": {
            "psd_freqs": freqs,
            "per_seed": per_seed,
            "seed_summary": seed_summary(per_seed),
            "mean_psd": np.mean([p["psd"] for p in per_seed], axis=0),
        },
        "shapes": {"per_seed": "[n_seeds] objects", "psd / psd_freqs / mean_psd": "[201] (0 .. 1000 Hz, 5 Hz)",
                   "pop_rate_10ms": "[100]", "spike_count_hist": "[max_count+1]"},
    },
)
