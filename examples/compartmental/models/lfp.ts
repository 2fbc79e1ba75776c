import {
  amp,
  Cylinder,
  cm,
  defaultclock,
  metre,
  mm,
  ms,
  NeuronGroup,
  QuantityArray,
  run,
  SpatialNeuron,
  StateMonitor,
  Synapses,
  siemens,
  uA,
  um,
} from '../../../src/node.ts';
import { HH_AXON_EQUATIONS, hhAxonCable, hhAxonNamespace, setHhAxonAtRest } from './hh-axon.ts';

/**
 * Brian's examples/compartmental/lfp.py: the Hodgkin–Huxley axon (no sodium channels in its
 * second half), and the extracellular potential at five electrodes, computed by Synapses from
 * every compartment with a summed variable (point-source approximation in a medium of
 * conductivity sigma).
 */
export function lfpModel() {
  defaultclock.dt = ms(0.01);
  const morpho = new Cylinder({
    x: QuantityArray.from([0, 10], cm),
    diameter: um(2 * 238),
    n: 1000,
    type: 'axon',
  });
  const namespace = hhAxonNamespace();
  const neuron = new SpatialNeuron(morpho, HH_AXON_EQUATIONS, {
    ...hhAxonCable(),
    namespace,
  });
  setHhAxonAtRest(neuron, namespace);
  neuron.slice(cm(5), cm(10)).gNa = siemens(0).div(cm.pow(2));
  const record = Array.from({ length: 10 }, (_, k) => 100 * k);
  const M = new StateMonitor(neuron, 'v', { record });

  // LFP recorder
  const Ne = 5; // Number of electrodes
  const sigma = siemens(0.3).div(metre); // Resistivity of extracellular field (0.3-0.4 S/m)
  const lfp = new NeuronGroup(Ne, 'v : volt\nx : meter\ny : meter\nz : meter');
  lfp.x = cm(7); // Off center (to be far from stimulating electrode)
  lfp.y = QuantityArray.from([1, 2, 4, 8, 16], mm);
  const S = new Synapses(neuron, lfp, {
    model: `w : ohm*meter**2 (constant) # Weight in the LFP calculation
            v_post = w*(Ic_pre-Im_pre) : volt (summed)`,
    namespace: { sigma },
  });
  // Otherwise Ic has not yet been updated for the current time step (Brian's
  // `S.summed_updaters['v_post'].when = 'after_groups'`).
  (S.summedUpdaters[0] as { when: string }).when = 'after_groups';
  S.connect();
  S.w = 'area_pre/(4*pi*sigma)/((x_pre-x_post)**2+(y_pre-y_post)**2+(z_pre-z_post)**2)**.5';
  const Mlfp = new StateMonitor(lfp, 'v', { record: true });

  run(ms(50), { report: 'text' });
  neuron.I[0] = uA(1); // current injection at one end
  run(ms(3));
  neuron.I = amp(0);
  run(ms(100), { report: 'text' });
  return { t: M.t_, record, v: M.traces_('v'), lfp: Mlfp.traces_('v') };
}
