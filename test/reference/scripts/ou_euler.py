"""ou_euler: Ornstein-Uhlenbeck process, 2000 independent neurons, method='euler', 1 s, 5 seeds.

Records the across-neuron mean and variance at fixed sample times for each seed, plus theory:
  continuous time: mean = x0*exp(-t/tau), var = sigma**2*(1 - exp(-2t/tau))
  Euler scheme (x_{k+1} = (1 - dt/tau) x_k + sigma*sqrt(2 dt/tau) N(0,1)):
      mean = x0*(1 - dt/tau)**k, var = sigma**2*(2 dt/tau)*(1 - a**(2k))/(1 - a**2), a = 1 - dt/tau
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import NeuronGroup, StateMonitor, ms, run, seed, start_scope  # noqa: E402

N = 2000
tau_s = 0.050
sigma = 1.0
x0 = 2.0
dt = 0.1e-3
duration_s = 1.0
seeds = [1, 2, 3, 4, 5]
sample_ms = [0, 1, 2, 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 700, 800, 900, 999]
sample_steps = [int(round(t * 1e-3 / dt)) for t in sample_ms]
eqs = "dx/dt = -x/tau + sigma*sqrt(2/tau)*xi : 1"

per_seed = []
code = None
for s in seeds:
    start_scope()
    b.defaultclock.dt = dt * b.second
    seed(s)
    G = NeuronGroup(N, eqs, method="euler", namespace={"tau": tau_s * b.second, "sigma": sigma}, name="ou")
    G.x = x0
    # record every 1 ms (every 10th step) and pick the sample times from it
    M = StateMonitor(G, "x", record=True, dt=1 * ms)
    run(duration_s * b.second)
    code = state_updater_code(G)
    X = M.x[:]  # [N][n_samples]
    Mt = M.t_[:]
    idx = [int(round(t)) for t in sample_ms]
    assert np.allclose(Mt[idx], np.array(sample_ms) * 1e-3)
    per_seed.append(
        {
            "seed": s,
            "mean": X[:, idx].mean(axis=0),
            "var": X[:, idx].var(axis=0),
            "first_neuron_x": X[0, idx],
        }
    )

t = np.array(sample_ms) * 1e-3
a = 1 - dt / tau_s
k = np.array(sample_steps)
theory = {
    "mean_continuous": x0 * np.exp(-t / tau_s),
    "var_continuous": sigma**2 * (1 - np.exp(-2 * t / tau_s)),
    "mean_euler": x0 * a**k,
    "var_euler": sigma**2 * (2 * dt / tau_s) * (1 - a ** (2 * k)) / (1 - a**2),
}
means = np.array([p["mean"] for p in per_seed])
variances = np.array([p["var"] for p in per_seed])

write_reference(
    "ou_euler",
    {
        "meta": meta(__file__),
        "model": {
            "N": N,
            "equations": eqs,
            "namespace": {"tau": tau_s, "sigma": sigma},
            "method": "euler",
            "dt": dt,
            "duration": duration_s,
            "initial": {"x": x0},
            "seeds": seeds,
            "state_updater_abstract_code": code,
        },
        "recorded": {
            "sample_t": t,
            "sample_steps": sample_steps,
            "statemonitor_when": "start",
            "statistics_note": "mean and var are across the N neurons at each sample time; var is np.var (ddof=0)",
            "per_seed": per_seed,
            "seed_spread": {
                "mean_of_means": means.mean(axis=0),
                "std_of_means": means.std(axis=0, ddof=1),
                "mean_of_vars": variances.mean(axis=0),
                "std_of_vars": variances.std(axis=0, ddof=1),
            },
        },
        "theory": theory,
    },
)
