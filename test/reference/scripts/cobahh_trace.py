"""cobahh_trace: a deterministic, small COBAHH network (exact initial state, connectivity and traces).

Model: /work/shared/brian2-bench/cobahh.py (Brian's examples/COBAHH.py) at N = 300, p = 80/N,
150 ms, dt = 0.1 ms, exponential Euler, threshold 'v>-20*mV', refractory 3 ms, NO reset.
The random parts (connectivity, randn() initial values) are drawn by Brian with seed 4321 and
recorded, so a re-implementation can rebuild exactly this network (connect with explicit i, j;
set the state arrays directly) and compare step by step:
  initial: v, ge, gi, m, n, h per neuron after initialisation
  synapses: Ce / Ci source (index into the subgroup) and target indices, in Brian's synapse order
  recorded: v, ge, gi, m, n, h traces of a few neurons (every step, start of step), all spikes,
            and the full state at the end of the run
  schedule: Brian's scheduling_summary of the network (runner order within a time step)
Target: numpy.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian(target="numpy")
from brian2 import (  # noqa: E402
    Equations,
    Network,
    NeuronGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    cm,
    ms,
    msiemens,
    mV,
    nS,
    scheduling_summary,
    second,
    seed,
    siemens,
    ufarad,
    umetre,
)

# Optional overrides for exploration (the stored reference uses the defaults):
#   cobahh_trace.py [N DURATION_S OUTPUT_PATH]
ARGS = sys.argv[1:]
N = int(ARGS[0]) if ARGS else 300
Ne = int(0.8 * N)
p = 80.0 / N
DT = 0.1e-3
DURATION = float(ARGS[1]) if ARGS else 0.15
SEED = 4321
RECORD = [0, 100, Ne]  # two excitatory neurons, one inhibitory
VARS = ["v", "ge", "gi", "m", "n", "h"]

area = 20000 * umetre**2
NS = dict(
    area=area,
    Cm=(1 * ufarad * cm**-2) * area,
    gl=(5e-5 * siemens * cm**-2) * area,
    El=-60 * mV,
    EK=-90 * mV,
    ENa=50 * mV,
    g_na=(100 * msiemens * cm**-2) * area,
    g_kd=(30 * msiemens * cm**-2) * area,
    VT=-63 * mV,
    taue=5 * ms,
    taui=10 * ms,
    Ee=0 * mV,
    Ei=-80 * mV,
    we=6 * nS,
    wi=67 * nS,
)

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

seed(SEED)
P = NeuronGroup(N, model=Equations(EQS), threshold="v>-20*mV", refractory=3 * ms,
                method="exponential_euler", namespace=NS)
Pe = P[:Ne]
Pi = P[Ne:]
Ce = Synapses(Pe, P, on_pre="ge+=we", namespace=NS)
Ci = Synapses(Pi, P, on_pre="gi+=wi", namespace=NS)
Ce.connect(p=p)
Ci.connect(p=p)
P.v = "El + (randn() * 5 - 5)*mV"
P.ge = "(randn() * 1.5 + 4) * 10.*nS"
P.gi = "(randn() * 12 + 20) * 10.*nS"
initial = {x: getattr(P, x + "_")[:].copy() for x in VARS}
spikes = SpikeMonitor(P)
states = StateMonitor(P, VARS, record=RECORD)
net = Network(P, Ce, Ci, spikes, states)
net.run(DURATION * second)
schedule = str(scheduling_summary(net))
print(schedule)
print(f"{spikes.num_spikes} spikes, rate {spikes.num_spikes / (N * DURATION):.2f} Hz")

write_reference(
    ARGS[2] if ARGS else "cobahh_trace",
    {
        "meta": meta(__file__, target="numpy", source="/work/shared/brian2-bench/cobahh.py (Brian examples/COBAHH.py)"),
        "model": {
            "N": N,
            "Ne": Ne,
            "p": p,
            "dt": DT,
            "duration": DURATION,
            "seed": SEED,
            "equations": EQS,
            "threshold": "v>-20*mV",
            "reset": None,
            "refractory": 3e-3,
            "method": "exponential_euler",
            "namespace": NS,
            "state_updater_abstract_code": state_updater_code(P),
        },
        "initial": initial,
        "synapses": {
            "Ce": {"i": Ce.i[:], "j": Ce.j[:]},
            "Ci": {"i": Ci.i[:], "j": Ci.j[:]},
        },
        "schedule": schedule,
        "recorded": {
            "record": RECORD,
            "t": states.t_,
            **{x: getattr(states, x + "_") for x in VARS},
            "spike_t": spikes.t_,
            "spike_i": spikes.i[:],
            "final": {x: getattr(P, x + "_")[:] for x in VARS},
            "final_lastspike": P.lastspike_[:],
        },
        "shapes": {
            "initial.X": "[N]",
            "synapses.C.i": "[n_synapses] source index within the subgroup (Ce: P[:Ne], Ci: P[Ne:])",
            "recorded.X": "[len(record)][steps], value at the start of each step",
            "recorded.final.X": "[N] after the run",
        },
    },
)
