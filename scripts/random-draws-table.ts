/**
 * Writes src/core/random/draws.reference.json: the reference table of random draws that every
 * target is checked against (core/random/draws.test.ts for JavaScript; test/standalone/
 * random-draws.test.ts for brianlib's C++, the compiled runtime kernels and the standalone program
 * with 1 and n threads; test/mpi for n processes). Run it only when the generator is changed on
 * purpose: `npx tsx scripts/random-draws-table.ts`.
 */
import { writeFileSync } from 'node:fs';
import {
  DRAW_SEQUENCE,
  firstDraw,
  LONG_RUN,
  longRunSums,
  MODEL,
  SEQUENCES,
  sequenceDraws,
  THREEFRY_KAT,
} from '../test/helpers/random-draws.ts';

const LONG_RUN_KEY = { seed: 7, epoch: 0, stream: 4, time: 11, once: false, element: 5 };
const steps = Array.from({ length: MODEL.steps }, (_, k) => k);
const elements = Array.from({ length: MODEL.N }, (_, k) => k);
const at = (stream: number, epoch: number, time: number, once: boolean, site: number, element: number) => ({
  seed: MODEL.seed,
  epoch,
  stream,
  time,
  once,
  site,
  element,
});
const model = {
  ...MODEL,
  // G.z = 'rand()' on the first group: the first one-off call that draws (call 0, epoch 0).
  setter: elements.map((e) => firstDraw(at(0, 0, 0, true, 0, e), 'rand')),
  // runRegularly 'x = rand(); y = randn(); k = poisson(lambda)': stream 1, sites 0, 1, 2 at
  // every step; the second group (stream 2) runs in a second network from t = 0, so in epoch 1.
  recorded: MODEL.groups.map((g, epoch) => {
    const stream = 1 + epoch;
    const trace = (site: number, what: 'rand' | 'randn' | 'poisson') =>
      elements.map((e) => steps.map((s) => firstDraw(at(stream, epoch, s, false, site, e), what)));
    return { group: g, x: trace(0, 'rand'), y: trace(1, 'randn'), k: trace(2, 'poisson') };
  }),
};
const table = {
  about:
    "Reference draws of brian-ts's counter-based generator (src/core/random), written by scripts/random-draws-table.ts; every target must reproduce them bit for bit.",
  threefry2x32_20_known_answers: THREEFRY_KAT,
  sequence: DRAW_SEQUENCE,
  sequences: SEQUENCES.map((key) => ({ ...key, draws: sequenceDraws(key) })),
  long_run: { ...LONG_RUN_KEY, length: LONG_RUN, sums: longRunSums(LONG_RUN_KEY) },
  model,
};
writeFileSync(
  new URL('../src/core/random/draws.reference.json', import.meta.url),
  `${JSON.stringify(table, null, 1).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`,
);
