"""wang_buszaki_1996: brian2 examples/frompapers/Wang_Buszaki_1996.py, full size and duration (1 neuron,
dt = 0.01 ms, 100 ms, exponential_euler, m as an instantaneous subexpression, exprel in alpha_m/alpha_n).
Every step of v is kept (monitor record=0, as in the example), plus the final state."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian(dt_seconds=0.01e-3)
from brian2 import Network, NeuronGroup, StateMonitor, mV, ms, msiemens, uA, uF  # noqa: E402

namespace = {
    "Cm": 1 * uF,
    "Iapp": 2 * uA,
    "gL": 0.1 * msiemens,
    "EL": -65 * mV,
    "ENa": 55 * mV,
    "EK": -90 * mV,
    "gNa": 35 * msiemens,
    "gK": 9 * msiemens,
}
eqs = """
dv/dt = (-gNa*m**3*h*(v-ENa)-gK*n**4*(v-EK)-gL*(v-EL)+Iapp)/Cm : volt
m = alpha_m/(alpha_m+beta_m) : 1
alpha_m = 0.1/mV*10*mV/exprel(-(v+35*mV)/(10*mV))/ms : Hz
beta_m = 4*exp(-(v+60*mV)/(18*mV))/ms : Hz
dh/dt = 5*(alpha_h*(1-h)-beta_h*h) : 1
alpha_h = 0.07*exp(-(v+58*mV)/(20*mV))/ms : Hz
beta_h = 1./(exp(-0.1/mV*(v+28*mV))+1)/ms : Hz
dn/dt = 5*(alpha_n*(1-n)-beta_n*n) : 1
alpha_n = 0.01/mV*10*mV/exprel(-(v+34*mV)/(10*mV))/ms : Hz
beta_n = 0.125*exp(-(v+44*mV)/(80*mV))/ms : Hz
"""
duration = 100 * ms

neuron = NeuronGroup(1, eqs, method="exponential_euler", namespace=namespace)
neuron.v = -70 * mV
neuron.h = 1
initial = {k: getattr(neuron, k + "_")[:].copy() for k in ("v", "h", "n")}
M = StateMonitor(neuron, "v", record=0)
net = Network(neuron, M)
net.run(duration)

write_reference(
    "wang_buszaki_1996",
    {
        "meta": meta(__file__, example="brian2 examples/frompapers/Wang_Buszaki_1996.py"),
        "model": {
            "N": 1,
            "equations": eqs,
            "namespace": namespace,
            "method": "exponential_euler",
            "dt": 0.01e-3,
            "duration": float(duration),
            "initial": initial,
            "setters": {"v": "-70*mV", "h": "1", "n": "(not set: 0)"},
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "statemonitor_when": "start",
            "record": [0],
            "t": M.t_,
            "v": M.v_,
            "final": {"v": neuron.v_[:], "h": neuron.h_[:], "n": neuron.n_[:], "m": neuron.m[:]},
        },
        "shapes": {"t": "[n_steps]", "v": "[1][n_steps]"},
    },
)
