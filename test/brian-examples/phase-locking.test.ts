/**
 * Brian's examples/phase_locking.py against Brian 2.5.1 (test/reference/example_phase_locking.json),
 * at full size (100 neurons, 1000 ms): IF neurons driven by `a * sin(2*pi*freq*t) + b`, `euler`,
 * each with its own modulation depth a. The example's only random numbers are the initial values
 * `v = 'rand()'`: brian-ts's generator cannot reproduce numpy's, so the values Brian drew are
 * set from the reference. From there the model is deterministic: spikes step for step, the trace
 * of neuron 50 to a tight tolerance. Uses the magic `run()`, as the example does.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hz, ms, NeuronGroup, run, SpikeMonitor, StateMonitor, startScope } from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { assertSameSpikes } from './support.ts';

const ref = loadReference('example_phase_locking');
const r = ref.recorded;

test('phase_locking: spikes step for step and the trace of neuron 50 match Brian 2.5.1', () => {
  startScope();
  const tau = ms(20);
  const n = 100;
  const b = 1.2; // constant current mean, the modulation varies
  const freq = Hz(10);
  const eqs = `
dv/dt = (-v + a * sin(2 * pi * freq * t) + b) / tau : 1
a : 1
`;
  const neurons = new NeuronGroup(n, eqs, {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'euler',
    namespace: { tau, n, b, freq },
  });
  neurons.v = 'rand()';
  // brian-ts's own draws (Threefry, not numpy's): 100 distinct values in [0, 1).
  const v0 = neurons.v_ as Float64Array;
  assert.ok(v0.every((x) => x >= 0 && x < 1) && new Set(v0).size === n, 'rand()');
  neurons.v = Float64Array.from(ref.model.initial.v); // the values Brian drew
  neurons.a = '0.05 + 0.7*i/n';
  const S = new SpikeMonitor(neurons);
  const trace = new StateMonitor(neurons, 'v', { record: 50 });
  run(ms(1000));

  assertClose(neurons.a_, r.a, 1e-15, 'a');
  const dt = ref.model.dt;
  assertSameSpikes(S, r, dt, 2000);
  assertClose(trace.t_, r.t, 1e-12, 'StateMonitor t');
  // Euler, v in [0, 1] reset to exactly 0 (floor 1e-9). Measured 4.4e-16 (JS and C++ kernels):
  // one ulp, from sin() or the order of the operations.
  assertClose(trace.v_[0], r.v, 1e-12, 'v[50]', 1e-9);
});
