/**
 * Brian's tutorial 2, "Introduction to Brian part 2: Synapses", in brian-ts: every cell that
 * computes something, printing what the Brian version (docs/tutorials/brian/2-synapses.py) prints.
 *
 *   npx tsx docs/tutorials/2-synapses.ts            # prints the results
 *   npx tsx docs/tutorials/2-synapses.ts --figures  # and draws figures into out/tutorials/
 */
import {
  ms,
  NeuronGroup,
  QuantityArray,
  run,
  StateMonitor,
  Synapses,
  seed,
  startScope,
  umetre,
} from '../../src/node.ts';
import { figure, saveFigure, traces } from '../../src/plot/index.ts';

const figures: { name: string; make: () => ReturnType<typeof figure> }[] = [];
seed(1);

/** The last recorded value of each trace, as Brian's `M.v[:, -1]`. */
function last(M: StateMonitor, name: string): QuantityArray {
  const all = M.traces(name);
  return new QuantityArray(Float64Array.from(all, (tr) => tr.values[tr.length - 1]), all[0].dim);
}

const eqs = `
dv/dt = (I-v)/tau : 1
I : 1
tau : second`;

// The simplest Synapse
startScope();
{
  const G = new NeuronGroup(2, eqs, { threshold: 'v>1', reset: 'v = 0', method: 'exact' });
  G.I = [2, 0];
  G.tau = ms([10, 100]);
  const S = new Synapses(G, G, { onPre: 'v_post += 0.2' });
  S.connect({ i: 0, j: 1 });
  const M = new StateMonitor(G, 'v', { record: true });
  run(ms(100));
  console.log(`v at 100 ms: ${last(M, 'v')}`);
  figures.push({ name: 'simplest', make: () => figure([traces(M, 'v')]) });
}

// Adding a weight, then a delay
for (const delayed of [false, true]) {
  startScope();
  const G = new NeuronGroup(3, eqs, { threshold: 'v>1', reset: 'v = 0', method: 'exact' });
  G.I = [2, 0, 0];
  G.tau = ms([10, 100, 100]);
  const S = new Synapses(G, G, { model: 'w : 1', onPre: 'v_post += w' });
  S.connect({ i: 0, j: [1, 2] });
  S.w = 'j*0.2';
  if (delayed) S.delay = 'j*2*ms';
  const M = new StateMonitor(G, 'v', { record: true });
  run(ms(50));
  console.log(delayed ? `delay: ${S.delay.quantity}` : `w: ${S.w.quantity}`);
  console.log(`v at 50 ms: ${last(M, 'v')}`);
}

// More complex connectivity
startScope();
{
  const N = 10;
  const G = new NeuronGroup(N, 'v:1');
  for (const p of [0.2, 0.5, 1.0]) {
    const S = new Synapses(G, G);
    S.connect({ condition: 'i!=j', p });
    console.log(`~ p = ${p.toFixed(1)}: ${S.N} synapses`);
  }
  const targets = (S: Synapses, i: number) => `[${Array.from(S.j).filter((_, k) => S.i[k] === i).join(' ')}]`;
  let S = new Synapses(G, G);
  S.connect({ condition: 'abs(i-j)<4 and i!=j' });
  console.log(`abs(i-j)<4 and i!=j: ${S.N} synapses, targets of 0: ${targets(S, 0)}`);
  S = new Synapses(G, G);
  S.connect({ j: 'k for k in range(i-3, i+4) if i!=k', skipIfInvalid: true });
  console.log(`generator: ${S.N} synapses, targets of 5: ${targets(S, 5)}`);
  S = new Synapses(G, G);
  S.connect({ j: 'i' });
  console.log(`j='i': ${S.N} synapses`);
}

// Weights depending on distance
startScope();
{
  const N = 30;
  const neuron_spacing = umetre(50);
  const width = neuron_spacing.mul(N / 4.0);
  const G = new NeuronGroup(N, 'x : metre', { namespace: { neuron_spacing } });
  G.x = 'i*neuron_spacing';
  const S = new Synapses(G, G, { model: 'w : 1', namespace: { width } });
  S.connect({ condition: 'i!=j' });
  S.w = 'exp(-(x_pre-x_post)**2/(2*width**2))';
  const sum = S.w.sum().valueOf();
  console.log(`distance weights: ${S.N} synapses, sum ${sum.toFixed(10)}, w[0->29] ${S.w.at(0, 29).values[0].toFixed(10)}`);
}

// STDP, clock-driven traces
const taupre = ms(20);
const taupost = ms(20);
const Apre = 0.01;
const stdp = { taupre, taupost, wmax: 0.01, Apre, Apost: (-Apre * taupre.value) / taupost.value * 1.05 };
startScope();
{
  const G = new NeuronGroup(2, 'v:1', { threshold: 't>(1+i)*10*ms', refractory: ms(100) });
  const S = new Synapses(G, G, {
    model: `w : 1
            dapre/dt = -apre/taupre : 1 (clock-driven)
            dapost/dt = -apost/taupost : 1 (clock-driven)`,
    onPre: `v_post += w
            apre += Apre
            w = clip(w+apost, 0, wmax)`,
    onPost: `apost += Apost
             w = clip(w+apre, 0, wmax)`,
    method: 'exact',
    namespace: stdp,
  });
  S.connect({ i: 0, j: 1 });
  const M = new StateMonitor(S, ['w', 'apre', 'apost'], { record: true });
  run(ms(30));
  const end = (name: string) => String(M.traces_(name)[0].at(-1));
  console.log(`clock-driven STDP: w ${end('w')}, apre ${end('apre')}, apost ${end('apost')}`);
  figures.push({ name: 'stdp-traces', make: () => figure([traces(M, 'apre'), traces(M, 'apost'), traces(M, 'w')], { shareTime: true }) });
}

// STDP window
startScope();
{
  const tmax = ms(50);
  const N = 100;
  const G = new NeuronGroup(N, 'tspike:second', { threshold: 't>tspike', refractory: ms(100), namespace: { tmax, N } });
  const H = new NeuronGroup(N, 'tspike:second', { threshold: 't>tspike', refractory: ms(100), namespace: { tmax, N } });
  G.tspike = 'i*tmax/(N-1)';
  H.tspike = '(N-1-i)*tmax/(N-1)';
  const S = new Synapses(G, H, {
    model: `w : 1
            dapre/dt = -apre/taupre : 1 (event-driven)
            dapost/dt = -apost/taupost : 1 (event-driven)`,
    onPre: `apre += Apre
            w = w+apost`,
    onPost: `apost += Apost
             w = w+apre`,
    namespace: stdp,
  });
  S.connect({ j: 'i' });
  run(tmax.add(ms(1)));
  console.log(`STDP window: w of synapses 0, 25, 49, 50, 75, 99: ${S.w.get([0, 25, 49, 50, 75, 99])}`);
}

if (process.argv.includes('--figures')) {
  for (const f of figures) console.error(`figure: ${(await saveFigure(f.make(), `out/tutorials/2-synapses-${f.name}`)).png}`);
}
