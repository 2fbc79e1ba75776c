"""Brian's examples/compartmental/infinite_cable.py: printed constants, v at every 20th compartment (every 10th sample)."""
from _compartmental import brian, save_reference

brian()
from brian2 import *  # noqa: E402,F403

defaultclock.dt = 0.001*ms
diameter = 1*um
Cm = 1*uF/cm**2
Ri = 100*ohm*cm
N = 500
morpho = Cylinder(diameter=diameter, length=3*mm, n=N)
gL = 1e-4*siemens/cm**2
EL = -70*mV
eqs = '''
Im = gL * (EL-v) : amp/meter**2
I : amp (point current)
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, Cm=Cm, Ri=Ri, method='exponential_euler')
neuron.v = EL
taum = Cm / gL
printed = ["Time constant: %s" % taum]
la = neuron.space_constant[0]
printed.append("Characteristic length: %s" % la)
print("\n".join(printed))
mon = StateMonitor(neuron, 'v', record=range(0, N//2, 20))
neuron.I[len(neuron) // 2] = 1*nA
run(0.02*ms)
neuron.I = 0*amp
run(10*ms)
save_reference(__file__, "infinite_cable", {"printed": printed, "record": list(range(0, N//2, 20)),
                                      "t_every_10": mon.t_[::10], "v_every_10": mon.v_[:, ::10]})
