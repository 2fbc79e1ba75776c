"""Brian twin of bench/models/spatial.ts `spatial-cell`: the 10 cm Hodgkin-Huxley axon of
examples/compartmental/hh_with_spikes.py cut into N compartments, 1 uA into one end, threshold
in every compartment, dt = 0.01 ms.

/usr/bin/python3 spatial_cell.py TARGET N DURATION_S [THREADS]   (B2COMMON_DIR: folder of b2common.py)
"""
import os
import sys

sys.path.insert(0, os.environ.get('B2COMMON_DIR', os.path.join(os.path.dirname(__file__), '../../../shared/brian2-bench')))
import b2common as H  # noqa: E402
from brian2 import *  # noqa: E402,F401,F403

H.start_setup()
defaultclock.dt = 0.01*ms
El = 10.613*mV
ENa = 115*mV
EK = -12*mV
gl = 0.3*msiemens/cm**2
gNa0 = 120*msiemens/cm**2
gK = 36*msiemens/cm**2
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
'''
morpho = Cylinder(length=10*cm, diameter=2*238*um, n=H.N, type='axon')
neuron = SpatialNeuron(morphology=morpho, model=eqs, method="exponential_euler",
                       refractory="m > 0.4", threshold="m > 0.5",
                       Cm=1*uF/cm**2, Ri=35.4*ohm*cm)
neuron.v = 0*mV
neuron.h = 1
neuron.m = 0
neuron.n = .5
neuron.I = 0*amp
neuron.I[0] = 1*uA
neuron.gNa = gNa0
spikes = SpikeMonitor(neuron)
net = Network(neuron, spikes)
H.finish(net, 'SPATIAL_CELL', [], [spikes], namespace=dict(El=El, ENa=ENa, EK=EK, gl=gl, gK=gK),
         extra=dict(dt_ms=0.01))
