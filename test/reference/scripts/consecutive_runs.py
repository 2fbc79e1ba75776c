"""consecutive_runs: one run vs several runs vs store()/restore(), deterministic adaptive LIF (2 neurons).

Scenarios (each builds a fresh network with identical initial state):
  single      : run(100 ms)
  split       : run(50 ms); run(50 ms)
  split_odd   : run(33.3 ms); run(66.7 ms)
  restore     : store('init'); run(30 ms); restore('init'); run(100 ms)   (restore also resets monitors and t)
Plus a store/restore test where state is changed in between:
  store_change: run(20 ms); store('s'); v_before = v; G.v = -55 mV; G.I = 0 nA; run(10 ms);
                restore('s') -> t, v, w, I, monitors back to the stored values; then run(10 ms)
Also run(10.05 ms) twice (durations that are not multiples of dt).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, mV, ms, nA, nS, pF  # noqa: E402

namespace = {"C": 200 * pF, "gL": 10 * nS, "EL": -70 * mV, "a": 2 * nS, "tauw": 50 * ms, "b_w": 0.05 * nA,
             "v_th": -50 * mV, "v_reset": -60 * mV}
eqs = """dv/dt = (gL*(EL - v) + I - w)/C : volt (unless refractory)
dw/dt = (a*(v - EL) - w)/tauw : amp
I : amp (constant)"""
threshold = "v > v_th"
reset = "v = v_reset; w += b_w"
refractory = 3 * ms
init = {"v": [-70e-3, -65e-3], "w": [0.0, 0.0], "I": [0.4e-9, 0.6e-9]}


def build():
    G = NeuronGroup(2, eqs, threshold=threshold, reset=reset, refractory=refractory, method="euler",
                    namespace=namespace, name="g")
    G.v = init["v"] * b.volt
    G.w = init["w"] * b.amp
    G.I = init["I"] * b.amp
    S = SpikeMonitor(G, name="spikes")
    M = StateMonitor(G, ["v", "w"], record=True, dt=1 * ms, name="states")
    net = Network(G, S, M)
    return net, G, S, M


def snapshot(net, G, S, M):
    return {
        "t": float(net.t_),
        "v": G.v_[:].copy(),
        "w": G.w_[:].copy(),
        "I": G.I_[:].copy(),
        "lastspike": G.lastspike_[:].copy(),
        "not_refractory": G.not_refractory[:].copy(),
        "spike_t": S.t_[:].copy(),
        "spike_i": S.i[:].copy(),
        "monitor_t": M.t_[:].copy(),
        "monitor_v": M.v_[:].copy(),
    }


scenarios = {}
code = None

net, G, S, M = build()
net.run(100 * ms)
code = state_updater_code(G)
scenarios["single"] = snapshot(net, G, S, M)

net, G, S, M = build()
net.run(50 * ms)
net.run(50 * ms)
scenarios["split"] = snapshot(net, G, S, M)

net, G, S, M = build()
net.run(33.3 * ms)
net.run(66.7 * ms)
scenarios["split_odd"] = snapshot(net, G, S, M)

net, G, S, M = build()
net.store("init")
net.run(30 * ms)
net.restore("init")
after_restore_t = float(net.t_)
net.run(100 * ms)
scenarios["restore"] = snapshot(net, G, S, M)
scenarios["restore"]["t_right_after_restore"] = after_restore_t

ref = scenarios["single"]
identical = {}
for name, sc in scenarios.items():
    identical[name] = all(
        np.array_equal(np.asarray(ref[k]), np.asarray(sc[k])) for k in ("v", "w", "spike_t", "spike_i", "monitor_v")
    )

# store / restore with changes in between
net, G, S, M = build()
net.run(20 * ms)
stored = snapshot(net, G, S, M)
net.store("s")
G.v = -55 * mV
G.I = 0 * nA
net.run(10 * ms)
changed = snapshot(net, G, S, M)
net.restore("s")
restored = snapshot(net, G, S, M)
net.run(10 * ms)
continued = snapshot(net, G, S, M)
# reference for 'continued': a fresh 30 ms run without the detour
net2, G2, S2, M2 = build()
net2.run(30 * ms)
fresh30 = snapshot(net2, G2, S2, M2)

# durations not multiple of dt
net, G, S, M = build()
odd = []
for _ in range(2):
    net.run(10.05 * ms)
    odd.append({"net_t": float(net.t_), "clock_timestep": int(np.asarray(G.clock.timestep[:]).ravel()[0]),
                "clock_t": float(np.asarray(G.clock.t_[:]).ravel()[0]), "v": G.v_[:].copy()})

write_reference(
    "consecutive_runs",
    {
        "meta": meta(__file__),
        "model": {
            "N": 2,
            "equations": eqs,
            "namespace": namespace,
            "threshold": threshold,
            "reset": reset,
            "refractory": float(refractory),
            "method": "euler",
            "dt": 0.1e-3,
            "initial": init,
            "state_monitor": {"variables": ["v", "w"], "dt": 1e-3, "record": "True"},
            "state_updater_abstract_code": code,
        },
        "scenarios": scenarios,
        "identical_to_single": identical,
        "store_restore": {
            "stored_at_20ms": stored,
            "after_change_and_10ms": changed,
            "right_after_restore": restored,
            "after_restore_plus_10ms": continued,
            "fresh_30ms_run": fresh30,
            "continued_equals_fresh": all(
                np.array_equal(np.asarray(continued[k]), np.asarray(fresh30[k]))
                for k in ("v", "w", "spike_t", "monitor_v")
            ),
            "change_applied": {"v": -55e-3, "I": 0.0},
        },
        "non_multiple_durations": {"runs": [10.05e-3, 10.05e-3], "after_each": odd},
        "snapshot_fields": "t = Network.t after the run(s); v, w, I, lastspike, not_refractory = final group state; "
        "spike_t/spike_i = SpikeMonitor; monitor_t/monitor_v = StateMonitor (dt 1 ms)",
    },
)
print(identical)
