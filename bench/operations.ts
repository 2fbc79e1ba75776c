/**
 * Where a bench model's step loop goes, operation by operation (Brian's `profile=True`), on any
 * device and thread count (`BENCH_THREADS`). For the networks (CUBA, COBAHH) it adds the spike
 * propagation (issue 19): synaptic events per second and ns per event through the pathways,
 * beside the bytes per event of the data layout and this machine's STREAM triad bandwidth
 * (22 GB/s on one core, ../shared/docs/perf-baselines.md).
 *
 *   npx tsx bench/operations.ts [--model cuba] [--N 64000] [--duration 1] [--device cpp_standalone|runtime_cpp|runtime]
 */
import { profilingSummary } from '../src/node.ts';
import { parseToolArgs } from './lib/cli.ts';
import { modelSpec } from './models/registry.ts';
import type { Device } from './models/types.ts';

const { values } = parseToolArgs(
  {
    N: { type: 'string', default: '64000' },
    duration: { type: 'string', default: '1' },
    device: { type: 'string', default: 'cpp_standalone' },
    model: { type: 'string', default: 'cuba' },
  },
  'npx tsx bench/operations.ts [--model cuba] [--N 64000] [--duration 1] [--device cpp_standalone|runtime_cpp|runtime]',
);
const N = Number(values.N);
process.env.BENCH_PROFILE = '1';
let rows: { name: string; seconds: number }[] = [];
const spec = modelSpec(values.model);
const result = spec.run(N, Number(values.duration), values.device as Device, {
  afterRun(net) {
    const summary = profilingSummary(net);
    rows = summary.names.map((name, k) => ({ name, seconds: summary.times[k].value }));
  },
});
if (result.status !== 'ok') throw new Error(result.reason);
const events = spec.synapticEvents({ N, spikes: result.spikes, synapses: result.synapses, ...result.extra });
const STREAM_TRIAD = 22e9;
console.log(
  `${values.model} N=${N}, ${values.duration} s on ${values.device}: ${result.spikes} spikes, ${result.synapses} synapses, ${events.toExponential(3)} synaptic events; step loop ${result.sim_s.toFixed(3)} s`,
);
console.log('| operation | s | share of loop |');
console.log('|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.seconds.toFixed(4)} | ${((100 * r.seconds) / result.sim_s).toFixed(1)} % |`);
}
// The pathways (`<synapses>_pre`): every synaptic event goes through one of them.
if (events === 0) process.exit(0);
const propagation = rows.filter((r) => r.name.endsWith('_pre')).reduce((sum, r) => sum + r.seconds, 0);
console.log(
  `propagation: ${propagation.toFixed(4)} s, ${(events / propagation).toExponential(3)} events per s, ${((1e9 * propagation) / events).toFixed(2)} ns per event`,
);
// Bytes per event of the layout (source-ordered synapses, one homogeneous delay): the
// postsynaptic index (int32, read in rows) and a read-modify-write of the target's double; the
// due-synapse list is rebuilt in cache every step.
const bytes = 4 + 2 * 8;
console.log(
  `bytes per event (index + read and write of the target): ${bytes}; at ${(STREAM_TRIAD / 1e9).toFixed(0)} GB/s that bounds propagation at ${(STREAM_TRIAD / bytes).toExponential(2)} events per s`,
);
// The bound above assumes streaming; each event's target is a random read-modify-write that the
// state update has often evicted, so latency binds first (bench/README.md, stop 27).
console.log(
  'the floor of this memory work on this machine, targets evicted by a state update: npx tsx bench/propagation-floor.ts',
);
