"""morris_lecar_1981: brian2 examples/frompapers/Morris_Lecar_1981.py (Fig. 9), runtime (numpy) instead of
cpp_standalone, full size and duration (17 neurons, I = 100..500 uA, dt = 0.01 ms, 220 ms, exponential_euler).

Every step is recorded by the monitor (as in the example); the JSON keeps every `stride`-th sample of V and n
for all 17 neurons (the full traces would be ~15 MB), plus the initial n (string setter 'n_inf') and the final
state of every neuron.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian(dt_seconds=0.01e-3)
import numpy as np  # noqa: E402
from brian2 import Network, NeuronGroup, StateMonitor, mS, ms, mV, uA, uF  # noqa: E402

namespace = {
    "g_L": 2 * mS,
    "g_Ca": 4 * mS,
    "g_K": 8 * mS,
    "V_L": -50 * mV,
    "V_Ca": 100 * mV,
    "V_K": -70 * mV,
    "lambda_n__max": 1.0 / (15 * ms),
    "V_1": 10 * mV,
    "V_2": 15 * mV,  # the example's note: the figure caption's -15 seems to be a typo
    "V_3": -1 * mV,
    "V_4": 14.5 * mV,
    "C": 20 * uF,
}
eqs = """
dV/dt = (-g_L*(V - V_L) - g_Ca*m_inf*(V - V_Ca) - g_K*n*(V - V_K) + I)/C : volt
dn/dt = lambda_n*(n_inf - n) : 1
m_inf = 0.5*(1 + tanh((V - V_1)/V_2)) : 1
n_inf = 0.5*(1 + tanh((V - V_3)/V_4)) : 1
lambda_n = lambda_n__max*cosh((V - V_3)/(2*V_4)) : Hz
I : amp
"""
N = 17
duration = 220 * ms
stride = 20

neuron = NeuronGroup(N, eqs, method="exponential_euler", namespace=namespace)
neuron.I = (np.arange(N) * 25 + 100) * uA
neuron.V = namespace["V_L"]
neuron.n = "n_inf"
initial = {"I": neuron.I_[:].copy(), "V": neuron.V_[:].copy(), "n": neuron.n_[:].copy()}
mon = StateMonitor(neuron, ["V", "n"], record=True)
net = Network(neuron, mon)
net.run(duration)

write_reference(
    "morris_lecar_1981",
    {
        "meta": meta(__file__, example="brian2 examples/frompapers/Morris_Lecar_1981.py"),
        "model": {
            "N": N,
            "equations": eqs,
            "namespace": namespace,
            "method": "exponential_euler",
            "dt": 0.01e-3,
            "duration": float(duration),
            "initial": initial,
            "setters": {"I": "(arange(17)*25 + 100)*uA", "V": "V_L", "n": "'n_inf' (string setter, after V)"},
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "statemonitor_when": "start",
            "n_samples": len(mon.t_),
            "stride": stride,
            "t": mon.t_[::stride],
            "V": mon.V_[:, ::stride],
            "n": mon.n_[:, ::stride],
            "final": {"V": neuron.V_[:], "n": neuron.n_[:]},
        },
        "shapes": {"t": "[n_samples/stride]", "V,n": "[N][n_samples/stride] (samples 0, stride, 2*stride, ...)"},
    },
)
