"""example_if_curve_lif: Brian's examples/IF_curve_LIF.py, shortened (1000 neurons, 300 ms), plus a StateMonitor.

Unchanged from the example: n = 1000 LIF neurons `dv/dt = (v0 - v)/tau : volt (unless refractory)`,
`v0 : volt`, tau = 10 ms, threshold `v > 10*mV`, reset `v = 0*mV`, refractory 5 ms, method 'exact',
v = 0 mV, `v0 = '20*mV * i / (n-1)'` (n from the namespace). Shortened: 300 ms instead of 1 s.
Added: a StateMonitor of v (when='start', every step) for a few neurons around the rheobase (v0 = 10 mV)
and the recorded v0 values.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, ms, mV  # noqa: E402

n = 1000
duration = 300 * ms
tau = 10 * ms
namespace = {"n": n, "tau": tau}
eqs = """
dv/dt = (v0 - v) / tau : volt (unless refractory)
v0 : volt
"""
recorded = [0, 499, 500, 501, 520, 700, 999]

group = NeuronGroup(n, eqs, threshold="v > 10*mV", reset="v = 0*mV", refractory=5 * ms, method="exact",
                    namespace=namespace, name="neurongroup")
group.v = 0 * mV
group.v0 = "20*mV * i / (n-1)"
monitor = SpikeMonitor(group)
trace = StateMonitor(group, "v", record=recorded)
net = Network(group, monitor, trace)
net.run(duration)

write_reference(
    "example_if_curve_lif",
    {
        "meta": meta(__file__, example="examples/IF_curve_LIF.py"),
        "model": {
            "N": n,
            "equations": eqs,
            "namespace": {"n": n, "tau": float(tau)},
            "threshold": "v > 10*mV",
            "reset": "v = 0*mV",
            "refractory": 5e-3,
            "method": "exact",
            "dt": 0.1e-3,
            "duration": float(duration),
            "initial": {"v": 0.0, "v0_expression": "20*mV * i / (n-1)"},
            "state_updater_abstract_code": state_updater_code(group),
        },
        "recorded": {
            "v0": group.v0_[:],
            "record": recorded,
            "t": trace.t_,
            "v": trace.v_,
            "spike_t": monitor.t_,
            "spike_i": monitor.i[:],
            "spike_count": monitor.count[:],
        },
    },
)
