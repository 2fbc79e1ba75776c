"""stdp_stats: Song, Miller & Abbott (2000) STDP, final weight distribution after 10 s and 100 s, 3 seeds.

Model: exactly /work/shared/brian2-bench/stdp.py (= Brian's examples/synapses/STDP.py):
N = 1000 Poisson inputs at 15 Hz, all-to-all onto one LIF neuron (method 'exact'),
event-driven pair-based additive STDP with clipped weights, initial w = 'rand() * gmax'.
Duration 100 s as in the Brian example; the statistics after 10 s (the benchmark's duration)
are taken from the same run.  The run is split into 100 consecutive run(1*second) calls
(identical results to one long run: same random stream) to record the time course of the mean
weight and of the output rate.  Seed 12345 is the benchmark's seed: with the cython target its
10-s numbers reproduce the benchmark exactly (mean w/gmax = 0.4610013766174029).
Target: cython.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

import numpy as np  # noqa: E402

TARGET = "cython"
b = setup_brian(target=TARGET)
from brian2 import Hz, Network, NeuronGroup, PoissonGroup, SpikeMonitor, Synapses, mV, ms, second, seed  # noqa: E402

N = 1000
DT = 0.1e-3
DURATION = 100.0
SNAPSHOTS = [10.0, 100.0]
SEEDS = [12345, 1, 2]
N_BINS = 20

taum = 10 * ms
taupre = 20 * ms
taupost = taupre
Ee = 0 * mV
vt = -54 * mV
vr = -60 * mV
El = -74 * mV
taue = 5 * ms
F = 15 * Hz
gmax = 0.01
dApre = 0.01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax
dApre *= gmax
NS = dict(taum=taum, taupre=taupre, taupost=taupost, Ee=Ee, vt=vt, vr=vr, El=El, taue=taue, F=F, gmax=gmax,
          dApre=dApre, dApost=dApost)

EQS_NEURONS = """
dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
dge/dt = -ge / taue : 1
"""
EQS_SYN = """w : 1
dApre/dt = -Apre / taupre : 1 (event-driven)
dApost/dt = -Apost / taupost : 1 (event-driven)"""
ON_PRE = """ge += w
Apre += dApre
w = clip(w + Apost, 0, gmax)"""
ON_POST = """Apost += dApost
w = clip(w + Apre, 0, gmax)"""

STATS_DEFINITIONS = {
    "w_hist": "np.histogram(w/gmax, bins=20, range=(0, 1)): 20 equal bins on [0, 1], the last bin closed "
              "(w = gmax counts in bin 19); counts of synapses (sum = 1000)",
    "mean_w_over_gmax": "mean(w)/gmax over all 1000 synapses",
    "frac_w_gt_0.9": "fraction of synapses with w > 0.9*gmax (strict)",
    "frac_w_lt_0.1": "fraction of synapses with w < 0.1*gmax (strict)",
    "frac_w_gt_half": "fraction with w > 0.5*gmax (the benchmark's statistic)",
    "post_rate": "output spikes / elapsed time (Hz), from t = 0 to the snapshot",
    "post_rate_last10s": "output spikes in the 10 s before the snapshot / 10 s",
    "input_spikes": "total number of input (Poisson) spikes up to the snapshot",
    "mean_w_over_gmax_per_s": "mean(w)/gmax after each second: index k = state at t = k+1 s",
    "post_spikes_per_s": "output spike count in each second [k, k+1) s",
}


def weight_stats(w, out_count_total, elapsed, out_last10, in_spikes):
    x = w / gmax
    return {
        "w_hist": np.histogram(x, bins=N_BINS, range=(0, 1))[0],
        "mean_w_over_gmax": float(x.mean()),
        "frac_w_gt_0.9": float((x > 0.9).mean()),
        "frac_w_lt_0.1": float((x < 0.1).mean()),
        "frac_w_gt_half": float((w > 0.5 * gmax).mean()),
        "post_rate": out_count_total / elapsed,
        "post_rate_last10s": out_last10 / 10.0,
        "input_spikes": int(in_spikes),
        "output_spikes": int(out_count_total),
    }


def run_seed(s):
    b.defaultclock.dt = DT * second
    seed(s)
    inp = PoissonGroup(N, rates=F)
    neurons = NeuronGroup(1, EQS_NEURONS, threshold="v>vt", reset="v = vr", method="exact")
    S = Synapses(inp, neurons, EQS_SYN, on_pre=ON_PRE, on_post=ON_POST)
    S.connect()
    S.w = "rand() * gmax"
    w0 = np.array(S.w_[:])
    in_mon = SpikeMonitor(inp, record=False)
    out_mon = SpikeMonitor(neurons, record=False)
    net = Network(inp, neurons, S, in_mon, out_mon)
    mean_w, post_per_s, snaps = [], [], {}
    t0 = time.time()
    for k in range(int(DURATION)):
        before = int(out_mon.num_spikes)
        net.run(1 * second, namespace=NS)
        post_per_s.append(int(out_mon.num_spikes) - before)
        mean_w.append(float(np.mean(S.w_[:]) / gmax))
        elapsed = k + 1.0
        if elapsed in SNAPSHOTS:
            snaps[f"{int(elapsed)}s"] = weight_stats(np.array(S.w_[:]), int(out_mon.num_spikes), elapsed,
                                                    sum(post_per_s[-10:]), in_mon.num_spikes)
    wall = time.time() - t0
    for key, st in snaps.items():
        print(f"seed {s} {key}: mean w/gmax {st['mean_w_over_gmax']:.4f}, >0.9 {st['frac_w_gt_0.9']:.3f}, "
              f"<0.1 {st['frac_w_lt_0.1']:.3f}, post {st['post_rate']:.2f} Hz, spikes in+out "
              f"{st['input_spikes'] + st['output_spikes']}", flush=True)
    print(f"  ({wall:.1f} s)", flush=True)
    return {"seed": s, "initial_mean_w_over_gmax": float(w0.mean() / gmax), "snapshots": snaps,
            "mean_w_over_gmax_per_s": mean_w, "post_spikes_per_s": post_per_s}


per_seed = [run_seed(s) for s in SEEDS]


def summary(key):
    out = {}
    for name, val in per_seed[0]["snapshots"][key].items():
        vals = np.array([p["snapshots"][key][name] for p in per_seed], dtype=float)
        if vals.ndim == 1:
            out[name] = {"mean": vals.mean(), "std": vals.std(ddof=1), "min": vals.min(), "max": vals.max()}
        else:
            out[name] = {"mean": vals.mean(axis=0), "std": vals.std(axis=0, ddof=1)}
    return out


write_reference(
    "stdp_stats",
    {
        "meta": meta(__file__, target=TARGET,
                     source="/work/shared/brian2-bench/stdp.py (Brian examples/synapses/STDP.py)"),
        "model": {
            "N_inputs": N,
            "dt": DT,
            "duration": DURATION,
            "snapshots": SNAPSHOTS,
            "seeds": SEEDS,
            "seed_note": "brian2.seed(s) is called before the network is built; seed 12345 = the benchmark's seed",
            "input": "PoissonGroup(N, rates=F)",
            "neuron_equations": EQS_NEURONS,
            "threshold": "v>vt",
            "reset": "v = vr",
            "method": "exact",
            "initial": {"v": 0.0, "ge": 0.0, "w": "rand() * gmax", "Apre": 0.0, "Apost": 0.0},
            "synapse_equations": EQS_SYN,
            "on_pre": ON_PRE,
            "on_post": ON_POST,
            "connect": "S.connect() (all-to-all, 1000 synapses)",
            "namespace": NS,
            "note": "v starts at 0 V (NeuronGroup default), as in the example; the neuron fires at once",
        },
        "statistics_definitions": STATS_DEFINITIONS,
        "recorded": {
            "per_seed": per_seed,
            "seed_summary": {k: summary(f"{int(k)}s") for k in SNAPSHOTS},
        },
        "shapes": {"w_hist": "[20]", "mean_w_over_gmax_per_s / post_spikes_per_s": "[100]",
                   "seed_summary": "keyed by snapshot time in s ('10.0', '100.0')"},
    },
)
