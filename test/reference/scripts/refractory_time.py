"""refractory_time: refractoriness given as a time span (Quantity, string, per-neuron parameter, rounding edge cases).

All groups share the model
    dv/dt = (v_drive - v)/tau : volt (unless refractory)   <- clamped while refractory
    dx/dt = (1 - x)/tau_x : 1                                <- NOT clamped
driven far above threshold so that the refractory period limits the firing rate.
Group 'gate' thresholds on the unclamped x with an empty reset: the threshold is `(x > 0.5) and not_refractory`,
so it fires once per refractory period.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, record_group_run, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, mV, ms  # noqa: E402

namespace = {"v_drive": 0 * mV, "tau": 10 * ms, "tau_x": 5 * ms, "v_th": -50 * mV, "v_reset": -70 * mV}
eqs = """dv/dt = (v_drive - v)/tau : volt (unless refractory)
dx/dt = (1 - x)/tau_x : 1"""
eqs_param = eqs + "\nref : second (constant)"
duration = 20 * ms
VARS = ["v", "x", "not_refractory", "lastspike"]

variants = [
    # name, N, equations, threshold, reset, refractory (python object), refractory as text, extra init
    ("quantity", 1, eqs, "v > v_th", "v = v_reset; x = 0", 2 * ms, "2*ms", {}),
    ("string", 1, eqs, "v > v_th", "v = v_reset; x = 0", "2*ms", "'2*ms'", {}),
    ("string_expr", 1, eqs, "v > v_th", "v = v_reset; x = 0", "tau/5", "'tau/5'", {}),
    (
        "per_neuron",
        7,
        eqs_param,
        "v > v_th",
        "v = v_reset; x = 0",
        "ref",
        "'ref'",
        {"ref": [0.0, 0.05e-3, 0.1e-3, 1.95e-3, 2.0e-3, 2.05e-3, 2.1e-3]},
    ),
    ("gate", 1, eqs, "x > 0.5", "", 2 * ms, "2*ms", {}),
]

groups = {}
objs = []
for name, N, eq, thr, rst, ref, ref_text, extra in variants:
    G = NeuronGroup(N, eq, threshold=thr, reset=rst, refractory=ref, method="exact", namespace=namespace, name=name)
    G.v = -70 * mV
    G.x = 0
    for k, vals in extra.items():
        setattr(G, k + "_", vals) if k != "ref" else setattr(G, "ref", vals * b.second)
    M = StateMonitor(G, VARS, record=True)
    S = SpikeMonitor(G)
    objs.append((name, N, eq, thr, rst, ref_text, extra, G, M, S))

# explicit Network: magic run() only collects objects bound to plain variable names, not ones kept in lists
net = Network([o for row in objs for o in row[-3:]])
net.run(duration)

for name, N, eq, thr, rst, ref_text, extra, G, M, S in objs:
    init = {"v": [-0.070] * N, "x": [0.0] * N, "not_refractory": [True] * N, "lastspike": [-1e4] * N}
    init.update(extra)
    groups[name] = {
        "model": {
            "N": N,
            "equations": eq,
            "threshold": thr,
            "reset": rst,
            "refractory_python": ref_text,
            "initial": init,
            "state_updater_abstract_code": state_updater_code(G),
            "threshold_abstract_code": G.thresholder["spike"].abstract_code,
        },
        "recorded": record_group_run(G, VARS, M, S),
    }

write_reference(
    "refractory_time",
    {
        "meta": meta(__file__),
        "model": {"dt": 0.1e-3, "duration": float(duration), "method": "exact", "namespace": namespace},
        "groups": groups,
        "notes": "recorded v/x/not_refractory/lastspike are [neuron][step] at when='start'; lastspike starts at -1e4 s",
    },
)
