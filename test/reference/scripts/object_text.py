"""object_text: what Brian prints for objects (print(x) / repr(x)) and for units written as text.

`objects`: str and repr of a variable view, groups, monitors, a clock, a network and quantities after a
0.3 ms run of a small model (three neurons, v0 = 1, 2, 3 mV, exact integration, threshold 1 mV).
`unit_text`: `eval` of unit expressions written as text (value in SI, str, dimensions), for `q('…')`.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import *  # noqa: E402,F401,F403

G = NeuronGroup(3, 'dv/dt = -v/(10*ms) : volt\nI : amp\nn : integer\nflag : boolean', threshold='v>1*mV',
                reset='v=0*mV', method='exact', name='neurongroup')
G.v = [1, 2, 3] * mV
G.n = [1, 20, 300]
G.flag = [True, False, True]
M = StateMonitor(G, 'v', record=[0, 1], name='statemonitor')
S = SpikeMonitor(G, name='spikemonitor')
R = PopulationRateMonitor(G, name='ratemonitor')
Sy = Synapses(G, G, 'w : 1', on_pre='v += w*mV', name='synapses')
Sy.connect(i=[0, 1], j=[1, 2])
P = PoissonGroup(5, 10 * Hz, name='poissongroup')
net = Network(G, M, S, R, Sy)
net.run(0.3 * ms)

OBJECTS = ['G.v', 'G.I', 'G.n', 'G.flag', 'G', 'M', 'S', 'R', 'Sy', 'Sy.w', 'G[0:2]', 'P', 'defaultclock.dt',
           'Clock(dt=0.5*ms, name="slow")', '(50*ms)**-2', 'ms**-2', 'G.v[0]']
objects = {}
for x in OBJECTS:
    v = eval(x)
    objects[x] = {'str': str(v), 'repr': repr(v)}

UNIT_TEXT = ['0.2/mV', '1*ufarad*cm**-2', '(50*ms)**-2', '5*ms', '-70*mV', '2.5*nA', '10*Mohm', '1/(10*ms)',
             '0.5', '3*kHz', 'mV', '1*mV/ms', '100*pA*2', 'siemens/meter**2', '40*msiemens*cm**-2', '1e-3*second',
             '2**3*mV', 'sqrt(4*Hz)', 'exp(0)*ms', 'pi*ms']
unit_text = {}
for x in UNIT_TEXT:
    v = eval(x)
    unit_text[x] = {'value': float(v), 'str': str(v), 'dimensions': str(get_dimensions(v))}

write_reference('object_text', {
    'meta': meta(__file__),
    'objects': objects,
    'unit_text': unit_text,
    'pow': {'ms(50).pow(-2)': float((50 * ms) ** -2), 'str': str((50 * ms) ** -2)},
})
