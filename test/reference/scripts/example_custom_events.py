"""example_custom_events: Brian's examples/advanced/custom_events.py, full 500 ms, seed(11).

Part `replay` (deterministic): the example exactly as written (PoissonGroup input at 250 Hz), recording
the input spikes as well; then the same network again with the recorded input spikes replayed by a
SpikeGeneratorGroup, which must give identical results (asserted here), so brian-ts can replay them and
compare everything downstream exactly. Recorded: G.v, G.g, G.allow_gspike, H.x, H.y (every step),
`gspike` events with g, `end_gspike` events, spikes with v.

Part `coincide`: spike and gspike in the same step (see below), with Brian's scheduling_summary.

Part `population` (statistics of the example with its random input): 200 independent copies of the
example (PoissonGroup(200), one-to-one synapses), 500 ms, seeds 1-10; per seed the population means
of: input spikes, G spikes, gspike and end_gspike events per neuron, and time-averaged g, v, x, y (sampled every 1 ms by
StateMonitors with dt=1*ms).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

b = setup_brian()
from brian2 import (  # noqa: E402
    EventMonitor,
    Hz,
    Network,
    NeuronGroup,
    PoissonGroup,
    SpikeGeneratorGroup,
    SpikeMonitor,
    StateMonitor,
    Synapses,
    ms,
    seed,
)
import numpy as np  # noqa: E402

eqs_G = """
dv/dt = (g-v)/(50*ms) : 1
dg/dt = -g/(10*ms) : 1
allow_gspike : boolean
"""
eqs_H = """
dx/dt = -x/(10*ms) : 1
dy/dt = -y/(10*ms) : 1
"""
G_threshold = "v>1"
G_reset = "v = 0; g = 0; allow_gspike = True;"
G_events = {"gspike": "g>1 and allow_gspike", "end_gspike": "g<1 and not allow_gspike"}
G_on_event = {"gspike": "allow_gspike = False", "end_gspike": "allow_gspike = True"}
rate = 250 * Hz
duration = 500 * ms
SEED = 11


def build(N, make_input, connect_kw):
    inp = make_input()
    G = NeuronGroup(N, eqs_G, threshold=G_threshold, reset=G_reset, events=dict(G_events))  # Brian adds "spike" to the dict it gets
    for event, code in G_on_event.items():
        G.run_on_event(event, code)
    H = NeuronGroup(N, eqs_H)
    Sin = Synapses(inp, G, on_pre="g += 0.5")
    Sin.connect(**connect_kw)
    S = Synapses(G, H, on_pre={"pre": "x += 1", "gpath": "y += 1"}, on_event={"pre": "spike", "gpath": "gspike"})
    S.connect(**connect_kw)
    G.allow_gspike = True
    return inp, G, H, Sin, S


def run_replay(make_input):
    inp, G, H, Sin, S = build(1, make_input, {})
    Mstate = StateMonitor(G, ("v", "g", "allow_gspike"), record=True)
    Mgspike = EventMonitor(G, "gspike", "g")
    Mend = EventMonitor(G, "end_gspike")
    Mspike = SpikeMonitor(G, "v")
    MHstate = StateMonitor(H, ("x", "y"), record=True)
    Minp = SpikeMonitor(inp)
    net = Network(inp, G, H, Sin, S, Mstate, Mgspike, Mend, Mspike, MHstate, Minp)
    net.run(duration)
    return {
        "t": Mstate.t_,
        "v": Mstate.v_[0],
        "g": Mstate.g_[0],
        "allow_gspike": np.asarray(Mstate.allow_gspike[0]),
        "x": MHstate.x_[0],
        "y": MHstate.y_[0],
        "gspike_t": Mgspike.t_,
        "gspike_i": Mgspike.i[:],
        "gspike_g": Mgspike.g_,
        "end_gspike_t": Mend.t_,
        "spike_t": Mspike.t_,
        "spike_i": Mspike.i[:],
        "spike_v": Mspike.v_,
        "input_spike_t": Minp.t_,
        "input_spike_i": Minp.i[:],
    }


seed(SEED)
replay = run_replay(lambda: PoissonGroup(1, rates=rate))
input_t = replay["input_spike_t"]
again = run_replay(lambda: SpikeGeneratorGroup(1, np.zeros(len(input_t), dtype=int), input_t * b.second))
for key, value in replay.items():
    assert np.array_equal(np.asarray(value), np.asarray(again[key])), f"replay differs in {key}"

# Part `coincide` (deterministic, no input): 3 copies of G and H started so that the spike and the gspike
# event fall in the same step (step 0: v0 = 1.001 > 1, g0 = 1.2 > 1): the reset (`resets`) sets
# allow_gspike = True, then the gspike code (`after_resets`) sets it False again, so end_gspike follows
# in step 1. Neuron 1: gspike alone; neuron 2: spike alone (allow_gspike starts False).
# Explicit names, so that the scheduling summary does not depend on which names are free.
G = NeuronGroup(3, eqs_G, threshold=G_threshold, reset=G_reset, events=dict(G_events), name="G")
for event, code in G_on_event.items():
    G.run_on_event(event, code)
H = NeuronGroup(3, eqs_H, name="H")
S = Synapses(
    G, H, on_pre={"pre": "x += 1", "gpath": "y += 1"}, on_event={"pre": "spike", "gpath": "gspike"}, name="S"
)
S.connect(j="i")
COINCIDE_INIT = {"allow_gspike": [True, True, False], "v": [1.001, 0.5, 1.001], "g": [1.2, 1.2, 1.2]}
for name, values in COINCIDE_INIT.items():
    setattr(G, name, values)
Mc = StateMonitor(G, ("v", "g", "allow_gspike"), record=True, name="Mstate")
MHc = StateMonitor(H, ("x", "y"), record=True, name="MHstate")
Mgc = EventMonitor(G, "gspike", "g", name="Mgspike")
Mec = EventMonitor(G, "end_gspike", ["g", "v"], name="Mend")
Msc = SpikeMonitor(G, ["v", "g"], name="Mspike")
net = Network(G, H, S, Mc, MHc, Mgc, Mec, Msc)
net.run(1 * ms)
coincide = {
    "initial": COINCIDE_INIT,
    "duration": 1e-3,
    "v": Mc.v_,
    "g": Mc.g_,
    "allow_gspike": np.asarray(Mc.allow_gspike),
    "x": MHc.x_,
    "y": MHc.y_,
    "gspike_t": Mgc.t_,
    "gspike_i": Mgc.i[:],
    "gspike_g": Mgc.g_,
    "end_gspike_t": Mec.t_,
    "end_gspike_i": Mec.i[:],
    "end_gspike_g": Mec.g_,
    "end_gspike_v": Mec.v_,
    "spike_t": Msc.t_,
    "spike_i": Msc.i[:],
    "spike_v": Msc.v_,
    "spike_g": Msc.g_,
    "scheduling_summary": str(b.scheduling_summary(net)),
}

N_POP = 200
SEEDS = list(range(1, 11))
per_seed = []
for s in SEEDS:
    seed(s)
    inp, G, H, Sin, S = build(N_POP, lambda: PoissonGroup(N_POP, rates=rate), {"j": "i"})
    Mstate = StateMonitor(G, ("v", "g"), record=True, dt=1 * ms)
    MH = StateMonitor(H, ("x", "y"), record=True, dt=1 * ms)
    Mg = EventMonitor(G, "gspike")
    Me = EventMonitor(G, "end_gspike")
    Ms = SpikeMonitor(G)
    Mi = SpikeMonitor(inp)
    net = Network(inp, G, H, Sin, S, Mstate, MH, Mg, Me, Ms, Mi)
    net.run(duration)
    per_seed.append(
        {
            "seed": s,
            "input_spikes": Mi.num_spikes / N_POP,
            "spikes": Ms.num_spikes / N_POP,
            "gspike": Mg.num_events / N_POP,
            "end_gspike": Me.num_events / N_POP,
            "mean_g": float(np.mean(Mstate.g_)),
            "mean_v": float(np.mean(Mstate.v_)),
            "mean_x": float(np.mean(MH.x_)),
            "mean_y": float(np.mean(MH.y_)),
        }
    )
    print(per_seed[-1])

keys = [k for k in per_seed[0] if k != "seed"]
summary = {
    k: {
        "mean": float(np.mean([p[k] for p in per_seed])),
        "std": float(np.std([p[k] for p in per_seed], ddof=1)),
    }
    for k in keys
}

write_reference(
    "example_custom_events",
    {
        "meta": meta(__file__),
        "model": {
            "eqs_G": eqs_G,
            "eqs_H": eqs_H,
            "threshold": G_threshold,
            "reset": G_reset,
            "events": G_events,
            "run_on_event": G_on_event,
            "rate": float(rate),
            "dt": 0.1e-3,
            "duration": float(duration),
            "seed": SEED,
            "population": {"N": N_POP, "seeds": SEEDS, "statemonitor_dt": 1e-3, "connect": "j='i' (one-to-one) for Sin and S"},
        },
        "replay": replay,
        "coincide": coincide,
        "population": {"per_seed": per_seed, "summary": summary},
    },
)
