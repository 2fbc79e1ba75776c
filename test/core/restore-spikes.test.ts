import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultclock,
  ms,
  NeuronGroup,
  restore,
  run,
  SpikeGeneratorGroup,
  Synapses,
  startScope,
  store,
} from '../../src/index.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';

test('restore() takes back the spikes in flight stored with it (none before the first run)', () => {
  startScope();
  defaultclock.dt = ms(0.1);
  const source = new SpikeGeneratorGroup(1, [0], QuantityArray.from([0], ms));
  const target = new NeuronGroup(1, 'v : 1');
  const S = new Synapses(source, target, { onPre: 'v += 1', delay: ms(2) });
  S.connect();
  store(); // t = 0: nothing in flight
  run(ms(1)); // the spike of t = 0 is now 1 ms from its target
  restore();
  // The spike of t = 0 is emitted again and arrives at 2 ms; the old one must not arrive at 1 ms.
  run(ms(1.5));
  assert.equal(target.v_[0], 0);
  run(ms(1));
  assert.equal(target.v_[0], 1);
});

test('restore() puts back the dt of the clocks (Brian restores defaultclock.dt)', () => {
  startScope();
  defaultclock.dt = ms(0.5);
  new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1');
  store();
  run(ms(1));
  defaultclock.dt = ms(1);
  run(ms(2));
  restore();
  assert.equal(defaultclock.dt_, 0.5e-3);
  defaultclock.dt = ms(0.1);
});
