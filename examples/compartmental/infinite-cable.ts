/**
 * An (almost) infinite cable with a pulse injected in the middle (Brian's
 * examples/compartmental/infinite_cable.py), against the Green function of the cable equation.
 *
 *   npx tsx examples/compartmental/infinite-cable.ts [--out out/infinite-cable] [--device runtime|runtime_cpp|cpp_standalone] [--no-figure]
 */
import { figure, saveFigure, traces } from '../../src/plot/index.ts';
import { infiniteCableModel } from './models/infinite-cable.ts';
import { compartmentalArgs } from './models/options.ts';

const args = compartmentalArgs('out/infinite-cable');
const result = infiniteCableModel();
for (const line of result.printed) console.log(line);
if (!args['no-figure']) {
  const files = await saveFigure(
    figure([
      traces({
        t: result.t,
        series: [
          ...result.v.map((values, k) => ({ label: `compartment ${result.record[k]}`, values })),
          ...result.theory.map((values, k) => ({ label: `theory ${result.record[k]}`, values })),
        ],
        unit: 'V',
        yLabel: 'v',
        title: 'Pulse in the middle of a long cable: simulation and theory',
      }),
    ]),
    args.out,
  );
  console.log(`figure: ${files.svg}, ${files.png}`);
}
