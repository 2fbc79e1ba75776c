import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ms,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  SpikeMonitor,
  StateMonitor,
  startScope,
} from '../../src/index.ts';
import { figure, plotRate, plotSpikes, plotState, renderSvg } from '../../src/plot/index.ts';

test('panels straight from monitors carry units and labels', async () => {
  startScope();
  const G = new NeuronGroup(5, 'dv/dt = (20*mV - v)/(10*ms) : volt', {
    threshold: 'v > 10*mV',
    reset: 'v = 0*mV',
    method: 'exact',
  });
  G.v = 'i*mV';
  const spikes = new SpikeMonitor(G);
  const state = new StateMonitor(G, 'v', { record: [0, 1] });
  const rate = new PopulationRateMonitor(G);
  new Network(G, spikes, state, rate).run(ms(30));
  const svg = await renderSvg(
    figure([plotSpikes(spikes), plotState(state, 'v'), plotRate(rate, { smoothWidth: ms(1) })]),
  );
  assert.match(svg, /v \(mV\)/);
  assert.match(svg, /v\[1\]/);
  assert.match(svg, /Spikes of neurongroup/);
});
