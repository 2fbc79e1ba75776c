import { buildSmoothPursuit, EYE_EQUATIONS } from '../../../examples/models/smooth-pursuit-model.ts';
import { SpikeMonitor, StateMonitor } from '../../../src/index.ts';
import { count, type Preset } from './preset.ts';

/** Case study 2 of the Brian 2 paper (examples/smooth-pursuit.ts), the "ocular" model. */
export const smoothPursuit: Preset = {
  id: 'smooth-pursuit',
  title: 'Case study 2: smooth pursuit eye movements',
  description:
    'An eye held by two muscles follows a randomly moving object seen by a retina of 20 neurons; each hemifield drives one motoneuron.',
  equations: EYE_EQUATIONS.trim(),
  parameters: `alpha = (50*ms)**-2   # relaxation time of the eye
beta = 1/(50*ms)      # friction
tau_muscle = 20*ms
tau_object = 500*ms
taum = 20*ms          # retina and motoneurons
gain = 4
N = 20                # retina neurons
width = 2/N           # receptive field width`,
  duration: '10*second',
  seed: 79620,
  build({ equations, parameters }) {
    count(parameters, 'N');
    const { eye, retina } = buildSmoothPursuit(equations, parameters);
    return {
      spikes: { monitor: new SpikeMonitor(retina), size: retina.N, label: 'Retina spikes' },
      traces: {
        monitor: new StateMonitor(eye, ['x', 'x_object'], { record: 0 }),
        series: [
          { name: 'eye position x', variable: 'x', element: 0 },
          { name: 'object position', variable: 'x_object', element: 0 },
        ],
        unit: '',
        label: 'position',
      },
    };
  },
};
