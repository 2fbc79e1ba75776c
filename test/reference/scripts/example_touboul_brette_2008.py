"""example_touboul_brette_2008: Brian's examples/frompapers/Touboul_Brette_2008.py (chaos in the AdEx model), shortened.

Unchanged from the example: 200 AdEx neurons (C = 281 pF, gL = 30 nS, EL = -70.6 mV, VT = -50.4 mV,
DeltaT = 2 mV, tauw = 40 ms, a = 4 nS, b = 0.08 nA, I = 0.8 nA), threshold `vm > Vcut` (Vcut = VT + 5*DeltaT),
reset `vm = Vr; w += b` with the bifurcation parameter `Vr = linspace(-48.3*mV, -47.7*mV, N)`, method 'euler',
defaultclock.dt = 0.01 ms, vm = EL, `w = a * (vm - EL)`; a first run whose spikes are discarded, then a
StateMonitor of w (record=True, when='start') and a SpikeMonitor for a second run; the result is w at each
spike, `states.w[spikes.i, int_((spikes.t-init_time)/defaultclock.dt)]`, against Vr of the spiking neuron.
Shortened: init_time 100 ms instead of 3 s, second run 100 ms instead of 1 s.
Recorded: Vr, the spikes of the second run and w at each spike (the example's plot data), vm and w of all
neurons at the end of the first run and of the second run, and the traces (vm, w) of neurons 0 and 199
during the second run, sampled every 10th step (a second StateMonitor with dt = 0.1 ms).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b_ = setup_brian(dt_seconds=0.01e-3)
import numpy as np  # noqa: E402
from brian2 import (NeuronGroup, SpikeMonitor, StateMonitor, defaultclock, int_, linspace, mV, ms, nA,  # noqa: E402
                    nS, pF, run, second)

defaultclock.dt = 0.01 * ms

C = 281 * pF
gL = 30 * nS
EL = -70.6 * mV
VT = -50.4 * mV
DeltaT = 2 * mV
tauw = 40 * ms
a = 4 * nS
b = 0.08 * nA
I = .8 * nA
Vcut = VT + 5 * DeltaT  # practical threshold condition
N = 200
namespace = {"C": C, "gL": gL, "EL": EL, "VT": VT, "DeltaT": DeltaT, "tauw": tauw, "a": a, "b": b, "I": I,
             "Vcut": Vcut}

eqs = """
dvm/dt=(gL*(EL-vm)+gL*DeltaT*exp((vm-VT)/DeltaT)+I-w)/C : volt
dw/dt=(a*(vm-EL)-w)/tauw : amp
Vr:volt
"""

neuron = NeuronGroup(N, model=eqs, threshold='vm > Vcut', reset="vm = Vr; w += b", method='euler',
                     namespace=namespace)
neuron.vm = EL
neuron.w = a * (neuron.vm - EL)
neuron.Vr = linspace(-48.3 * mV, -47.7 * mV, N)  # bifurcation parameter

init_time = 100 * ms
run(init_time)  # we discard the first spikes
after_init = {"vm": neuron.vm_[:].copy(), "w": neuron.w_[:].copy()}

states = StateMonitor(neuron, "w", record=True, when='start')
spikes = SpikeMonitor(neuron)
samples = StateMonitor(neuron, ["vm", "w"], record=[0, N - 1], dt=0.1 * ms)
run(100 * ms)

# Get the values of Vr and w for each spike
Vr = neuron.Vr[spikes.i]
w = states.w[spikes.i, int_((spikes.t - init_time) / defaultclock.dt)]

write_reference(
    "example_touboul_brette_2008",
    {
        "meta": meta(__file__, example="examples/frompapers/Touboul_Brette_2008.py"),
        "model": {
            "N": N,
            "equations": eqs,
            "namespace": {k: float(v) for k, v in namespace.items()},
            "threshold": "vm > Vcut",
            "reset": "vm = Vr; w += b",
            "method": "euler",
            "dt": 0.01e-3,
            "init_time": float(init_time),
            "duration": 0.1,
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "Vr": neuron.Vr_[:],
            "after_init": after_init,
            "final": {"vm": neuron.vm_[:], "w": neuron.w_[:]},
            "states_steps": len(states.t_),
            "states_t0": states.t_[0],
            "spike_t": spikes.t_,
            "spike_i": spikes.i[:],
            "spike_count": spikes.count[:],
            "spike_Vr": np.asarray(Vr),
            "spike_w": np.asarray(w),
            "samples": {"record": [0, N - 1], "t": samples.t_, "vm": samples.vm_, "w": samples.w_},
        },
    },
)
