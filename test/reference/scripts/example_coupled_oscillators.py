"""example_coupled_oscillators: Brian's examples/coupled_oscillators.py (Kuramoto model), shortened.

Unchanged from the example: N = 100 oscillators `dTheta/dt = omega + K/N*coupling : radian`,
`omega : radian/second (constant)`, `coupling : 1`, all-to-all Synapses
`coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)`, method 'euler', defaultclock.dt = 1 ms, one
simulation per K in [0, 1, 2, 4]/second (magic run, each a new network from t = 0), each after
seed(214040893), `Theta = 'rand()*2*pi'`, `omega = 'clip(0.5 + randn()*0.5, 0, inf)*radian/second'`.
Shortened: 1.5 s instead of 10 s per K. The random initial values (the same for every K: same seed) are
recorded in `model.initial` for brian-ts to set. Recorded per K: Theta of every 25th oscillator at every
step, the order parameter (coherence r and mean phase phi, over all 100 oscillators, as the example's
calc_coherence_and_phase) at every step, and the final Theta of all oscillators; after the last run,
magic_network.t and the steps the example's animation shows (`timestep(frame_delay*k, defaultclock.dt)`).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
import numpy as np  # noqa: E402
from brian2 import NeuronGroup, StateMonitor, Synapses, defaultclock, magic_network, ms, run, second, seed  # noqa: E402
from brian2.core.functions import timestep  # noqa: E402

N = 100
defaultclock.dt = 1 * ms
duration = 1.5 * second
K_values = [0, 1, 2, 4]
subset = list(range(0, N, 25))
eqs = '''
dTheta/dt = omega + K/N*coupling : radian
omega : radian/second (constant) # intrinsic frequency
coupling : 1
'''


def calc_coherence_and_phase(x, y):
    phi = np.arctan2(np.sum(y, axis=0), np.sum(x, axis=0))
    r = np.sqrt(np.sum(x, axis=0)**2 + np.sum(y, axis=0)**2)/N
    return r, phi


def run_sim(K, random_seed=214040893):
    seed(random_seed)
    namespace = {"K": K, "N": N}
    oscillators = NeuronGroup(N, eqs, method='euler', namespace=namespace)
    oscillators.Theta = 'rand()*2*pi'  # random initial phase
    oscillators.omega = 'clip(0.5 + randn()*0.5, 0, inf)*radian/second'  # 𝒩(0.5, 0.5)
    initial = {"Theta": oscillators.Theta[:].copy(), "omega": oscillators.omega[:].copy()}
    connections = Synapses(oscillators, oscillators, 'coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)',
                           namespace=namespace)
    connections.connect()  # all-to-all
    mon = StateMonitor(oscillators, 'Theta', record=True)
    run(duration)
    Theta = np.asarray(mon.Theta[:])
    r, phi = calc_coherence_and_phase(np.cos(Theta), np.sin(Theta))
    return {
        "K": float(K),
        "initial": initial,
        "t": mon.t_,
        "Theta_subset": Theta[subset],
        "r": r,
        "phi": phi,
        "Theta_final": oscillators.Theta[:],
        "coupling_final": oscillators.coupling[:],
        "n_synapses": len(connections),
        "abstract_code": state_updater_code(oscillators),
    }


runs = [run_sim(K / second) for K in K_values]
# The example's animation: int(magic_network.t/frame_delay) frames, frame k shows step
# timestep(frame_delay*k, defaultclock.dt) of the recorded Theta.
frame_delay = 40 * ms
n_frames = int(magic_network.t / frame_delay)
frame_steps = [int(timestep(frame_delay * k, defaultclock.dt)) for k in range(n_frames)]
for rr in runs[1:]:
    assert np.array_equal(rr["initial"]["Theta"], runs[0]["initial"]["Theta"])
    assert np.array_equal(rr["initial"]["omega"], runs[0]["initial"]["omega"])

write_reference(
    "example_coupled_oscillators",
    {
        "meta": meta(__file__, example="examples/coupled_oscillators.py", seed=214040893),
        "model": {
            "N": N,
            "equations": eqs,
            "synapses_model": "coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)",
            "K_values": [float(K / second) for K in K_values],
            "method": "euler",
            "dt": 1e-3,
            "duration": float(duration),
            "initial": runs[0]["initial"],
            "state_updater_abstract_code": runs[0]["abstract_code"],
        },
        "recorded": {
            "subset": subset,
            "magic_network_t": float(magic_network.t),
            "frame_delay": float(frame_delay),
            "frame_steps": frame_steps,
            "runs": [{k: v for k, v in rr.items() if k not in ("initial", "abstract_code")} for rr in runs],
        },
    },
)
