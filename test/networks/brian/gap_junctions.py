"""Brian 2.5.1 run of examples/synapses/gapjunctions.py (deterministic) for test/networks/gap-junctions.test.ts.

10 neurons `dv/dt = (v0 - v + Igap) / tau : 1` (exact), threshold 'v > 1', reset 'v = 0',
v = 'i * 1.0 / (n-1)', all-to-all Synapses with `w : 1` and `Igap_post = w * (v_pre - v_post) : 1 (summed)`,
w = 0.02, 500 ms at dt = 0.1 ms, numpy target.  Writes gap_junctions.json next to this script:
`t` and `v` of neurons 0 and 5 every 10th step (StateMonitor when='start'), all spikes, final v.

    /usr/bin/python3 test/networks/brian/gap_junctions.py
"""

import json
import os

import brian2
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, defaultclock, ms, prefs

prefs.codegen.target = "numpy"
defaultclock.dt = 0.1 * ms
brian2.BrianLogger.log_level_error()

n = 10
NS = {"v0": 1.05, "tau": 10 * ms, "n": n}
EQS = """
dv/dt = (v0 - v + Igap) / tau : 1
Igap : 1 # gap junction current
"""
SYN = """
w : 1 # gap junction conductance
Igap_post = w * (v_pre - v_post) : 1 (summed)
"""
neurons = NeuronGroup(n, EQS, threshold="v > 1", reset="v = 0", method="exact", namespace=NS)
neurons.v = "i * 1.0 / (n-1)"
trace = StateMonitor(neurons, "v", record=[0, 5])
spikes = SpikeMonitor(neurons)
S = Synapses(neurons, neurons, SYN)
S.connect()
S.w = 0.02
Network(neurons, trace, spikes, S).run(500 * ms)

out = {
    "meta": {"brian2_version": brian2.__version__, "codegen_target": "numpy",
             "source": "brian2 examples/synapses/gapjunctions.py",
             "regenerate": "/usr/bin/python3 test/networks/brian/gap_junctions.py"},
    "model": {"n": n, "equations": EQS, "synapse_model": SYN, "w": 0.02, "v0": 1.05, "tau": 0.01,
              "duration": 0.5, "dt": 1e-4, "initial_v": "i * 1.0 / (n-1)", "record": [0, 5], "record_every": 10},
    "t": trace.t_[::10].tolist(),
    "v": [trace.v[k][::10].tolist() for k in range(2)],
    "spike_i": spikes.i[:].tolist(),
    "spike_t": spikes.t_[:].tolist(),
    "final_v": neurons.v[:].tolist(),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gap_junctions.json"), "w") as f:
    json.dump(out, f)
    f.write("\n")
