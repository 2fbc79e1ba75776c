"""threshold_reset_order: what threshold, reset, SpikeMonitor variables and StateMonitor(when=...) see in one step.

Model for every group (v ramps linearly, method 'euler' so v_{k+1} = v_k + dt*drive):
    dv/dt = drive : volt
    drive : volt/second (constant)
    w : 1
    u : 1
Groups (all threshold 'v > 1.05*mV'):
  multi      : reset 'v = 0*mV; w += 1'            (multi-statement; the reset changes what the threshold read)
  empty      : reset ''                             (fires every step once above threshold)
  sequential : reset 'v = 0*mV\nw = w + 1 + v/mV\nu = u + 1'   (later statements see the new v: w grows by exactly 1)
  capture    : reset 'w = v/mV\nv = 0*mV'            (w keeps the post-integration, pre-reset v in mV)
Each group has a SpikeMonitor(G, variables=['v', 'w']) and two StateMonitors: default (when='start') and when='end'.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, mV, ms  # noqa: E402

eqs = """dv/dt = drive : volt
drive : volt/second (constant)
w : 1
u : 1"""
threshold = "v > 1.05*mV"
drives_mV_per_ms = [1.0, 3.0, 7.0]
duration = 3 * ms
resets = {
    "multi": "v = 0*mV; w += 1",
    "empty": "",
    "sequential": "v = 0*mV\nw = w + 1 + v/mV\nu = u + 1",
    "capture": "w = v/mV\nv = 0*mV",
}

objs = {}
for name, reset in resets.items():
    G = NeuronGroup(3, eqs, threshold=threshold, reset=reset, method="euler", name=name)
    G.drive = [d * mV / ms for d in drives_mV_per_ms]
    S = SpikeMonitor(G, variables=["v", "w"], name=name + "_spikes")
    M_start = StateMonitor(G, ["v", "w", "u"], record=True, name=name + "_start")
    M_end = StateMonitor(G, ["v", "w", "u"], record=True, when="end", name=name + "_end")
    objs[name] = (G, S, M_start, M_end)

net = Network([o for row in objs.values() for o in row])
net.run(duration)

groups = {}
for name, (G, S, M_start, M_end) in objs.items():
    groups[name] = {
        "reset": resets[name],
        "spikes": {"t": S.t_, "i": S.i[:], "v": S.v_, "w": S.w[:], "count": S.count[:]},
        "statemonitor_start": {"t": M_start.t_, "v": M_start.v_, "w": M_start.w[:], "u": M_start.u[:]},
        "statemonitor_end": {"t": M_end.t_, "v": M_end.v_, "w": M_end.w[:], "u": M_end.u[:]},
        "final": {"v": G.v_[:], "w": G.w[:], "u": G.u[:]},
    }

write_reference(
    "threshold_reset_order",
    {
        "meta": meta(__file__),
        "model": {
            "N": 3,
            "equations": eqs,
            "threshold": threshold,
            "method": "euler",
            "dt": 0.1e-3,
            "duration": float(duration),
            "initial": {"v": [0.0, 0.0, 0.0], "w": [0.0, 0.0, 0.0], "u": [0.0, 0.0, 0.0]},
            "drive": [d * 1e-3 / 1e-3 for d in drives_mV_per_ms],
            "drive_unit_note": "drive in V/s (1 mV/ms = 1 V/s)",
            "resets": resets,
        },
        "groups": groups,
        "schedule_note": "StateMonitor 'start' records before the state update; 'end' records after resets; "
        "SpikeMonitor (slot 'thresholds', order +1) records v, w right after the threshold, before the reset",
    },
)
