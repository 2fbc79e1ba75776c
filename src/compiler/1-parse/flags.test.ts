import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { span } from '../../diagnostics/span.ts';
import {
  checkFlags,
  NEURON_GROUP_FLAGS,
  SPATIAL_NEURON_FLAGS,
  SYNAPSES_FLAGS,
  SYNAPSES_INCOMPATIBLE_FLAGS,
} from './flags.ts';
import { checkIdentifier, identifierProblem, isNoiseSymbol } from './identifiers.ts';
import { parseEquations } from './parse-equations.ts';
import { throwsBrian, where } from './testing.ts';

describe('checkFlags', () => {
  it('accepts what NeuronGroup accepts', () => {
    const eqs = parseEquations(`
      dv/dt = -v/tau : volt (unless refractory)
      tau : second (constant)
      stim : 1 (shared)
      target : volt (linked)
      noise = rand() : 1 (constant over dt)
      total = v*2 : volt (shared)`);
    checkFlags(eqs, NEURON_GROUP_FLAGS);
  });

  it('rejects Synapses flags in a NeuronGroup, at the flag', () => {
    let text = 'dApre/dt = -Apre/taupre : 1 (event-driven)';
    throwsBrian(
      () => checkFlags(parseEquations(text), NEURON_GROUP_FLAGS),
      'equation_bad_flag',
      ...where(text, 'event-driven'),
    );
    text = 'I_post = g*v : amp (summed)';
    throwsBrian(
      () => checkFlags(parseEquations(text), NEURON_GROUP_FLAGS),
      'equation_bad_flag',
      ...where(text, 'summed'),
    );
  });

  it('accepts what Synapses accepts and rejects incompatible combinations', () => {
    const ok = parseEquations(`
      dApre/dt = -Apre/taupre : 1 (event-driven)
      ds/dt = -s/tau : 1 (clock-driven)
      w : 1 (constant, shared)
      I_post = g*s : amp (summed)`);
    checkFlags(ok, SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS);
    let text = 'ds/dt = -s/tau : 1 (clock-driven, event-driven)';
    throwsBrian(
      () => checkFlags(parseEquations(text), SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS),
      'equation_bad_flag',
      ...where(text, 'event-driven'),
    );
    text = 'x_post = s : 1 (summed, shared)';
    throwsBrian(
      () => checkFlags(parseEquations(text), SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS),
      'equation_bad_flag',
      ...where(text, 'shared'),
    );
    text = 'dv/dt = -v/tau : volt (unless refractory)';
    throwsBrian(
      () => checkFlags(parseEquations(text), SYNAPSES_FLAGS),
      'equation_bad_flag',
      ...where(text, 'unless refractory'),
    );
  });

  it('accepts point currents in a SpatialNeuron only', () => {
    const text = 'I_syn : amp (point current)';
    checkFlags(parseEquations(text), SPATIAL_NEURON_FLAGS);
    throwsBrian(
      () => checkFlags(parseEquations(text), NEURON_GROUP_FLAGS),
      'equation_bad_flag',
      ...where(text, 'point current'),
    );
  });

  it('treats a kind missing from the table as taking no flags', () => {
    const text = 'x : 1 (constant)';
    throwsBrian(
      () => checkFlags(parseEquations(text), { ode: ['unless refractory'] }),
      'equation_bad_flag',
      ...where(text, 'constant'),
    );
  });
});

describe('identifier checks', () => {
  it('explains why a name is not allowed', () => {
    assert.equal(identifierProblem('v'), undefined);
    assert.equal(identifierProblem('lastspike'), undefined);
    assert.match(identifierProblem('_v')!, /underscore/);
    assert.match(identifierProblem('xi_2')!, /special meaning/);
    assert.match(identifierProblem('exp')!, /function/);
    assert.match(identifierProblem('pi')!, /constant/);
    assert.match(identifierProblem('ms', { isUnitName: (n) => n === 'ms' })!, /unit/);
    assert.match(identifierProblem('not_refractory')!, /refractor/);
    assert.match(identifierProblem('w_post')!, /_post/);
    assert.equal(identifierProblem('w_post', { allowPrePostSuffix: true }), undefined);
    assert.match(identifierProblem('3x')!, /not a valid/);
    assert.match(identifierProblem('if')!, /keyword/);
  });

  it('throws invalid_identifier at the given span', () => {
    throwsBrian(() => checkIdentifier('dt', span(4, 6)), 'invalid_identifier');
  });

  it('recognises noise symbols', () => {
    assert.ok(isNoiseSymbol('xi'));
    assert.ok(isNoiseSymbol('xi_1'));
    assert.ok(isNoiseSymbol('xi_foo'));
    assert.ok(!isNoiseSymbol('xii'));
    assert.ok(!isNoiseSymbol('x'));
  });
});
