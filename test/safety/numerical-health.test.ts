import assert from 'node:assert/strict';
import { ms, NeuronGroup, run, StateMonitor } from '../../src/index.ts';
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
