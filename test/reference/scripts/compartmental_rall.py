"""Brian's examples/compartmental/rall.py: final v of the main section and both branches, with their distances."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

defaultclock.dt = 0.01*ms
gL = 1e-4*siemens/cm**2
EL = -70*mV
diameter = 1*um
length = 300*um
Cm = 1*uF/cm**2
Ri = 150*ohm*cm
N = 500
rm = 1 / (gL * pi * diameter)
ra = (4 * Ri)/(pi * diameter**2)
la = sqrt(rm / ra)
morpho = Cylinder(diameter=diameter, length=length, n=N)
d1 = 0.5*um
L1 = 200*um
rm = 1 / (gL * pi * d1)
ra = (4 * Ri) / (pi * d1**2)
l1 = sqrt(rm / ra)
morpho.L = Cylinder(diameter=d1, length=L1, n=N)
d2 = (diameter**1.5 - d1**1.5)**(1. / 1.5)
rm = 1/(gL * pi * d2)
ra = (4 * Ri) / (pi * d2**2)
l2 = sqrt(rm / ra)
L2 = (L1 / l1) * l2
morpho.R = Cylinder(diameter=d2, length=L2, n=N)
eqs='''
Im = gL * (EL-v) : amp/meter**2
I : amp (point current)
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=Cm, Ri=Ri, method='exponential_euler')
neuron.v = EL
neuron.I[0] = 0.02*nA
run(100*ms)
save_reference(__file__, "rall", {"la": la, "l1": l1, "l2": l2, "L2": L2,
                          "main": {"distance": neuron.main.distance_[:], "v": neuron.main.v_[:]},
                          "L": {"distance": neuron.L.distance_[:], "v": neuron.L.v_[:]},
                          "R": {"distance": neuron.R.distance_[:], "v": neuron.R.v_[:]}})
