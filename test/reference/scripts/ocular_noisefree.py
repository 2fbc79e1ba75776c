"""ocular_noisefree: eLife 2019 case study 2 (ocular model) with the object's noise removed, deterministic.

Source: the paper's listing (/work/shared/seed/brian2-paper-slides.txt, "Case Study 2"): an eye
(x, velocity, x0; 2nd-order mechanics, method 'euler') moved by two motoneurons through
Synapses(on_pre='x0_post += w', w = [-0.5, 0.5]); 20 retina neurons see the object relative to
the eye via linked variables (x_object, x_eye linked to the 1-neuron eye group) and project to
the motoneurons (connect(j='int(x_neuron_pre > 0)'), w = '20*abs(x_neuron_pre)/N_pre').
Changes from the paper (to make it deterministic):
  * the object's noise term is removed: 'dnoise/dt = -noise/tau_object : 1' (paper:
    '... + tau_object**-0.5*xi'); with noise(0) = -1.5 and x_object(0) = 0.5 the object follows
    x_object(t) = (0.5 - 1.5*t/tau_object)*exp(-t/tau_object): it crosses 0 at 1/6 s, reaches its
    minimum -1.5*exp(-4/3) = -0.395 at 2/3 s and relaxes back towards 0 (-0.1 at 2 s);
  * retina.v = 'i*1.0/N' instead of 'rand()';
  * 2 s instead of 10 s.
taum = 20 ms (the paper's slide value), dt = 0.1 ms.  Recorded every 10th step: eye x, velocity,
x0, x_object, noise and the motoneurons' v; spike times of motoneurons and retina.  Target: numpy.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, linked_var, ms, second  # noqa: E402

DT = 0.1e-3
DURATION = 2.0
EVERY = 10

alpha = (1 / (50 * ms)) ** 2
beta = 1 / (50 * ms)
tau_muscle = 20 * ms
tau_object = 500 * ms
taum = 20 * ms
N = 20
width = 2.0 / N
gain = 4.0

EQS_EYE = """dx/dt = velocity : 1
dvelocity/dt = alpha*(x0-x)-beta*velocity : 1/second
dx0/dt = -x0/tau_muscle : 1
dx_object/dt = (noise - x_object)/tau_object: 1
dnoise/dt = -noise/tau_object : 1"""
EQS_EYE_PAPER_NOISE = "dnoise/dt = -noise/tau_object + tau_object**-0.5*xi : 1"
EQS_MOTO = "dv/dt = -v/taum : 1"
EQS_RETINA = """dv/dt = (I-(1+gs)*v)/taum : 1
I = gain*exp(-((x_object-x_eye-x_neuron)/width)**2) : 1
x_neuron : 1 (constant)
x_object : 1 (linked) # position of the object
x_eye : 1 (linked) # position of the eye
gs : 1 # total synaptic conductance"""
NS_EYE = dict(alpha=alpha, beta=beta, tau_muscle=tau_muscle, tau_object=tau_object)
NS_MOTO = dict(taum=taum)
NS_RETINA = dict(taum=taum, gain=gain, width=width)
X_OBJECT0 = 0.5
NOISE0 = -1.5

eye = NeuronGroup(1, model=EQS_EYE, method="euler", namespace=NS_EYE, name="eye")
eye.x_object = X_OBJECT0
eye.noise = NOISE0
motoneurons = NeuronGroup(2, model=EQS_MOTO, threshold="v>1", reset="v=0", refractory=5 * ms, method="exact",
                          namespace=NS_MOTO, name="motoneurons")
motosynapses = Synapses(motoneurons, eye, model="w : 1", on_pre="x0_post += w", name="motosynapses")
motosynapses.connect()
motosynapses.w = [-0.5, 0.5]
retina = NeuronGroup(N, model=EQS_RETINA, threshold="v>1", reset="v=0", method="exact", namespace=NS_RETINA,
                     name="retina")
retina.v = "i*1.0/N"
retina.x_eye = linked_var(eye, "x")
retina.x_object = linked_var(eye, "x_object")
retina.x_neuron = "-1.0 + 2.0*i/(N-1)"
sensorimotor = Synapses(retina, motoneurons, model="w : 1 (constant)", on_pre="v_post += w", name="sensorimotor")
sensorimotor.connect(j="int(x_neuron_pre > 0)")
sensorimotor.w = "20*abs(x_neuron_pre)/N_pre"

m_eye = StateMonitor(eye, ["x", "velocity", "x0", "x_object", "noise"], record=True)
m_moto = StateMonitor(motoneurons, "v", record=True)
s_moto = SpikeMonitor(motoneurons)
s_ret = SpikeMonitor(retina)
net = Network(eye, motoneurons, motosynapses, retina, sensorimotor, m_eye, m_moto, s_moto, s_ret)
net.run(DURATION * second)
schedule = [[o.name, o.when, o.order] for o in net.sorted_objects]
print(f"motoneuron spikes {s_moto.count[:]}, retina spikes {s_ret.num_spikes}, final eye x {eye.x[0]:.4f}")

sl = slice(None, None, EVERY)
write_reference(
    "ocular_noisefree",
    {
        "meta": meta(__file__, source="eLife 2019 Brian 2 paper, case study 2 (listing in brian2-paper-slides.txt)"),
        "model": {
            "dt": DT,
            "duration": DURATION,
            "eye": {"N": 1, "equations": EQS_EYE, "method": "euler", "namespace": NS_EYE,
                    "initial": {"x": 0.0, "velocity": 0.0, "x0": 0.0, "x_object": X_OBJECT0, "noise": NOISE0},
                    "paper_noise_equation": EQS_EYE_PAPER_NOISE,
                    "x_object_analytic": "(0.5 - 1.5*t/tau_object)*exp(-t/tau_object) (continuous time; Euler differs by O(dt))",
                    "state_updater_abstract_code": state_updater_code(eye)},
            "motoneurons": {"N": 2, "equations": EQS_MOTO, "threshold": "v>1", "reset": "v=0", "refractory": 5e-3,
                            "method": "exact", "namespace": NS_MOTO, "initial": {"v": 0.0}},
            "motosynapses": {"source": "motoneurons", "target": "eye", "model": "w : 1", "on_pre": "x0_post += w",
                             "connect": "all-to-all", "w": [-0.5, 0.5]},
            "retina": {"N": N, "equations": EQS_RETINA, "threshold": "v>1", "reset": "v=0", "method": "exact",
                       "namespace": NS_RETINA,
                       "initial": {"v": "i*1.0/N", "x_neuron": "-1.0 + 2.0*i/(N-1)", "gs": 0.0,
                                   "x_eye": "linked_var(eye, 'x')", "x_object": "linked_var(eye, 'x_object')"},
                       "state_updater_abstract_code": state_updater_code(retina)},
            "sensorimotor": {"source": "retina", "target": "motoneurons", "model": "w : 1 (constant)",
                             "on_pre": "v_post += w", "connect": "j='int(x_neuron_pre > 0)'",
                             "w": "20*abs(x_neuron_pre)/N_pre",
                             "pairs_i_j_w": [list(sensorimotor.i[:]), list(sensorimotor.j[:]), sensorimotor.w[:]]},
            "schedule": schedule,
            "schedule_note": "Network.sorted_objects after the run: (name, when, order); ties in (when, order) are broken by the object NAME, so e.g. a neuron group's state updater can run before or after a synapse state updater depending on the names; eye, motoneurons, retina are integrated in this order (the retina reads the eye position already updated in the same step), as with the paper's default names neurongroup, neurongroup_1, neurongroup_2",
        },
        "recorded": {
            "statemonitor_when": "start",
            "record_every": EVERY,
            "t": m_eye.t_[sl],
            "eye": {name: getattr(m_eye, name + "_")[0][sl] for name in ["x", "velocity", "x0", "x_object", "noise"]},
            "motoneuron_v": m_moto.v_[:, sl],
            "motoneuron_spike_t": s_moto.t_[:],
            "motoneuron_spike_i": s_moto.i[:],
            "retina_spike_t": s_ret.t_[:],
            "retina_spike_i": s_ret.i[:],
            "retina_spike_count": s_ret.count[:],
            "final": {"eye_x": float(eye.x[0]), "eye_velocity": float(eye.velocity_[0]), "eye_x0": float(eye.x0[0])},
        },
        "shapes": {"t": "[n_samples]", "eye.*": "[n_samples]", "motoneuron_v": "[2][n_samples]",
                   "*_spike_t / *_spike_i": "[n_spikes] (time order)"},
    },
)
