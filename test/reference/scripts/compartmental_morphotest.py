"""Brian's examples/compartmental/morphotest.py: the four printed variable views."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

morpho = Soma(30*um)
morpho.L = Cylinder(diameter=1*um, length=100*um, n=5)
morpho.LL = Cylinder(diameter=1*um, length=20*um, n=2)
morpho.R = Cylinder(diameter=1*um, length=100*um, n=5)
gL = 1e-4*siemens/cm**2
EL = -70*mV
eqs = '''
Im = gL * (EL-v) : amp/meter**2
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=1*uF/cm**2, Ri=100*ohm*cm, method='exponential_euler')
neuron.v = arange(0, 13)*volt
printed = [str(neuron.v), str(neuron.L.v), str(neuron.LL.v), str(neuron.L.main.v)]
print("\n".join(printed))
save_reference(__file__, "morphotest", {"printed": printed, "v": neuron.v_[:], "L": neuron.L.v_[:], "LL": neuron.LL.v_[:],
                                "L_main": neuron.L.main.v_[:]})
