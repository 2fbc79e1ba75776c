// require() of the ESM package (Node >= 20.19 loads ES modules synchronously), as a CommonJS
// script would use it.
const { NeuronGroup, SpikeMonitor, run, ms, mV, BrianError, startScope } = require('brian-ts');
const plot = require('brian-ts/plot');

const G = new NeuronGroup(5, 'dv/dt = (-40*mV - v)/(10*ms) : volt', {
  threshold: 'v > -50*mV',
  reset: 'v = -60*mV',
  method: 'exact',
});
G.v = mV(-60);
const M = new SpikeMonitor(G);
run(ms(50));
if (M.num_spikes !== 35) throw new Error(`expected 35 spikes, got ${M.num_spikes}`);
startScope();
try {
  new NeuronGroup(1, 'dv/dt = -v/tau : volt');
  run(ms(1));
  throw new Error('an unknown identifier was accepted');
} catch (error) {
  if (!(error instanceof BrianError) || error.code !== 'unknown_identifier') throw error;
}
if (typeof plot.raster !== 'function') throw new Error('brian-ts/plot has no raster');
console.log(`check.cjs ok: ${M.num_spikes} spikes`);
