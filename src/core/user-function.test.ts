import assert from 'node:assert/strict';
import { test } from 'node:test';
import { implementation, ms, Network, NeuronGroup, StateMonitor, second, startScope } from '../index.ts';

test('user functions run in equations and statements with dimension checks', () => {
  startScope();
  let calls = 0;
  const sample = implementation({
    name: 'get_sample',
    args: [second],
    result: 1,
    stateless: false,
    js: (t) => {
      calls++;
      return Math.sin(2 * Math.PI * 100 * t);
    },
  });
  const G = new NeuronGroup(
    2,
    `dx/dt = (sound - x)/ms : 1
     sound = clip(get_sample(t), 0, inf) : 1 (constant over dt)`,
    { method: 'euler', namespace: { get_sample: sample } },
  );
  const M = new StateMonitor(G, 'sound', { record: 0 });
  new Network(G, M).run(ms(5));
  assert.equal(calls, 2 * 50);
  assert.ok(Math.abs(M.sound_[0][10] - Math.max(0, Math.sin(2 * Math.PI * 100 * 1e-3))) < 1e-12);

  startScope();
  const bad = new NeuronGroup(1, 'y = get_sample(3) : 1', { namespace: { get_sample: sample } });
  assert.throws(
    () => bad.y_,
    (e: Error & { code?: string }) => e.code === 'dimension_mismatch',
  );
  const cppOnly = implementation({
    name: 'from_cpp',
    args: [],
    result: 1,
    cpp: { code: 'double from_cpp() { return 1; }' },
  });
  startScope();
  const H = new NeuronGroup(1, 'z : 1', { namespace: { from_cpp: cppOnly } });
  assert.throws(
    () => {
      H.z = 'from_cpp()';
    },
    (e: Error & { code?: string }) => e.code === 'not_available_on_device',
  );
});
