/**
 * Ball and stick with Na and K channels in an initial segment (Brian's
 * examples/compartmental/spike_initiation.py).
 *
 *   npx tsx examples/compartmental/spike-initiation.ts [--out out/spike-initiation] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, saveFigure, traces } from '../../src/plot/index.ts';
import { compartmentalArgs } from './models/options.ts';
import { spikeInitiationModel } from './models/spike-initiation.ts';

const args = compartmentalArgs('out/spike-initiation');
const r = spikeInitiationModel();
const peak = (v: ArrayLike<number>) => Math.max(...Array.from(v)) * 1e3;
console.log(r.record.map((k, n) => `peak v in compartment ${k}: ${peak(r.v[n]).toFixed(3)} mV`).join('\n'));
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: r.t,
        series: r.record.map((k, n) => ({ label: `compartment ${k}`, values: r.v[n] })),
        unit: 'V',
        yLabel: 'v',
        title: 'Spikes start in the initial segment (30-60 um along the axon)',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
