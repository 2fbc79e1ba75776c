"""scheduling_summary_part_of: Brian's scheduling_summary text for a network with one object of each kind.

The "part of" column is the CodeRunner's `group`: the owning group for state updaters, thresholders,
resetters, run_regularly, synaptic pathways and summed-variable updaters; the object itself for
monitors and SpikeGeneratorGroup; the *target* group for PoissonInput; none (`--`) for a
NetworkOperation. Explicit names, so the text does not depend on which default names are free.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import (  # noqa: E402
    EventMonitor,
    Hz,
    Network,
    NetworkOperation,
    NeuronGroup,
    PoissonGroup,
    PoissonInput,
    PopulationRateMonitor,
    SpikeGeneratorGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    ms,
    scheduling_summary,
)

G = NeuronGroup(
    2, "dv/dt = -v/(10*ms) : 1\nI : 1", threshold="v>1", reset="v=0", events={"up": "v>0.5"}, name="G"
)
G.run_regularly("v += 0.1", dt=1 * ms, name="G_regular")
P = PoissonGroup(2, 10 * Hz, name="P")
SG = SpikeGeneratorGroup(2, [0], [1] * ms, name="SG")
PI = PoissonInput(G, "v", 5, 10 * Hz, weight=0.1)  # no name argument in 2.5.1: "poissoninput"
S = Synapses(P, G, "w : 1\nI_post = w : 1 (summed)", on_pre="v += w", name="S")
S.connect()
op = NetworkOperation(lambda: None, name="op")
R = PopulationRateMonitor(G, name="R")
M = StateMonitor(G, "v", record=0, name="M")
SM = SpikeMonitor(SG, name="SM")
EM = EventMonitor(G, "up", name="EM")
net = Network(G, P, SG, PI, S, op, R, M, SM, EM)
text = str(scheduling_summary(net))
print(text)

write_reference(
    "scheduling_summary_part_of",
    {
        "meta": meta(__file__),
        "model": {
            "description": "see the script: one object of each kind, explicit names",
        },
        "scheduling_summary": text,
    },
)
