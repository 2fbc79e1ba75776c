"""tsodyks_stp: Tsodyks, Pawelzik & Markram (1998) dynamic synapses, deterministic input.

Source: Brian 2 example examples/frompapers/Tsodyks_Pawelzik_Markram_1998.py (Fig. 1 of
"Neural Networks with Dynamic Synapses", Neural Computation 10, 821-835), reproduced exactly:
one passive membrane (method 'exact') driven by one synapse whose clock-driven state
x (recovered), y (active), u (utilisation, facilitating panels only) is integrated with
'exponential_euler'; the synaptic current A_SE*y reaches the neuron as a `(summed)` variable.
Input: a SpikeGeneratorGroup with regular spike times np.arange(start, stop, 1/f) (the
example's get_stimulus); the realised (dt-binned) input spike times are recorded too.

Panels (each its own Network starting at t = 0):
  A: depressing synapse, 20 Hz input 100-1100 ms, 1.2 s
  B: facilitating synapse, 20 Hz input 100-1100 ms, 1.2 s
  C: facilitating synapse, 70 Hz input 100-375 ms, 0.5 s
Recorded: v (postsynaptic), x, y, u (synapse) every 5th step (StateMonitor when='start').
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import (  # noqa: E402
    Gohm,
    Hz,
    Mohm,
    Network,
    NeuronGroup,
    SpikeGeneratorGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    ms,
    pA,
)

DT = 0.1e-3
RECORD_EVERY = 5

NEURON_EQS = """tau_mem : second
I_syn : ampere
R_in : ohm
dv/dt = -v/tau_mem + (R_in*I_syn)/tau_mem : volt"""

SYN_EQS_DEPRESSING = """dx/dt =  z/tau_rec   : 1 (clock-driven) # recovered
dy/dt = -y/tau_inact : 1 (clock-driven) # active
A_SE : ampere
U_SE : 1
tau_inact : second
tau_rec : second
z = 1 - x - y : 1 # inactive
I_syn_post = A_SE*y : ampere (summed)"""
SYN_EQS_FACILITATING = SYN_EQS_DEPRESSING + """
du/dt = -u/tau_facil : 1 (clock-driven)
tau_facil : second"""
ON_PRE_DEPRESSING = """y += U_SE*x # important: update y first
x += -U_SE*x"""
ON_PRE_FACILITATING = """u += U_SE*(1-u)
y += u*x # important: update y first
x += -u*x"""

PANELS = {
    "A": {
        "neuron": {"tau_mem": 40 * ms, "R_in": 100 * Mohm},
        "synapse": {"tau_inact": 3 * ms, "A_SE": 250 * pA, "tau_rec": 800 * ms, "U_SE": 0.6},
        "stimulus": {"start": 100 * ms, "stop": 1100 * ms, "frequency": 20 * Hz},
        "duration": 1200 * ms,
    },
    "B": {
        "neuron": {"tau_mem": 60 * ms, "R_in": 1 * Gohm},
        "synapse": {"tau_inact": 1.5 * ms, "A_SE": 1540 * pA, "tau_rec": 130 * ms, "U_SE": 0.03,
                    "tau_facil": 530 * ms},
        "stimulus": {"start": 100 * ms, "stop": 1100 * ms, "frequency": 20 * Hz},
        "duration": 1200 * ms,
    },
    "C": {
        "neuron": {"tau_mem": 60 * ms, "R_in": 1 * Gohm},
        "synapse": {"tau_inact": 1.5 * ms, "A_SE": 1540 * pA, "tau_rec": 130 * ms, "U_SE": 0.03,
                    "tau_facil": 530 * ms},
        "stimulus": {"start": 100 * ms, "stop": 375 * ms, "frequency": 70 * Hz},
        "duration": 500 * ms,
    },
}


def run_panel(name, p):
    b.defaultclock.dt = DT * b.second
    facil = "tau_facil" in p["synapse"]
    neuron = NeuronGroup(1, NEURON_EQS, method="exact", name=f"neuron_{name}")
    neuron.tau_mem = p["neuron"]["tau_mem"]
    neuron.R_in = p["neuron"]["R_in"]
    st = p["stimulus"]
    # exactly the example's get_stimulus()
    times_ms = np.arange(st["start"] / ms, st["stop"] / ms, 1 / (st["frequency"] / Hz) * 1e3)
    stim = SpikeGeneratorGroup(1, [0] * len(times_ms), times_ms * ms, name=f"stimulus_{name}")
    syn = Synapses(stim, neuron, model=SYN_EQS_FACILITATING if facil else SYN_EQS_DEPRESSING,
                   on_pre=ON_PRE_FACILITATING if facil else ON_PRE_DEPRESSING,
                   method="exponential_euler", name=f"synapses_{name}")
    syn.connect()
    syn.x = 1  # start fully recovered
    for k, v in p["synapse"].items():
        setattr(syn, k, v)
    syn_vars = ["x", "y", "u"] if facil else ["x", "y"]
    mv = StateMonitor(neuron, ["v", "I_syn"], record=True)
    ms_ = StateMonitor(syn, syn_vars, record=True)
    sin = SpikeMonitor(stim)
    net = Network(neuron, stim, syn, mv, ms_, sin)
    net.run(p["duration"])
    schedule = [[o.name, o.when, o.order] for o in net.sorted_objects]
    sl = slice(None, None, RECORD_EVERY)
    rec = {"t": mv.t_[sl], "v": mv.v_[0][sl], "I_syn": mv.I_syn_[0][sl]}
    for var in syn_vars:
        rec[var] = getattr(ms_, var + "_")[0][sl]
    rec["input_spike_t_requested"] = times_ms * 1e-3
    rec["input_spike_t"] = sin.t_[:]
    rec["final"] = {"v": float(neuron.v_[0]), **{var: float(getattr(syn, var + "_")[0]) for var in syn_vars}}
    model = {
        "neuron": {
            "equations": NEURON_EQS,
            "method": "exact",
            "initial": {"v": 0.0, "tau_mem": float(p["neuron"]["tau_mem"]), "R_in": float(p["neuron"]["R_in"])},
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "synapse": {
            "equations": SYN_EQS_FACILITATING if facil else SYN_EQS_DEPRESSING,
            "on_pre": ON_PRE_FACILITATING if facil else ON_PRE_DEPRESSING,
            "method": "exponential_euler",
            "connect": "all-to-all (1 synapse)",
            "initial": {"x": 1.0, "y": 0.0, **({"u": 0.0} if facil else {}),
                        **{k: float(v) for k, v in p["synapse"].items()}},
            "state_updater_abstract_code": state_updater_code(syn),
        },
        "stimulus": {
            "kind": "SpikeGeneratorGroup(1, zeros, times)",
            "times_python": "np.arange(start/ms, stop/ms, 1/(frequency/Hz)*1e3)*ms",
            "start": float(st["start"]),
            "stop": float(st["stop"]),
            "frequency": float(st["frequency"]),
        },
        "duration": float(p["duration"]),
        "schedule": schedule,
        "schedule_note": "Network.sorted_objects after the run: (name, when, order); ties in (when, order) are broken by the object NAME, so e.g. a neuron group's state updater can run before or after a synapse state updater depending on the names",
    }
    return model, rec


panels_model = {}
panels_rec = {}
for name, p in PANELS.items():
    panels_model[name], panels_rec[name] = run_panel(name, p)

write_reference(
    "tsodyks_stp",
    {
        "meta": meta(__file__, source="brian2 examples/frompapers/Tsodyks_Pawelzik_Markram_1998.py"),
        "model": {"dt": DT, "panels": panels_model,
                  "notes": "SpikeGeneratorGroup puts a spike at time t into step int((t + 1e-3*dt)/dt); "
                           "the (summed) I_syn_post is written by a SummedVariableUpdater in the 'groups' slot "
                           "with order = neuron.order - 1, i.e. before the neuron's state update of the same step; "
                           "on_pre runs in the 'synapses' slot."},
        "recorded": {
            "statemonitor_when": "start",
            "record_every": RECORD_EVERY,
            "panels": panels_rec,
        },
        "shapes": {"t, v, I_syn, x, y, u": "[n_samples] (one neuron / one synapse per panel; u only in B and C)",
                   "input_spike_t": "[n_input_spikes]"},
    },
)
