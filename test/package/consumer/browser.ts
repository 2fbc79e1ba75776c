// Type-checked as a browser app would be: bundler resolution with the `browser` condition, the
// DOM library and no @types/node (the core's declarations must not need Node's).
import { ms, mV, NeuronGroup, runAsync, SpikeMonitor, startScope } from 'brian-ts';

export async function simulate(signal: AbortSignal, progress: HTMLProgressElement): Promise<number> {
  startScope();
  const G = new NeuronGroup(10, 'dv/dt = (-40*mV - v)/(10*ms) : volt', {
    threshold: 'v > -50*mV',
    reset: 'v = -60*mV',
    method: 'exact',
  });
  G.v = mV(-60);
  const M = new SpikeMonitor(G);
  await runAsync(ms(100), {
    signal,
    report: (_elapsed, completed) => {
      progress.value = completed;
    },
  });
  return M.num_spikes;
}
