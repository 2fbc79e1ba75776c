import { linkedVar, ms, type Namespace, NeuronGroup, Synapses } from '../../src/index.ts';

/**
 * Case study 2 of Stimberg, Brette & Goodman (eLife 2019), the smooth pursuit reflex: the model,
 * shared by examples/smooth-pursuit.ts and the playground. The eye (x, its position, −1 … 1; x0,
 * the resting position the muscles set) follows a randomly moving object seen by a retina of
 * Gaussian receptive fields; each hemifield drives the motoneuron of one muscle.
 */
export const EYE_EQUATIONS = `
dx/dt = velocity : 1
dvelocity/dt = alpha*(x0-x)-beta*velocity : 1/second
dx0/dt = -x0/tau_muscle : 1
dx_object/dt = (noise - x_object)/tau_object: 1
dnoise/dt = -noise/tau_object + tau_object**-0.5*xi : 1
`;

/** The paper's constants: relaxation time and friction of the eye, muscles, object, retina. */
export function smoothPursuitConstants() {
  const N = 20;
  return {
    alpha: ms(50).pow(-2), // characteristic relaxation time 50 ms
    beta: ms(50).pow(-1), // friction
    tau_muscle: ms(20),
    tau_object: ms(500),
    taum: ms(20),
    gain: 4,
    N,
    width: 2 / N,
  };
}

/** The entries of `constants` among `names` (each group gets only the names it uses). */
function pick(constants: Namespace, names: readonly string[]): Namespace {
  return Object.fromEntries(names.filter((n) => n in constants).map((n) => [n, constants[n]]));
}

/**
 * The network: `eyeEquations` (EYE_EQUATIONS, or a variant making tau_object and tau_muscle
 * parameters, given then without them in `constants`) and the constants of
 * smoothPursuitConstants() (N: the number of retina neurons).
 */
export function buildSmoothPursuit(eyeEquations: string, constants: Namespace) {
  const eye = new NeuronGroup(1, eyeEquations, {
    method: 'euler',
    namespace: pick(constants, ['alpha', 'beta', 'tau_muscle', 'tau_object']),
  });

  // Two motoneurons, one per muscle; each spike is a twitch that moves the resting position.
  const motoneurons = new NeuronGroup(2, 'dv/dt = -v/taum : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    refractory: ms(5),
    method: 'exact',
    namespace: pick(constants, ['taum']),
  });
  const motosynapses = new Synapses(motoneurons, eye, { model: 'w : 1', onPre: 'x0_post += w' });
  motosynapses.connect(); // connects all motoneurons to the eye
  motosynapses.w = [-0.5, 0.5];

  // The retina: neurons with Gaussian receptive fields on the object's position relative to the eye.
  const eqs_retina = `
dv/dt = (I-(1+gs)*v)/taum : 1
I = gain*exp(-((x_object-x_eye-x_neuron)/width)**2) : 1
x_neuron : 1 (constant)
x_object : 1 (linked) # position of the object
x_eye : 1 (linked) # position of the eye
gs : 1 # total synaptic conductance
`;
  const retina = new NeuronGroup(Number(constants.N), eqs_retina, {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'exact',
    namespace: pick(constants, ['taum', 'gain', 'width']),
  });
  retina.v = 'rand()';
  retina.x_eye = linkedVar(eye, 'x');
  retina.x_object = linkedVar(eye, 'x_object');
  retina.x_neuron = '-1.0 + 2.0*i/(N-1)';

  // Each hemifield drives one motoneuron, more strongly the more eccentric the neuron.
  const sensorimotor_synapses = new Synapses(retina, motoneurons, {
    model: 'w : 1 (constant)',
    onPre: 'v_post += w',
  });
  sensorimotor_synapses.connect({ j: 'int(x_neuron_pre > 0)' });
  sensorimotor_synapses.w = '20*abs(x_neuron_pre)/N_pre';
  return { eye, motoneurons, motosynapses, retina, sensorimotor_synapses };
}
