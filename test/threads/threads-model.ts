/**
 * A network that sends every parallel loop of the compiled kernels through its threaded path
 * (src/compiler/4-generate/cpp/openmp.ts): 3000 LIF neurons, the first 1500 starting at one
 * voltage so that they spike in one step (a threshold and a reset of ≥ 1024 events), plastic
 * synapses with pair STDP (on_pre writes the target neuron and the synapse, on_post the synapse,
 * ≥ 1024 due synapses per step), two pathways with heterogeneous delays between subgroups, and
 * a summed variable over 150 000 synapses. Not a test file.
 */
import { ms, mV, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, seed } from '../../src/index.ts';

export function threadsModel(): { spikes: SpikeMonitor; state: StateMonitor; P: NeuronGroup } {
  seed(7);
  const P = new NeuronGroup(
    3000,
    `dv/dt = (ge - (v - El))/taum : volt (unless refractory)
     dge/dt = -ge/taue : volt`,
    {
      threshold: 'v > Vt',
      reset: 'v = Vr',
      refractory: ms(3),
      method: 'exact',
      namespace: { taum: ms(20), taue: ms(5), Vt: mV(-50), Vr: mV(-60), El: mV(-49) },
    },
  );
  P.v = 'Vr + (i >= 1500) * rand() * (Vt - Vr)';
  const S = new Synapses(P, P, {
    model: `w : volt
            dapre/dt = -apre/taupre : volt (event-driven)
            dapost/dt = -apost/taupost : volt (event-driven)`,
    onPre: `ge += w
            apre += 0.01*mV
            w = clip(w + apost, 0*mV, 1*mV)`,
    onPost: `apost -= 0.012*mV
             w = clip(w + apre, 0*mV, 1*mV)`,
    namespace: { taupre: ms(20), taupost: ms(20) },
  });
  S.connect({ p: 0.05 });
  S.w = 'rand() * 0.5*mV';
  // Two more pathways between subgroups (offset targets), with heterogeneous delays: each
  // delay-ring slot then holds synapses, not sources (the split spike queue's other half).
  const R = new Synapses(P.slice(0, 2000), P.slice(1000), {
    model: 'w : volt',
    onPre: { pre1: 'ge += w', pre2: 'ge += 0.5*w' },
  });
  R.connect({ p: 0.02 });
  R.w = 'rand() * 0.2*mV';
  R.pathway('pre1').delay = 'rand() * 3*ms';
  R.pathway('pre2').delay = '1*ms + (j % 7) * 0.3*ms';
  const Q = new NeuronGroup(100, 'total : volt');
  const T = new Synapses(P, Q, { model: 'x : volt\ntotal_post = x * (v_pre > -55*mV) : volt (summed)' });
  T.connect({ p: 0.5 });
  T.x = 'rand() * mV';
  const spikes = new SpikeMonitor(P);
  const state = new StateMonitor(Q, 'total', { record: [0, 50, 99] });
  return { spikes, state, P };
}

/**
 * Parallel thresholds and shared-target propagation (without split queues: the runtime's
 * compiled kernels) are off by default (slower at the sizes measured); on here too.
 */
export const PARALLEL_ALL = {
  BRIAN_PARALLEL_THRESHOLD: '1',
  BRIAN_PARALLEL_PROPAGATION: '1',
  // Loops that timing may run on one thread (brianlib/loop_choice.h) always on all of them.
  BRIAN_LOOP_CHOICE: 'parallel',
};

/** Standalone propagation on one thread (no split spike queues). */
export const SERIAL_PROPAGATION = { BRIAN_PARALLEL_PROPAGATION: '0' };

export function withEnv<T>(vars: Record<string, string>, f: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
