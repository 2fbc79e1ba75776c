/**
 * A short cylinder with constant injection at one end (Brian's examples/compartmental/cylinder.py).
 *
 *   npx tsx examples/compartmental/cylinder.ts [--out out/cylinder] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, line, saveFigure } from '../../src/plot/index.ts';
import { cylinderModel } from './models/cylinder.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/cylinder');
const result = cylinderModel();
for (const line of result.printed) console.log(line);
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      line({
        x: result.distance,
        ys: [
          { label: 'simulation', values: result.v },
          { label: 'theory', values: result.theory },
        ],
        xLabel: 'x',
        xUnit: 'm',
        yLabel: 'v',
        yUnit: 'V',
        title: 'Passive cylinder, current injected at x = 0',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
