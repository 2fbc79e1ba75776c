"""Brian 2.5.1's tutorial 2 (Introduction to Brian part 2: Synapses), the cells that compute something,
printing what docs/tutorials/2-synapses.ts prints. Lines starting with '~ ' depend on random numbers.
Regenerate: /usr/bin/python3 docs/tutorials/brian/2-synapses.py > docs/tutorials/brian/2-synapses.out
"""
import warnings

warnings.filterwarnings("ignore")
from brian2 import *  # noqa: E402,F401,F403

prefs.codegen.target = 'numpy'
BrianLogger.log_level_error()
seed(1)

eqs = '''
dv/dt = (I-v)/tau : 1
I : 1
tau : second
'''
# The simplest Synapse
start_scope()
G = NeuronGroup(2, eqs, threshold='v>1', reset='v = 0', method='exact')
G.I = [2, 0]
G.tau = [10, 100]*ms
S = Synapses(G, G, on_pre='v_post += 0.2')
S.connect(i=0, j=1)
M = StateMonitor(G, 'v', record=True)
run(100*ms)
print('v at 100 ms: %s' % M.v[:, -1])

# Adding a weight
start_scope()
G = NeuronGroup(3, eqs, threshold='v>1', reset='v = 0', method='exact')
G.I = [2, 0, 0]
G.tau = [10, 100, 100]*ms
S = Synapses(G, G, 'w : 1', on_pre='v_post += w')
S.connect(i=0, j=[1, 2])
S.w = 'j*0.2'
M = StateMonitor(G, 'v', record=True)
run(50*ms)
print('w: %s' % S.w[:])
print('v at 50 ms: %s' % M.v[:, -1])

# Introducing a delay
start_scope()
G = NeuronGroup(3, eqs, threshold='v>1', reset='v = 0', method='exact')
G.I = [2, 0, 0]
G.tau = [10, 100, 100]*ms
S = Synapses(G, G, 'w : 1', on_pre='v_post += w')
S.connect(i=0, j=[1, 2])
S.w = 'j*0.2'
S.delay = 'j*2*ms'
M = StateMonitor(G, 'v', record=True)
run(50*ms)
print('delay: %s' % S.delay[:])
print('v at 50 ms: %s' % M.v[:, -1])

# More complex connectivity
start_scope()
N = 10
G = NeuronGroup(N, 'v:1')
for p in [0.2, 0.5, 1.0]:
    S = Synapses(G, G)
    S.connect(condition='i!=j', p=p)
    print('~ p = %s: %d synapses' % (p, len(S)))
S = Synapses(G, G)
S.connect(condition='abs(i-j)<4 and i!=j')
print('abs(i-j)<4 and i!=j: %d synapses, targets of 0: %s' % (len(S), S.j[:][S.i[:] == 0]))
S = Synapses(G, G)
S.connect(j='k for k in range(i-3, i+4) if i!=k', skip_if_invalid=True)
print('generator: %d synapses, targets of 5: %s' % (len(S), S.j[:][S.i[:] == 5]))
S = Synapses(G, G)
S.connect(j='i')
print("j='i': %d synapses" % len(S))

# Weights depending on distance
start_scope()
N = 30
neuron_spacing = 50*umetre
width = N/4.0*neuron_spacing
G = NeuronGroup(N, 'x : metre')
G.x = 'i*neuron_spacing'
S = Synapses(G, G, 'w : 1')
S.connect(condition='i!=j')
S.w = 'exp(-(x_pre-x_post)**2/(2*width**2))'
print('distance weights: %d synapses, sum %.10f, w[0->29] %.10f' % (len(S), sum(S.w[:]), S.w[0, 29][0]))

# STDP, clock-driven traces
start_scope()
taupre = taupost = 20*ms
wmax = 0.01
Apre = 0.01
Apost = -Apre*taupre/taupost*1.05
G = NeuronGroup(2, 'v:1', threshold='t>(1+i)*10*ms', refractory=100*ms)
S = Synapses(G, G,
             '''
             w : 1
             dapre/dt = -apre/taupre : 1 (clock-driven)
             dapost/dt = -apost/taupost : 1 (clock-driven)
             ''',
             on_pre='''
             v_post += w
             apre += Apre
             w = clip(w+apost, 0, wmax)
             ''',
             on_post='''
             apost += Apost
             w = clip(w+apre, 0, wmax)
             ''', method='exact')
S.connect(i=0, j=1)
M = StateMonitor(S, ['w', 'apre', 'apost'], record=True)
run(30*ms)
print('clock-driven STDP: w %s, apre %s, apost %s' % (M.w[0][-1], M.apre[0][-1], M.apost[0][-1]))

# STDP window
start_scope()
taupre = taupost = 20*ms
Apre = 0.01
Apost = -Apre*taupre/taupost*1.05
tmax = 50*ms
N = 100
G = NeuronGroup(N, 'tspike:second', threshold='t>tspike', refractory=100*ms)
H = NeuronGroup(N, 'tspike:second', threshold='t>tspike', refractory=100*ms)
G.tspike = 'i*tmax/(N-1)'
H.tspike = '(N-1-i)*tmax/(N-1)'
S = Synapses(G, H,
             '''
             w : 1
             dapre/dt = -apre/taupre : 1 (event-driven)
             dapost/dt = -apost/taupost : 1 (event-driven)
             ''',
             on_pre='''
             apre += Apre
             w = w+apost
             ''',
             on_post='''
             apost += Apost
             w = w+apre
             ''')
S.connect(j='i')
run(tmax+1*ms)
print('STDP window: w of synapses 0, 25, 49, 50, 75, 99: %s' % S.w[[0, 25, 49, 50, 75, 99]])
