import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { resetDevice } from '../../src/devices/active.ts';
import {
  defaultclock,
  Hz,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  restore,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  setDevice,
  startScope,
  store,
  TimedArray,
} from '../../src/index.ts';
import { projectDirectory, STANDALONE_SKIP } from '../standalone/devices.ts';
import { cases as expressionCases } from './generators/expressions.ts';
import { recordingDevice } from './harness/codegen.ts';
import { classify } from './harness/oracle.ts';
import { MARKER, MARKER_FILE, PAYLOADS } from './harness/payloads.ts';
import { FUZZ_SEED } from './harness/settings.ts';

/**
 * Issue 14, fuzz suite: the compiled cases. Every fuzz case has its kernels printed as C++ and
 * scanned (fast); here a few go through g++ and run: accepted expression cases with the runtime
 * device's compiled kernels, and a standalone program built from the hostile strings that the
 * API accepts (namespace keys, snapshot names) — which must compile, run, and not run them.
 */

const marked = globalThis as Record<string, unknown>;

function noInjection(): void {
  assert.equal(marked[MARKER], undefined, 'a payload set the global');
  assert.equal(existsSync(MARKER_FILE), false, 'a payload created the marker file');
}

/** The first `n` expression cases that the JavaScript kernels accept and that run per-step kernels. */
function acceptedExpressionCases(n: number) {
  const perStep = /^(threshold|reset|dz\/dt|dv2\/dt|onPre|custom event|subexpression)/;
  const out = [];
  for (const c of fc.sample(expressionCases, { seed: FUZZ_SEED, numRuns: 300 })) {
    if (!perStep.test(c.label)) continue;
    recordingDevice();
    startScope();
    try {
      c.run({ scratch: '', extraSources: [] });
      out.push(c);
    } catch {}
    if (out.length === n) break;
  }
  resetDevice();
  return out;
}

test('fuzz, compiled: accepted expression cases with g++-compiled runtime kernels', {
  skip: STANDALONE_SKIP,
}, (t) => {
  mkdirSync(dirname(MARKER_FILE), { recursive: true });
  try {
    for (const c of acceptedExpressionCases(3)) {
      setDevice('runtime', { target: 'cpp' });
      startScope();
      defaultclock.dt = ms(0.1);
      let outcome = 'accepted';
      try {
        c.run({ scratch: '', extraSources: [] });
      } catch (e) {
        const o = classify(e);
        outcome = o.kind === 'coded' ? o.code : `failure: ${o.kind === 'failure' ? o.message : ''}`;
      }
      t.diagnostic(`fuzz compiled: ${c.label.slice(0, 160)}: ${outcome}`);
      // numerical_error: the same NaN check as the JavaScript kernels (random values may overflow)
      assert.ok(outcome === 'accepted' || outcome === 'numerical_error', `${c.label}: ${outcome}`);
      noInjection();
    }
  } finally {
    resetDevice();
    startScope();
    rmSync(dirname(MARKER_FILE), { recursive: true, force: true });
  }
});

test('fuzz, compiled: a standalone program holding every payload where the API accepts it', {
  skip: STANDALONE_SKIP,
}, () => {
  mkdirSync(dirname(MARKER_FILE), { recursive: true });
  try {
    const standalone = setDevice('cpp_standalone', {
      directory: projectDirectory('fuzz compiled payloads'),
      buildOnRun: false,
    });
    startScope();
    defaultclock.dt = ms(0.1);
    // namespace keys are never printed (only the names the model uses are looked up)
    const hostileKeys = Object.fromEntries(PAYLOADS.map((p, k) => [p, mV(k)]));
    const ta = new TimedArray(mV([1, 2, 3]), { dt: ms(0.1) });
    const G = new NeuronGroup(3, 'dv/dt = (ta(t) - v)/tau : volt', {
      method: 'euler',
      threshold: 'v > 0.5*mV',
      reset: 'v = 0*mV',
      namespace: { ...hostileKeys, ta, tau: ms(1) },
    });
    const P = new PoissonGroup(2, Hz(500));
    const S = new Synapses(P, G, { model: 'w : volt', onPre: 'v_post += w' });
    S.connect();
    S.w = 'i*0.1*mV';
    const M = new StateMonitor(G, 'v', { record: true });
    const spikes = new SpikeMonitor(G);
    // snapshot names are keys of the program's copies, printed as numbers
    for (const name of PAYLOADS.slice(0, 4)) store(name);
    run(ms(0.5), { namespace: hostileKeys });
    restore(PAYLOADS[0]);
    run(ms(0.5));
    standalone.build();
    assert.equal(M.t.length, 5, 'restore() went back to t = 0, the monitor too');
    assert.ok(spikes.num_spikes >= 0);
    noInjection();
  } finally {
    resetDevice();
    startScope();
    rmSync(dirname(MARKER_FILE), { recursive: true, force: true });
  }
});
