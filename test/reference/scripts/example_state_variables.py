"""example_state_variables: Brian's examples/synapses/state_variables.py (string setters), seed(5).

`G.v = '(sin(2*pi*i/N) - 70 + 0.25*randn()) * mV'` on 100 neurons, then all-to-all Synapses and
`S.w['i > j'] = 'exp(-(i - j)**2/space_constant) * mV'`. The example does not run the network.
The setter's randn() values are recorded (`noise`): with the numpy target, a setter's randn() draws
`np.random.randn(N)` once, so `seed(5); np.random.randn(100)` gives the same numbers (checked below by
re-evaluating the expression with them). Recorded: G.v, the noise, S.i, S.j, S.w (synapse order).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import NeuronGroup, Synapses, mV, seed  # noqa: E402
import numpy as np  # noqa: E402

SEED = 5
N = 100
v_expr = "(sin(2*pi*i/N) - 70 + 0.25*randn()) * mV"
w_condition = "i > j"
w_expr = "exp(-(i - j)**2/space_constant) * mV"
space_constant = 200.0

seed(SEED)
noise = np.random.randn(N)
seed(SEED)
G = NeuronGroup(N, "v:volt", threshold="v>-50*mV")
G.v = v_expr
S = Synapses(G, G, "w : volt", on_pre="v += w")
S.connect()
S.w[w_condition] = w_expr

idx = np.arange(N)
expected_v = (np.sin(2 * np.pi * idx / N) - 70 + 0.25 * noise) * 1e-3
assert np.allclose(G.v_[:], expected_v, rtol=1e-14, atol=0), "setter randn() is not np.random.randn(N)"
print("max rel diff of G.v vs numpy re-evaluation:", np.max(np.abs(G.v_[:] - expected_v) / np.abs(expected_v)))
si, sj = S.i[:], S.j[:]
expected_w = np.where(si > sj, np.exp(-((si - sj) ** 2) / space_constant) * 1e-3, 0.0)
print("max rel diff of S.w vs numpy re-evaluation:", np.max(np.abs(S.w_[:] - expected_w) / 1e-3))

write_reference(
    "example_state_variables",
    {
        "meta": meta(__file__),
        "model": {
            "N": N,
            "equations": "v:volt",
            "threshold": "v>-50*mV",
            "v_expression": v_expr,
            "synapse_model": "w : volt",
            "on_pre": "v += w",
            "w_condition": w_condition,
            "w_expression": w_expr,
            "namespace": {"space_constant": space_constant},
            "seed": SEED,
        },
        "noise": noise,
        "v": G.v_[:],
        "syn_i": si,
        "syn_j": sj,
        "w": S.w_[:],
    },
)
