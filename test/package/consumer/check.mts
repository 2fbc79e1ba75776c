// Type-checked with `tsc --strict --noEmit` (module nodenext) against the package's .d.ts.
import {
  BrianError,
  type ErrorCode,
  ms,
  mV,
  Network,
  NeuronGroup,
  type Quantity,
  SpikeMonitor,
  StateMonitor,
  setDevice,
} from 'brian-ts';
import { figure, type Panel, raster, traces } from 'brian-ts/plot';

const tau: Quantity = ms(10);
const G = new NeuronGroup(3, 'dv/dt = -v/tau : volt', { method: 'exact', namespace: { tau } });
G.v = mV(-60);
const M = new SpikeMonitor(G);
const S = new StateMonitor(G, 'v', { record: true });
const net = new Network(G, M, S);
net.run(ms(10));
const count: number = M.num_spikes;
const code: ErrorCode = new BrianError('bad_argument', 'x').code;
// @ts-expect-error a duration needs units
net.run(10);
const panels: Panel[] = [raster({ t: M.t_, i: M.i, size: 3 }), traces({ t: S.t_, series: [] })];
figure(panels);
const standalone = setDevice('cpp_standalone', { directory: 'out' });
standalone.build;

export { code, count };
