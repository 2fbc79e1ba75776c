import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ms, NeuronGroup, run, SpikeGeneratorGroup, Synapses } from '../../src/index.ts';
import { onEachDevice, projectDirectory, STANDALONE_SKIP } from './devices.ts';

/**
 * A standalone pathway's kernel walks its due synapses as rows of consecutive synapse numbers
 * where the synapses are in source order with one delay (brianlib SpikeQueue::pop_due), and as a
 * list otherwise. Every shape of row is delivered as on the runtime device, to the bit: long
 * rows (one row prefetched ahead), rows of one or two synapses (several rows ahead), empty rows,
 * several sources due in one step, and the list cases beside them (per-synapse delays, synapses
 * out of source order). The sums are order-sensitive (terms of different magnitudes), so a
 * synapse applied out of the serial order changes their last bits.
 */
const NAME = 'due rows';

function program() {
  // Sources 0–5 spike alone and together (steps 10, 20, 30, 40, with two or three per step).
  const src = new SpikeGeneratorGroup(6, [0, 3, 1, 4, 5, 2, 0, 5, 3], ms([1, 1, 2, 2, 2, 3, 4, 4, 4]));
  const dst = new NeuronGroup(300, 'a : 1\nb : 1\nc : 1\nd : 1\nf : 1');
  const term = '1e-3*exp(0.1*i) + 1e5*(i == 3) + 0.1*j';
  // Long rows: every source to every target.
  const long = new Synapses(src, dst, { onPre: `a_post += ${term}` });
  long.connect();
  // Rows of one or two synapses, and empty rows (sources 1 and 4).
  const short = new Synapses(src, dst, { onPre: `b_post += ${term}` });
  short.connect({ condition: 'i != 1 and i != 4 and (j == 7*i or j == 7*i + 150*(i % 2))' });
  // Rows with a delay: delivered steps after the spike, still as rows.
  const delayed = new Synapses(src, dst, { onPre: `c_post += ${term}`, delay: ms(0.5) });
  delayed.connect({ condition: 'j % (i + 2) == 0' });
  // A list: per-synapse delays.
  const perSynapse = new Synapses(src, dst, { onPre: `d_post += ${term}` });
  perSynapse.connect({ condition: 'j % (i + 3) == 1' });
  perSynapse.delay = '(j % 4)*0.1*ms';
  // A list: synapses out of source order.
  const unordered = new Synapses(src, dst, { onPre: `f_post += ${term}` });
  unordered.connect({ i: [5, 0, 3, 0, 2, 5, 1, 3], j: [9, 9, 9, 8, 9, 8, 9, 7] });
  run(ms(6));
  const read = (name: 'a' | 'b' | 'c' | 'd' | 'f') => Array.from(dst[`${name}_`] as ArrayLike<number>);
  return { a: read('a'), b: read('b'), c: read('c'), d: read('d'), f: read('f') };
}

test('standalone pathways walk due rows or the due list, and deliver every synapse in the serial order', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime, standalone } = onEachDevice(NAME, program);
  for (const key of ['a', 'b', 'c', 'd', 'f'] as const) {
    assert.ok(
      runtime[key].some((x) => x !== 0),
      `${key}: some synapse delivered`,
    );
    assert.deepEqual(standalone[key], runtime[key], key);
  }
  // Source 3 spikes at steps 10 and 40: target 0 of the long rows gets its term twice, 5 others once.
  assert.ok(runtime.a[0] > 2e5 && runtime.a[0] < 3e5);

  // The kernels pop their own queues (the step loop only pushes) and have both walks.
  const directory = projectDirectory(NAME);
  const main = readFileSync(join(directory, 'main.cpp'), 'utf8');
  assert.match(main, /_queue_synapses\w*\.push\(/);
  assert.doesNotMatch(main, /_queue_synapses\w*\.pop\(/);
  const kernels = readdirSync(join(directory, 'kernels'))
    .filter((f) => f.endsWith('.cpp'))
    .map((f) => readFileSync(join(directory, 'kernels', f), 'utf8'))
    .join('\n');
  assert.equal(kernels.match(/\.pop_due\(/g)?.length, 5);
  assert.match(kernels, /brian::prefetch_run\(/);
});
