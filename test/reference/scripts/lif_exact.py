"""lif_exact: leaky integrate-and-fire with constant current, method='exact', refractory 2 ms.

Group A: 1 neuron, tau from the namespace (homogeneous).
Group B: 2 neurons, tau and I per neuron (`tau : second (constant)`) -> heterogeneous exact integration.
StateMonitor records v at every step (default when='start'), SpikeMonitor records spike times.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import NeuronGroup, SpikeMonitor, StateMonitor, mV, Mohm, nA, ms, run  # noqa: E402

El = -70 * mV
R = 10 * Mohm
tau = 10 * ms
v_th = -50 * mV
v_reset = -65 * mV
duration = 100 * ms

eqs_a = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)"
eqs_b = """dv/dt = (El - v + R*I)/tau : volt (unless refractory)
tau : second (constant)
I : amp (constant)"""
I_a = 2.5 * nA
threshold = "v > v_th"
reset = "v = v_reset"
refractory = 2 * ms

A = NeuronGroup(1, eqs_a, threshold=threshold, reset=reset, refractory=refractory, method="exact",
                namespace={"El": El, "R": R, "I": I_a, "tau": tau, "v_th": v_th, "v_reset": v_reset}, name="A")
A.v = El
B = NeuronGroup(2, eqs_b, threshold=threshold, reset=reset, refractory=refractory, method="exact",
                namespace={"El": El, "R": R, "v_th": v_th, "v_reset": v_reset}, name="B")
B.tau = [10 * ms, 17 * ms]
B.I = [2.5 * nA, 3.2 * nA]
B.v = [-70 * mV, -60 * mV]

MA = StateMonitor(A, "v", record=True)
MB = StateMonitor(B, "v", record=True)
SA = SpikeMonitor(A)
SB = SpikeMonitor(B)
run(duration)

data = {
    "meta": meta(__file__),
    "model": {
        "dt": 0.1e-3,
        "duration": float(duration),
        "method": "exact",
        "threshold": "v > v_th",
        "reset": "v = v_reset",
        "refractory": float(refractory),
        "refractory_python": "2*ms",
        "groups": {
            "A": {
                "N": 1,
                "equations": eqs_a,
                "namespace": {"El": El, "R": R, "I": I_a, "tau": tau, "v_th": v_th, "v_reset": v_reset},
                "initial": {"v": [float(El)]},
                "state_updater_abstract_code": state_updater_code(A),
            },
            "B": {
                "N": 2,
                "equations": eqs_b,
                "namespace": {"El": El, "R": R, "v_th": v_th, "v_reset": v_reset},
                "initial": {"v": [-0.070, -0.060], "tau": [0.010, 0.017], "I": [2.5e-9, 3.2e-9]},
                "state_updater_abstract_code": state_updater_code(B),
            },
        },
    },
    "recorded": {
        "statemonitor_when": "start",
        "record_every": 1,
        "t": MA.t_,
        "A": {"v": MA.v_, "spike_t": SA.t_, "spike_i": SA.i[:]},
        "B": {"v": MB.v_, "spike_t": SB.t_, "spike_i": SB.i[:]},
    },
    "shapes": {"t": "[n_steps]", "v": "[n_neurons][n_steps]"},
}
write_reference("lif_exact", data)
