/**
 * A pseudo MSO neuron with two dendrites (fake geometry) and synaptic inputs onto the last
 * compartment of each (Brian's examples/compartmental/bipolar_with_inputs2.py).
 *
 *   npx tsx examples/compartmental/bipolar-with-inputs2.ts [--out out/bipolar-with-inputs2] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, saveFigure, traces } from '../../src/plot/index.ts';
import { bipolarWithInputs2Model } from './models/bipolar-with-inputs2.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/bipolar-with-inputs2');
const r = bipolarWithInputs2Model();
const peak = (v: ArrayLike<number>) => Math.max(...Array.from(v)) * 1e3;
console.log(`synapses onto compartments ${r.synapseJ.join(', ')}`);
console.log(
  `peak v: soma ${peak(r.soma).toFixed(3)} mV, end of L ${peak(r.LEnd).toFixed(3)} mV, end of R ${peak(r.REnd).toFixed(3)} mV`,
);
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: r.t,
        series: [
          { label: 'soma', values: r.soma },
          { label: 'end of L', values: r.LEnd },
          { label: 'end of R', values: r.REnd },
        ],
        unit: 'V',
        yLabel: 'v',
      }),
      traces({
        t: r.t,
        series: r.LAlong.map((v, k) => ({ label: `L compartment ${5 * k}`, values: v })),
        unit: 'V',
        yLabel: 'v',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
