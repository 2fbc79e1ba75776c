/**
 * The Morphology object and spatial access to a SpatialNeuron's variables (Brian's
 * examples/compartmental/morphotest.py).
 *
 *   npx tsx examples/compartmental/morphotest.ts
 */
import { morphotestModel } from './models/morphotest.ts';

const r = morphotestModel();
console.log(r.topology);
for (const line of r.printed) console.log(line);
