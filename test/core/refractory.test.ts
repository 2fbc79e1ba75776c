import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hertz,
  ms,
  Network,
  NeuronGroup,
  type Quantity,
  SpikeMonitor,
  StateMonitor,
  second,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { namespaceFrom, seconds, si } from './support.ts';

const timeRef = loadReference('refractory_time');
const condRef = loadReference('refractory_condition');
const DT = 1e-4;

interface GroupRef {
  model: {
    N: number;
    equations: string;
    threshold: string;
    reset: string | null;
    initial: Record<string, number[]>;
  };
  recorded: Record<string, number[][] | number[] | boolean[][]>;
}

/** Runs one group of a refractoriness reference and compares every recorded trace and the spikes. */
function check(
  name: string,
  g: GroupRef,
  refractory: Quantity | string,
  options: { method: string; duration: number; namespace: Record<string, Quantity>; other: 'x' | 'y' },
): SpikeMonitor {
  startScope();
  const m = g.model;
  const G = new NeuronGroup(m.N, m.equations, {
    threshold: m.threshold,
    reset: m.reset ?? undefined,
    refractory,
    method: options.method,
    namespace: options.namespace,
  });
  G.v = si(m.initial.v, volt);
  G[options.other] = m.initial[options.other];
  if (m.initial.ref) G.ref = si(m.initial.ref, second);
  const vars = ['v', options.other, 'not_refractory', 'lastspike'];
  const M = new StateMonitor(G, vars);
  const S = new SpikeMonitor(G);
  new Network(G, M, S).run(seconds(options.duration));

  const r = g.recorded;
  assert.deepEqual(Array.from(S.i), r.spike_i, `${name}: spike indices`);
  assert.deepEqual(
    Array.from(S.t_, (t) => Math.round(t / DT)),
    (r.spike_t as number[]).map((t) => Math.round(t / DT)),
    `${name}: spike steps`,
  );
  assert.deepEqual(Array.from(S.count), r.spike_count, `${name}: spike counts`);
  assertClose(M.t_, r.t as number[], 1e-12, `${name}: t`);
  for (let k = 0; k < m.N; k++) {
    assertClose(M.traces_('v')[k], (r.v as number[][])[k], 1e-9, `${name}: v[${k}]`, 1e-6);
    const other = options.other;
    assertClose(M.traces_(other)[k], (r[other] as number[][])[k], 1e-9, `${name}: ${other}[${k}]`, 1e-9);
    assert.deepEqual(
      Array.from(M.traces_('not_refractory')[k], Boolean),
      (r.not_refractory as boolean[][])[k],
      `${name}: not_refractory[${k}]`,
    );
    assertClose(M.traces_('lastspike')[k], (r.lastspike as number[][])[k], 1e-12, `${name}: lastspike[${k}]`);
  }
  return S;
}

const timeNamespace = namespaceFrom(timeRef.model.namespace, {
  v_drive: volt,
  tau: second,
  tau_x: second,
  v_th: volt,
  v_reset: volt,
});

const timeVariants: Record<string, Quantity | string> = {
  quantity: ms(2),
  string: '2*ms',
  string_expr: 'tau/5',
  per_neuron: 'ref',
  gate: ms(2),
};

for (const [name, refractory] of Object.entries(timeVariants)) {
  test(`refractory time (${name}: ${String(refractory)}) matches Brian 2.5.1`, () => {
    check(name, timeRef.groups[name], refractory, {
      method: timeRef.model.method,
      duration: timeRef.model.duration,
      namespace: timeNamespace,
      other: 'x',
    });
  });
}

test('per-neuron refractory periods round to whole steps (ref 0/0.05/0.1 ms lose no step, 1.95 → 19, 2.0/2.05 → 20, 2.1 → 21)', () => {
  const S = check('per_neuron', timeRef.groups.per_neuron, 'ref', {
    method: timeRef.model.method,
    duration: timeRef.model.duration,
    namespace: timeNamespace,
    other: 'x',
  });
  const isi = (k: number) => {
    const steps = Array.from(S.t_)
      .filter((_, n) => S.i[n] === k)
      .map((t) => Math.round(t / DT));
    return steps[1] - steps[0];
  };
  // 34 steps without refractoriness; R refractory steps skip R - 1 integration steps.
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(isi), [34, 34, 34, 52, 53, 53, 54]);
});

const condNamespace = namespaceFrom(condRef.model.namespace, {
  vd: volt,
  tau: second,
  tau_y: second,
  f: hertz,
  tau_fast: second,
});

for (const name of ['decay', 'oscillate', 'deadlock']) {
  test(`refractory condition (${name}) matches Brian 2.5.1`, () => {
    const g = condRef.groups[name];
    const S = check(name, g, g.model.refractory, {
      method: condRef.model.method,
      duration: condRef.model.duration,
      namespace: condNamespace,
      other: 'y',
    });
    // deadlock: the condition can never become false again after the reset, so one spike only.
    if (name === 'deadlock') assert.equal(S.num_spikes, 1);
  });
}
