"""rothman_manis_2003: brian2 examples/frompapers/Rothman_Manis_2003.py (type1c cell, Ipulse = 250 pA), full size
and duration: 1 neuron, default dt = 0.1 ms, exponential_euler; run 50 ms to rest, then create the StateMonitor
(record=0), set I = Ipulse and run 100 ms. The example has no random numbers. Brian's magic run() picks up the
monitor created between the runs; here that is net.add(M). Every step of v is kept, plus the state after each run.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian(dt_seconds=0.1e-3)
from brian2 import Network, NeuronGroup, StateMonitor, mV, ms, nS, pA, pF  # noqa: E402

neuron_type = "type1c"
Ipulse = 250 * pA
temp = 22.0
maximal_conductances = dict(
    type1c=(1000, 150, 0, 0, 0.5, 0, 2),
    type1t=(1000, 80, 0, 65, 0.5, 0, 2),
    type12=(1000, 150, 20, 0, 2, 0, 2),
    type21=(1000, 150, 35, 0, 3.5, 0, 2),
    type2=(1000, 150, 200, 0, 20, 0, 2),
    type2o=(1000, 150, 600, 0, 0, 40, 2),  # octopus cell
)
gnabar, gkhtbar, gkltbar, gkabar, ghbar, gbarno, gl = [x * nS for x in maximal_conductances[neuron_type]]
namespace = {
    "C": 12 * pF,
    "Eh": -43 * mV,
    "EK": -70 * mV,
    "El": -65 * mV,
    "ENa": 50 * mV,
    "nf": 0.85,
    "zss": 0.5,
    "temp": temp,
    "q10": 3.0 ** ((temp - 22) / 10.0),
    "frac": 0.0,
    "qt": 4.5 ** ((temp - 33.0) / 10.0),
    "gnabar": gnabar,
    "gkhtbar": gkhtbar,
    "gkltbar": gkltbar,
    "gkabar": gkabar,
    "ghbar": ghbar,
    "gbarno": gbarno,
    "gl": gl,
}

eqs_na = """
ina = gnabar*m**3*h*(ENa-v) : amp
dm/dt=q10*(minf-m)/mtau : 1
dh/dt=q10*(hinf-h)/htau : 1
minf = 1./(1+exp(-(vu + 38.) / 7.)) : 1
hinf = 1./(1+exp((vu + 65.) / 6.)) : 1
mtau =  ((10. / (5*exp((vu+60.) / 18.) + 36.*exp(-(vu+60.) / 25.))) + 0.04)*ms : second
htau =  ((100. / (7*exp((vu+60.) / 11.) + 10.*exp(-(vu+60.) / 25.))) + 0.6)*ms : second
"""
eqs_kht = """
ikht = gkhtbar*(nf*n**2 + (1-nf)*p)*(EK-v) : amp
dn/dt=q10*(ninf-n)/ntau : 1
dp/dt=q10*(pinf-p)/ptau : 1
ninf =   (1 + exp(-(vu + 15) / 5.))**-0.5 : 1
pinf =  1. / (1 + exp(-(vu + 23) / 6.)) : 1
ntau =  ((100. / (11*exp((vu+60) / 24.) + 21*exp(-(vu+60) / 23.))) + 0.7)*ms : second
ptau = ((100. / (4*exp((vu+60) / 32.) + 5*exp(-(vu+60) / 22.))) + 5)*ms : second
"""
eqs_ih = """
ih = ghbar*r*(Eh-v) : amp
dr/dt=q10*(rinf-r)/rtau : 1
rinf = 1. / (1+exp((vu + 76.) / 7.)) : 1
rtau = ((100000. / (237.*exp((vu+60.) / 12.) + 17.*exp(-(vu+60.) / 14.))) + 25.)*ms : second
"""
eqs_klt = """
iklt = gkltbar*w**4*z*(EK-v) : amp
dw/dt=q10*(winf-w)/wtau : 1
dz/dt=q10*(zinf-z)/ztau : 1
winf = (1. / (1 + exp(-(vu + 48.) / 6.)))**0.25 : 1
zinf = zss + ((1.-zss) / (1 + exp((vu + 71.) / 10.))) : 1
wtau = ((100. / (6.*exp((vu+60.) / 6.) + 16.*exp(-(vu+60.) / 45.))) + 1.5)*ms : second
ztau = ((1000. / (exp((vu+60.) / 20.) + exp(-(vu+60.) / 8.))) + 50)*ms : second
"""
eqs_ka = """
ika = gkabar*a**4*b*c*(EK-v): amp
da/dt=q10*(ainf-a)/atau : 1
db/dt=q10*(binf-b)/btau : 1
dc/dt=q10*(cinf-c)/ctau : 1
ainf = (1. / (1 + exp(-(vu + 31) / 6.)))**0.25 : 1
binf = 1. / (1 + exp((vu + 66) / 7.))**0.5 : 1
cinf = 1. / (1 + exp((vu + 66) / 7.))**0.5 : 1
atau =  ((100. / (7*exp((vu+60) / 14.) + 29*exp(-(vu+60) / 24.))) + 0.1)*ms : second
btau =  ((1000. / (14*exp((vu+60) / 27.) + 29*exp(-(vu+60) / 24.))) + 1)*ms : second
ctau = ((90. / (1 + exp((-66-vu) / 17.))) + 10)*ms : second
"""
eqs_leak = """
ileak = gl*(El-v) : amp
"""
eqs_hcno = """
ihcno = gbarno*(h1*frac + h2*(1-frac))*(Eh-v) : amp
dh1/dt=(hinfno-h1)/tau1 : 1
dh2/dt=(hinfno-h2)/tau2 : 1
hinfno = 1./(1+exp((vu+66.)/7.)) : 1
tau1 = bet1/(qt*0.008*(1+alp1))*ms : second
tau2 = bet2/(qt*0.0029*(1+alp2))*ms : second
alp1 = exp(1e-3*3*(vu+50)*9.648e4/(8.315*(273.16+temp))) : 1
bet1 = exp(1e-3*3*0.3*(vu+50)*9.648e4/(8.315*(273.16+temp))) : 1
alp2 = exp(1e-3*3*(vu+84)*9.648e4/(8.315*(273.16+temp))) : 1
bet2 = exp(1e-3*3*0.6*(vu+84)*9.648e4/(8.315*(273.16+temp))) : 1
"""
eqs = """
dv/dt = (ileak + ina + ikht + iklt + ika + ih + ihcno + I)/C : volt
vu = v/mV : 1  # unitless v
I : amp
"""
eqs += eqs_leak + eqs_ka + eqs_na + eqs_ih + eqs_klt + eqs_kht + eqs_hcno
state_vars = ["v", "m", "h", "n", "p", "r", "w", "z", "a", "b", "c", "h1", "h2"]

neuron = NeuronGroup(1, eqs, method="exponential_euler", namespace=namespace)
neuron.v = namespace["El"]
net = Network(neuron)
net.run(50 * ms)  # Go to rest
at_rest = {k: getattr(neuron, k + "_")[:].copy() for k in state_vars}

M = StateMonitor(neuron, "v", record=0)
net.add(M)
neuron.I = Ipulse
net.run(100 * ms)
final = {k: getattr(neuron, k + "_")[:].copy() for k in state_vars}

write_reference(
    "rothman_manis_2003",
    {
        "meta": meta(__file__, example="brian2 examples/frompapers/Rothman_Manis_2003.py"),
        "model": {
            "N": 1,
            "neuron_type": neuron_type,
            "equations": eqs,
            "namespace": namespace,
            "method": "exponential_euler",
            "dt": 0.1e-3,
            "runs": [0.05, 0.1],
            "Ipulse": Ipulse,
            "initial": {"v": namespace["El"], "others": 0.0},
            "state_vars": state_vars,
            "state_updater_abstract_code": state_updater_code(neuron),
        },
        "recorded": {
            "statemonitor_when": "start",
            "record": [0],
            "t": M.t_,
            "v": M.v_,
            "at_rest": at_rest,
            "final": final,
        },
        "shapes": {"t": "[n_steps of the second run]", "v": "[1][n_steps]", "at_rest,final": "{var: [1]}"},
    },
)
