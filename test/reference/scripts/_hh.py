"""Shared Hodgkin-Huxley axon recorder (eLife 2019 case study 3 equations, exprel form).

Used by hh_exponential_euler.py and hh_rk4.py; only the integration method differs.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

HH_EQUATIONS = """dv/dt = (gl*(El - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v)) / C : volt
gNa : siemens/meter**2 (constant)
dm/dt = alpham*(1 - m) - betam*m : 1
dn/dt = alphan*(1 - n) - betan*n : 1
dh/dt = alphah*(1 - h) - betah*h : 1
alpham = (0.1/mV)*10*mV/exprel((-v + 25*mV)/(10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v + 30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV/exprel((-v + 10*mV)/(10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz"""


def record_hh(name, method, script_file):
    b = setup_brian(dt_seconds=0.01e-3)
    from brian2 import NeuronGroup, StateMonitor, cm, mS, mV, ms, run, uF

    namespace = {
        "El": 10.613 * mV,
        "ENa": 115 * mV,
        "EK": -12 * mV,
        "gl": 0.3 * mS / cm**2,
        "gK": 36 * mS / cm**2,
        "C": 1 * uF / cm**2,
    }
    gNa_values = [120 * mS / cm**2, 60 * mS / cm**2, 30 * mS / cm**2]
    v_kick = [8 * mV, 8 * mV, 20 * mV]
    duration = 20 * ms

    G = NeuronGroup(len(gNa_values), HH_EQUATIONS, method=method, namespace=namespace, name="hh")
    G.gNa = gNa_values
    # Rest state first (v = 0 mV), gating variables at their steady state for v = 0 ...
    G.v = 0 * mV
    G.m = "1/(1 + betam/alpham)"
    G.n = "1/(1 + betan/alphan)"
    G.h = "1/(1 + betah/alphah)"
    initial_gates = {k: G.state(k)[:].copy() for k in ("m", "n", "h")}
    # ... then the voltage kick (gates keep their v = 0 steady-state values).
    G.v = v_kick
    M = StateMonitor(G, ["v", "m", "n", "h"], record=True)
    run(duration)

    data = {
        "meta": meta(script_file),
        "model": {
            "N": len(gNa_values),
            "equations": HH_EQUATIONS,
            "namespace": namespace,
            "method": method,
            "dt": 0.01e-3,
            "duration": float(duration),
            "threshold": None,
            "reset": None,
            "initialisation": [
                "G.gNa = gNa (per neuron, below)",
                "G.v = 0*mV",
                "G.m = '1/(1 + betam/alpham)'",
                "G.n = '1/(1 + betan/alphan)'",
                "G.h = '1/(1 + betah/alphah)'",
                "G.v = v_kick (per neuron, below)",
            ],
            "initial": {
                "gNa": gNa_values,
                "v": v_kick,
                "m": initial_gates["m"],
                "n": initial_gates["n"],
                "h": initial_gates["h"],
            },
            "state_updater_abstract_code": state_updater_code(G),
        },
        "recorded": {
            "statemonitor_when": "start",
            "record_every": 1,
            "t": M.t_,
            "v": M.v_,
            "m": M.m[:],
            "n": M.n[:],
            "h": M.h[:],
        },
        "shapes": {"t": "[n_steps]", "v,m,n,h": "[n_neurons][n_steps]"},
    }
    write_reference(name, data)
