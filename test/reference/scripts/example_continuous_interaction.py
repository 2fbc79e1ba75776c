"""example_continuous_interaction: Brian's examples/synapses/continuous_interaction.py, full 100 ms.

Two Reduced Traub-Miles neurons (method='exponential_euler'), gating variables initialised with string
expressions of subexpressions (`'alpham / (alpham + betam)'`), and a synapse 0 -> 1 that only carries a
summed variable `s_in_post = weight*s_pre : 1 (summed)` (no on_pre). Records vm, s, s_in, m, n, h of both.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, StateMonitor, Synapses, mV, ms, msiemens, uA, ufarad  # noqa: E402

I_e = 1.5 * uA
simulation_time = 100 * ms
namespace = {
    "El": -67 * mV,
    "EK": -100 * mV,
    "ENa": 50 * mV,
    "ESyn": 0 * mV,
    "gl": 0.1 * msiemens,
    "gK": 80 * msiemens,
    "gNa": 100 * msiemens,
    "C": 1 * ufarad,
    "weight": 0.25,
    "gSyn": 1.0 * msiemens,
    "tau_d": 2 * ms,
    "tau_r": 0.2 * ms,
}

eqs = """
alphah = 0.128 * exp(-(vm + 50.0*mV) / (18.0*mV))/ms :Hz
alpham = 0.32/mV * (vm + 54*mV) / (1.0 - exp(-(vm + 54.0*mV) / (4.0*mV)))/ms:Hz
alphan = 0.032/mV * (vm + 52*mV) / (1.0 - exp(-(vm + 52.0*mV) / (5.0*mV)))/ms:Hz

betah  = 4.0 / (1.0 + exp(-(vm + 27.0*mV) / (5.0*mV)))/ms:Hz
betam  = 0.28/mV * (vm + 27.0*mV) / (exp((vm + 27.0*mV) / (5.0*mV)) - 1.0)/ms:Hz
betan  = 0.5 * exp(-(vm + 57.0*mV) / (40.0*mV))/ms:Hz

membrane_Im = I_ext + gNa*m**3*h*(ENa-vm) +
              gl*(El-vm) + gK*n**4*(EK-vm) + gSyn*s_in*(-vm): amp
I_ext : amp
s_in  : 1

dm/dt = alpham*(1-m)-betam*m : 1
dn/dt = alphan*(1-n)-betan*n : 1
dh/dt = alphah*(1-h)-betah*h : 1

ds/dt = 0.5 * (1 + tanh(0.1*vm/mV)) * (1-s)/tau_r - s/tau_d : 1

dvm/dt = membrane_Im/C : volt
"""
syn_model = "s_in_post = weight*s_pre:1 (summed)"

neuron = NeuronGroup(2, eqs, method="exponential_euler", namespace=namespace)
neuron.vm = [-70.0, -65.0] * mV
neuron.m = "alpham / (alpham + betam)"
neuron.h = "alphah / (alphah + betah)"
neuron.n = "alphan / (alphan + betan)"
neuron.I_ext = [I_e, 0.0 * uA]
initial = {name: getattr(neuron, name + "_")[:].copy() for name in ("vm", "m", "h", "n", "s", "s_in", "I_ext")}

S = Synapses(neuron, neuron, syn_model, namespace=namespace)
S.connect(i=0, j=1)

st_mon = StateMonitor(neuron, ["vm", "s", "s_in", "m", "n", "h"], record=[0, 1])
net = Network(neuron, S, st_mon)
net.run(simulation_time)

write_reference(
    "example_continuous_interaction",
    {
        "meta": meta(__file__),
        "model": {
            "equations": eqs,
            "synapse_model": syn_model,
            "namespace": namespace,
            "method": "exponential_euler",
            "dt": 0.1e-3,
            "duration": float(simulation_time),
            "vm0": [-0.07, -0.065],
            "I_ext": [float(I_e), 0.0],
            "initial_after_setters": initial,
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "statemonitor_when": "start",
            "t": st_mon.t_,
            **{name: getattr(st_mon, name + "_") for name in ("vm", "s", "s_in", "m", "n", "h")},
        },
    },
)
