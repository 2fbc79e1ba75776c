/**
 * The "part of" column of schedulingSummary against Brian 2.5.1's scheduling_summary text
 * (test/reference/scheduling_summary_part_of.json): Brian shows the CodeRunner's `group`, which is the
 * object itself for monitors and SpikeGeneratorGroup and the target group for PoissonInput ("--" only
 * for a NetworkOperation). Found while porting custom_events.py (brian-ts printed "--" for all of these).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EventMonitor,
  Hz,
  ms,
  Network,
  NeuronGroup,
  networkOperation,
  PoissonGroup,
  PoissonInput,
  PopulationRateMonitor,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  schedulingSummary,
  startScope,
} from '../../src/index.ts';
import { loadReference } from '../helpers/reference.ts';

const ref = loadReference('scheduling_summary_part_of');

test('schedulingSummary prints Brian’s "part of" column for every kind of object', () => {
  startScope();
  const G = new NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1\nI : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    events: { up: 'v>0.5' },
    name: 'G',
  });
  G.runRegularly('v += 0.1', { dt: ms(1), name: 'G_regular' });
  const P = new PoissonGroup(2, Hz(10), { name: 'P' });
  const SG = new SpikeGeneratorGroup(2, [0], ms([1]), { name: 'SG' });
  const PI = new PoissonInput(G, 'v', 5, Hz(10), 0.1);
  const S = new Synapses(P, G, { model: 'w : 1\nI_post = w : 1 (summed)', onPre: 'v += w', name: 'S' });
  S.connect();
  const op = networkOperation(() => {}, { name: 'op' });
  const R = new PopulationRateMonitor(G, { name: 'R' });
  const M = new StateMonitor(G, 'v', { record: 0, name: 'M' });
  const SM = new SpikeMonitor(SG, { name: 'SM' });
  const EM = new EventMonitor(G, 'up', { name: 'EM' });
  const summary = schedulingSummary(new Network(G, P, SG, PI, S, op, R, M, SM, EM));
  assert.equal(String(summary), ref.scheduling_summary);
  const partOf = Object.fromEntries(summary.entries.map((e) => [e.name, e.ownerName]));
  assert.equal(partOf.M, 'M');
  assert.equal(partOf.poissoninput, 'G');
  assert.equal(partOf.op, undefined);
});
