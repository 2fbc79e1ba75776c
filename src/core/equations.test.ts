import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, mV, Network, NeuronGroup, startScope } from '../index.ts';
import { Equations } from './equations.ts';

test('Equations: concatenation, name substitution, value substitution', () => {
  const base = new Equations('dv/dt = (g*(E - v))/tau : volt\ng : 1');
  const more = base.add('E : volt');
  assert.deepEqual(more.names, ['v', 'g', 'E']);
  const renamed = more.substitute({ g: 'g_e', E: 'E_e' });
  assert.deepEqual(renamed.names, ['v', 'g_e', 'E_e']);
  const valued = renamed.substitute({ tau: ms(10) });
  startScope();
  const G = new NeuronGroup(1, valued, { method: 'euler' });
  G.g_e = 1;
  G.E_e = mV(10);
  new Network(G).run(ms(1));
  assert.ok(G.v_[0] > 0 && G.v_[0] < 0.01);
  assert.deepEqual(valued.diffEqNames, ['v']);
});

test('Equations: a name defined twice is an error', () => {
  const a = new Equations('x : 1');
  assert.throws(
    () => a.add('x : volt'),
    (e: Error & { code?: string }) => e.code === 'equation_duplicate_variable',
  );
});
