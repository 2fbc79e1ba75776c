import assert from 'node:assert/strict';
import { ms, NeuronGroup, run, StateMonitor, Synapses } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { onBothDevices } from '../standalone/devices.ts';

/**
 * Issue 14: NaN reached mid-run gave no message at all, on any device. The state is checked
 * every N steps and at the end of each run; the coded error names the object, the variable, the
 * first bad index and the time step.
 */

/** Neuron 2 of 4 becomes NaN in step 5 (t = 0.5 ms): log(-1). */
function poisonedGroup() {
  const G = new NeuronGroup(4, 'v : 1', { name: 'poisoned' });
  G.runRegularly('v = v + log(1 - 2*int(t >= 0.5*ms and i == 2))');
  return G;
}

onBothDevices('NaN mid-run: object, variable, first index and step are named', () => {
  poisonedGroup();
  const err = throwsCode(() => run(ms(2), { checkFinite: { every: 1 } }), 'numerical_error');
  assert.match(err.message, /poisoned(_\d+)?\.v\[2\] is NaN at the end of time step 5 \(t = 0\.0005/);
});

onBothDevices('by default the state is checked at the end of the run (and every 1000 steps)', () => {
  poisonedGroup();
  const err = throwsCode(() => run(ms(2)), 'numerical_error');
  assert.match(err.message, /poisoned(_\d+)?\.v\[2\] is NaN at the end of time step 19 /);
});

onBothDevices('an overflowing ODE is reported as inf', () => {
  const G = new NeuronGroup(3, 'dv/dt = v**2/ms : 1', { method: 'euler', name: 'blowup' });
  G.v = [0, 0, 1];
  const err = throwsCode(() => run(ms(10), { checkFinite: { every: 10 } }), 'numerical_error');
  assert.match(err.message, /blowup(_\d+)?\.v\[2\] is (inf|NaN) at the end of time step \d+/);
});

onBothDevices('checkFinite: false lets a model keep NaN on purpose', () => {
  const G = poisonedGroup();
  const M = new StateMonitor(G, 'v', { record: [2] });
  run(ms(1), { checkFinite: false });
  assert.ok(Number.isNaN(M.v_[0][9]));
});

onBothDevices(
  'a synapse variable made NaN by pathway code is found between steps; unwritten ones at the end',
  () => {
    const G = new NeuronGroup(3, 'dv/dt = 1/ms : 1', { threshold: 'v > 0.25', reset: 'v = 0', name: 'src' });
    const S = new Synapses(G, G, { model: 'w : 1\nu : 1', onPre: 'w = log(-1)', name: 'syn' });
    S.connect({ i: [0, 1], j: [1, 2] });
    // w is written by the pathway: the scan every 2 steps finds it soon after the first spike
    // (v passes 0.25 in step 3), long before the end.
    const err = throwsCode(() => run(ms(5), { checkFinite: { every: 2 } }), 'numerical_error');
    assert.match(err.message, /syn(_\d+)?\.w\[0\] is NaN at the end of time step [3-5] /);
  },
);

onBothDevices('a synapse variable no kernel writes is still checked at the end of the run', () => {
  const G = new NeuronGroup(2, 'dv/dt = 1/ms : 1', { threshold: 'v > 0.25', reset: 'v = 0', name: 'quiet' });
  const S = new Synapses(G, G, { model: 'w : 1', onPre: 'v_post += 0*w', name: 'static' });
  S.connect({ i: 0, j: 1 });
  S.w = 'log(-1)';
  const err = throwsCode(() => run(ms(1), { checkFinite: { every: 2 } }), 'numerical_error');
  // The runtime finds it in the last scan (step 9); the standalone program scans every array
  // every time (step 1).
  assert.match(err.message, /static(_\d+)?\.w\[0\] is NaN at the end of time step (1|9) /);
});
