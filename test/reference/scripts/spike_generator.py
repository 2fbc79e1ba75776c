"""spike_generator: SpikeGeneratorGroup spike timing (Brian 2.5.1, numpy target, dt = 0.1 ms).

Scenarios (each its own Network starting at t = 0; times in seconds):
  basic:        N = 4, unsorted spikes incl. times just below/at/above step edges; SpikeMonitor over 2 ms.
  stimulus_70hz: the Tsodyks example's 70 Hz train np.arange(100, 375, 1000/70)*ms (rounding to steps).
  own_dt:       the group with dt = 0.5 ms (its own clock) and a SpikeMonitor.
  period:       period 1 ms, one run of 3.5 ms; `period_split`: the same as run(1.25 ms) + run(2.25 ms).
  set_spikes:   run 1 ms, set_spikes(new spikes, some before t = 1 ms), run 1 ms (earlier spikes ignored).
  set_spikes_period: run 1 ms, set_spikes(spikes at 0.2 and 0.5 ms, period 0.8 ms), run 2 ms
                (Brian's bookkeeping of `_lastindex` with a period after set_spikes).
  synapses:     SpikeGeneratorGroup as the source of a pre pathway (delay 0.3 ms, on_pre 'v_post += w') and
                as the target of a post pathway (on_post 'c += 1'); StateMonitor of v, final c.
  rate:         PopulationRateMonitor of a SpikeGeneratorGroup.
  errors:       messages for a duplicate spike in one step and for a period not a multiple of dt.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import (  # noqa: E402
    Network, NeuronGroup, PopulationRateMonitor, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, ms,
    second,
)


def spikes(mon):
    return {"t": mon.t_[:], "i": mon.i[:], "count": mon.count[:]}


out = {}

# basic
basic_i = [3, 0, 1, 2, 0, 3, 1, 2, 0]
basic_t = [1.23456, 0.0, 0.0999, 0.09989, 0.1, 0.25, 0.3, 1.9999, 0.35]
G = SpikeGeneratorGroup(4, basic_i, basic_t * ms, name="basic")
M = SpikeMonitor(G)
Network(G, M).run(2 * ms)
out["basic"] = {"indices": basic_i, "times": [t * 1e-3 for t in basic_t], "duration": 2e-3, **spikes(M)}

# stimulus_70hz
times_ms = np.arange(100, 375, 1000 / 70)
G = SpikeGeneratorGroup(1, [0] * len(times_ms), times_ms * ms, name="stim70")
M = SpikeMonitor(G)
Network(G, M).run(400 * ms)
out["stimulus_70hz"] = {"times": times_ms * 1e-3, "duration": 0.4, **spikes(M)}

# own_dt
own_i = [0, 1, 0, 1]
own_t = [0.2, 0.5, 1.26, 2.0]
G = SpikeGeneratorGroup(2, own_i, own_t * ms, dt=0.5 * ms, name="own_dt")
M = SpikeMonitor(G)
Network(G, M).run(3 * ms)
out["own_dt"] = {"indices": own_i, "times": [t * 1e-3 for t in own_t], "dt": 0.5e-3, "duration": 3e-3, **spikes(M)}

# period
per_i = [0, 1, 2, 0]
per_t = [0.0, 0.3, 0.3, 0.55]
G = SpikeGeneratorGroup(3, per_i, per_t * ms, period=1 * ms, name="period")
M = SpikeMonitor(G)
Network(G, M).run(3.5 * ms)
out["period"] = {"indices": per_i, "times": [t * 1e-3 for t in per_t], "period": 1e-3, "duration": 3.5e-3,
                 **spikes(M)}
G = SpikeGeneratorGroup(3, per_i, per_t * ms, period=1 * ms, name="period_split")
M = SpikeMonitor(G)
net = Network(G, M)
net.run(1.25 * ms)
net.run(2.25 * ms)
out["period_split"] = {"runs": [1.25e-3, 2.25e-3], **spikes(M)}

# set_spikes
G = SpikeGeneratorGroup(3, [0, 1, 2], [0.2, 0.5, 1.5] * ms, name="set_spikes")
M = SpikeMonitor(G)
net = Network(G, M)
net.run(1 * ms)
new_i = [2, 0, 1, 2, 0]
new_t = [0.3, 0.95, 1.0, 1.45, 1.8]
G.set_spikes(new_i, new_t * ms)
net.run(1 * ms)
out["set_spikes"] = {"first": {"indices": [0, 1, 2], "times": [0.2e-3, 0.5e-3, 1.5e-3]},
                     "second": {"indices": new_i, "times": [t * 1e-3 for t in new_t]},
                     "runs": [1e-3, 1e-3], **spikes(M)}

# set_spikes_period
G = SpikeGeneratorGroup(2, [0], [0.1] * ms, name="set_spikes_period")
M = SpikeMonitor(G)
net = Network(G, M)
net.run(1 * ms)
G.set_spikes([0, 1], [0.2, 0.5] * ms, period=0.8 * ms)
net.run(2 * ms)
out["set_spikes_period"] = {"first": {"indices": [0], "times": [0.1e-3]},
                            "second": {"indices": [0, 1], "times": [0.2e-3, 0.5e-3], "period": 0.8e-3},
                            "runs": [1e-3, 2e-3], **spikes(M)}

# synapses
gen = SpikeGeneratorGroup(2, [0, 1, 0, 1], [0.1, 0.4, 0.9, 1.0] * ms, name="gen")
tgt = NeuronGroup(2, "v : 1", threshold="False", name="tgt")
S_pre = Synapses(gen, tgt, model="w : 1", on_pre="v_post += w", delay=0.3 * ms, name="s_pre")
S_pre.connect()
S_pre.w = "1 + i + 10*j"
S_post = Synapses(tgt, gen, model="c : 1", on_post="c += 1 + j", name="s_post")
S_post.connect()
Mv = StateMonitor(tgt, "v", record=True)
Network(gen, tgt, S_pre, S_post, Mv).run(2 * ms)
out["synapses"] = {"gen": {"indices": [0, 1, 0, 1], "times": [0.1e-3, 0.4e-3, 0.9e-3, 1.0e-3]},
                   "delay": 0.3e-3, "w": S_pre.w[:], "pre_i": S_pre.i[:], "pre_j": S_pre.j[:],
                   "t": Mv.t_[:], "v": Mv.v[:], "c": S_post.c[:], "post_i": S_post.i[:], "post_j": S_post.j[:]}

# rate
G = SpikeGeneratorGroup(4, [0, 1, 2, 3, 1], [0.1, 0.1, 0.1, 0.3, 0.5] * ms, name="rate_gen")
R = PopulationRateMonitor(G)
Network(G, R).run(0.8 * ms)
out["rate"] = {"indices": [0, 1, 2, 3, 1], "times": [0.1e-3, 0.1e-3, 0.1e-3, 0.3e-3, 0.5e-3], "t": R.t_[:],
               "rate": R.rate_[:]}

# errors


def describe(exc):
    original = exc.__cause__ or exc.__context__ or exc
    return f"{type(original).__name__}: {original}"


errors = {}
try:
    G = SpikeGeneratorGroup(2, [0, 0], [0.1, 0.15] * ms, name="dup")
    Network(G).run(1 * ms)
    errors["duplicate"] = "no error"
except Exception as exc:  # noqa: BLE001
    errors["duplicate"] = describe(exc)
try:
    G = SpikeGeneratorGroup(2, [0, 1, 0], [0.1, 0.12, 0.15] * ms, name="dup_separated")
    M = SpikeMonitor(G)
    Network(G, M).run(1 * ms)
    errors["duplicate_separated"] = {"result": "no error", **spikes(M)}
except Exception as exc:  # noqa: BLE001
    errors["duplicate_separated"] = describe(exc)
try:
    G = SpikeGeneratorGroup(2, [0], [0.1] * ms, period=0.25 * ms, name="bad_period")
    Network(G).run(1 * ms)
    errors["period_not_multiple"] = "no error"
except Exception as exc:  # noqa: BLE001
    errors["period_not_multiple"] = describe(exc)
out["errors"] = errors

write_reference("spike_generator", {"meta": meta(__file__), "model": {"dt": 1e-4, "notes": __doc__},
                                    "recorded": out})
