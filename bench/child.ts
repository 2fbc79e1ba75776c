/**
 * One brian-ts benchmark run in a fresh process (started by bench/run.ts, so peak RSS is this
 * run's alone):  tsx bench/child.ts MODEL N DURATION_S DEVICE
 * Prints one line `RESULT {json}`: the model's BenchResult plus rss_mb and the node version.
 */
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
// maxRSS is in KiB: the peak resident set of this process (the whole run)
result.rss_mb = process.resourceUsage().maxRSS / 1024;
result.version = `node ${process.version}`;
console.log(`RESULT ${JSON.stringify(result)}`);
process.exitCode = result.status === 'failed' ? 1 : 0;
