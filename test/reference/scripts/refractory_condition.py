"""refractory_condition: refractoriness given as a boolean condition (the neuron stays refractory while it holds).

Brian turns a condition into `not_refractory = not_refractory or not (condition)` evaluated in the 'groups' slot
before the state update, so refractoriness can only *end* there (it starts at a spike).

Groups:
  decay      : v decays from the reset value 0 mV towards -30 mV (v is NOT clamped), refractory 'v > -20*mV',
               threshold 'v > -50*mV' -> fires again as soon as the condition turns false. y is clamped.
  oscillate  : v follows a sinusoidal target, no reset at all (reset=None), threshold and refractory both
               'v > -40*mV' -> one spike per upward crossing. y is clamped.
  deadlock   : v itself is clamped ('unless refractory') and the condition 'v > -20*mV' can never become false
               after the reset to 0 mV -> a single spike, refractory forever.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, record_group_run, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, mV, ms  # noqa: E402

namespace = {"vd": -30 * mV, "tau": 10 * ms, "tau_y": 5 * ms, "f": 50 * Hz, "tau_fast": 2 * ms}
duration = 60 * ms
VARS = ["v", "y", "not_refractory", "lastspike"]

variants = [
    (
        "decay",
        "dv/dt = (vd - v)/tau : volt\ndy/dt = (1 - y)/tau_y : 1 (unless refractory)",
        "v > -50*mV",
        "v = 0*mV; y = 0",
        "v > -20*mV",
        {"v": -60e-3, "y": 0.0},
    ),
    (
        "oscillate",
        "dv/dt = (vs - v)/tau_fast : volt\nvs = -45*mV + 20*mV*sin(2*pi*f*t) : volt\n"
        "dy/dt = (1 - y)/tau_y : 1 (unless refractory)",
        "v > -40*mV",
        None,
        "v > -40*mV",
        {"v": -45e-3, "y": 0.0},
    ),
    (
        "deadlock",
        "dv/dt = (vd - v)/tau : volt (unless refractory)\ndy/dt = (1 - y)/tau_y : 1",
        "v > -50*mV",
        "v = 0*mV; y = 0",
        "v > -20*mV",
        {"v": -60e-3, "y": 0.0},
    ),
]

objs = []
for name, eq, thr, rst, ref, init in variants:
    G = NeuronGroup(1, eq, threshold=thr, reset=rst, refractory=ref, method="euler", namespace=namespace, name=name)
    G.v = init["v"] * b.volt
    G.y = init["y"]
    M = StateMonitor(G, VARS, record=True)
    S = SpikeMonitor(G)
    objs.append((name, eq, thr, rst, ref, init, G, M, S))

net = Network([o for row in objs for o in row[-3:]])
net.run(duration)

groups = {}
for name, eq, thr, rst, ref, init, G, M, S in objs:
    groups[name] = {
        "model": {
            "N": 1,
            "equations": eq,
            "threshold": thr,
            "reset": rst,
            "refractory": ref,
            "initial": {"v": [init["v"]], "y": [init["y"]], "not_refractory": [True], "lastspike": [-1e4]},
            "state_updater_abstract_code": state_updater_code(G),
            "threshold_abstract_code": G.thresholder["spike"].abstract_code,
        },
        "recorded": record_group_run(G, VARS, M, S),
    }

write_reference(
    "refractory_condition",
    {
        "meta": meta(__file__),
        "model": {"dt": 0.1e-3, "duration": float(duration), "method": "euler", "namespace": namespace},
        "groups": groups,
        "notes": "reset null means reset=None (no reset); traces are [neuron][step] at when='start'",
    },
)
