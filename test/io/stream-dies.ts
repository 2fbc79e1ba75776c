/**
 * A run that dies: streams a SpikeMonitor and a StateMonitor to CSV files every 100 steps, and a
 * network operation kills the process (SIGKILL, no clean-up of any kind) at t = 50 ms.
 * Usage: tsx test/io/stream-dies.ts OUT_DIR [kill]   (without `kill`: runs 50 ms and exits normally)
 */
import { join } from 'node:path';
import { csvFileSink } from '../../src/io/files.ts';
import { ms, Network, NetworkOperation, SpikeMonitor, StateMonitor } from '../../src/node.ts';
import { streamedModel } from './stream-model.ts';

const [dir, mode] = process.argv.slice(2);
const G = streamedModel();
const spikes = new SpikeMonitor(G, { stream: { every: 100, to: csvFileSink(join(dir, 'spikes.csv')) } });
const state = new StateMonitor(G, 'v', {
  record: [0, 2],
  stream: { every: ms(10), to: csvFileSink(join(dir, 'v.csv')) },
});
const objects = [G, spikes, state];
if (mode === 'kill') {
  const killer = new NetworkOperation(
    () => {
      if (G.clock.timestep === 500) process.kill(process.pid, 'SIGKILL');
    },
    { dt: ms(0.1) },
  );
  objects.push(killer as never);
  new Network(...objects).run(ms(100));
} else {
  new Network(...objects).run(ms(50));
}
