import {
  amp,
  Cylinder,
  cm,
  defaultclock,
  ms,
  run,
  SpatialNeuron,
  SpikeMonitor,
  StateMonitor,
  uA,
  um,
} from '../../../src/node.ts';
import { HH_AXON_EQUATIONS, hhAxonCable, hhAxonNamespace, setHhAxonAtRest } from './hh-axon.ts';

/** Least-squares line through (x, y) (scipy's `stats.linregress` slope and intercept). */
export function linearRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { slope: number; intercept: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += x[k];
    my += y[k];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * Brian's examples/compartmental/hh_with_spikes.py: a 10 cm Hodgkin–Huxley axon of 1000
 * compartments, spikes detected in every compartment (threshold and refractoriness on m),
 * conduction velocity from a linear fit of spike position against time.
 */
export function hhWithSpikesModel() {
  defaultclock.dt = ms(0.01);
  const morpho = new Cylinder({ length: cm(10), diameter: um(2 * 238), n: 1000, type: 'axon' });
  const namespace = hhAxonNamespace();
  const neuron = new SpatialNeuron(morpho, HH_AXON_EQUATIONS, {
    ...hhAxonCable(),
    refractory: 'm > 0.4',
    threshold: 'm > 0.5',
    namespace,
  });
  setHhAxonAtRest(neuron, namespace);
  const record = Array.from({ length: 10 }, (_, k) => 100 * k);
  const M = new StateMonitor(neuron, 'v', { record });
  const spikes = new SpikeMonitor(neuron);
  run(ms(50), { report: 'text' });
  neuron.I[0] = uA(1); // current injection at one end
  run(ms(3));
  neuron.I = amp(0);
  run(ms(50), { report: 'text' });
  // Calculation of velocity
  const distance = neuron.distance.values;
  const spikeT = Float64Array.from(spikes.t_);
  const spikeI = Int32Array.from(spikes.i);
  const { slope, intercept } = linearRegression(
    spikeT,
    Array.from(spikeI, (i) => distance[i]),
  );
  const traces = M.traces_('v');
  return {
    printed: [`Velocity = ${slope.toFixed(2)} m/s`],
    slope,
    intercept,
    spikeT,
    spikeI,
    compartmentLength: neuron.state('length').values[0] as number,
    t: M.t_,
    record,
    v: traces,
  };
}
