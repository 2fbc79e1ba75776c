/**
 * Dynamic synapses: Tsodyks, Pawelzik & Markram (1998), "Neural networks with dynamic synapses",
 * Neural Computation 10, Fig. 1, as Brian's examples/frompapers/Tsodyks_Pawelzik_Markram_1998.py.
 * A passive membrane receives one synapse whose resources are recovered (x), active (y) and
 * inactive (z = 1 - x - y); each presynaptic spike activates a fraction U_SE (depressing synapse)
 * or u (facilitating synapse, u growing with each spike) of the recovered resources. The input
 * is a regular spike train from a SpikeGeneratorGroup.
 *
 *   A: depressing synapse, 20 Hz input from 100 to 1100 ms
 *   B: facilitating synapse, 20 Hz input
 *   C: facilitating synapse, 70 Hz input from 100 to 375 ms
 *
 *   npx tsx examples/tsodyks-stp.ts [--out out/tsodyks-stp]
 */
import { parseArgs } from 'node:util';
import {
  Gohm,
  Hz,
  Mohm,
  ms,
  Network,
  NeuronGroup,
  pA,
  type Quantity,
  QuantityArray,
  SpikeGeneratorGroup,
  StateMonitor,
  Synapses,
} from '../src/node.ts';
import { figure, saveFigure, traces } from '../src/plot/index.ts';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'out/tsodyks-stp' } },
});

const neuronEquations = `
  tau_mem : second
  I_syn : ampere
  R_in : ohm
  dv/dt = -v/tau_mem + (R_in*I_syn)/tau_mem : volt
`;
const depressing = `
  dx/dt =  z/tau_rec   : 1 (clock-driven) # recovered
  dy/dt = -y/tau_inact : 1 (clock-driven) # active
  A_SE : ampere
  U_SE : 1
  tau_inact : second
  tau_rec : second
  z = 1 - x - y : 1 # inactive
  I_syn_post = A_SE*y : ampere (summed)
`;
const facilitating = `${depressing}
  du/dt = -u/tau_facil : 1 (clock-driven)
  tau_facil : second
`;
const onPreDepressing = `
  y += U_SE*x # important: update y first
  x += -U_SE*x
`;
const onPreFacilitating = `
  u += U_SE*(1-u)
  y += u*x # important: update y first
  x += -u*x
`;

interface PanelSpec {
  readonly title: string;
  readonly neuron: { tau_mem: Quantity; R_in: Quantity };
  readonly synapse: Record<string, Quantity | number>;
  readonly stimulus: { start: Quantity; stop: Quantity; frequency: Quantity };
  readonly duration: Quantity;
}

const panels: Record<string, PanelSpec> = {
  A: {
    title: 'A: depressing synapse, 20 Hz',
    neuron: { tau_mem: ms(40), R_in: Mohm(100) },
    synapse: { tau_inact: ms(3), A_SE: pA(250), tau_rec: ms(800), U_SE: 0.6 },
    stimulus: { start: ms(100), stop: ms(1100), frequency: Hz(20) },
    duration: ms(1200),
  },
  B: {
    title: 'B: facilitating synapse, 20 Hz',
    neuron: { tau_mem: ms(60), R_in: Gohm(1) },
    synapse: { tau_inact: ms(1.5), A_SE: pA(1540), tau_rec: ms(130), U_SE: 0.03, tau_facil: ms(530) },
    stimulus: { start: ms(100), stop: ms(1100), frequency: Hz(20) },
    duration: ms(1200),
  },
  C: {
    title: 'C: facilitating synapse, 70 Hz',
    neuron: { tau_mem: ms(60), R_in: Gohm(1) },
    synapse: { tau_inact: ms(1.5), A_SE: pA(1540), tau_rec: ms(130), U_SE: 0.03, tau_facil: ms(530) },
    stimulus: { start: ms(100), stop: ms(375), frequency: Hz(70) },
    duration: ms(500),
  },
};

/** The example's get_stimulus: np.arange(start/ms, stop/ms, 1/(frequency/Hz)*1e3)*ms. */
function stimulusTimes({ start, stop, frequency }: PanelSpec['stimulus']): QuantityArray {
  const startMs = start.value * 1e3;
  const stepMs = (1 / frequency.value) * 1e3;
  const n = Math.ceil((stop.value * 1e3 - startMs) / stepMs);
  return QuantityArray.from(
    Array.from({ length: n }, (_, k) => startMs + k * stepMs),
    ms,
  );
}

const results = [];
for (const [name, p] of Object.entries(panels)) {
  const facil = 'tau_facil' in p.synapse;
  const neuron = new NeuronGroup(1, neuronEquations, { method: 'exact', name: `neuron_${name}` });
  neuron.tau_mem = p.neuron.tau_mem;
  neuron.R_in = p.neuron.R_in;
  const times = stimulusTimes(p.stimulus);
  const stimulus = new SpikeGeneratorGroup(1, new Int32Array(times.length), times, {
    name: `stimulus_${name}`,
  });
  const synapses = new Synapses(stimulus, neuron, {
    model: facil ? facilitating : depressing,
    onPre: facil ? onPreFacilitating : onPreDepressing,
    method: 'exponential_euler',
    name: `synapses_${name}`,
  });
  synapses.connect();
  synapses.x = 1; // start fully recovered
  for (const [variable, value] of Object.entries(p.synapse)) synapses.setState(variable, value);
  const state = new StateMonitor(neuron, 'v', { record: true });
  const resources = new StateMonitor(synapses, facil ? ['x', 'u'] : ['x'], { record: true });
  new Network(neuron, stimulus, synapses, state, resources).run(p.duration);

  const v = state.v_[0] as Float64Array;
  let peak = 0;
  for (const x of v) peak = Math.max(peak, x);
  const x = resources.x_[0] as Float64Array;
  let minX = 1;
  for (const value of x) minX = Math.min(minX, value);
  console.log(
    `${p.title}: ${times.length} input spikes, peak v ${(peak * 1e3).toFixed(3)} mV, ` +
      `final v ${(neuron.v_[0] * 1e3).toFixed(4)} mV, lowest x ${minX.toFixed(4)}` +
      (facil ? `, highest u ${Math.max(...(resources.u_[0] as Float64Array)).toFixed(4)}` : ''),
  );
  results.push({ title: p.title, t: state.t_ as Float64Array, v, duration: p.duration });
}

const files = await saveFigure(
  figure(
    results.map((r) =>
      traces({
        t: r.t,
        series: [{ label: 'postsynaptic neuron', values: r.v }],
        unit: 'V',
        yLabel: 'v',
        title: r.title,
        tRange: [0, r.duration.value],
      }),
    ),
    { title: 'Tsodyks, Pawelzik & Markram (1998), Fig. 1' },
  ),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
