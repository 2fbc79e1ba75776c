/**
 * A cylinder plus two branches with diameters following Rall's formula (Brian's
 * examples/compartmental/rall.py): the tree behaves as one equivalent cylinder.
 *
 *   npx tsx examples/compartmental/rall.ts [--out out/rall] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, line, saveFigure } from '../../src/plot/index.ts';
import { compartmentalArgs } from './models/options.ts';
import { rallModel } from './models/rall.ts';

const args = compartmentalArgs('out/rall');
const r = rallModel();
console.log(
  `space constants: main ${(r.la * 1e6).toFixed(3)} um, L ${(r.l1 * 1e6).toFixed(3)} um, R ${(r.l2 * 1e6).toFixed(3)} um`,
);
if (!args['no-figure']) {
  const part = (name: 'main' | 'L' | 'R') =>
    line({
      x: r[name].distance,
      ys: [
        { label: 'simulation', values: r[name].v },
        { label: 'theory', values: r.theory[name] },
      ],
      xLabel: 'x',
      xUnit: 'm',
      yLabel: 'v',
      yUnit: 'V',
      title: `${name === 'main' ? 'Main cylinder' : `Branch ${name}`}`,
      marker: false,
    });
  const files = await saveFigure(figure([part('main'), part('L'), part('R')]), args.out);
  console.log(`figure: ${files.svg}, ${files.png}`);
}
