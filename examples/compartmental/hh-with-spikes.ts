/**
 * The Hodgkin–Huxley equations (1952) on an axon: spikes are recorded along it and the
 * conduction velocity computed (Brian's examples/compartmental/hh_with_spikes.py).
 *
 *   npx tsx examples/compartmental/hh-with-spikes.ts [--out out/hh-with-spikes] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, line, raster, saveFigure, traces } from '../../src/plot/index.ts';
import { hhWithSpikesModel } from './models/hh-with-spikes.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/hh-with-spikes');
const r = hhWithSpikesModel();
for (const printed of r.printed) console.log(printed);
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: r.t,
        series: r.v.map((values, k) => ({ label: `compartment ${r.record[k]}`, values })),
        unit: 'V',
        yLabel: 'v',
        title: 'Action potential along the axon',
      }),
      raster({ t: r.spikeT, i: r.spikeI, size: 1000, title: 'Spikes (compartment index)' }),
      line({
        x: r.spikeT,
        ys: [{ label: 'fit', values: Array.from(r.spikeT, (t) => r.intercept + r.slope * t) }],
        xLabel: 't',
        xUnit: 's',
        yLabel: 'position',
        yUnit: 'm',
        title: `Conduction velocity ${r.slope.toFixed(2)} m/s`,
        marker: false,
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
