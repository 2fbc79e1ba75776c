"""example_if_curve_hh: Brian's examples/IF_curve_Hodgkin_Huxley.py, shortened (100 neurons, 500 ms), plus a StateMonitor.

Unchanged from the example: 100 Hodgkin-Huxley neurons (Traub-Miles rates with exprel), input current
`I = '0.7*nA * i / num_neurons'`, threshold and refractoriness both `'v > -40*mV'`, method
'exponential_euler', v = El (the gates start at 0: the example does not set them). Shortened: 500 ms
instead of 2 s. Added: a StateMonitor of v, m, n, h (when='start', every step) for a few neurons.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import (Equations, Network, NeuronGroup, SpikeMonitor, StateMonitor, cm, mV, ms, msiemens,  # noqa: E402
                    siemens, ufarad, umetre)

num_neurons = 100
duration = 500 * ms

area = 20000 * umetre**2
Cm = 1 * ufarad * cm**-2 * area
gl = 5e-5 * siemens * cm**-2 * area
El = -65 * mV
EK = -90 * mV
ENa = 50 * mV
g_na = 100 * msiemens * cm**-2 * area
g_kd = 30 * msiemens * cm**-2 * area
VT = -63 * mV
namespace = {"num_neurons": num_neurons, "area": area, "Cm": Cm, "gl": gl, "El": El, "EK": EK, "ENa": ENa,
             "g_na": g_na, "g_kd": g_kd, "VT": VT}

eqs_text = '''
dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
dm/dt = 0.32*(mV**-1)*4*mV/exprel((13.*mV-v+VT)/(4*mV))/ms*(1-m)-0.28*(mV**-1)*5*mV/exprel((v-VT-40.*mV)/(5*mV))/ms*m : 1
dn/dt = 0.032*(mV**-1)*5*mV/exprel((15.*mV-v+VT)/(5*mV))/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
I : amp
'''
recorded = [0, 30, 99]

group = NeuronGroup(num_neurons, Equations(eqs_text), threshold='v > -40*mV', refractory='v > -40*mV',
                    method='exponential_euler', namespace=namespace, name="neurongroup")
group.v = El
group.I = '0.7*nA * i / num_neurons'
monitor = SpikeMonitor(group)
trace = StateMonitor(group, ["v", "m", "n", "h"], record=recorded)
net = Network(group, monitor, trace)
net.run(duration)

write_reference(
    "example_if_curve_hh",
    {
        "meta": meta(__file__, example="examples/IF_curve_Hodgkin_Huxley.py"),
        "model": {
            "N": num_neurons,
            "equations": eqs_text,
            "namespace": {k: float(v) for k, v in namespace.items()},
            "threshold": "v > -40*mV",
            "refractory": "v > -40*mV",
            "method": "exponential_euler",
            "dt": 0.1e-3,
            "duration": float(duration),
            "initial": {"v": float(El), "m": 0.0, "n": 0.0, "h": 0.0, "I_expression": "0.7*nA * i / num_neurons"},
            "state_updater_abstract_code": state_updater_code(group),
        },
        "recorded": {
            "I": group.I_[:],
            "record": recorded,
            "t": trace.t_,
            "v": trace.v_,
            "m": trace.m_,
            "n": trace.n_,
            "h": trace.h_,
            "spike_t": monitor.t_,
            "spike_i": monitor.i[:],
            "spike_count": monitor.count[:],
        },
    },
)
