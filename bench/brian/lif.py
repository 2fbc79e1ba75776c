"""Neuron-only counterpart of bench/models/lif.ts: the CUBA neurons of cuba.py without synapses
(El above threshold, so every neuron fires regularly), SpikeMonitor on all neurons.

/usr/bin/python3 lif.py TARGET N DURATION_S [THREADS]   (B2COMMON_DIR: folder of b2common.py)
"""
import os
import sys

sys.path.insert(0, os.environ.get('B2COMMON_DIR', os.path.join(os.path.dirname(__file__), '../../../shared/brian2-bench')))
import b2common as H  # noqa: E402
from brian2 import *  # noqa: E402,F401,F403

H.start_setup()
N = H.N
taum = 20*ms; taue = 5*ms; taui = 10*ms
Vt = -50*mV; Vr = -60*mV; El = -49*mV
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms,
                method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0*mV
P.gi = 0*mV
s_mon = SpikeMonitor(P)

ns = dict(taum=taum, taue=taue, taui=taui, Vt=Vt, Vr=Vr, El=El)
net = Network(P, s_mon)
H.finish(net, 'LIF', [], [s_mon], namespace=ns,
         extra=lambda: dict(rate_hz=s_mon.num_spikes / (N * H.DURATION)))
