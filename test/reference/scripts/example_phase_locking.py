"""example_phase_locking: Brian's examples/phase_locking.py (unchanged: 100 neurons, 1000 ms).

100 IF neurons `dv/dt = (-v + a * sin(2 * pi * freq * t) + b) / tau : 1`, `a : 1`, tau = 20 ms, b = 1.2,
freq = 10 Hz, threshold `v > 1`, reset `v = 0`, method 'euler', `a = '0.05 + 0.7*i/n'`, StateMonitor of
neuron 50. The only random numbers are the initial values `v = 'rand()'` (seed 4321 here): they are
recorded (`model.initial.v`) so that brian-ts starts from the same values.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b_ = setup_brian()
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, ms, seed  # noqa: E402

seed(4321)
tau = 20 * ms
n = 100
b = 1.2  # constant current mean, the modulation varies
freq = 10 * Hz
namespace = {"tau": tau, "n": n, "b": b, "freq": freq}

eqs = '''
dv/dt = (-v + a * sin(2 * pi * freq * t) + b) / tau : 1
a : 1
'''
neurons = NeuronGroup(n, model=eqs, threshold='v > 1', reset='v = 0', method='euler', namespace=namespace,
                      name="neurongroup")
neurons.v = 'rand()'
v_initial = neurons.v[:].copy()
neurons.a = '0.05 + 0.7*i/n'
S = SpikeMonitor(neurons)
trace = StateMonitor(neurons, 'v', record=50)
net = Network(neurons, S, trace)
net.run(1000 * ms)

write_reference(
    "example_phase_locking",
    {
        "meta": meta(__file__, example="examples/phase_locking.py", seed=4321),
        "model": {
            "N": n,
            "equations": eqs,
            "namespace": {"tau": float(tau), "n": n, "b": b, "freq": float(freq)},
            "threshold": "v > 1",
            "reset": "v = 0",
            "method": "euler",
            "dt": 0.1e-3,
            "duration": 1.0,
            "initial": {"v": v_initial, "v_expression": "rand()", "a_expression": "0.05 + 0.7*i/n"},
            "state_updater_abstract_code": state_updater_code(neurons),
        },
        "recorded": {
            "a": neurons.a[:],
            "record": 50,
            "t": trace.t_,
            "v": trace.v[0],
            "spike_t": S.t_,
            "spike_i": S.i[:],
            "spike_count": S.count[:],
        },
    },
)
