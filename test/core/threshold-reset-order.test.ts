import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  second,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { seconds, si } from './support.ts';

/**
 * What the threshold, the reset, SpikeMonitor variables and StateMonitors at 'start' and 'end'
 * see within one time step, against Brian 2.5.1 (`threshold_reset_order`).
 */
const ref = loadReference('threshold_reset_order');
const m = ref.model;
const DT = m.dt;

for (const name of Object.keys(m.resets)) {
  test(`reset '${m.resets[name].replaceAll('\n', '\\n')}' (${name}): spikes, monitors and final state as in Brian`, () => {
    startScope();
    const G = new NeuronGroup(m.N, m.equations, {
      threshold: m.threshold,
      reset: m.resets[name],
      method: m.method,
    });
    G.drive = si(m.drive, volt.div(second));
    const S = new SpikeMonitor(G, { variables: ['v', 'w'] });
    const Mstart = new StateMonitor(G, ['v', 'w', 'u']);
    const Mend = new StateMonitor(G, ['v', 'w', 'u'], { when: 'end' });
    new Network(G, S, Mstart, Mend).run(seconds(m.duration));

    const r = ref.groups[name];
    // Spikes: same steps, same neurons, same order; recorded variables after integration, before the reset.
    assert.deepEqual(Array.from(S.i), r.spikes.i, 'spike indices');
    assert.deepEqual(
      Array.from(S.t_, (t) => Math.round(t / DT)),
      r.spikes.t.map((t: number) => Math.round(t / DT)),
      'spike steps',
    );
    assertClose(S.t_, r.spikes.t, 1e-12, 'spike times');
    assert.deepEqual(Array.from(S.count), r.spikes.count, 'counts');
    assertClose(S.values_('v'), r.spikes.v, 1e-12, 'v at spikes', 1e-15);
    assertClose(S.values_('w'), r.spikes.w, 1e-12, 'w at spikes', 1e-15);
    assert.equal(S.recorded('v').dim, volt.dim);

    for (const [label, M] of [
      ['statemonitor_start', Mstart],
      ['statemonitor_end', Mend],
    ] as const) {
      const rec = r[label];
      assertClose(M.t_, rec.t, 1e-12, `${label} t`);
      for (const x of ['v', 'w', 'u']) {
        for (let k = 0; k < m.N; k++) {
          assertClose(M.traces_(x)[k], rec[x][k], 1e-12, `${label} ${x}[${k}]`, 1e-15);
        }
      }
    }
    for (const x of ['v', 'w', 'u']) assertClose(G[`${x}_`], r.final[x], 1e-12, `final ${x}`, 1e-15);
  });
}

test("'end' monitors label the sample with the step's start time but show the state after the reset", () => {
  startScope();
  const G = new NeuronGroup(1, 'dv/dt = drive : volt\ndrive : volt/second (constant)', {
    threshold: 'v > 1.05*mV',
    reset: 'v = 0*mV',
    method: 'euler',
  });
  G.drive = si(7, volt.div(second));
  const Mstart = new StateMonitor(G, 'v');
  const Mend = new StateMonitor(G, 'v', { when: 'end' });
  const S = new SpikeMonitor(G, { variables: 'v' });
  new Network(G, Mstart, Mend, S).run(seconds(3 * DT));
  assert.deepEqual(Array.from(Mstart.t_), Array.from(Mend.t_));
  // step 0: 0 → 0.7 mV; step 1: → 1.4 mV > 1.05 mV: spike at t = 0.1 ms, reset to 0.
  assertClose(Mstart.traces_('v')[0], [0, 0.7e-3, 0], 1e-12, 'start', 1e-15);
  assertClose(Mend.traces_('v')[0], [0.7e-3, 0, 0.7e-3], 1e-12, 'end', 1e-15);
  assertClose(S.t_, [DT], 1e-12, 'spike time');
  assertClose(S.values_('v'), [1.4e-3], 1e-12, 'v at spike');
});
