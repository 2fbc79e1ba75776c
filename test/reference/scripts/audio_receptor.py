"""audio_receptor: eLife 2019 case study 4 (real-time audio) with a generated tone instead of a microphone.

Source: the paper's listing (/work/shared/seed/brian2-paper-slides.txt, "Case Study 4") and the
Brian paper repository's standalone variant.  The receptor ("ear") neuron is unchanged:
  dx/dt = (sound - x)/tau_ear : 1 (unless refractory)
  dth/dt = (0.1*x - th)/tau_th : 1
  sound = clip(get_sample(t), 0, inf) : 1 (constant over dt)
threshold 'x>th', reset 'x=0; th = th*2.5 + 0.01', refractory 2 ms, method 'exact', th(0) = 1,
dt = 1/(48 kHz).  get_sample (PortAudio in the paper) is replaced by a TimedArray `tone` holding a
deterministic 3-note test sound (220, 330, 440 Hz, 100 ms each, amplitude 1; the formula is in
the JSON).  The receptor part is deterministic: x, th, sound traces and spike times.
Optional stochastic part (as in the paper): 300 coincidence detectors
  dv/dt = -v/tau+sigma*(2./tau)**.5*xi : 1, threshold 'v>1', reset 'v=0', method 'euler',
with two synapses per detector from the receptor (multisynaptic_index k; k == 1 delayed by
1/freq_post); spike counts per detector and note for 3 seeds.  Target: numpy.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, state_updater_code, write_reference  # noqa: E402

import numpy as np  # noqa: E402

SAMPLE_RATE = 48000.0
DT = 1 / SAMPLE_RATE
b = setup_brian(dt_seconds=DT)
from brian2 import (  # noqa: E402
    Hz,
    Network,
    NeuronGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    TimedArray,
    kHz,
    ms,
    second,
    seed,
)

NOTES_HZ = [220.0, 330.0, 440.0]
NOTE_SAMPLES = 4800  # 100 ms at 48 kHz
N_SAMPLES = NOTE_SAMPLES * len(NOTES_HZ)
n = np.arange(N_SAMPLES)
freq_of_sample = np.array(NOTES_HZ)[n // NOTE_SAMPLES]
samples = np.sin(2 * np.pi * freq_of_sample * n / SAMPLE_RATE)
TONE_FORMULA = ("samples[n] = sin(2*pi*f_k*n/48000) for n = 0 .. 14399 (float64), k = floor(n/4800), "
                "f = [220, 330, 440] Hz; n is the global sample index (f_k*0.1 s is an integer number of "
                "cycles, so every note starts at phase 0); TimedArray(samples, dt=1/(48 kHz)); Brian's "
                "TimedArray returns samples[round(t/dt)] (clipped to the last sample)")
DURATION = N_SAMPLES * DT  # 0.3 s = 14400 steps
TRACE_EVERY = 4
SEEDS = [1, 2, 3]

tau_ear = 1 * ms
tau_th = 5 * ms
min_freq = 50 * Hz
max_freq = 1000 * Hz
num_neurons = 300
tau = 1 * ms
sigma = 0.1
EQS_EAR = """dx/dt = (sound - x)/tau_ear: 1 (unless refractory)
dth/dt = (0.1*x - th)/tau_th : 1
sound = clip(tone(t), 0, inf) : 1 (constant over dt)"""
EQS_NEURONS = """dv/dt = -v/tau+sigma*(2./tau)**.5*xi : 1
freq : Hz (constant)"""
FREQ_EXPR = "exp(log(min_freq/Hz)+(i*1.0/(num_neurons-1))*log(max_freq/min_freq))*Hz"


def build_and_run(s):
    b.defaultclock.dt = DT * second
    seed(s)
    tone = TimedArray(samples, dt=1 / (48 * kHz), name="tone")
    receptors = NeuronGroup(1, EQS_EAR, threshold="x>th", reset="x=0; th = th*2.5 + 0.01", refractory=2 * ms,
                            method="exact", namespace={"tone": tone, "tau_ear": tau_ear, "tau_th": tau_th},
                            name="receptors")
    receptors.th = 1
    neurons = NeuronGroup(num_neurons, EQS_NEURONS, threshold="v>1", reset="v=0", method="euler",
                          namespace={"tau": tau, "sigma": sigma}, name="neurons")
    neurons.namespace.update({"min_freq": min_freq, "max_freq": max_freq, "num_neurons": num_neurons})
    neurons.freq = FREQ_EXPR
    synapses = Synapses(receptors, neurons, on_pre="v += 0.5", multisynaptic_index="k", name="synapses")
    synapses.connect(n=2)
    synapses.delay["k == 1"] = "1/freq_post"
    m_ear = StateMonitor(receptors, ["x", "th", "sound"], record=True)
    s_ear = SpikeMonitor(receptors)
    s_det = SpikeMonitor(neurons)
    net = Network(receptors, neurons, synapses, m_ear, s_ear, s_det)
    net.run(DURATION * second)
    global schedule
    schedule = [[o.name, o.when, o.order] for o in net.sorted_objects]
    return receptors, neurons, synapses, m_ear, s_ear, s_det


runs = []
for s in SEEDS:
    receptors, neurons, synapses, m_ear, s_ear, s_det = build_and_run(s)
    note_of_spike = np.minimum((np.round(s_det.t_[:] / DT).astype(int) // NOTE_SAMPLES), len(NOTES_HZ) - 1)
    counts = np.zeros((len(NOTES_HZ), num_neurons), dtype=int)
    np.add.at(counts, (note_of_spike, s_det.i[:]), 1)
    runs.append({"seed": s, "receptor_spike_t": np.array(s_ear.t_[:]), "counts": counts,
                 "best_freq_per_note": [float(neurons.freq_[np.argmax(c)]) for c in counts]})
    print(f"seed {s}: receptor spikes {s_ear.num_spikes}, detector spikes {s_det.num_spikes}, "
          f"best freq per note {np.round(runs[-1]['best_freq_per_note'], 1)}", flush=True)
for r in runs[1:]:
    assert np.array_equal(r["receptor_spike_t"], runs[0]["receptor_spike_t"]), "receptor must be deterministic"

sl = slice(None, None, TRACE_EVERY)
rec_t = runs[0]["receptor_spike_t"]
write_reference(
    "audio_receptor",
    {
        "meta": meta(__file__, source="eLife 2019 Brian 2 paper, case study 4 (listing in brian2-paper-slides.txt)"),
        "model": {
            "dt": DT,
            "dt_python": "1/(48*kHz)",
            "duration": DURATION,
            "n_steps": N_SAMPLES,
            "tone": {"formula": TONE_FORMULA, "notes_hz": NOTES_HZ, "note_samples": NOTE_SAMPLES,
                     "sample_rate": SAMPLE_RATE, "n_samples": N_SAMPLES, "amplitude": 1.0,
                     "checksum_sum": float(samples.sum()), "checksum_sum_abs": float(np.abs(samples).sum()),
                     "first_samples": samples[:8]},
            "receptors": {"N": 1, "equations": EQS_EAR, "threshold": "x>th", "reset": "x=0; th = th*2.5 + 0.01",
                          "refractory": 2e-3, "method": "exact",
                          "namespace": {"tau_ear": float(tau_ear), "tau_th": float(tau_th), "tone": "TimedArray"},
                          "initial": {"x": 0.0, "th": 1.0},
                          "state_updater_abstract_code": state_updater_code(receptors)},
            "detectors": {"N": num_neurons, "equations": EQS_NEURONS, "threshold": "v>1", "reset": "v=0",
                          "method": "euler", "namespace": {"tau": float(tau), "sigma": sigma,
                                                           "min_freq": float(min_freq), "max_freq": float(max_freq),
                                                           "num_neurons": num_neurons},
                          "freq": FREQ_EXPR, "freq_values": neurons.freq_[:],
                          "state_updater_abstract_code": state_updater_code(neurons)},
            "synapses": {"on_pre": "v += 0.5", "multisynaptic_index": "k", "connect": "connect(n=2)",
                         "delay": "synapses.delay['k == 1'] = '1/freq_post' (k == 0: no delay)",
                         "delay_steps_k1": np.round(synapses.delay_[synapses.k[:] == 1] / DT).astype(int)},
            "seeds": SEEDS,
            "schedule": schedule,
            "schedule_note": "Network.sorted_objects after the run: (name, when, order); ties in (when, order) are broken by the object NAME, so e.g. a neuron group's state updater can run before or after a synapse state updater depending on the names",
        },
        "recorded": {
            "statemonitor_when": "start",
            "trace_every": TRACE_EVERY,
            "t": m_ear.t_[sl],
            "x": m_ear.x_[0][sl],
            "th": m_ear.th_[0][sl],
            "sound": m_ear.sound_[0][sl],
            "receptor_spike_t": rec_t,
            "receptor_spike_steps": np.round(rec_t / DT).astype(int),
            "receptor_spikes_per_note": np.bincount(np.round(rec_t / DT).astype(int) // NOTE_SAMPLES,
                                                    minlength=len(NOTES_HZ)),
            "detectors_stochastic": {
                "note": "stochastic (xi noise): detector spike counts per note window [k*0.1 s, (k+1)*0.1 s) "
                        "and detector, for each seed; best_freq_per_note = freq of the detector with most spikes",
                "per_seed": [{"seed": r["seed"], "counts": r["counts"], "best_freq_per_note": r["best_freq_per_note"]}
                             for r in runs],
            },
        },
        "shapes": {"t, x, th, sound": "[n_steps/trace_every]", "receptor_spike_t": "[n_receptor_spikes]",
                   "counts": "[3 notes][300 detectors]", "delay_steps_k1": "[300] (detector order)"},
    },
)
