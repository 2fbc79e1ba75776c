"""cobahh_stats: spike statistics of the COBAHH network for 5 seeds (stochastic reference).

Model: exactly /work/shared/brian2-bench/cobahh.py (Brette et al. 2007 benchmark 3, Brian's
examples/COBAHH.py): N = 4000 Hodgkin-Huxley (Traub-Miles) neurons, 80% excitatory,
conductance-based exponential synapses, p = 80/N = 0.02, method 'exponential_euler',
dt = 0.1 ms, 1 s, threshold 'v>-20*mV' with refractory 3 ms and NO reset.
Initial values follow the bench script (not the example):
  v = 'El + (randn() * 5 - 5)*mV', ge = '(randn() * 1.5 + 4) * 10.*nS', gi = '(randn() * 12 + 20) * 10.*nS'
(assigned AFTER connect(), as in the bench script, which matters for the random streams only).
Per seed: mean rate, CV of ISIs, population Fano factors, synapse counts, total spikes
(definitions in the JSON), plus mean/std across seeds.  Seed 12345 is the benchmark's seed:
with the cython target it reproduces the benchmark's counts exactly.
Target: cython.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402
from _netstats import STATS_DEFINITIONS, seed_summary, spike_stats  # noqa: E402

TARGET = "cython"
b = setup_brian(target=TARGET)
from brian2 import (  # noqa: E402
    Equations,
    Network,
    NeuronGroup,
    SpikeMonitor,
    Synapses,
    cm,
    msiemens,
    ms,
    mV,
    nS,
    second,
    seed,
    siemens,
    ufarad,
    umetre,
)

N = 4000
DT = 0.1e-3
DURATION = 1.0
SEEDS = [12345, 1, 2, 3, 4]

area = 20000 * umetre**2
Cm = (1 * ufarad * cm**-2) * area
gl = (5e-5 * siemens * cm**-2) * area
El = -60 * mV
EK = -90 * mV
ENa = 50 * mV
g_na = (100 * msiemens * cm**-2) * area
g_kd = (30 * msiemens * cm**-2) * area
VT = -63 * mV
taue = 5 * ms
taui = 10 * ms
Ee = 0 * mV
Ei = -80 * mV
we = 6 * nS
wi = 67 * nS
p = 80.0 / N
Ne = int(0.8 * N)

EQS = """
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
         (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
        (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
         (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
"""
NS = dict(area=area, Cm=Cm, gl=gl, El=El, EK=EK, ENa=ENa, g_na=g_na, g_kd=g_kd,
          VT=VT, taue=taue, taui=taui, Ee=Ee, Ei=Ei, we=we, wi=wi, p=p)
code = None


def run_seed(s):
    global code
    b.defaultclock.dt = DT * second
    seed(s)
    P = NeuronGroup(N, model=Equations(EQS), threshold="v>-20*mV", refractory=3 * ms, method="exponential_euler")
    Pe = P[:Ne]
    Pi = P[Ne:]
    Ce = Synapses(Pe, P, on_pre="ge+=we")
    Ci = Synapses(Pi, P, on_pre="gi+=wi")
    Ce.connect(p=p)
    Ci.connect(p=p)
    P.v = "El + (randn() * 5 - 5)*mV"
    P.ge = "(randn() * 1.5 + 4) * 10.*nS"
    P.gi = "(randn() * 12 + 20) * 10.*nS"
    mon = SpikeMonitor(P)
    net = Network(P, Ce, Ci, mon)
    t0 = time.time()
    net.run(DURATION * second, namespace=NS)
    wall = time.time() - t0
    code = state_updater_code(P)
    st = spike_stats(mon.i[:], mon.t_[:], N, DT, DURATION, Ne=Ne)
    out = {"seed": s, "synapses_Ce": len(Ce), "synapses_Ci": len(Ci), "synapses_total": len(Ce) + len(Ci)}
    out.update(st)
    print(f"seed {s}: rate {st['mean_rate']:.3f} Hz, cv {st['cv_isi']:.3f}, fano1 {st['fano_pop_1ms']:.2f}, "
          f"spikes {st['n_spikes']}, syn {out['synapses_total']} ({wall:.1f} s)", flush=True)
    return out


per_seed = [run_seed(s) for s in SEEDS]

write_reference(
    "cobahh_stats",
    {
        "meta": meta(__file__, target=TARGET, source="/work/shared/brian2-bench/cobahh.py (Brian examples/COBAHH.py)"),
        "model": {
            "N": N,
            "Ne": Ne,
            "dt": DT,
            "duration": DURATION,
            "seeds": SEEDS,
            "seed_note": "brian2.seed(s) is called before the network is built; seed 12345 = the benchmark's seed",
            "equations": EQS,
            "threshold": "v>-20*mV",
            "reset": None,
            "refractory": 3e-3,
            "method": "exponential_euler",
            "namespace": NS,
            "initial": {"v": "El + (randn() * 5 - 5)*mV", "ge": "(randn() * 1.5 + 4) * 10.*nS",
                        "gi": "(randn() * 12 + 20) * 10.*nS", "m": 0.0, "n": 0.0, "h": 0.0,
                        "order": "connect Ce, connect Ci, then v, ge, gi"},
            "synapses": {
                "Ce": {"source": "P[:Ne]", "target": "P", "on_pre": "ge+=we", "connect": "Ce.connect(p=p)"},
                "Ci": {"source": "P[Ne:]", "target": "P", "on_pre": "gi+=wi", "connect": "Ci.connect(p=p)"},
            },
            "monitors": "SpikeMonitor(P)",
            "state_updater_abstract_code": code,
        },
        "statistics_definitions": STATS_DEFINITIONS,
        "recorded": {"per_seed": per_seed, "seed_summary": seed_summary(per_seed)},
        "shapes": {"per_seed": "[n_seeds] objects", "pop_rate_10ms": "[100]", "spike_count_hist": "[max_count+1]"},
    },
)
