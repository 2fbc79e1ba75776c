"""Brian twin of bench/models/spatial.ts `spatial-network`: N/100 cells of 100 compartments
(soma, dendrite of 49, axon of 50), Hodgkin-Huxley channels (none in the dendrite), a synaptic
conductance on every compartment, each cell driven by its own current into the soma and
exciting the dendrites of 5 other cells when a spike reaches the end of its axon; dt = 0.025 ms.
A SpatialNeuron is one cell in Brian: one per cell, and one Synapses per connected pair.

/usr/bin/python3 spatial_network.py TARGET N DURATION_S [THREADS]   (B2COMMON_DIR: folder of b2common.py)
"""
import os
import sys

sys.path.insert(0, os.environ.get('B2COMMON_DIR', os.path.join(os.path.dirname(__file__), '../../../shared/brian2-bench')))
import b2common as H  # noqa: E402
from brian2 import *  # noqa: E402,F401,F403

# Brian's standalone Makefile is run with `make -j` (no limit): with one SpatialNeuron and five
# Synapses per cell it starts hundreds of compilers at once, which filled this machine's 24 GB
# and were killed. Two jobs, one per core.
prefs.devices.cpp_standalone.extra_make_args_unix = ['-j2']
H.start_setup()
defaultclock.dt = 0.025*ms
ns = dict(El=10.613*mV, ENa=115*mV, EK=-12*mV, gl=0.3*msiemens/cm**2, gK=36*msiemens/cm**2,
          Es=60*mV, taus=2*ms)
gNa0 = 120*msiemens/cm**2
eqs = '''
Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
I : amp (point current) # applied current
dm/dt = alpham * (1-m) - betam * m : 1
dn/dt = alphan * (1-n) - betan * n : 1
dh/dt = alphah * (1-h) - betah * h : 1
alpham = (0.1/mV) * 10*mV/exprel((-v+25*mV)/(10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v+30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV/exprel((-v+10*mV)/(10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz
gNa : siemens/meter**2
Is = gs*(Es - v) : amp (point current)
dgs/dt = -gs/taus : siemens
'''
cells = max(2, int(round(H.N / 100)))
morpho = Soma(30*um)
morpho.dend = Cylinder(diameter=4*um, length=500*um, n=49)
morpho.axon = Cylinder(diameter=2*um, length=1000*um, n=50)
axon_end = int(morpho.axon.indices[49])
dend_site = int(morpho.dend.indices[25])
neurons = []
for k in range(cells):
    g = SpatialNeuron(morphology=morpho, model=eqs, method='exponential_euler', threshold='v > 50*mV',
                      threshold_location=axon_end, refractory='v > 20*mV', Cm=1*uF/cm**2, Ri=100*ohm*cm,
                      namespace=ns)
    g.v = 0*mV
    g.h = 1
    g.m = 0
    g.n = .5
    g.gNa = gNa0
    g.dend.gNa = 0*siemens/meter**2
    g.I = 0*amp
    g.I[0] = (1.5 + 0.5 * (k % 7))*nA
    neurons.append(g)
synapses = []
for k in range(cells):
    for m in range(5):
        S = Synapses(neurons[k], neurons[(k + 1 + 7 * m) % cells], on_pre='gs_post += 20*nS')
        S.connect(i=axon_end, j=dend_site)
        synapses.append(S)
monitors = [SpikeMonitor(g) for g in neurons]
net = Network(neurons, synapses, monitors)
H.finish(net, 'SPATIAL_NETWORK', synapses, monitors, namespace=ns,
         extra=dict(dt_ms=0.025, cells=cells))
