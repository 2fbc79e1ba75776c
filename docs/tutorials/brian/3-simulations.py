"""Brian 2.5.1's tutorial 3 (Introduction to Brian part 3: Simulations), the cells that compute something,
printing what docs/tutorials/3-simulations.ts prints. Lines starting with '~ ' depend on random numbers.
Regenerate: /usr/bin/python3 docs/tutorials/brian/3-simulations.py > docs/tutorials/brian/3-simulations.out
The last cell reads docs/tutorials/brian.png (the tutorial's image) with matplotlib's imread.
"""
import os
import warnings

warnings.filterwarnings("ignore")
from brian2 import *  # noqa: E402,F401,F403

prefs.codegen.target = 'numpy'
BrianLogger.log_level_error()
seed(1)

num_inputs = 100
input_rate = 10*Hz
weight = 0.1
tau_range = linspace(1, 10, 30)*ms

# Multiple runs: store() and restore()
start_scope()
output_rates = []
P = PoissonGroup(num_inputs, rates=input_rate)
eqs = '''
dv/dt = -v/tau : 1
'''
G = NeuronGroup(1, eqs, threshold='v>1', reset='v=0', method='exact')
S = Synapses(P, G, on_pre='v += weight')
S.connect()
M = SpikeMonitor(G)
store()
for tau in tau_range:
    restore()
    run(1*second)
    output_rates.append(M.num_spikes/second)
output_rates = array(output_rates)
print('~ store/restore: mean rate for tau < 4 ms: %.1f sp/s' % mean(output_rates[:10]))
print('~ store/restore: mean rate for tau > 7 ms: %.1f sp/s' % mean(output_rates[20:]))

# The same input spikes for every run: SpikeGeneratorGroup
start_scope()
P = PoissonGroup(num_inputs, rates=input_rate)
MP = SpikeMonitor(P)
net = Network(P, MP)
net.run(1*second)
spikes_i = MP.i
spikes_t = MP.t
SGG = SpikeGeneratorGroup(num_inputs, spikes_i, spikes_t)
G = NeuronGroup(1, eqs, threshold='v>1', reset='v=0', method='exact')
S = Synapses(SGG, G, on_pre='v += weight')
S.connect()
M = SpikeMonitor(G)
net = Network(SGG, G, S, M)
net.store()
output_rates = []
for tau in tau_range:
    net.restore()
    net.run(1*second)
    output_rates.append(M.num_spikes/second)
output_rates = array(output_rates)
print('~ input spikes: %d' % len(spikes_t))
print('~ fixed input: mean rate for tau > 7 ms: %.1f sp/s' % mean(output_rates[20:]))
print('fixed input: rate never decreases with tau: %s' % all(diff(output_rates) >= 0))

# One run, one neuron per tau
start_scope()
num_tau = len(tau_range)
P = PoissonGroup(num_inputs, rates=input_rate)
eqs = '''
dv/dt = -v/tau : 1
tau : second
'''
G = NeuronGroup(num_tau, eqs, threshold='v>1', reset='v=0', method='exact')
G.tau = tau_range
S = Synapses(P, G, on_pre='v += weight')
S.connect()
M = SpikeMonitor(G)
run(1*second)
output_rates = M.count/second
print('~ one run: mean rate for tau > 7 ms: %.1f sp/s' % mean(output_rates[20:]))
trains = M.spike_trains()
isi = diff(trains[num_tau - 1])
print('~ one run: mean ISI at tau = 10 ms: %.1f ms' % (mean(isi)/ms))

# Changing things during a run
area = 20000*umetre**2
Cm = 1*ufarad*cm**-2 * area
gl = 5e-5*siemens*cm**-2 * area
El = -65*mV
EK = -90*mV
ENa = 50*mV
g_na = 100*msiemens*cm**-2 * area
g_kd = 30*msiemens*cm**-2 * area
VT = -63*mV
eqs_HH = '''
dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/
    (exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/
    (exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/
    (exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
I : amp
'''
for how in ['loop', 'run_regularly', 'network_operation']:
    start_scope()
    group = NeuronGroup(1, eqs_HH, threshold='v > -40*mV', refractory='v > -40*mV', method='exponential_euler')
    group.v = El
    statemon = StateMonitor(group, ['v', 'I'], record=True)
    spikemon = SpikeMonitor(group, variables='v')
    if how == 'loop':
        for l in range(5):
            group.I = rand()*50*nA
            run(10*ms)
    elif how == 'run_regularly':
        group.run_regularly('I = rand()*50*nA', dt=10*ms)
        run(50*ms)
    else:
        @network_operation(dt=10*ms)
        def change_I():
            group.I = rand()*50*nA
        run(50*ms)
    print('HH, current set by %s: %d samples, %d current values' % (how, len(statemon.t), len(unique(statemon.I[0]))))

# Per-neuron and shared currents
for shared in [False, True]:
    start_scope()
    eqs_HH_2 = eqs_HH.replace('/Cm', '/C').replace('I : amp', 'I : amp' + (' (shared)' if shared else '') + '\nC : farad')
    group = NeuronGroup(3, eqs_HH_2, threshold='v > -40*mV', refractory='v > -40*mV', method='exponential_euler')
    group.v = El
    group.C = array([0.8, 1, 1.2])*ufarad*cm**-2*area
    statemon = StateMonitor(group, ['v', 'I'], record=True)
    group.run_regularly('I = rand()*50*nA', dt=10*ms)
    run(50*ms)
    same = all(statemon.I[0] == statemon.I[1]) and all(statemon.I[1] == statemon.I[2])
    print('3 HH neurons, I %s: same current in all neurons: %s' % ('(shared)' if shared else 'per neuron', same))

# Adding input: a subexpression, then a TimedArray
start_scope()
A = 2.5
f = 10*Hz
tau = 5*ms
eqs = '''
dv/dt = (I-v)/tau : 1
I = A*sin(2*pi*f*t) : 1
'''
G = NeuronGroup(1, eqs, threshold='v>1', reset='v=0', method='euler')
M = StateMonitor(G, variables=True, record=True)
spikes = SpikeMonitor(G)
run(200*ms)
print('sine input: v at 200 ms %s, I at 50 ms %s, spikes %d' % (M.v[0][-1], M.I[0][500], spikes.num_spikes))

start_scope()
t_recorded = arange(int(200*ms/defaultclock.dt))*defaultclock.dt
I_recorded = TimedArray(A*sin(2*pi*f*t_recorded), dt=defaultclock.dt)
eqs = '''
dv/dt = (I-v)/tau : 1
I = I_recorded(t) : 1
'''
G = NeuronGroup(1, eqs, threshold='v>1', reset='v=0', method='exact')
M = StateMonitor(G, variables=True, record=True)
spikes = SpikeMonitor(G)
run(200*ms)
print('TimedArray input: v at 200 ms %s, spikes %d' % (M.v[0][-1], spikes.num_spikes))

# Reading data from a file: spikes that draw the Brian logo (brian.png)
start_scope()
from matplotlib.image import imread  # noqa: E402

img = (1-imread(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'brian.png')))[::-1, :, 0].T
num_samples, N = img.shape
ta = TimedArray(img, dt=1*ms)  # 228
A = 1.5
tau = 2*ms
eqs = '''
dv/dt = (A*ta(t, i)-v)/tau+0.8*xi*tau**-0.5 : 1
'''
G = NeuronGroup(N, eqs, threshold='v>1', reset='v=0', method='euler')
M = SpikeMonitor(G)
run(num_samples*ms)
print('brian.png: %d samples of %d neurons, %d dark pixels' % (num_samples, N, sum(img > 0.5)))
on_logo = img[array(M.t/ms, dtype=int), array(M.i)] > 0.5
print('~ logo: %d spikes' % M.num_spikes)
print('~ logo: %.2f of the spikes where the image is dark' % mean(on_logo))
