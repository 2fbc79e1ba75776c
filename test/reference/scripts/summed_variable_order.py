"""summed_variable_order: when a (summed) variable is computed within a step, against the target's schedule.

Brian's SummedVariableUpdater runs in `groups` with `order=target.order - 1` on the *target's* clock. A
Subgroup has `order=source.order + 1` (source = the top group, also for `G[1:4][1:3]`), so a summed
variable into a subgroup gets the parent's order and ties with state updaters are broken by name.
Scenarios (one network, 0.5 ms, explicit names), sources `src` v = [1, 2] decaying with tau = 10 ms
(`exact`), every synapse `s_in_post = v_pre : 1 (summed)`, connect j='i':
  tA: subgroup target tA[2:4] of a 4-neuron group (tie with `src_stateupdater` broken by name:
      'SA_...' < 'src_...', so the sum is taken before src is updated) -- and
  tZ: the same into zz[2:4] through Synapses named 'zS' ('src_stateupdater' < 'zS_...': after src's update);
  tB: full target with order=3 (sum at order 2, after src's update at order 0);
  tC: Synapses with dt=0.2 ms into a target on the 0.1 ms clock (sum every 0.1 ms);
  aaa: nested subgroup aaa[1:4][1:3] (order 0 again, ties by name).
Recorded: s_in of every target group, every step, and Brian's scheduling_summary text.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, StateMonitor, Synapses, ms, scheduling_summary  # noqa: E402

eq = "dv/dt = -v/(10*ms) : 1\ns_in : 1"
model = "s_in_post = v_pre : 1 (summed)"
src = NeuronGroup(2, eq, method="exact", name="src")
src.v = [1, 2]
tA = NeuronGroup(4, eq, method="exact", name="tA")
SA = Synapses(src, tA[2:4], model, name="SA")
SA.connect(j="i")
tZ = NeuronGroup(4, eq, method="exact", name="zz")
SZ = Synapses(src, tZ[2:4], model, name="zS")
SZ.connect(j="i")
tB = NeuronGroup(2, eq, method="exact", order=3, name="tB")
SB = Synapses(src, tB, model, name="SB")
SB.connect(j="i")
tC = NeuronGroup(2, eq, method="exact", name="tC")
SC = Synapses(src, tC, model, dt=0.2 * ms, name="SC")
SC.connect(j="i")
tD = NeuronGroup(5, eq, method="exact", name="aaa")
SD = Synapses(src, tD[1:4][1:3], model, name="SD")
SD.connect(j="i")
groups = [tA, tZ, tB, tC, tD]
mons = [StateMonitor(g, "s_in", record=True, name="M" + g.name) for g in groups]
net = Network(src, *groups, SA, SZ, SB, SC, SD, *mons)
net.run(0.5 * ms)
summary = str(scheduling_summary(net))
print(summary)

write_reference(
    "summed_variable_order",
    {
        "meta": meta(__file__),
        "model": {"equations": eq, "synapses": model, "duration": 0.5e-3, "src_v0": [1.0, 2.0]},
        "s_in": {g.name: m.s_in_ for g, m in zip(groups, mons)},
        "scheduling_summary": summary,
    },
)
