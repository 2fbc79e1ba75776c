"""Neuron-only counterpart of bench/models/hh-uncoupled.ts: the COBAHH neurons of cobahh.py
(same equations, exponential Euler, threshold, refractoriness, initial state) without synapses.

/usr/bin/python3 hh_uncoupled.py TARGET N DURATION_S [THREADS]   (B2COMMON_DIR: folder of b2common.py)
"""
import os
import sys

sys.path.insert(0, os.environ.get('B2COMMON_DIR', os.path.join(os.path.dirname(__file__), '../../../shared/brian2-bench')))
import b2common as H  # noqa: E402
from brian2 import *  # noqa: E402,F401,F403

H.start_setup()
N = H.N
area = 20000*umetre**2
Cm = (1*ufarad*cm**-2) * area
gl = (5e-5*siemens*cm**-2) * area
El = -60*mV
EK = -90*mV
ENa = 50*mV
g_na = (100*msiemens*cm**-2) * area
g_kd = (30*msiemens*cm**-2) * area
VT = -63*mV
taue = 5*ms
taui = 10*ms
Ee = 0*mV
Ei = -80*mV

eqs = Equations('''
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
         (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
        (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
         (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
''')

P = NeuronGroup(N, model=eqs, threshold='v>-20*mV', refractory=3*ms,
                method='exponential_euler')
P.v = 'El + (randn() * 5 - 5)*mV'
P.ge = '(randn() * 1.5 + 4) * 10.*nS'
P.gi = '(randn() * 12 + 20) * 10.*nS'
s_mon = SpikeMonitor(P)

ns = dict(area=area, Cm=Cm, gl=gl, El=El, EK=EK, ENa=ENa, g_na=g_na, g_kd=g_kd,
          VT=VT, taue=taue, taui=taui, Ee=Ee, Ei=Ei)
net = Network(P, s_mon)
H.finish(net, 'HH_UNCOUPLED', [], [s_mon], namespace=ns,
         extra=lambda: dict(rate_hz=s_mon.num_spikes / (N * H.DURATION)))
