/**
 * Rallpacks 1–3 (Bhalla et al. 1992) with Brian's test models, errors measured as Brian's test
 * does (RMS and maximum of the difference to the reference solution, relative to its range, in
 * %), printed next to Brian 2.5.1's on the same runs (test/reference/rallpack_brian.json, made
 * by test/reference/scripts/rallpack_brian.py with Brian's default cython target).
 *
 *   npx tsx examples/compartmental/rallpack.ts [--device runtime|runtime_cpp|cpp_standalone] [--only 1,2,3]
 */
import { parseArgs } from 'node:util';
import { resetDevice } from '../../src/devices/active.ts';
import { defaultclock, startScope } from '../../src/node.ts';
import { loadReference } from '../../test/helpers/reference.ts';
import { rallpackErrors, readRallpack } from '../../test/spatial/rallpack.ts';
import { selectExampleDevice } from '../models/device-option.ts';
import { rallpack1, rallpack2, rallpack3 } from './models/rallpack.ts';

const { values: args } = parseArgs({
  options: {
    device: { type: 'string', default: 'runtime' },
    project: { type: 'string', default: 'out/rallpack-standalone' },
    only: { type: 'string', default: '1,2,3' },
  },
});
const brian = loadReference('rallpack_brian');
const runs = [
  { name: 'rallpack1', run: rallpack1, refs: ['ref_cable.0', 'ref_cable.x'], every: 1, limits: '0.1 / 0.5' },
  {
    name: 'rallpack2',
    run: rallpack2,
    refs: ['ref_branch.0', 'ref_branch.x'],
    every: 2,
    limits: '0.25 / 0.5',
  },
  {
    name: 'rallpack3',
    run: rallpack3,
    refs: ['ref_axon.0.neuron', 'ref_axon.x.neuron'],
    every: 1,
    limits: '0.1 / 0.5',
  },
].filter((r) => args.only.split(',').includes(r.name.slice(-1)));

const pct = (x: number) => x.toFixed(5).padStart(9);
console.log(
  `device: ${args.device}; errors in % of the reference's range (RMS / maximum), Brian's test limits beside`,
);
console.log('| rallpack | site | brian-ts RMS | brian-ts max | Brian 2.5.1 RMS | Brian 2.5.1 max | limits |');
console.log('|---|---|---|---|---|---|---|');
for (const r of runs) {
  resetDevice();
  startScope();
  defaultclock.timestep = 0; // each Rallpack starts at t = 0 with its own dt
  if (args.device !== 'runtime') selectExampleDevice({ ...args, project: `${args.project}-${r.name}` });
  const result = r.run();
  const ours = [result.origin, result.end].map((trace, k) =>
    rallpackErrors(trace, readRallpack(r.refs[k], r.every).v),
  );
  const theirs = [brian[r.name].origin, brian[r.name].end];
  ['origin', 'end'].forEach((site, k) => {
    console.log(
      `| ${r.name} | ${site} | ${pct(100 * ours[k].relRMS)} | ${pct(100 * ours[k].maxRel)} | ${pct(theirs[k].rel_rms_percent)} | ${pct(theirs[k].max_rel_percent)} | ${r.limits} |`,
    );
  });
}
