"""example_nonlinear: Brian's examples/synapses/nonlinear.py (NMDA-like synapses), 300 ms instead of 1000 ms.

Two input neurons (euler, threshold/reset) drive one neuron through Synapses with two clock-driven ODEs
(no method given: Brian picks 'euler' since the system is nonlinear) and a summed variable
`g_post = g_syn`. As in the example, `StateMonitor(S, 'g')` records the *postsynaptic* `g` through the
synapses (an unqualified postsynaptic name); the synaptic variables g_syn and x are recorded as well.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, ms  # noqa: E402
import numpy as np  # noqa: E402

a = 1 / (10 * ms)
bb = 1 / (10 * ms)
c = 1 / (10 * ms)
namespace = {"a": a, "b": bb, "c": c}
duration = 300 * ms

input_eqs = "dv/dt = 1/(10*ms) : 1"
neuron_eqs = """dv/dt = (g-v)/(10*ms) : 1
g : 1"""
syn_eqs = """dg_syn/dt = -a*g_syn+b*x*(1-g_syn) : 1 (clock-driven)
g_post = g_syn : 1 (summed)
dx/dt=-c*x : 1 (clock-driven)
w : 1 # synaptic weight"""

neuron_input = NeuronGroup(2, input_eqs, threshold="v>1", reset="v = 0", method="euler")
neurons = NeuronGroup(1, neuron_eqs, method="exact")
S = Synapses(neuron_input, neurons, syn_eqs, on_pre="x += w", namespace=namespace)
S.connect()
S.w = [1.0, 10.0]
neuron_input.v = [0.0, 0.5]

M = StateMonitor(S, "g", record=np.arange(len(neuron_input) * len(neurons)))
Msyn = StateMonitor(S, ["g_syn", "x"], record=True)
Mn = StateMonitor(neurons, ["g", "v"], record=0)
Min = StateMonitor(neuron_input, "v", record=True)
spikes = SpikeMonitor(neuron_input)
net = Network(neuron_input, neurons, S, M, Msyn, Mn, Min, spikes)
net.run(duration)

write_reference(
    "example_nonlinear",
    {
        "meta": meta(__file__),
        "model": {
            "input_equations": input_eqs,
            "neuron_equations": neuron_eqs,
            "synapse_equations": syn_eqs,
            "namespace": namespace,
            "on_pre": "x += w",
            "w": [1.0, 10.0],
            "input_v0": [0.0, 0.5],
            "dt": 0.1e-3,
            "duration": float(duration),
            "synapse_state_updater_abstract_code": state_updater_code(S),
            "input_state_updater_abstract_code": state_updater_code(neuron_input),
        },
        "recorded": {
            "statemonitor_when": "start",
            "t": M.t_,
            "S_g": M.g_,
            "S_g_syn": Msyn.g_syn_,
            "S_x": Msyn.x_,
            "neurons_g": Mn.g_,
            "neurons_v": Mn.v_,
            "input_v": Min.v_,
            "syn_i": S.i[:],
            "syn_j": S.j[:],
            "spike_t": spikes.t_,
            "spike_i": spikes.i[:],
        },
    },
)
