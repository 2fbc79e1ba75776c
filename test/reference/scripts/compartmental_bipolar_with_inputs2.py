"""Brian's examples/compartmental/bipolar_with_inputs2.py (synapses onto compartments): v of the
soma and at the synapses' compartments, the ends of both dendrites, and along the left dendrite."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

morpho = Soma(30*um)
morpho.L = Cylinder(diameter=1*um, length=100*um, n=50)
morpho.R = Cylinder(diameter=1*um, length=100*um, n=50)
gL = 1e-4*siemens/cm**2
EL = -70*mV
Es = 0*mV
taus = 1*ms
eqs='''
Im = gL*(EL-v) : amp/meter**2
Is = gs*(Es-v) : amp (point current)
dgs/dt = -gs/taus : siemens
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=1*uF/cm**2, Ri=100*ohm*cm, method='exponential_euler')
neuron.v = EL
stimulation = NeuronGroup(2, 'dx/dt = 300*Hz : 1', threshold='x>1', reset='x=0', method='euler')
stimulation.x = [0, 0.5]
w = 20*nS
S = Synapses(stimulation, neuron, on_pre='gs += w')
S.connect(i=0, j=morpho.L[99.9*um])
S.connect(i=1, j=morpho.R[99.9*um])
mon_soma = StateMonitor(neuron, 'v', record=[0])
mon_L = StateMonitor(neuron.L, 'v', record=True)
mon_R = StateMonitor(neuron, 'v', record=morpho.R[99.9*um])
run(50*ms)
save_reference(__file__, "bipolar_with_inputs2", {
    "t": mon_L.t_, "soma": mon_soma[0].v_, "L_end": mon_L[morpho.L[99.9*um]].v_,
    "R_end": mon_R[morpho.R[99.9*um]].v_, "L_end_index": int(morpho.L[99.9*um]._indices()),
    "R_end_index": int(morpho.R[99.9*um]._indices()), "synapse_j": S.j[:].tolist(),
    "L_along": [mon_L.v_[k, ::10].tolist() for k in range(0, 50, 5)],
})
