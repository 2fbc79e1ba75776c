/**
 * One brian-ts benchmark run in a fresh process (started by bench/run.ts, so peak RSS is this
 * run's alone):  tsx bench/child.ts MODEL N DURATION_S DEVICE
 * Prints one line `RESULT {json}`: the model's BenchResult plus rss_mb and the node version.
 */
import type { CppStandaloneDevice } from '../src/devices/standalone/cpp-standalone-device.ts';
import { getDevice } from '../src/node.ts';
import { modelSpec } from './models/registry.ts';
import { DEVICES, type Device } from './models/types.ts';

const [model, N, duration, device] = process.argv.slice(2);
if (!model || !N || !duration || !DEVICES.includes(device as Device)) {
  console.error('usage: tsx bench/child.ts MODEL N DURATION_S runtime|cpp_standalone');
  process.exit(2);
}

let result: Record<string, unknown>;
try {
  result = { ...modelSpec(model).run(Number(N), Number(duration), device as Device) };
} catch (e) {
  const code = (e as { code?: string }).code;
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  result = { status: 'failed', reason: code ? `[${code}] ${text}` : text };
}
// maxRSS is in KiB: the peak resident set of this process (the whole run). For C++ standalone
// the simulation runs in ./main, whose own peak is what counts (and what Brian's harness reports
// for its standalone runs); this driver process is reported beside it.
result.rss_mb = process.resourceUsage().maxRSS / 1024;
const active = getDevice();
if (device === 'cpp_standalone' && active.kind === 'cpp_standalone') {
  const program = (active as CppStandaloneDevice).timings.binaryPeakMemoryMb;
  if (program !== undefined) {
    result.driver_rss_mb = result.rss_mb;
    result.rss_mb = program;
  }
}
result.version = `node ${process.version}`;
console.log(`RESULT ${JSON.stringify(result)}`);
process.exitCode = result.status === 'failed' ? 1 : 0;
