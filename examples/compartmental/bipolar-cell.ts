/**
 * A pseudo MSO neuron with two dendrites and one axon, fake geometry (Brian's
 * examples/compartmental/bipolar_cell.py).
 *
 *   npx tsx examples/compartmental/bipolar-cell.ts [--out out/bipolar-cell] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, saveFigure, traces } from '../../src/plot/index.ts';
import { bipolarCellModel } from './models/bipolar-cell.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/bipolar-cell');
const r = bipolarCellModel();
const peak = (v: ArrayLike<number>) => Math.max(...Array.from(v)) * 1e3;
console.log(
  `peak v: soma ${peak(r.soma).toFixed(3)} mV, left dendrite at 50 um ${peak(r.L50).toFixed(3)} mV, right dendrite at 75 um ${peak(r.R75).toFixed(3)} mV`,
);
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: r.t,
        series: [
          { label: 'soma', values: r.soma },
          { label: 'L at 50 um', values: r.L50 },
          { label: 'R at 75 um', values: r.R75 },
        ],
        unit: 'V',
        yLabel: 'v',
        title: 'Current injected into the left dendrite',
      }),
      traces({
        t: r.t,
        series: r.dendrite.map((d) => ({ label: `L at ${d.x} um`, values: d.v })),
        unit: 'V',
        yLabel: 'v',
        title: 'Along the left dendrite',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
