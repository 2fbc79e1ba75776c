"""cuba_stats: spike statistics of the CUBA network for 8 seeds (stochastic reference).

Model: exactly /work/shared/brian2-bench/cuba.py (Vogels & Abbott 2005 / Brette et al. 2007
benchmark 2, Brian's examples/CUBA.py) with N = 4000, p = 80/N = 0.02, 1 s, dt = 0.1 ms,
method 'exact', refractory 5 ms, v initialised to 'Vr + rand()*(Vt - Vr)', ge = gi = 0.
Random connectivity and initial v make every seed different, so brian-ts can only be compared
statistically: per seed we store mean rate, CV of ISIs, population Fano factors, synapse counts,
total spikes (definitions in the JSON), plus mean/std across seeds.
Seed 12345 is the benchmark's seed: with the cython target it reproduces the benchmark's
synapse and spike counts exactly (a check that the model is the same).
Target: cython (same random streams as the benchmark's cython runs).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402
from _netstats import STATS_DEFINITIONS, seed_summary, spike_stats  # noqa: E402

TARGET = "cython"
b = setup_brian(target=TARGET)
from brian2 import Network, NeuronGroup, SpikeMonitor, Synapses, mV, ms, second, seed  # noqa: E402

N = 4000
DT = 0.1e-3
DURATION = 1.0
SEEDS = [12345, 1, 2, 3, 4, 5, 6, 7]

EQS = """
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
"""
taum = 20 * ms
taue = 5 * ms
taui = 10 * ms
Vt = -50 * mV
Vr = -60 * mV
El = -49 * mV
we = (60 * 0.27 / 10) * mV
wi = (-20 * 4.5 / 10) * mV
Ne = int(0.8 * N)
p = 80.0 / N
NS = dict(taum=taum, taue=taue, taui=taui, Vt=Vt, Vr=Vr, El=El, we=we, wi=wi, Ne=Ne, p=p)


def run_seed(s):
    b.defaultclock.dt = DT * second
    seed(s)  # before construction, as the benchmark (b2common seeds at import)
    P = NeuronGroup(N, EQS, threshold="v>Vt", reset="v = Vr", refractory=5 * ms, method="exact")
    P.v = "Vr + rand() * (Vt - Vr)"
    P.ge = 0 * mV
    P.gi = 0 * mV
    Ce = Synapses(P, P, on_pre="ge += we")
    Ci = Synapses(P, P, on_pre="gi += wi")
    Ce.connect("i<Ne", p=p)
    Ci.connect("i>=Ne", p=p)
    mon = SpikeMonitor(P)
    net = Network(P, Ce, Ci, mon)
    t0 = time.time()
    net.run(DURATION * second, namespace=NS)
    wall = time.time() - t0
    st = spike_stats(mon.i[:], mon.t_[:], N, DT, DURATION, Ne=Ne)
    out = {"seed": s, "synapses_Ce": len(Ce), "synapses_Ci": len(Ci), "synapses_total": len(Ce) + len(Ci)}
    out.update(st)
    print(f"seed {s}: rate {st['mean_rate']:.3f} Hz, cv {st['cv_isi']:.3f}, fano1 {st['fano_pop_1ms']:.2f}, "
          f"spikes {st['n_spikes']}, syn {out['synapses_total']} ({wall:.1f} s)", flush=True)
    return out


per_seed = [run_seed(s) for s in SEEDS]

write_reference(
    "cuba_stats",
    {
        "meta": meta(__file__, target=TARGET, source="/work/shared/brian2-bench/cuba.py (Brian examples/CUBA.py)"),
        "model": {
            "N": N,
            "Ne": Ne,
            "dt": DT,
            "duration": DURATION,
            "seeds": SEEDS,
            "seed_note": "brian2.seed(s) is called before the network is built (initial v and connectivity "
                         "depend on it); seed 12345 = the benchmark's seed",
            "equations": EQS,
            "threshold": "v>Vt",
            "reset": "v = Vr",
            "refractory": 5e-3,
            "method": "exact",
            "namespace": NS,
            "initial": {"v": "Vr + rand() * (Vt - Vr)", "ge": 0.0, "gi": 0.0},
            "synapses": {
                "Ce": {"source": "P", "target": "P", "on_pre": "ge += we", "connect": "Ce.connect('i<Ne', p=p)"},
                "Ci": {"source": "P", "target": "P", "on_pre": "gi += wi", "connect": "Ci.connect('i>=Ne', p=p)"},
            },
            "monitors": "SpikeMonitor(P)",
        },
        "statistics_definitions": STATS_DEFINITIONS,
        "recorded": {"per_seed": per_seed, "seed_summary": seed_summary(per_seed)},
        "shapes": {"per_seed": "[n_seeds] objects", "pop_rate_10ms": "[100]", "spike_count_hist": "[max_count+1]"},
    },
)
