"""Shared recorder for eLife 2019 case study 3 (threshold finding by bisection), Stimberg et al. 2019, Fig. 4B.

Two equation forms are recorded per integration method:
  paper_exp_form       : alpha_m/alpha_n written as x/(exp(x/10mV) - 1), exactly as in the paper
                         (brian-team/brian2_paper_examples, example_3_bisection.ipynb; threshold 'v>50*mV', no reset
                         given -> reset=None)
  upstream_exprel_form : alpha_m/alpha_n written with exprel(), as in brian2's
                         examples/frompapers/Stimberg_et_al_2019/example_3_bisection.py (reset='').
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

PAPER_EQS = """dv/dt = (gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v)) / C : volt
gNa : siemens/meter**2
dm/dt = alpham * (1-m) - betam * m : 1
dn/dt = alphan * (1-n) - betan * n : 1
dh/dt = alphah * (1-h) - betah * h : 1
alpham = (0.1/mV) * (-v+25*mV) / (exp((-v+25*mV) / (10*mV)) - 1)/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v+30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * (-v+10*mV) / (exp((-v+10*mV) / (10*mV)) - 1)/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz"""

UPSTREAM_EQS = """dv/dt = (gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v)) / C : volt
gNa : siemens/meter**2 (constant)
dm/dt = alpham * (1-m) - betam * m : 1
dn/dt = alphan * (1-n) - betan * n : 1
dh/dt = alphah * (1-h) - betah * h : 1
alpham = (0.1/mV) * 10*mV / exprel((-v+25*mV) / (10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v+30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV / exprel((-v+10*mV) / (10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz"""

VARIANTS = {
    "paper_exp_form": {"equations": PAPER_EQS, "reset": None},
    "upstream_exprel_form": {"equations": UPSTREAM_EQS, "reset": ""},
}


def run_bisection(method, equations, reset):
    b = setup_brian(dt_seconds=0.01e-3)
    from brian2 import Network, NeuronGroup, SpikeMonitor, cm, mV, ms, msiemens, uF

    namespace = {
        "El": 10.613 * mV, "ENa": 115 * mV, "EK": -12 * mV, "gl": 0.3 * msiemens / cm**2,
        "gK": 36 * msiemens / cm**2, "gNa_max": 100 * msiemens / cm**2, "gNa_min": 15 * msiemens / cm**2,
        "C": 1 * uF / cm**2,
    }
    neurons = NeuronGroup(100, equations, method=method, threshold="v>50*mV", reset=reset,
                          namespace=namespace, name="neurons")
    neurons.gNa = "gNa_min + (gNa_max - gNa_min)*1.0*i/N"
    neurons.v = 0 * mV
    neurons.m = "1/(1 + betam/alpham)"
    neurons.n = "1/(1 + betan/alphan)"
    neurons.h = "1/(1 + betah/alphah)"
    initial = {k: neurons.state(k)[:].copy() for k in ("gNa", "v", "m", "n", "h")}
    S = SpikeMonitor(neurons, name="spikes")
    net = Network(neurons, S)
    net.store()

    v0 = 25 * mV * np.ones(len(neurons))
    step = 25 * mV
    estimates = [np.asarray(v0).copy()]
    counts = []
    nan_after_run = []
    for _ in range(10):
        net.restore()
        neurons.v = v0
        net.run(20 * ms)
        count = S.count[:].copy()
        counts.append(count)
        nan_after_run.append(int(np.isnan(neurons.v_[:]).sum()))
        v0[count > 0] -= step
        v0[count == 0] += step
        step /= 2.0
        estimates.append(np.asarray(v0).copy())
    return {
        "namespace": namespace,
        "equations": equations,
        "reset": reset,
        "initial_after_setters": initial,
        "state_updater_abstract_code": state_updater_code(neurons),
        "estimates": estimates,
        "final_thresholds": estimates[-1],
        "spike_counts": counts,
        "n_nan_v_after_each_run": nan_after_run,
    }


def record_bisection(name, method, script_file):
    variants = {}
    for key, spec in VARIANTS.items():
        t0 = time.time()
        variants[key] = run_bisection(method, spec["equations"], spec["reset"])
        print(f"{key}: {time.time() - t0:.1f} s")
    write_reference(
        name,
        {
            "meta": meta(script_file),
            "model": {
                "N": 100,
                "method": method,
                "dt": 0.01e-3,
                "threshold": "v>50*mV",
                "gNa_setter": "gNa_min + (gNa_max - gNa_min)*1.0*i/N",
                "initialisation": ["neurons.v = 0*mV", "neurons.m = '1/(1 + betam/alpham)'",
                                   "neurons.n = '1/(1 + betan/alphan)'", "neurons.h = '1/(1 + betah/alphah)'",
                                   "store()"],
                "algorithm": "v0 = 25 mV (all), step = 25 mV; 10x: restore(); neurons.v = v0; run(20 ms); "
                "v0[count > 0] -= step; v0[count == 0] += step; step /= 2",
                "run_duration": 20e-3,
                "iterations": 10,
            },
            "variants": variants,
            "fields": "estimates: [11][100] v0 in volts (index 0 = initial 25 mV, index k = after iteration k); "
            "final_thresholds: [100] = estimates[10]; spike_counts: [10][100] SpikeMonitor.count per iteration",
        },
    )
