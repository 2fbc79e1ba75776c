"""hindmarsh_rose_1984: brian2 examples/frompapers/Hindmarsh_Rose_1984.py (Fig. 6), full size and duration
(3 neurons, I = [0.4, 2, 4], dt = 0.1 ms, 2100 ms, rk4, dimensionless state).

Every step is recorded by the monitor (as in the example); the JSON keeps every `stride`-th sample of x.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian(dt_seconds=0.1e-3)
from brian2 import Network, NeuronGroup, StateMonitor, ms  # noqa: E402

time_unit = 1 * ms
namespace = {"time_unit": time_unit, "x_1": -1.6, "a": 1, "b": 3, "c": 1, "d": 5, "r": 0.001, "s": 4}
eqs = """
dx/dt = (y - a*x**3 + b*x**2 + I - z)/time_unit : 1
dy/dt = (c - d*x**2 - y)/time_unit : 1
dz/dt = r*(s*(x - x_1) - z)/time_unit : 1
I : 1 (constant)
"""
duration = 2100 * time_unit
stride = 10

neuron = NeuronGroup(3, eqs, method="rk4", namespace=namespace)
neuron.x = namespace["x_1"]
neuron.y = "c - d*x**2"
neuron.z = "r*(s*(x - x_1))"
neuron.I = [0.4, 2, 4]
initial = {k: getattr(neuron, k + "_")[:].copy() for k in ("x", "y", "z", "I")}
mon = StateMonitor(neuron, "x", record=True)
net = Network(neuron, mon)
net.run(duration)

write_reference(
    "hindmarsh_rose_1984",
    {
        "meta": meta(__file__, example="brian2 examples/frompapers/Hindmarsh_Rose_1984.py"),
        "model": {
            "N": 3,
            "equations": eqs,
            "namespace": namespace,
            "method": "rk4",
            "dt": 0.1e-3,
            "duration": float(duration),
            "initial": initial,
            "setters": {"x": "x_1", "y": "'c - d*x**2'", "z": "'r*(s*(x - x_1))'", "I": "[0.4, 2, 4]"},
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "statemonitor_when": "start",
            "n_samples": len(mon.t_),
            "stride": stride,
            "t": mon.t_[::stride],
            "x": mon.x_[:, ::stride],
            "final": {"x": neuron.x_[:], "y": neuron.y_[:], "z": neuron.z_[:]},
        },
        "shapes": {"t": "[n_samples/stride]", "x": "[3][n_samples/stride] (samples 0, stride, 2*stride, ...)"},
    },
)
