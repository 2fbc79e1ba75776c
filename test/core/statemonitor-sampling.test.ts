import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultclock, ms, Network, NeuronGroup, StateMonitor, second, startScope } from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { namespaceFrom, seconds } from './support.ts';

/**
 * StateMonitors with the default dt, their own dt (0.5 ms, and 0.35 ms which is not a multiple
 * of the group's 0.1 ms), and `record: [0, 2]`, over three consecutive runs whose durations are
 * not all multiples of dt (`statemonitor_sampling`).
 */
const ref = loadReference('statemonitor_sampling');
const m = ref.model;

test('StateMonitor sampling and consecutive runs match Brian 2.5.1', () => {
  startScope();
  assert.equal(defaultclock.dt_, m.dt);
  const G = new NeuronGroup(m.N, m.equations, {
    method: m.method,
    namespace: namespaceFrom(m.namespace, { tau: second }),
  });
  G.x = m.initial.x;
  G.y = 0;
  const vars = ['x', 'y', 'tnow'];
  const mons: Record<string, StateMonitor> = {
    M_default: new StateMonitor(G, vars),
    M_05: new StateMonitor(G, vars, { dt: ms(0.5) }),
    M_035: new StateMonitor(G, vars, { dt: ms(0.35) }),
    M_idx: new StateMonitor(G, vars, { record: [0, 2] }),
  };
  const net = new Network(G, ...Object.values(mons));
  m.runs.forEach((duration: number, k: number) => {
    net.run(seconds(duration));
    const after = ref.after_runs[k];
    const what = `after run ${k + 1} (${duration * 1e3} ms)`;
    assert.equal(net.t_, after.net_t, `${what}: Network.t`);
    assert.equal(G.clock.timestep, after.defaultclock_timestep, `${what}: default clock step`);
    assertClose([G.clock.t_], [after.defaultclock_t], 1e-12, `${what}: default clock t`);
    for (const [name, M] of Object.entries(mons)) {
      assert.equal(M.t_.length, after.n_samples[name], `${what}: samples of ${name}`);
      assertClose([M.clock.t_], [after.monitor_clock_t[name]], 1e-12, `${what}: clock of ${name}`);
    }
    assertClose(G.x_, after.x, 1e-12, `${what}: x`);
    assertClose(G.y_, after.y, 1e-12, `${what}: y`);
  });

  for (const [name, M] of Object.entries(mons)) {
    const rec = ref.recorded[name];
    assert.deepEqual(Array.from(M.recordIndices), rec.record, `${name} record`);
    // Recorded times are timestep*dt (not accumulated sums): compare bit for bit.
    assert.deepEqual(Array.from(M.t_), rec.t, `${name} t`);
    for (const x of vars) {
      rec[x].forEach((trace: number[], k: number) => {
        assertClose(M.traces_(x)[k], trace, 1e-12, `${name}.${x}[${k}]`, 1e-15);
      });
    }
  }
  // With dt = 0.35 ms, the sample at 0.35 ms shows the group after its step at 0.3 ms: y = t = 0.4 ms.
  assertClose([mons.M_035.traces_('tnow')[0][1]], [0.4e-3], 1e-12, 'tnow at 0.35 ms');
  // Absolute indexing: element 2 of the source is the second record of M_idx.
  assertClose(mons.M_idx[2].x.values, ref.recorded.M_idx.x[1], 1e-12, 'M_idx[2].x');
  assert.throws(() => mons.M_idx.at(1), { code: 'index_out_of_range' });
});
