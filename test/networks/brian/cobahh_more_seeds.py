"""More Brian 2.5.1 seeds of the COBAHH statistics (the model of test/reference/scripts/cobahh_stats.py).

Usage: /usr/bin/python3 test/networks/brian/cobahh_more_seeds.py cython 200 201 ... 219
Prints one JSON line per seed; the lines are merged into extra_seeds.json ('cobahh_stats').
"""
import sys, json
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', 'reference', 'scripts'))
from _common import setup_brian
from _netstats import spike_stats
target = sys.argv[1]
seeds = [int(s) for s in sys.argv[2:]]
b = setup_brian(target=target)
from brian2 import *
src = open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', 'reference', 'scripts', 'cobahh_stats.py')).read()
exec(src[src.index('\nN = 4000\n'):src.index('code = None')])
for s in seeds:
    b.defaultclock.dt = DT * second
    seed(s)
    P = NeuronGroup(N, model=Equations(EQS), threshold="v>-20*mV", refractory=3 * ms, method="exponential_euler")
    Ce = Synapses(P[:Ne], P, on_pre="ge+=we"); Ci = Synapses(P[Ne:], P, on_pre="gi+=wi")
    Ce.connect(p=p); Ci.connect(p=p)
    P.v = "El + (randn() * 5 - 5)*mV"
    P.ge = "(randn() * 1.5 + 4) * 10.*nS"
    P.gi = "(randn() * 12 + 20) * 10.*nS"
    mon = SpikeMonitor(P)
    Network(P, Ce, Ci, mon).run(DURATION * second, namespace=NS)
    st = spike_stats(mon.i[:], mon.t_[:], N, DT, DURATION, Ne=Ne)
    out = {k: float(v) for k, v in st.items() if not hasattr(v, '__len__')}
    print(json.dumps(dict(impl=target, seed=s, synapses=len(Ce)+len(Ci), **out)), flush=True)
