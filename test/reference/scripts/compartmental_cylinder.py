"""Brian's examples/compartmental/cylinder.py: printed electrotonic length, final v along the cable, theory."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

defaultclock.dt = 0.01*ms
diameter = 1*um
length = 300*um
Cm = 1*uF/cm**2
Ri = 150*ohm*cm
N = 200
morpho = Cylinder(diameter=diameter, length=length, n=N)
gL = 1e-4*siemens/cm**2
EL = -70*mV
eqs = '''
Im = gL * (EL - v) : amp/meter**2
I : amp (point current)
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=Cm, Ri=Ri, method='exponential_euler')
neuron.v = EL
la = neuron.space_constant[0]
printed = "Electrotonic length: %s" % la
print(printed)
neuron.I[0] = 0.02*nA
run(100*ms)
x = neuron.distance
ra = la * 4 * Ri / (pi * diameter**2)
theory = EL + ra * neuron.I[0] * cosh((length - x) / la) / sinh(length / la)
save_reference(__file__, "cylinder", {"printed": [printed], "space_constant": la, "distance": neuron.distance_[:],
                                "v": neuron.v_[:], "theory": theory})
