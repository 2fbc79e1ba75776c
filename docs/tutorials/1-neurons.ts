/**
 * Brian's tutorial 1, "Introduction to Brian part 1: Neurons", in brian-ts: every cell that
 * computes something, printing what the Brian version (docs/tutorials/brian/1-neurons.py) prints.
 * The walk-through with explanations is docs/tutorials/1-neurons.md.
 *
 *   npx tsx docs/tutorials/1-neurons.ts            # prints the results
 *   npx tsx docs/tutorials/1-neurons.ts --figures  # and draws the tutorial's figures into out/tutorials/
 */
import {
  amp,
  BrianError,

  Hz,
  Mohm,
  ms,
  mV,
  NeuronGroup,
  namp,
  nA,
  run,
  SpikeMonitor,
  StateMonitor,
  seed,
  startScope,
  volt,
} from '../../src/node.ts';
import { figure, raster, saveFigure, traces } from '../../src/plot/index.ts';

const figures = process.argv.includes('--figures');
const figureList: { name: string; make: () => ReturnType<typeof figure> }[] = [];
seed(1);

// Units: a unit is a function, arithmetic goes through methods.
console.log(String(volt(20)));
console.log(String(amp(1000)));
console.log(String(volt(1e6)));
console.log(String(namp(1000)));
console.log(String(nA(10).mul(5).mul(Mohm)));
try {
  amp(5).add(volt(10));
} catch (e) {
  if (!(e instanceof BrianError)) throw e;
  console.log(`DimensionMismatchError: ${e.summary}`);
}

// A simple model
startScope();
let tau = ms(10);
let eqs = 'dv/dt = (1-v)/tau : 1';
{
  const G = new NeuronGroup(1, eqs, { method: 'exact', namespace: { tau } });
  console.log(`Before v = ${G.v[0]}`);
  run(ms(100));
  console.log(`After v = ${G.v[0]}`);
  console.log(`Expected value of v = ${1 - Math.exp(-ms(100).div(tau).valueOf())}`);
}

startScope();
{
  const G = new NeuronGroup(1, eqs, { method: 'exact', namespace: { tau } });
  const M = new StateMonitor(G, 'v', { record: 0 });
  run(ms(30));
  const analytic = 1 - Math.exp(-M.t_[100] / tau.value);
  console.log(`samples: ${M.t.length}, v at 10 ms: ${M.v[0].at(100)}, analytic: ${analytic}`);
  figureList.push({ name: 'exact-vs-analytic', make: () => figure([traces(M, 'v')]) });
}

startScope();
{
  const G = new NeuronGroup(1, 'dv/dt = (sin(2*pi*100*Hz*t)-v)/tau : 1', { method: 'euler', namespace: { tau } });
  const M = new StateMonitor(G, 'v', { record: 0 });
  G.v = 5;
  run(ms(60));
  console.log(`sine drive, v at 60 ms: ${M.v[0].at(-1)}`);
}

// Adding spikes
startScope();
{
  const G = new NeuronGroup(1, eqs, { threshold: 'v>0.8', reset: 'v = 0', method: 'exact', namespace: { tau } });
  const statemon = new StateMonitor(G, 'v', { record: 0 });
  const spikemon = new SpikeMonitor(G);
  run(ms(50));
  console.log(`Spike times: ${spikemon.t}`);
  figureList.push({
    name: 'spikes',
    make: () =>
      figure([traces({ t: statemon.t, series: [{ values: statemon.v[0] }], yLabel: 'v', lines: [{ y: 0.8, label: 'threshold' }] }), raster(spikemon, { height: 100 })], {
        shareTime: true,
      }),
  });
}

// Refractoriness
startScope();
{
  const G = new NeuronGroup(1, 'dv/dt = (1-v)/tau : 1 (unless refractory)', {
    threshold: 'v>0.8',
    reset: 'v = 0',
    refractory: ms(5),
    method: 'exact',
    namespace: { tau },
  });
  const spikemon = new SpikeMonitor(G);
  run(ms(50));
  console.log(`Spike times (refractory 5 ms): ${spikemon.t}`);
}

startScope();
tau = ms(5);
{
  const G = new NeuronGroup(1, eqs, {
    threshold: 'v>0.8',
    reset: 'v = 0',
    refractory: ms(15),
    method: 'exact',
    namespace: { tau },
  });
  const spikemon = new SpikeMonitor(G);
  run(ms(50));
  console.log(`Spike times: ${spikemon.t}`);
}

// Multiple neurons
startScope();
const N = 100;
tau = ms(10);
{
  const G = new NeuronGroup(N, 'dv/dt = (2-v)/tau : 1', { threshold: 'v>1', reset: 'v=0', method: 'exact', namespace: { tau } });
  G.v = 'rand()';
  const spikemon = new SpikeMonitor(G);
  run(ms(50));
  console.log(`~ spikes of 100 neurons in 50 ms: ${spikemon.num_spikes}`);
  figureList.push({ name: 'raster', make: () => figure([raster(spikemon)]) });
}

// Parameters
const v0_max = 3;
const duration = ms(1000);
startScope();
eqs = 'dv/dt = (v0-v)/tau : 1 (unless refractory)\nv0 : 1';
{
  const G = new NeuronGroup(N, eqs, {
    threshold: 'v>1',
    reset: 'v=0',
    refractory: ms(5),
    method: 'exact',
    namespace: { tau, v0_max, N },
  });
  const M = new SpikeMonitor(G);
  G.v0 = 'i*v0_max/(N-1)';
  run(duration);
  const rates = Hz([0, 50, 99].map((k) => M.count[k] / duration.value));
  console.log(`firing rates (sp/s) of neurons 0, 50, 99: ${rates}`);
  console.log(`spikes: ${M.num_spikes}`);
}

// Stochastic neurons
startScope();
{
  const G = new NeuronGroup(N, 'dv/dt = (v0-v)/tau+sigma*xi*tau**-0.5 : 1 (unless refractory)\nv0 : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    refractory: ms(5),
    method: 'euler',
    namespace: { tau, v0_max, N, sigma: 0.2 },
  });
  const M = new SpikeMonitor(G);
  G.v0 = 'i*v0_max/(N-1)';
  run(duration);
  const last = Array.from(M.count.subarray(90)).reduce((a, b) => a + b, 0) / 10;
  console.log(`~ noisy: mean rate of neurons 90-99 (sp/s): ${(last / duration.value).toFixed(1)}`);
}

// End of tutorial: an adapting threshold
startScope();
{
  const vr = mV(-70);
  const vt0 = mV(-50);
  const namespace = {
    tau,
    vr,
    vt0,
    delta_vt0: mV(5),
    tau_t: ms(100),
    sigma: vt0.sub(vr).mul(0.5),
    v_drive: vt0.sub(vr).mul(2),
  };
  const G = new NeuronGroup(
    1000,
    `dv/dt = (v_drive+vr-v)/tau + sigma*xi*tau**-0.5 : volt
     dvt/dt = (vt0-vt)/tau_t : volt`,
    { threshold: 'v>vt', reset: 'v = vr\nvt += delta_vt0', refractory: ms(5), method: 'euler', namespace },
  );
  const spikemon = new SpikeMonitor(G);
  G.v = 'rand()*(vt0-vr)+vr';
  G.vt = vt0;
  run(ms(100));
  const t = spikemon.t_;
  console.log(`~ adapting threshold: spikes in the first 10 ms: ${t.filter((x) => x < 0.01 - 1e-12).length}`);
  console.log(`~ adapting threshold: spikes in the last 50 ms: ${t.filter((x) => x >= 0.05 - 1e-12).length}`);
}

if (figures) {
  for (const f of figureList) {
    const { png } = await saveFigure(f.make(), `out/tutorials/1-neurons-${f.name}`);
    console.error(`figure: ${png}`);
  }
}
