"""timed_array: TimedArray lookups (Brian 2.5.1, numpy target) at and around bin edges.

Cases (each its own Network; values are raw SI):
  lookup.<case>: NeuronGroup(1, 'v = ta(t) : volt', dt=group_dt), StateMonitor of v every step
                 (when='start') over a run that goes past the last value (clamped);
                 ta = TimedArray(values, dt=ta_dt). Includes TimedArray dt coarser than, equal to,
                 not a multiple of, and finer than the group's dt.
  equation:      dv/dt = (I(t) - v)/tau (exact and euler), I a TimedArray of 1 ms steps.
  threshold:     threshold 'stim(t) > 0.5' with an empty reset: spikes while stim is 1.
  two_d:         v = ta2d(t, i % 3) for 5 neurons, ta2d 4 rows (times) x 3 columns (indices).
  setter:        after run(0.35 ms), G.x = 'ta(t)' evaluates at the clock's t (0.4 ms, start of the next step).
  direct:        ta(t) called from Python (rounding grid from defaultclock.dt = 0.1 ms).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, TimedArray, mV, ms, second  # noqa: E402

LOOKUP_CASES = {
    # name: (ta_dt, group_dt, n_values, duration)
    "equal": (0.1 * ms, 0.1 * ms, 6, 1.0 * ms),
    "coarse_x3": (0.3 * ms, 0.1 * ms, 4, 1.6 * ms),
    "not_multiple": (0.25 * ms, 0.1 * ms, 5, 1.6 * ms),
    "finer_group": (0.1 * ms, 0.03 * ms, 5, 0.75 * ms),
    "third": (1 / 3 * ms, 0.1 * ms, 4, 1.6 * ms),
    "long_run": (1 * ms, 0.1 * ms, 50, 55 * ms),
}

lookup = {}
for name, (ta_dt, group_dt, n, duration) in LOOKUP_CASES.items():
    values = (np.arange(n) + 1.0) * mV
    ta = TimedArray(values, dt=ta_dt)
    G = NeuronGroup(1, "v = ta(t) : volt", dt=group_dt, namespace={"ta": ta}, name=f"lookup_{name}")
    M = StateMonitor(G, "v", record=True)
    Network(G, M).run(duration)
    lookup[name] = {
        "ta_dt": float(ta_dt), "group_dt": float(group_dt), "values": np.asarray(values),
        "duration": float(duration), "t": M.t_[:], "v": M.v_[0],
    }

# equation: exact and euler
I = TimedArray([0, 10, -5, 20] * mV, dt=1 * ms)
eq_ns = {"I": I, "tau": 10 * ms}
eq_groups = {}
for method in ["exact", "euler"]:
    G = NeuronGroup(1, "dv/dt = (I(t) - v)/tau : volt", method=method, namespace=eq_ns, name=f"eq_{method}")
    M = StateMonitor(G, "v", record=True)
    Network(G, M).run(6 * ms)
    eq_groups[method] = {"t": M.t_[:], "v": M.v_[0], "final_v": float(G.v_[0])}

# threshold
stim = TimedArray([0, 1, 1, 0, 1, 0, 0, 1], dt=0.5 * ms)
G = NeuronGroup(1, "x : 1", threshold="stim(t) > 0.5", reset="", namespace={"stim": stim}, name="thr")
S = SpikeMonitor(G)
Network(G, S).run(5 * ms)
threshold = {"values": [0, 1, 1, 0, 1, 0, 0, 1], "ta_dt": 0.5e-3, "duration": 5e-3, "spike_t": S.t_[:],
             "spike_i": S.i[:]}

# two_d
vals2d = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]) * mV
ta2d = TimedArray(vals2d, dt=0.2 * ms)
G = NeuronGroup(5, "v = ta2d(t, i % 3) : volt", namespace={"ta2d": ta2d}, name="two_d")
M = StateMonitor(G, "v", record=True)
Network(G, M).run(1.2 * ms)
two_d = {"values": np.asarray(vals2d), "ta_dt": 0.2e-3, "t": M.t_[:], "v": M.v_[:]}

# setter
ta_s = TimedArray([1, 2, 3, 4, 5, 6] * mV, dt=0.1 * ms)
G = NeuronGroup(2, "x : volt", namespace={"ta": ta_s}, name="setter")
net = Network(G)
net.run(0.35 * ms)
G.x = "ta(t)"
setter = {"values": [1e-3, 2e-3, 3e-3, 4e-3, 5e-3, 6e-3], "ta_dt": 0.1e-3, "run": 0.35e-3,
          "clock_t": float(G.t_[:]), "x": G.x_[:]}

# direct calls from Python
ta_d = TimedArray([1, 2, 3, 4] * mV, dt=0.1 * ms)
direct_t = [0.0, 0.04e-3, 0.05e-3, 0.0999e-3, 0.1e-3, 0.15e-3, 0.2999999e-3, 0.3e-3, 0.35e-3, 1e-3, -1e-3]
direct = {"values": [1e-3, 2e-3, 3e-3, 4e-3], "ta_dt": 0.1e-3, "t": direct_t,
          "value": [float(ta_d(t * second)) for t in direct_t]}

write_reference(
    "timed_array",
    {
        "meta": meta(__file__),
        "model": {"notes": __doc__},
        "recorded": {"lookup": lookup, "equation": {"I_values": [0, 10e-3, -5e-3, 20e-3], "I_dt": 1e-3, "tau": 10e-3,
                                                      **eq_groups},
                     "threshold": threshold, "two_d": two_d, "setter": setter, "direct": direct},
    },
)
