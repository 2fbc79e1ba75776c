"""Brian 2.5.1's Rallpack errors (test_spatialneuron.py's test_rallpack1/2/3, same runs, cython target).

Records, per Rallpack and per recording site (0: the origin, x: the far end), the relative RMS and
maximum errors of Brian's traces against the reference solutions of test/reference/rallpack/ (in
percent, Brian's measure), the wall time of each run, and Brian's traces themselves (every 10th
sample) so that brian-ts's can be compared with them directly.
Regenerate: /usr/bin/python3 test/reference/scripts/rallpack_brian.py
"""
import os
import time

from _common import meta, setup_brian, write_reference

b = setup_brian(target="cython")
from brian2 import *  # noqa: E402,F401,F403
import numpy as np  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rallpack")


def errors(recorded, reference):
    scale = max(reference) - min(reference)
    sq = (reference - recorded) ** 2
    return {"rel_rms_percent": 100 * np.sqrt(np.mean(sq)) / scale, "max_rel_percent": 100 * np.sqrt(max(sq)) / scale}


def rallpack1():
    start_scope()
    defaultclock.dt = 0.05 * ms
    morpho = Cylinder(diameter=1 * um, length=1 * mm, n=1000)
    gL = 1.0 / (40000 * ohm * cm**2)
    EL = -65 * mV
    neuron = SpatialNeuron(morphology=morpho, model="Im = gL*(EL - v) : amp/meter**2\nI : amp (point current, constant)",
                           Cm=1 * uF / cm**2, Ri=100 * ohm * cm)
    neuron.v = EL
    neuron.I[0] = 0.1 * nA
    mon = StateMonitor(neuron, "v", record=[0, 999], when="start", dt=0.05 * ms)
    t0 = time.time()
    run(250 * ms + defaultclock.dt)
    return mon.v_[0], mon.v_[1], time.time() - t0, np.loadtxt(os.path.join(DATA, "ref_cable.0")), np.loadtxt(os.path.join(DATA, "ref_cable.x"))


def rallpack2():
    start_scope()
    defaultclock.dt = 0.1 * ms
    diameter = 32 * um
    length = 16 * um
    morpho = Cylinder(n=1, diameter=diameter, y=[0, float(length)] * meter)
    endpoints = {morpho}
    for depth in range(1, 10):
        diameter /= 2.0 ** (1.0 / 3.0)
        length /= 2.0 ** (2.0 / 3.0)
        new_endpoints = set()
        for endpoint in endpoints:
            new_L = Cylinder(n=1, diameter=diameter, length=length)
            new_R = Cylinder(n=1, diameter=diameter, length=length)
            new_endpoints.add(new_L)
            new_endpoints.add(new_R)
            endpoint.L = new_L
            endpoint.R = new_R
        endpoints = new_endpoints
    gL = 1.0 / (40000 * ohm * cm**2)
    EL = -65 * mV
    neuron = SpatialNeuron(morphology=morpho, model="Im = gL*(EL - v) : amp/meter**2\nI : amp (point current, constant)",
                           Cm=1 * uF / cm**2, Ri=100 * ohm * cm, method="rk4")
    neuron.v = EL
    neuron.I[0] = 0.1 * nA
    endpoint_indices = sorted(endpoint.indices[0] for endpoint in endpoints)
    mon = StateMonitor(neuron, "v", record=[0, endpoint_indices[0]], when="start", dt=0.1 * ms)
    t0 = time.time()
    run(250 * ms + defaultclock.dt)
    return (mon.v_[0], mon.v_[1], time.time() - t0,
            np.loadtxt(os.path.join(DATA, "ref_branch.0"))[::2], np.loadtxt(os.path.join(DATA, "ref_branch.x"))[::2])


def rallpack3():
    start_scope()
    defaultclock.dt = 1 * usecond
    morpho = Cylinder(diameter=1 * um, length=1 * mm, n=1000)
    gl = 1.0 / (40000 * ohm * cm**2)
    El = -65 * mV
    ENa = 50 * mV
    EK = -77 * mV
    gNa = 120 * msiemens / cm**2
    gK = 36 * msiemens / cm**2
    eqs = """
    Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
    dm/dt = alpham * (1-m) - betam * m : 1
    dn/dt = alphan * (1-n) - betan * n : 1
    dh/dt = alphah * (1-h) - betah * h : 1
    v_shifted = v - El : volt
    alpham = (0.1/mV) * (-v_shifted+25*mV) / (exp((-v_shifted+25*mV) / (10*mV)) - 1)/ms : Hz
    betam = 4 * exp(-v_shifted/(18*mV))/ms : Hz
    alphah = 0.07 * exp(-v_shifted/(20*mV))/ms : Hz
    betah = 1/(exp((-v_shifted+30*mV) / (10*mV)) + 1)/ms : Hz
    alphan = (0.01/mV) * (-v_shifted+10*mV) / (exp((-v_shifted+10*mV) / (10*mV)) - 1)/ms : Hz
    betan = 0.125*exp(-v_shifted/(80*mV))/ms : Hz
    I : amp (point current, constant)
    """
    axon = SpatialNeuron(morphology=morpho, model=eqs, Cm=1 * uF / cm**2, Ri=100 * ohm * cm, method="exponential_euler")
    axon.v = El
    axon.m = 0.0529324852572
    axon.n = 0.317676914061
    axon.h = 0.596120753508
    axon.I[0] = 0.1 * nA
    mon = StateMonitor(axon, "v", record=[0, 999], when="start", dt=0.05 * ms)
    t0 = time.time()
    run(250 * ms + defaultclock.dt)
    return (mon.v_[0], mon.v_[1], time.time() - t0,
            np.loadtxt(os.path.join(DATA, "ref_axon.0.neuron")), np.loadtxt(os.path.join(DATA, "ref_axon.x.neuron")))


out = {"meta": meta(__file__, target="cython", note="default Brian 2.5.1 cython build (-O3 -ffast-math -march=native)")}
for name, fn in [("rallpack1", rallpack1), ("rallpack2", rallpack2), ("rallpack3", rallpack3)]:
    v0, vx, seconds, ref0, refx = fn()
    out[name] = {
        "origin": errors(v0, ref0[:, 1]),
        "end": errors(vx, refx[:, 1]),
        "run_seconds": seconds,
        "v_origin_every_10": v0[::10],
        "v_end_every_10": vx[::10],
    }
    print(name, out[name]["origin"], out[name]["end"], f"{seconds:.1f} s")
write_reference("rallpack_brian", out)
