"""pyloric: eLife 2019 case study 1 (Stimberg, Brette & Goodman), pyloric network, deterministic start.

Source: the paper's listing (/work/shared/seed/brian2-paper-slides.txt, "Case Study 1"): three
neurons ABPD, LP, PY with a cubic membrane nonlinearity, adaptation currents w and x and a
calcium-dependent homeostatic variable z; method 'rk2', dt = 0.01 ms; threshold and refractory
condition 'v>-20*mV', reset 'Ca += 0.1'; graded fast synapses (I_fast, `(summed)`, no state)
and slow synapses (m_slow clock-driven, method 'exact', I_slow `(summed)`); `label` is an
integer constant used in the connect / assignment conditions.
Changes from the paper: the random initial values are replaced by fixed ones
(w = [-1, -2, -3] nA instead of '-5*nA*rand()', z = [-0.05, 0.0, 0.05] instead of
'rand()*0.2 - 0.1') and only the first 3 s are simulated (paper: 59.5 s).
Recorded: v every 20th step (0.2 ms), Ca, z, w, x (neurons) and m_slow (slow synapses) every 200th
step (2 ms) (I_fast/I_slow follow from v, m_slow and the synapse tables),
spike times per neuron.  Target: numpy.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

DT = 0.01e-3
b = setup_brian(dt_seconds=DT)
from brian2 import (  # noqa: E402
    Network,
    NeuronGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    mV,
    ms,
    nA,
    nS,
    pF,
    second,
    uS,
)

DURATION = 3.0
V_EVERY = 20
SLOW_EVERY = 200

Delta_T = 17.5 * mV
v_T = -40 * mV
tau = 2 * ms
tau_adapt = 0.02 * second  # defined (unused) in the paper's listing
tau_Ca = 150 * ms
tau_x = 2 * second
v_r = -68 * mV
tau_z = 5 * second
a = 1 / Delta_T**3
b_ = 3 / Delta_T**2
c = 1.2 * nA
d = 2.5 * nA / Delta_T**2
C = 60 * pF
S = 2 * nA / Delta_T
G = 28.5 * nS
NS_NEURON = dict(Delta_T=Delta_T, v_T=v_T, tau=tau, tau_Ca=tau_Ca, tau_x=tau_x, v_r=v_r, tau_z=tau_z, a=a, b=b_,
                 c=c, d=d, C=C, S=S, G=G)

EQS = """
dv/dt = (Delta_T*g*(-a*(v - v_T)**3 + b*(v - v_T)**2) + w - x - I_fast - I_slow)/C : volt
dw/dt = (c - d*(v - v_T)**2 - w)/tau : amp
dx/dt = (s*(v - v_r) - x)/tau_x : amp
s = S*(1 - tanh(z)) : siemens
g = G*(1 + tanh(z)) : siemens
dCa/dt = -Ca/tau_Ca : 1
dz/dt = tanh(Ca - Ca_target)/tau_z : 1
I_fast : amp
I_slow : amp
Ca_target : 1 (constant)
label : integer (constant)
"""
ABPD, LP, PY = 0, 1, 2
LABELS = dict(ABPD=ABPD, LP=LP, PY=PY)
W0 = [-1e-9, -2e-9, -3e-9]
Z0 = [-0.05, 0.0, 0.05]
CA_TARGET = [0.048, 0.0384, 0.06]

s_fast = 0.2 / mV
V_fast = -50 * mV
E_syn = -75 * mV
EQS_FAST = """
g_fast : siemens (constant)
I_fast_post = g_fast*(v_post - E_syn)/(1+exp(s_fast*(V_fast-v_pre))) : amp (summed)
"""
s_slow = 1 / mV
V_slow = -55 * mV
k_1 = 1 / ms
EQS_SLOW = """
k_2 : 1/second (constant)
g_slow : siemens (constant)
I_slow_post = g_slow*m_slow*(v_post-E_syn) : amp (summed)
dm_slow/dt = k_1*(1-m_slow)/(1+exp(s_slow*(V_slow-v_pre))) - k_2*m_slow : 1 (clock-driven)
"""
NS_FAST = dict(s_fast=s_fast, V_fast=V_fast, E_syn=E_syn, **LABELS)
NS_SLOW = dict(s_slow=s_slow, V_slow=V_slow, k_1=k_1, E_syn=E_syn, **LABELS)
FAST_CONNECT = "label_pre != label_post and not (label_pre == PY and label_post == ABPD)"
FAST_G = [
    ("label_pre == ABPD and label_post == LP", 0.015 * uS),
    ("label_pre == ABPD and label_post == PY", 0.005 * uS),
    ("label_pre == LP and label_post == ABPD", 0.01 * uS),
    ("label_pre == LP and label_post == PY", 0.02 * uS),
    ("label_pre == PY and label_post == LP", 0.005 * uS),
]
SLOW_CONNECT = "label_pre == ABPD and label_post != ABPD"
SLOW_PARAMS = [
    ("label_post == LP", 0.025 * uS, 0.03 / ms),
    ("label_post == PY", 0.015 * uS, 0.008 / ms),
]

circuit = NeuronGroup(3, EQS, threshold="v>-20*mV", refractory="v>-20*mV", reset="Ca += 0.1", method="rk2",
                      namespace=NS_NEURON, name="circuit")
circuit.label = [ABPD, LP, PY]
circuit.v = v_r
circuit.w = np.array(W0) * nA / 1e-9
circuit.z = Z0
circuit.Ca_target = CA_TARGET

fast = Synapses(circuit, circuit, model=EQS_FAST, namespace=NS_FAST, name="fast_synapses")
fast.connect(FAST_CONNECT)
for cond, g in FAST_G:
    fast.g_fast[cond] = g
slow = Synapses(circuit, circuit, model=EQS_SLOW, method="exact", namespace=NS_SLOW, name="slow_synapses")
slow.connect(SLOW_CONNECT)
for cond, g, k2 in SLOW_PARAMS:
    slow.g_slow[cond] = g
    slow.k_2[cond] = k2

mon = StateMonitor(circuit, ["v", "Ca", "z", "w", "x"], record=True)
mslow = StateMonitor(slow, "m_slow", record=True)
spikes = SpikeMonitor(circuit)
net = Network(circuit, fast, slow, mon, mslow, spikes)
t0 = time.time()
net.run(DURATION * second)
schedule = [[o.name, o.when, o.order] for o in net.sorted_objects]
print(f"simulated {DURATION} s in {time.time() - t0:.1f} s; spikes per neuron {spikes.count[:]}")

sv = slice(None, None, V_EVERY)
ss = slice(None, None, SLOW_EVERY)
trains = spikes.spikeTrains()
recorded = {
    "statemonitor_when": "start",
    "v_every": V_EVERY,
    "slow_every": SLOW_EVERY,
    "t_v": mon.t_[sv],
    "v": mon.v_[:, sv],
    "t_slow": mon.t_[ss],
    **{name: getattr(mon, name + "_")[:, ss] for name in ["Ca", "z", "w", "x"]},
    "m_slow": mslow.m_slow_[:, ss],
    "spike_times": [trains[k] / second for k in range(3)],
    "spike_count": spikes.count[:],
    "final": {name: getattr(circuit, name + "_")[:] for name in ["v", "w", "x", "Ca", "z"]},
}
write_reference(
    "pyloric",
    {
        "meta": meta(__file__, source="eLife 2019 Brian 2 paper, case study 1 (listing in brian2-paper-slides.txt)"),
        "model": {
            "dt": DT,
            "duration": DURATION,
            "method": "rk2",
            "equations": EQS,
            "threshold": "v>-20*mV",
            "refractory": "v>-20*mV",
            "reset": "Ca += 0.1",
            "namespace": NS_NEURON,
            "labels": LABELS,
            "initial": {"label": [ABPD, LP, PY], "v": float(v_r), "w": W0, "z": Z0, "Ca_target": CA_TARGET,
                        "x": 0.0, "Ca": 0.0, "I_fast": 0.0, "I_slow": 0.0,
                        "paper_random": {"w": "-5*nA*rand()", "z": "rand()*0.2 - 0.1"}},
            "fast_synapses": {
                "equations": EQS_FAST, "namespace": NS_FAST, "connect": FAST_CONNECT,
                "g_fast": [{"condition": cond, "value": float(g)} for cond, g in FAST_G],
                "pairs_i_j_g": [list(fast.i[:]), list(fast.j[:]), fast.g_fast_[:]],
            },
            "slow_synapses": {
                "equations": EQS_SLOW, "method": "exact", "namespace": NS_SLOW, "connect": SLOW_CONNECT,
                "params": [{"condition": cond, "g_slow": float(g), "k_2": float(k2)} for cond, g, k2 in SLOW_PARAMS],
                "pairs_i_j_g_k2": [list(slow.i[:]), list(slow.j[:]), slow.g_slow_[:], slow.k_2_[:]],
                "initial": {"m_slow": 0.0},
                "state_updater_abstract_code": state_updater_code(slow),
            },
            "state_updater_abstract_code": state_updater_code(circuit),
            "schedule": schedule,
            "schedule_note": "Network.sorted_objects after the run: (name, when, order); ties in (when, order) are broken by the object NAME, so e.g. a neuron group's state updater can run before or after a synapse state updater depending on the names; here circuit_stateupdater runs before slow_synapses_stateupdater (m_slow sees the new v_pre), as with the paper's default names neurongroup / synapses_1",
        },
        "recorded": recorded,
        "shapes": {"t_v": "[n_v]", "v": "[3][n_v]", "t_slow": "[n_slow]",
                   "Ca, z, w, x": "[3][n_slow]", "m_slow": "[2 synapses][n_slow]",
                   "spike_times": "[3][n_spikes_of_neuron]"},
    },
)
