import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amp,
  farad,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  second,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { namespaceFrom, seconds, si } from './support.ts';

const ref = loadReference('adex_rk2');

test('AdEx with rk2 matches Brian 2.5.1 (traces, spike steps, counts)', () => {
  const m = ref.model;
  startScope();
  const namespace = namespaceFrom(m.namespace, {
    C: farad,
    gL: siemens,
    EL: volt,
    VT: volt,
    DeltaT: volt,
    tauw: second,
    a: siemens,
    b: amp,
    Vr: volt,
    Vcut: volt,
  });
  const G = new NeuronGroup(m.N, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    method: m.method,
    namespace,
  });
  G.vm = si(m.initial.vm, volt);
  G.w = si(m.initial.w, amp);
  G.I = si(m.initial.I, amp);
  const M = new StateMonitor(G, ['vm', 'w']);
  const S = new SpikeMonitor(G);
  new Network(G, M, S).run(seconds(m.duration));

  const r = ref.recorded;
  assertClose(M.t_, r.t, 1e-12, 't');
  assert.deepEqual(Array.from(S.count), r.spike_count);
  assert.deepEqual(Array.from(S.i), r.spike_i);
  // Spike times exactly: the same step.
  assert.deepEqual(
    Array.from(S.t_, (t) => Math.round(t / m.dt)),
    r.spike_t.map((t: number) => Math.round(t / m.dt)),
  );
  assertClose(S.t_, r.spike_t, 1e-12, 'spike times');
  // The exponential makes the last step before a spike very steep; compare with 1e-9 relative
  // (floor 1 µV for vm, 1 fA for w).
  for (const [k, trace] of (r.vm as number[][]).entries()) {
    assertClose(M.traces_('vm')[k], trace, 1e-9, `vm[${k}]`, 1e-6);
  }
  for (const [k, trace] of (r.w as number[][]).entries()) {
    assertClose(M.traces_('w')[k], trace, 1e-9, `w[${k}]`, 1e-15);
  }
});
