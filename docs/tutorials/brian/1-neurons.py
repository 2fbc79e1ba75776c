"""Brian 2.5.1's tutorial 1 (Introduction to Brian part 1: Neurons), the cells that print or compute,
printing what docs/tutorials/1-neurons.ts prints. Lines starting with '~ ' depend on random numbers
(brian-ts draws its own stream) and are compared with a tolerance. Regenerate the reference with
  /usr/bin/python3 docs/tutorials/brian/1-neurons.py > docs/tutorials/brian/1-neurons.out
"""
import warnings

warnings.filterwarnings("ignore")
from brian2 import *  # noqa: E402,F401,F403

prefs.codegen.target = 'numpy'
BrianLogger.log_level_error()
seed(1)

# Units
print(20*volt)
print(1000*amp)
print(1e6*volt)
print(1000*namp)
print(10*nA*5*Mohm)
try:
    5*amp+10*volt
except DimensionMismatchError as e:
    print('DimensionMismatchError:', e)

# A simple model
start_scope()
tau = 10*ms
eqs = '''
dv/dt = (1-v)/tau : 1
'''
G = NeuronGroup(1, eqs, method='exact')
print('Before v = %s' % G.v[0])
run(100*ms)
print('After v = %s' % G.v[0])
print('Expected value of v = %s' % (1-exp(-100*ms/tau)))

start_scope()
G = NeuronGroup(1, eqs, method='exact')
M = StateMonitor(G, 'v', record=0)
run(30*ms)
print('samples: %d, v at 10 ms: %s, analytic: %s' % (len(M.t), M.v[0][100], 1-exp(-M.t[100]/tau)))

start_scope()
eqs_sin = '''
dv/dt = (sin(2*pi*100*Hz*t)-v)/tau : 1
'''
G = NeuronGroup(1, eqs_sin, method='euler')
M = StateMonitor(G, 'v', record=0)
G.v = 5
run(60*ms)
print('sine drive, v at 60 ms: %s' % M.v[0][-1])

# Adding spikes
start_scope()
G = NeuronGroup(1, eqs, threshold='v>0.8', reset='v = 0', method='exact')
spikemon = SpikeMonitor(G)
run(50*ms)
print('Spike times: %s' % spikemon.t[:])

# Refractoriness
start_scope()
eqs_ref = '''
dv/dt = (1-v)/tau : 1 (unless refractory)
'''
G = NeuronGroup(1, eqs_ref, threshold='v>0.8', reset='v = 0', refractory=5*ms, method='exact')
spikemon = SpikeMonitor(G)
run(50*ms)
print('Spike times (refractory 5 ms): %s' % spikemon.t[:])

start_scope()
tau = 5*ms
G = NeuronGroup(1, eqs, threshold='v>0.8', reset='v = 0', refractory=15*ms, method='exact')
spikemon = SpikeMonitor(G)
run(50*ms)
print("Spike times: %s" % spikemon.t[:])

# Multiple neurons
start_scope()
N = 100
tau = 10*ms
eqs = '''
dv/dt = (2-v)/tau : 1
'''
G = NeuronGroup(N, eqs, threshold='v>1', reset='v=0', method='exact')
G.v = 'rand()'
spikemon = SpikeMonitor(G)
run(50*ms)
print('~ spikes of 100 neurons in 50 ms: %d' % spikemon.num_spikes)

# Parameters
start_scope()
N = 100
tau = 10*ms
v0_max = 3.
duration = 1000*ms
eqs = '''
dv/dt = (v0-v)/tau : 1 (unless refractory)
v0 : 1
'''
G = NeuronGroup(N, eqs, threshold='v>1', reset='v=0', refractory=5*ms, method='exact')
M = SpikeMonitor(G)
G.v0 = 'i*v0_max/(N-1)'
run(duration)
print('firing rates (sp/s) of neurons 0, 50, 99: %s' % (M.count[[0, 50, 99]]/duration))
print('spikes: %d' % M.num_spikes)

# Stochastic neurons
start_scope()
sigma = 0.2
eqs = '''
dv/dt = (v0-v)/tau+sigma*xi*tau**-0.5 : 1 (unless refractory)
v0 : 1
'''
G = NeuronGroup(N, eqs, threshold='v>1', reset='v=0', refractory=5*ms, method='euler')
M = SpikeMonitor(G)
G.v0 = 'i*v0_max/(N-1)'
run(duration)
print('~ noisy: mean rate of neurons 90-99 (sp/s): %.1f' % (mean(M.count[90:])/duration/Hz))

# End of tutorial
start_scope()
N = 1000
tau = 10*ms
vr = -70*mV
vt0 = -50*mV
delta_vt0 = 5*mV
tau_t = 100*ms
sigma = 0.5*(vt0-vr)
v_drive = 2*(vt0-vr)
duration = 100*ms
eqs = '''
dv/dt = (v_drive+vr-v)/tau + sigma*xi*tau**-0.5 : volt
dvt/dt = (vt0-vt)/tau_t : volt
'''
reset = '''
v = vr
vt += delta_vt0
'''
G = NeuronGroup(N, eqs, threshold='v>vt', reset=reset, refractory=5*ms, method='euler')
spikemon = SpikeMonitor(G)
G.v = 'rand()*(vt0-vr)+vr'
G.vt = vt0
run(duration)
print('~ adapting threshold: spikes in the first 10 ms: %d' % sum(spikemon.t < 10*ms))
print('~ adapting threshold: spikes in the last 50 ms: %d' % sum(spikemon.t >= 50*ms))
