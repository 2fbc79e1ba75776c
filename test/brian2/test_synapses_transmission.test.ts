/**
 * Brian 2's test_synapses.py, translated (test names kept), part 4: delays, pathways and spike
 * transmission, clocks, event-driven updates. The skipped tests are listed in
 * test_synapses.test.ts. Brian's `schedule_propagation_offset()` is 0 with the default schedule
 * (synapses after thresholds), as here: the offsets are left out.
 */
import assert from 'node:assert/strict';
import {
  catchLogs,
  defaultclock,
  Hz,
  meter,
  ms,
  mV,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { arange, assertAllclose, where } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_synapses.py');

// biome-ignore lint/suspicious/noExplicitAny: the tests pass values TypeScript would refuse, as Brian's do
type Any = any;

const dt = () => defaultclock.dt.value;
const steps = (n: number) => new Quantity(n * dt(), second.dim);

/** `mon[k].v[mon.t < limit]` and `[mon.t >= limit]` (limit in seconds). */
function splitAt(mon: StateMonitor, k: number, name: string, limit: number) {
  const values = mon.at(k)[name].values as Float64Array;
  const t = mon.t_;
  return {
    before: where(
      values,
      Array.from(t, (x) => x < limit),
    ),
    after: where(
      values,
      Array.from(t, (x) => x >= limit),
    ),
  };
}

brianTest('test_delay_specification', {}, () => {
  // By default delays are state variables (i.e. arrays), but if they are specified in the
  // initializer, they are scalars.
  const G = new NeuronGroup(10, 'x : meter', { threshold: 'False' });
  G.x = 'i*mmeter';
  // Array delay
  let S = new Synapses(G, G, { model: 'w:1', onPre: 'v+=w' });
  S.connect({ j: 'i' });
  assert.equal(S.delay.length, 10);
  S.delay = 'i*ms';
  assertAllclose(S.delay.quantity, QuantityArray.from(arange(10), ms));
  const velocity = meter.div(second);
  S.setState('delay', 'abs(x_pre - (N_post-j)*mmeter)/velocity', undefined, { velocity });
  const expected = QuantityArray.from(
    arange(10).map((i) => Math.abs(i * 1e-3 - (10 - i) * 1e-3) / 1),
    second,
  );
  assertAllclose(S.delay.quantity, expected);
  S.delay = ms(5);
  assertAllclose(S.delay.quantity, ms(5));
  // Setting delays without units
  S.delay_ = 7e-3;
  assertAllclose(S.delay.quantity, ms(7));

  // Scalar delay
  S = new Synapses(G, G, { model: 'w:1', onPre: 'v+=w', delay: ms(5) });
  assertAllclose(S.delay.quantity, ms(5));
  S.connect({ j: 'i' });
  S.delay = '3*ms';
  assertAllclose(S.delay.quantity, ms(3));
  S.delay = ms(10);
  assertAllclose(S.delay.quantity, ms(10));
  // Without units
  S.delay_ = 20e-3;
  assertAllclose(S.delay.quantity, ms(20));

  // Invalid arguments
  throwsCode(
    () => new Synapses(G, G, { model: 'w:1', onPre: 'v+=w', delay: mV(5) as Any }),
    'dimension_mismatch',
  );
  throwsCode(
    () => new Synapses(G, G, { model: 'w:1', onPre: 'v+=w', delay: new (class NotADelay {})() as Any }),
    'bad_argument',
  );
  throwsCode(() => new Synapses(G, G, { model: 'w:1', delay: ms(5) }), 'bad_argument');
  throwsCode(
    () => new Synapses(G, G, { model: 'w:1', onPre: 'v+=w', delay: { post: ms(5) } }),
    'bad_argument',
  );
});

function delaysPathways(subgroups: boolean) {
  const G = new NeuronGroup(10, 'x: meter', { threshold: 'False' });
  G.x = 'i*mmeter';
  const n = subgroups ? 5 : 10;
  const [source, target] = subgroups ? [G.slice(0, 5), G.slice(5, 10)] : [G, G];
  // Array delay
  const S = new Synapses(source, target, {
    model: 'w:1',
    onPre: { pre1: 'v+=w', pre2: 'v+=w' },
    onPost: 'v-=w',
  });
  S.connect({ j: 'i' });
  const pre1 = S.pathway('pre1');
  const pre2 = S.pathway('pre2');
  assert.equal(pre1.delay.length, n);
  assert.equal(pre2.delay.length, n);
  assert.equal(S.post.delay.length, n);
  pre1.delay = 'i*ms';
  pre2.delay = 'j*ms';
  const velocity = meter.div(second);
  S.post.delay.set('abs(x_pre - (N_post-j)*mmeter)/velocity', undefined, { velocity });
  assertAllclose(pre1.delay.quantity, QuantityArray.from(arange(n), ms));
  assertAllclose(pre2.delay.quantity, QuantityArray.from(arange(n), ms));
  assertAllclose(
    S.post.delay.quantity,
    QuantityArray.from(
      arange(n).map((i) => Math.abs(i * 1e-3 - (n - i) * 1e-3)),
      second,
    ),
  );
  pre1.delay = ms(5);
  pre2.delay = ms(10);
  S.post.delay = ms(1);
  assertAllclose(pre1.delay.quantity, ms(5));
  assertAllclose(pre2.delay.quantity, ms(10));
  assertAllclose(S.post.delay.quantity, ms(1));
  return { G, S, pre1, pre2 };
}

brianTest('test_delays_pathways', {}, () => {
  const { G, S, pre1, pre2 } = delaysPathways(false);
  // Indexing with strings
  assert.equal(pre1.delay.get('j<5').length, 5);
  assertAllclose(pre1.delay.get('j<5'), ms(5));
  // Indexing with 2d indices
  assert.equal(S.post.delay.at([3, 4], undefined).length, 2);
  assertAllclose(S.post.delay.at([3, 4], undefined), ms(1));
  assert.equal(pre2.delay.at(undefined, 7).length, 1);
  assertAllclose(pre2.delay.at(undefined, 7), ms(10));
  assert.equal(pre1.delay.at([1, 2], [1, 2]).length, 2);
  assertAllclose(pre1.delay.at([1, 2], [1, 2]), ms(5));

  // Scalar delay
  const S2 = new Synapses(G, G, {
    model: 'w:1',
    onPre: { pre1: 'v+=w', pre2: 'v+=w' },
    onPost: 'v-=w',
    delay: { pre1: ms(5), post: ms(1) },
  });
  assertAllclose(S2.pathway('pre1').delay.quantity, ms(5));
  assertAllclose(S2.post.delay.quantity, ms(1));
  S2.connect({ j: 'i' });
  assert.equal(S2.pathway('pre2').delay.length, 10);
  S2.pathway('pre1').delay = ms(10);
  assertAllclose(S2.pathway('pre1').delay.quantity, ms(10));
  S2.post.delay = '3*ms';
  assertAllclose(S2.post.delay.quantity, ms(3));
});

brianTest('test_delays_pathways_subgroups', {}, () => {
  delaysPathways(true);
});

brianTest('test_pre_before_post', {}, () => {
  // The pre pathway should be executed before the post pathway
  const G = new NeuronGroup(
    1,
    `
    x : 1
    y : 1`,
    { threshold: 'True' },
  );
  const S = new Synapses(G, G, { model: '', onPre: 'x=1; y=1', onPost: 'x=2' });
  S.connect();
  run(defaultclock.dt);
  // Both pathways should have been executed, but post should have overriden the x value
  assert.equal(G.x.values[0], 2);
  assert.equal(G.y.values[0], 1);
});

brianTest('test_pre_post_simple', { standalone: true }, () => {
  // Test that pre and post still work correctly (Brian's test uses the deprecated pre=/post=
  // names; brian-ts has only onPre/onPost)
  const G1 = new SpikeGeneratorGroup(1, [0], QuantityArray.from([1], ms));
  const G2 = new SpikeGeneratorGroup(1, [0], QuantityArray.from([2], ms));
  const S = new Synapses(G1, G2, {
    model: `
      pre_value : 1
      post_value : 1`,
    onPre: 'pre_value +=1',
    onPost: 'post_value +=2',
  });
  S.connect();
  const synMon = new StateMonitor(S, ['pre_value', 'post_value'], { record: [0], when: 'end' });
  run(ms(3));
  const pre = splitAt(synMon, 0, 'pre_value', 1e-3);
  const post = splitAt(synMon, 0, 'post_value', 2e-3);
  assertAllclose(pre.before, 0);
  assertAllclose(pre.after, 1);
  assertAllclose(post.before, 0);
  assertAllclose(post.after, 2);
});

brianTest('test_transmission_simple', { standalone: true }, () => {
  const source = new SpikeGeneratorGroup(2, [0, 1], QuantityArray.from([2, 1], ms));
  const target = new NeuronGroup(2, 'v : 1');
  const syn = new Synapses(source, target, { onPre: 'v += 1' });
  syn.connect({ j: 'i' });
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  run(ms(2.5));
  const m0 = splitAt(mon, 0, 'v', 2e-3);
  const m1 = splitAt(mon, 1, 'v', 1e-3);
  assertAllclose(m0.before, 0);
  assertAllclose(m0.after, 1);
  assertAllclose(m1.before, 0);
  assertAllclose(m1.after, 1);
});

brianTest(
  'test_transmission_custom_event',
  {
    standalone: true,
  },
  () => {
    const source = new NeuronGroup(2, '', {
      events: {
        custom: 'timestep(t,dt)>=timestep((2-i)*ms, dt) and timestep(t,dt)<timestep((2-i)*ms + dt, dt)',
      },
    } as Any);
    const target = new NeuronGroup(2, 'v : 1');
    const syn = new Synapses(source, target, { onPre: 'v += 1', onEvent: 'custom' } as Any);
    syn.connect({ j: 'i' });
    const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
    run(ms(2.5));
    const m0 = splitAt(mon, 0, 'v', 2e-3);
    const m1 = splitAt(mon, 1, 'v', 1e-3);
    assertAllclose(m0.before, 0);
    assertAllclose(m0.after, 1);
    assertAllclose(m1.before, 0);
    assertAllclose(m1.after, 1);
  },
);

brianTest(
  'test_transmission_custom_event_complex',
  {
    standalone: true,
  },
  () => {
    // Broken with Brian 2.6 (entries of on_event checked against pre/post instead of the pathway
    // name); Brian 2.5.1 gives the values below.
    const group = new NeuronGroup(3, 'v:1', { threshold: 'v>1 and v<2', events: { over_2: 'v>2' } } as Any);
    group.v = [0, 1.5, 2.5];
    const s = new Synapses(group, group, {
      model: `a:integer
            b:integer
            c:integer
            d:integer`,
      onEvent: { path_a: 'spike', path_b: 'over_2', path_c: 'spike', path_d: 'over_2' },
      onPre: { path_a: 'a+=1', path_b: 'b+=1' },
      onPost: { path_c: 'c+=1', path_d: 'd+=1' },
    } as Any);
    s.connect();
    run(defaultclock.dt);
    assert.deepEqual(Array.from(s.a.values), [0, 0, 0, 1, 1, 1, 0, 0, 0]);
    assert.deepEqual(Array.from(s.b.values), [0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert.deepEqual(Array.from(s.c.values), [0, 1, 0, 0, 1, 0, 0, 1, 0]);
    assert.deepEqual(Array.from(s.d.values), [0, 0, 1, 0, 0, 1, 0, 0, 1]);
  },
);

brianTest('test_invalid_custom_event', {}, () => {
  const group1 = new NeuronGroup(2, 'v : 1', {
    events: {
      custom: 'timestep(t,dt)>=timesteep((2-i)*ms,dt) and timestep(t, dt)<timestep((2-i)*ms + dt, dt)',
    },
  } as Any);
  const group2 = new NeuronGroup(2, 'v : 1', { threshold: 'v>1' });
  const e = throwsCode(() => new Synapses(group1, group1, { onPre: 'v+=1' }), 'bad_argument');
  assert.match(e.message, /threshold/); // Check that it mentions the threshold arg
  throwsCode(() => new Synapses(group2, group2, { onPre: 'v+=1', onEvent: 'custom' } as Any), 'bad_argument');
});

brianTest('test_transmission', {}, () => {
  const defaultDt = defaultclock.dt.value;
  const delays = [
    [0, 0, 0, 0],
    [1, 1, 1, 0],
    [0, 1, 2, 3],
    [2, 2, 0, 0],
    [2, 1, 0, 1],
  ];
  for (const delay of delays) {
    // Make sure that the Synapses class actually propagates spikes :)
    const source = new NeuronGroup(
      4,
      `
      dv/dt = rate : 1
      rate : Hz`,
      { threshold: 'v>1', reset: 'v=0' },
    );
    source.rate = QuantityArray.from([51, 101, 101, 51], Hz);
    const target = new NeuronGroup(4, 'v:1', { threshold: 'v>1', reset: 'v=0' });
    const sourceMon = new SpikeMonitor(source);
    const targetMon = new SpikeMonitor(target);
    const S = new Synapses(source, target, { onPre: 'v+=1.1' });
    S.connect({ j: 'i' });
    S.delay = QuantityArray.from(delay, ms);
    const net = new Network(S, source, target, sourceMon, targetMon);
    net.run(new Quantity(50e-3 + defaultDt + Math.max(...delay) * 1e-3, second.dim));
    // All spikes should trigger spikes in the receiving neurons with the respective delay
    // (+ one dt)
    for (let d = 0; d < delay.length; d++) {
      const sourceT = where(
        sourceMon.t_,
        Array.from(sourceMon.i, (i) => i === d),
      );
      const targetT = where(
        targetMon.t_,
        Array.from(targetMon.i, (i) => i === d),
      );
      assertAllclose(
        QuantityArray.from(sourceT, second),
        QuantityArray.from(
          targetT.map((t) => t - defaultDt - delay[d] * 1e-3),
          second,
        ),
      );
    }
  }
});

brianTest('test_transmission_all_to_one_heterogeneous_delays', { standalone: true }, () => {
  const source = new SpikeGeneratorGroup(
    6,
    [0, 1, 4, 5, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5],
    QuantityArray.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], defaultclock.dt),
  );
  const target = new NeuronGroup(1, 'v : 1');
  const synapses = new Synapses(source, target, { model: 'w : 1', onPre: 'v_post += w' });
  synapses.connect();
  synapses.w = [1, 2, 3, 4, 5, 6];
  synapses.delay = QuantityArray.from([0, 0, 0, 1, 2, 1], defaultclock.dt);
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  run(steps(4));
  const v = mon.at(0).v.values;
  assert.equal(v[0], 3);
  assert.equal(v[1], 12);
  assert.equal(v[2], 33);
  assert.equal(v[3], 48);
});

brianTest('test_transmission_one_to_all_heterogeneous_delays', { standalone: true }, () => {
  const source = new SpikeGeneratorGroup(1, [0, 0], QuantityArray.from([0, 2], defaultclock.dt));
  const target = new NeuronGroup(6, 'v:integer');
  const synapses = new Synapses(source, target, { onPre: 'v_post += 1' });
  synapses.connect();
  synapses.delay = QuantityArray.from([1, 1, 2, 4, 3, 2], defaultclock.dt);
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  run(steps(5));
  assertAllclose(mon.at(0).v, [0, 1, 1, 2, 2]);
  assertAllclose(mon.at(1).v, [0, 1, 1, 2, 2]);
  assertAllclose(mon.at(2).v, [0, 0, 1, 1, 2]);
  assertAllclose(mon.at(3).v, [0, 0, 0, 0, 1]);
  assertAllclose(mon.at(4).v, [0, 0, 0, 1, 1]);
  assertAllclose(mon.at(5).v, [0, 0, 1, 1, 2]);
});

brianTest('test_transmission_scalar_delay', { standalone: true }, () => {
  const inp = new SpikeGeneratorGroup(2, [0, 1], QuantityArray.from([0, 1], ms));
  const target = new NeuronGroup(2, 'v:1');
  const S = new Synapses(inp, target, { onPre: 'v+=1', delay: ms(0.5) });
  S.connect({ j: 'i' });
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  run(ms(2));
  const half = dt() / 2;
  const m0 = splitAt(mon, 0, 'v', 0.5e-3 - half);
  const m1 = splitAt(mon, 1, 'v', 1.5e-3 - half);
  assertAllclose(m0.before, 0);
  assertAllclose(m0.after, 1);
  assertAllclose(m1.before, 0);
  assertAllclose(m1.after, 1);
});

brianTest('test_transmission_scalar_delay_different_clocks', { standalone: true }, (ctx) => {
  const inp = new SpikeGeneratorGroup(2, [0, 1], QuantityArray.from([0, 1], ms), { dt: ms(0.5) });
  const target = new NeuronGroup(2, 'v:1', { dt: ms(0.1) });
  const S = new Synapses(inp, target, { onPre: 'v+=1', delay: ms(0.5) });
  S.connect({ j: 'i' });
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  if (ctx.device !== 'cpp_standalone') {
    // We should get a warning when using inconsistent dts
    const { records } = catchLogs(() => run(ms(2)));
    const warnings = records.filter((r) => r.level === 'warning');
    assert.equal(warnings.length, 1, `expected a warning, got ${warnings.length}`);
    assert.equal(warnings[0].name, 'synapses_dt_mismatch');
  }
  run(ms(0));
  const m0 = splitAt(mon, 0, 'v', 0.5e-3);
  const m1 = splitAt(mon, 1, 'v', 1.5e-3);
  assertAllclose(m0.before, 0);
  assertAllclose(m0.after, 1);
  assertAllclose(m1.before, 0);
  assertAllclose(m1.after, 1);
});

brianTest('test_transmission_boolean_variable', { standalone: true }, () => {
  const source = new SpikeGeneratorGroup(4, [0, 1, 2, 3], QuantityArray.from([2, 1, 2, 1], ms));
  const target = new NeuronGroup(4, 'v : 1');
  const syn = new Synapses(source, target, { model: 'use : boolean (constant)', onPre: 'v += int(use)' });
  syn.connect({ j: 'i' });
  syn.use = 'i<2';
  const mon = new StateMonitor(target, 'v', { record: true, when: 'end' });
  run(ms(2.5));
  const m0 = splitAt(mon, 0, 'v', 2e-3);
  const m1 = splitAt(mon, 1, 'v', 1e-3);
  assertAllclose(m0.before, 0);
  assertAllclose(m0.after, 1);
  assertAllclose(m1.before, 0);
  assertAllclose(m1.after, 1);
  assertAllclose(mon.at(2).v, 0);
  assertAllclose(mon.at(3).v, 0);
});

brianTest('test_clocks', {}, () => {
  // Make sure that a `Synapse` object uses the correct clocks.
  const sourceDt = ms(0.05);
  const targetDt = ms(0.1);
  const synapseDt = ms(0.2);
  const source = new NeuronGroup(1, 'v:1', { dt: sourceDt, threshold: 'False' });
  const target = new NeuronGroup(1, 'v:1', { dt: targetDt, threshold: 'False' });
  const synapse = new Synapses(source, target, {
    model: 'w:1',
    onPre: 'v+=1',
    onPost: 'v+=1',
    dt: synapseDt,
  });
  synapse.connect();
  assert.equal(synapse.pre.clock, source.clock);
  assert.equal(synapse.post.clock, target.clock);
  assert.equal(synapse.pre.clock.dt.value, sourceDt.value);
  assert.equal(synapse.post.clock.dt.value, targetDt.value);
  assert.equal(synapse.clock.dt.value, synapseDt.value);
});

brianTest('test_equations_with_clocks', {}, () => {
  // Make sure that dt of a `Synapse` object is correctly resolved.
  const sourceTarget = new NeuronGroup(1, 'v:1', { dt: ms(0.1), threshold: 'False' });
  const synapse = new Synapses(sourceTarget, sourceTarget, {
    model: 'dw/dt = 1/ms : 1 (clock-driven)',
    dt: ms(1),
    method: 'euler',
  });
  synapse.connect();
  synapse.w = 0;
  run(ms(1));
  assert.equal(synapse.w.values[0], 1);
});

brianTest('test_changed_dt_spikes_in_queue', {}, () => {
  defaultclock.dt = ms(0.5);
  const G1 = new NeuronGroup(1, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G1.v = 1.1;
  const G2 = new NeuronGroup(10, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  const S = new Synapses(G1, G2, { onPre: 'v+=1.1' });
  S.connect(true);
  S.delay = 'j*ms';
  const mon = new SpikeMonitor(G2);
  const net = new Network(G1, G2, S, mon);
  net.run(ms(5));
  defaultclock.dt = ms(1);
  net.run(ms(3));
  defaultclock.dt = ms(0.1);
  net.run(ms(2));
  // Spikes should have delays of 0, 1, 2, ... ms and always trigger a spike one dt later
  const expected = QuantityArray.from([0.5, 1.5, 2.5, 3.5, 4.5, 6, 7, 8, 8.1, 9.1], ms);
  assertAllclose(mon.t, expected);
});

brianTest('test_no_synapses', {}, () => {
  // Synaptic pathway but no synapses
  const G1 = new NeuronGroup(1, '', { threshold: 'True' });
  const G2 = new NeuronGroup(1, 'v:1');
  const S = new Synapses(G1, G2, { onPre: 'v+=1' });
  const net = new Network(G1, G2, S);
  throwsCode(() => net.run(ms(0)), 'not_connected');
});

brianTest('test_no_synapses_variable_write', {}, () => {
  // Synaptic pathway but no synapses
  const G1 = new NeuronGroup(1, '', { threshold: 'True' });
  const G2 = new NeuronGroup(1, 'v:1');
  const S = new Synapses(G1, G2, { model: 'w : 1', onPre: 'v+=w' });
  // Setting synaptic variables before calling connect is not allowed
  throwsCode(() => {
    S.w = 1;
  }, 'not_connected');
  throwsCode(() => {
    S.delay = ms(1);
  }, 'not_connected');
});

brianTest(
  'test_synapses_refractory',
  {
    standalone: true,
  },
  () => {
    const source = new NeuronGroup(10, '', { threshold: 'True' });
    const target = new NeuronGroup(10, 'dv/dt = 0/second : 1 (unless refractory)', {
      threshold: 'i>=5',
      refractory: defaultclock.dt,
    });
    const S = new Synapses(source, target, { onPre: 'v += 1' });
    S.connect({ j: 'i' });
    run(defaultclock.dt);
    assertAllclose(target.v.values.slice(0, 5), 1);
    assertAllclose(target.v.values.slice(5), 0);
  },
);

brianTest(
  'test_synapses_refractory_rand',
  {
    standalone: true,
  },
  () => {
    const source = new NeuronGroup(10, '', { threshold: 'True' });
    const target = new NeuronGroup(10, 'dv/dt = 0/second : 1 (unless refractory)', {
      threshold: 'i>=5',
      refractory: defaultclock.dt,
    });
    const S = new Synapses(source, target, { onPre: 'v += rand()' });
    S.connect({ j: 'i' });
    catchLogs(() => run(defaultclock.dt));
    assert.ok(Array.from(target.v.values.slice(0, 5) as Float64Array).every((x) => x > 0));
    assertAllclose(target.v.values.slice(5), 0);
  },
);

brianTest('test_missing_lastupdate_error_syn_pathway', {}, () => {
  const G = new NeuronGroup(1, 'v : 1', { threshold: 'False' });
  const S = new Synapses(G, G, { onPre: 'v += exp(-lastupdate/dt)' });
  S.connect();
  const e = throwsCode(() => run(ms(0)), 'unknown_identifier');
  assert.match(e.message + (e as Any).hint, /lastupdate = t/);
  assert.match(e.message + (e as Any).hint, /lastupdate : second/);
});

brianTest('test_missing_lastupdate_error_run_regularly', {}, () => {
  const G = new NeuronGroup(1, 'v : 1');
  const S = new Synapses(G, G);
  S.connect();
  // (sic: Brian's test has an unclosed parenthesis here, so its error is about the syntax; the
  // parenthesis is closed so that the missing lastupdate is what is checked.)
  S.runRegularly('v += exp(-lastupdate/dt)');
  const e = throwsCode(() => run(ms(0)), 'unknown_identifier');
  assert.match(e.message + (e as Any).hint, /lastupdate = t/);
  assert.match(e.message + (e as Any).hint, /lastupdate : second/);
});
