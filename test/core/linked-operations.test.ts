import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Hz,
  linkedVar,
  ms,
  Network,
  NeuronGroup,
  networkOperation,
  PoissonGroup,
  run,
  SpikeMonitor,
  Synapses,
  seed,
  startScope,
  stop,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

test('linked variables: one-to-all, one-to-one, through an index, and from synapses', () => {
  startScope();
  const eye = new NeuronGroup(1, 'dx/dt = 1/second : 1');
  const src = new NeuronGroup(3, 'y : 1');
  src.y = [10, 20, 30];
  const retina = new NeuronGroup(
    3,
    'x_eye : 1 (linked)\ny_same : 1 (linked)\ny_rev : 1 (linked)\ns = x_eye + y_same + y_rev : 1',
  );
  throwsCode(() => run(ms(1)), 'bad_argument');
  retina.x_eye = linkedVar(eye, 'x');
  retina.y_same = linkedVar(src, 'y');
  retina.y_rev = linkedVar(src, 'y', { index: [2, 1, 0] });
  run(ms(1));
  assert.ok(Math.abs(retina.x_eye_[0] - 0.001) < 1e-12);
  assert.deepEqual(Array.from(retina.y_rev_), [30, 20, 10]);
  assert.ok(Math.abs(retina.s_[1] - (0.001 + 20 + 20)) < 1e-12);
  const post = new NeuronGroup(3, 'z : 1');
  const S = new Synapses(retina, post, { model: 'w : 1' });
  S.connect({ j: 'i' });
  S.w = 'y_rev_pre';
  assert.deepEqual(Array.from(S.w_), [30, 20, 10]);
  throwsCode(() => {
    retina.s = linkedVar(src, 'y');
  }, 'bad_argument');
  throwsCode(() => {
    retina.x_eye = 'rand()';
  }, 'read_only_variable');
});

test('network operations run every dt with the current time and can stop the run', () => {
  startScope();
  const G = new NeuronGroup(2, 'v : 1');
  const times: number[] = [];
  networkOperation(
    (t) => {
      times.push(t.value);
      G.v = t.value * 1000;
      if (times.length === 4) stop();
    },
    { dt: ms(0.5) },
  );
  run(ms(10));
  assert.deepEqual(
    times.map((t) => Math.round(t * 1e4)),
    [0, 5, 10, 15],
  );
  assert.equal(G.v_[0], 1.5);
});

test('runRegularly runs statements on every element at its own dt', () => {
  startScope();
  const G = new NeuronGroup(3, 'c : 1');
  G.runRegularly('c += i + 1', { dt: ms(1) });
  new Network(G).run(ms(5));
  assert.deepEqual(Array.from(G.c_), [5, 10, 15]);
});

test('PoissonGroup fires at the given rates (constant, per neuron, expression)', () => {
  startScope();
  seed(7);
  const P = new PoissonGroup(200, Hz(50));
  const Q = new PoissonGroup(2, Hz([0, 10000]));
  const R = new PoissonGroup(100, '(t > 50*ms)*100*Hz');
  const mP = new SpikeMonitor(P);
  const mQ = new SpikeMonitor(Q);
  const mR = new SpikeMonitor(R);
  run(ms(100));
  const expected = 200 * 50 * 0.1;
  assert.ok(Math.abs(mP.num_spikes - expected) < 5 * Math.sqrt(expected), `${mP.num_spikes}`);
  assert.equal(mQ.count[0], 0);
  assert.equal(mQ.count[1], 1000);
  assert.ok(Array.from(mR.t_).every((t) => t > 0.05));
});
