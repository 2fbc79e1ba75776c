"""adex_rk2: adaptive exponential IF (Brette & Gerstner 2005 parameters), method='rk2', constant current, 200 ms."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import NeuronGroup, SpikeMonitor, StateMonitor, mV, ms, nA, nS, pF, run  # noqa: E402

namespace = {
    "C": 281 * pF,
    "gL": 30 * nS,
    "EL": -70.6 * mV,
    "VT": -50.4 * mV,
    "DeltaT": 2 * mV,
    "tauw": 144 * ms,
    "a": 4 * nS,
    "b": 0.0805 * nA,
    "Vr": -70.6 * mV,
    "Vcut": -50.4 * mV + 5 * 2 * mV,
}
eqs = """dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
dw/dt = (a*(vm - EL) - w)/tauw : amp
I : amp (constant)"""
threshold = "vm > Vcut"
reset = "vm = Vr; w += b"
I_values = [1 * nA, 0.7 * nA]
duration = 200 * ms

G = NeuronGroup(2, eqs, threshold=threshold, reset=reset, method="rk2", namespace=namespace, name="adex")
G.vm = namespace["EL"]
G.w = 0 * nA
G.I = I_values
M = StateMonitor(G, ["vm", "w"], record=True)
S = SpikeMonitor(G)
run(duration)

write_reference(
    "adex_rk2",
    {
        "meta": meta(__file__),
        "model": {
            "N": 2,
            "equations": eqs,
            "namespace": namespace,
            "threshold": threshold,
            "reset": reset,
            "refractory": None,
            "method": "rk2",
            "dt": 0.1e-3,
            "duration": float(duration),
            "initial": {"vm": [-0.0706, -0.0706], "w": [0.0, 0.0], "I": I_values},
            "state_updater_abstract_code": state_updater_code(G),
        },
        "recorded": {
            "statemonitor_when": "start",
            "record_every": 1,
            "t": M.t_,
            "vm": M.vm_,
            "w": M.w_,
            "spike_t": S.t_,
            "spike_i": S.i[:],
            "spike_count": S.count[:],
        },
        "shapes": {"t": "[n_steps]", "vm,w": "[n_neurons][n_steps]", "spike_t,spike_i": "[n_spikes]"},
    },
)
