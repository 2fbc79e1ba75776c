"""statemonitor_sampling: when StateMonitors with their own dt sample, how t continues over consecutive runs,
and record=[0, 2] indexing.

Model (4 neurons, method 'euler'; note: 'exact' rejects dy/dt = const in Brian 2.5.1):
    dx/dt = -x/tau : 1        x0 = [1, 2, 3, 4], tau = 10 ms
    dy/dt = 1/second : 1      (y equals elapsed simulated time in seconds)
    tnow = t : second         (subexpression: the t seen by the group)
Monitors (all on x, y, tnow):
    M_default : dt = defaultclock.dt (0.1 ms), record=True
    M_05      : dt = 0.5 ms, record=True
    M_035     : dt = 0.35 ms (not a multiple of 0.1 ms), record=True
    M_idx     : default dt, record=[0, 2]
Runs: run(2.3 ms) then run(1.75 ms) (second duration not a multiple of dt) then run(0.3 ms).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
import numpy as np  # noqa: E402
from brian2 import Network, NeuronGroup, StateMonitor, ms  # noqa: E402

eqs = """dx/dt = -x/tau : 1
dy/dt = 1/second : 1
tnow = t : second"""
namespace = {"tau": 10 * ms}
G = NeuronGroup(4, eqs, method="euler", namespace=namespace, name="g")
G.x = [1, 2, 3, 4]
G.y = 0
mons = {
    "M_default": StateMonitor(G, ["x", "y", "tnow"], record=True, name="M_default"),
    "M_05": StateMonitor(G, ["x", "y", "tnow"], record=True, dt=0.5 * ms, name="M_05"),
    "M_035": StateMonitor(G, ["x", "y", "tnow"], record=True, dt=0.35 * ms, name="M_035"),
    "M_idx": StateMonitor(G, ["x", "y", "tnow"], record=[0, 2], name="M_idx"),
}
net = Network(G, *mons.values())
runs_ms = [2.3, 1.75, 0.3]
after_runs = []
for r in runs_ms:
    net.run(r * ms)
    after_runs.append(
        {
            "run_duration": r * 1e-3,
            "net_t": float(net.t_),
            "defaultclock_t": float(b.defaultclock.t_[:]),
            "defaultclock_timestep": int(b.defaultclock.timestep[:][0]) if np.ndim(b.defaultclock.timestep[:]) else int(b.defaultclock.timestep[:]),
            "monitor_clock_t": {k: float(m.clock.t_[:]) for k, m in mons.items()},
            "n_samples": {k: len(m.t_) for k, m in mons.items()},
            # copies: G.y[:] is a live view into the state array
            "y": G.y[:].copy(),
            "x": G.x[:].copy(),
        }
    )

recorded = {}
for k, m in mons.items():
    recorded[k] = {"t": m.t_, "x": m.x[:], "y": m.y[:], "tnow": m.tnow_, "record": m.record}

write_reference(
    "statemonitor_sampling",
    {
        "meta": meta(__file__),
        "model": {
            "N": 4,
            "equations": eqs,
            "namespace": namespace,
            "method": "euler",
            "dt": 0.1e-3,
            "initial": {"x": [1.0, 2.0, 3.0, 4.0], "y": [0.0] * 4},
            "runs": [r * 1e-3 for r in runs_ms],
            "monitors": {
                "M_default": {"dt": 0.1e-3, "record": "True"},
                "M_05": {"dt": 0.5e-3, "record": "True"},
                "M_035": {"dt": 0.35e-3, "record": "True"},
                "M_idx": {"dt": 0.1e-3, "record": [0, 2]},
            },
            "state_updater_abstract_code": state_updater_code(G),
        },
        "after_runs": after_runs,
        "recorded": recorded,
        "shapes": {"t": "[n_samples]", "x,y,tnow": "[n_recorded_neurons][n_samples]"},
    },
)
