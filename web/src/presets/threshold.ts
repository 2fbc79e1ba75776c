import { bisectThresholds, buildAxons, HH_AXON_EQUATIONS } from '../../../examples/models/hh-axons.ts';
import { defaultclock, ms, runAsync, StateMonitor } from '../../../src/index.ts';
import { count, neuronSeries, type Preset } from './preset.ts';

/**
 * Case study 3 of the Brian 2 paper (examples/threshold-bisection.ts): the run is an experiment
 * of several runs, each restoring the stored state; the figures show the last one.
 */
export const threshold: Preset = {
  id: 'threshold',
  title: 'Case study 3: threshold finding by bisection',
  description:
    'Hodgkin–Huxley axons with increasing sodium density, depolarised and run again and again from a stored state: the initial voltage is bisected towards each threshold.',
  equations: HH_AXON_EQUATIONS.trim(),
  parameters: `N = 100
iterations = 10
El = 10.613*mV
ENa = 115*mV
EK = -12*mV
gl = 0.3*msiemens/cm**2
gK = 36*msiemens/cm**2
C = 1*ufarad/cm**2
gNa_min = 15*msiemens/cm**2
gNa_max = 100*msiemens/cm**2`,
  duration: '20*ms',
  seed: 1,
  build({ equations, parameters }) {
    defaultclock.dt = ms(0.01);
    const N = count(parameters, 'N');
    const iterations = count(parameters, 'iterations');
    const axons = buildAxons(N, equations, parameters, 'exponential_euler');
    const shown = [...new Set([0, Math.floor(N / 3), Math.floor((2 * N) / 3), N - 1])];
    const monitor = new StateMonitor(axons.neurons, 'v', { record: shown });
    let history: Float64Array[] = [];
    return {
      spikes: {
        monitor: axons.spikes,
        size: N,
        label: 'Spikes of the last run (axon index ~ sodium density)',
      },
      traces: { monitor, series: neuronSeries('v', shown), unit: 'mV', label: 'v' },
      async run(duration, options) {
        const report = options.report;
        history = await bisectThresholds(axons, iterations, (k) =>
          runAsync(duration, {
            ...options,
            report:
              typeof report === 'function'
                ? (elapsed, completed, start, length) =>
                    report(elapsed, (k + completed) / iterations, start, length)
                : report,
          }),
        );
        return iterations * duration.value;
      },
      summary() {
        const v0 = history.at(-1);
        if (!v0) return '';
        const gNa = axons.neurons.gNa_ as Float64Array;
        const at = (k: number) => `${(gNa[k] / 10).toFixed(0)} mS/cm²: ${(v0[k] * 1e3).toFixed(2)} mV`;
        return `Thresholds after ${history.length} runs: ${shown.map(at).join(', ')}.`;
      },
    };
  },
};
