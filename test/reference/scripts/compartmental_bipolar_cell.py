"""Brian's examples/compartmental/bipolar_cell.py: v of the soma, of the left dendrite at 50 um and of the right one at 75 um."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

morpho = Soma(30*um)
morpho.axon = Cylinder(diameter=1*um, length=300*um, n=100)
morpho.L = Cylinder(diameter=1*um, length=100*um, n=50)
morpho.R = Cylinder(diameter=1*um, length=150*um, n=50)
gL = 1e-4*siemens/cm**2
EL = -70*mV
eqs='''
Im = gL * (EL - v) : amp/meter**2
I : amp (point current)
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=1*uF/cm**2, Ri=100*ohm*cm, method='exponential_euler')
neuron.v = EL
neuron.I = 0*amp
mon_soma = StateMonitor(neuron, 'v', record=[0])
mon_L = StateMonitor(neuron.L, 'v', record=True)
mon_R = StateMonitor(neuron, 'v', record=morpho.R[75*um])
run(1*ms)
neuron.I[morpho.L[50*um]] = 0.2*nA
run(5*ms)
neuron.I = 0*amp
run(50*ms)
save_reference(__file__, "bipolar_cell", {"t": mon_L.t_, "soma": mon_soma[0].v_, "L50": mon_L[morpho.L[50*um]].v_,
                                  "R75": mon_R[morpho.R[75*um]].v_, "L50_index": int(morpho.L[50*um]._indices()),
                                  "R75_index": int(morpho.R[75*um]._indices())})
