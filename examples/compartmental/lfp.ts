/**
 * The Hodgkin–Huxley axon and the extracellular field potential at five electrodes, computed
 * with Synapses and a summed variable (Brian's examples/compartmental/lfp.py).
 *
 *   npx tsx examples/compartmental/lfp.ts [--out out/lfp] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, saveFigure, traces } from '../../src/plot/index.ts';
import { lfpModel } from './models/lfp.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/lfp');
const r = lfpModel();
const extreme = (v: ArrayLike<number>) => Math.max(...Array.from(v, Math.abs)) * 1e3;
console.log(r.lfp.map((v, k) => `electrode ${k}: largest |LFP| ${extreme(v).toFixed(6)} mV`).join('\n'));
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: r.t,
        series: r.v.map((values, k) => ({ label: `compartment ${r.record[k]}`, values })),
        unit: 'V',
        yLabel: 'V_m',
        title: 'Membrane potential',
      }),
      traces({
        t: r.t,
        series: r.lfp.map((values, k) => ({ label: `electrode ${k}`, values })),
        unit: 'V',
        yLabel: 'LFP',
        title: 'Extracellular potential',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
