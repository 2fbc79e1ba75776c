import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type BrianError,
  ms,
  mV,
  Network,
  NeuronGroup,
  type NeuronGroupOptions,
  run,
  SpikeMonitor,
  StateMonitor,
  startScope,
} from '../../src/index.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { throwsCode } from '../helpers/reference.ts';

/** Bad input gives coded errors, with spans pointing at the offending text where there is text. */

const LIF = 'dv/dt = -v/(10*ms) : volt';

/** Builds a group and runs it for one step (most model errors are found at run()). */
function runModel(model: string, options: NeuronGroupOptions = {}): void {
  startScope();
  const G = new NeuronGroup(1, model, options);
  new Network(G).run(ms(0.1));
}

/** The text a coded error points at, and in which user text. */
function pointsAt(err: Error & { code: string }, text: string, label?: RegExp): void {
  const e = err as unknown as BrianError;
  assert.ok(e.span, `${e.code} has no span`);
  assert.equal(e.span.source?.text.slice(e.span.start, e.span.end), text);
  if (label) assert.match(e.span.source?.label ?? '', label);
}

test('unknown identifiers in threshold, reset, equations and setters', () => {
  pointsAt(
    throwsCode(() => runModel(LIF, { threshold: 'v > Vt', method: 'exact' }), 'unknown_identifier'),
    'Vt',
    /threshold/,
  );
  pointsAt(
    throwsCode(
      () => runModel(LIF, { threshold: 'v > 1*mV', reset: 'v = Vr', method: 'exact' }),
      'unknown_identifier',
    ),
    'Vr',
    /reset/,
  );
  const inEquations = throwsCode(
    () => runModel('dv/dt = -v/tau : volt', { method: 'euler' }),
    'unknown_identifier',
  );
  pointsAt(inEquations, 'tau', /equations/);
  assert.equal((inEquations as unknown as BrianError).span?.start, 11);
  startScope();
  const G = new NeuronGroup(1, 'v : volt');
  pointsAt(
    throwsCode(() => {
      G.v = 'Vr + 2*mV';
    }, 'unknown_identifier'),
    'Vr',
    /setter/,
  );
  // A namespace given to run() resolves it.
  startScope();
  const H = new NeuronGroup(1, 'dv/dt = -v/tau : volt', { method: 'euler' });
  new Network(H).run(ms(0.1), { namespace: { tau: ms(10) } });
});

test('dimension mismatches in an ODE, a reset, a threshold, a subexpression and a setter', () => {
  pointsAt(
    throwsCode(() => runModel('dv/dt = -v : volt', { method: 'euler' }), 'dimension_mismatch'),
    '-v',
  );
  pointsAt(
    throwsCode(
      () => runModel(LIF, { threshold: 'v > 1*mV', reset: 'v = 5', method: 'exact' }),
      'dimension_mismatch',
    ),
    'v = 5',
    /reset/,
  );
  pointsAt(
    throwsCode(() => runModel(LIF, { threshold: 'v > 1', method: 'exact' }), 'dimension_mismatch'),
    'v > 1',
    /threshold/,
  );
  pointsAt(
    throwsCode(
      () => runModel('dv/dt = (I - v)/(10*ms) : volt\nI = 5*ms : volt', { method: 'euler' }),
      'dimension_mismatch',
    ),
    '5*ms',
  );
  startScope();
  const G = new NeuronGroup(1, 'v : volt');
  pointsAt(
    throwsCode(() => {
      G.v = '5';
    }, 'dimension_mismatch'),
    '5',
  );
  pointsAt(
    throwsCode(() => {
      G.v = 'exp(v)*mV';
    }, 'dimension_mismatch'),
    'v',
  );
});

test('a threshold that is not a boolean expression', () => {
  pointsAt(
    throwsCode(() => runModel(LIF, { threshold: 'v', method: 'exact' }), 'type_mismatch'),
    'v',
    /threshold/,
  );
  pointsAt(
    throwsCode(() => runModel(LIF, { threshold: 'v/mV + 1', method: 'exact' }), 'type_mismatch'),
    'v/mV + 1',
  );
});

test('setting a volt variable from a bare number: missing_unit', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : volt\nx : 1');
  throwsCode(() => {
    G.v = 5;
  }, 'missing_unit');
  throwsCode(() => {
    G.v = [1, 2, 3];
  }, 'missing_unit');
  G.x = 5; // dimensionless: fine
  throwsCode(() => {
    G.x = mV(5);
  }, 'dimension_mismatch');
  throwsCode(() => {
    G.v = mV([1, 2]);
  }, 'bad_argument');
});

test('equation text errors: bad flag, ^ instead of **, duplicate definition, missing unit, bad unit, syntax', () => {
  startScope();
  pointsAt(
    throwsCode(() => new NeuronGroup(1, 'dv/dt = -v/(10*ms) : volt (unles refractory)'), 'equation_bad_flag'),
    'unles refractory',
  );
  pointsAt(
    throwsCode(() => new NeuronGroup(1, 'v = 3*mV : volt (constant)'), 'equation_bad_flag'),
    'constant',
  );
  const caret = throwsCode(
    () => new NeuronGroup(1, 'dv/dt = -v^2/(10*ms*mV) : volt'),
    'unexpected_character',
  );
  pointsAt(caret, '^');
  assert.equal((caret as unknown as BrianError).span?.start, 10);
  assert.match((caret as unknown as BrianError).hint ?? '', /\*\*/);
  pointsAt(
    throwsCode(() => runModel('v : volt', { threshold: 'v^2 > 1' }), 'unexpected_character'),
    '^',
  );
  const dup = throwsCode(
    () => new NeuronGroup(1, 'dv/dt = -v/(10*ms) : volt\nv : volt'),
    'equation_duplicate_variable',
  );
  pointsAt(dup, 'v');
  assert.equal((dup as unknown as BrianError).span?.start, 26);
  pointsAt(
    throwsCode(() => new NeuronGroup(1, 'dv/dt = -v/(10*ms)'), 'equation_missing_unit'),
    'dv/dt = -v/(10*ms)',
  );
  pointsAt(
    throwsCode(() => new NeuronGroup(1, 'v : voltz'), 'equation_bad_unit'),
    'voltz',
  );
  pointsAt(
    throwsCode(() => new NeuronGroup(1, 'dv/dt -v/(10*ms) : volt'), 'equation_syntax'),
    '-',
  );
  const G = new NeuronGroup(1, 'v : volt');
  throwsCode(() => {
    G.v = '3 * * mV';
  }, 'unexpected_token');
  throwsCode(() => {
    G.v = '(3 * mV';
  }, 'unterminated_expression');
});

test('integration: unknown method, rk4 with noise, exact with nonlinear equations', () => {
  throwsCode(() => runModel(LIF, { method: 'rk5' }), 'unknown_method');
  pointsAt(
    throwsCode(
      () => runModel('dv/dt = -v/(10*ms) + xi*mV/sqrt(ms) : volt', { method: 'rk4' }),
      'integration_unsupported',
    ),
    'xi',
  );
  throwsCode(
    () => runModel('dv/dt = -v**2/(10*ms*mV) : volt', { method: 'exact' }),
    'integration_unsupported',
  );
});

test('refractory of the wrong dimension (quantity and string)', () => {
  throwsCode(
    () => runModel(LIF, { threshold: 'v > 1*mV', refractory: mV(5), method: 'exact' }),
    'dimension_mismatch',
  );
  pointsAt(
    throwsCode(
      () => runModel(LIF, { threshold: 'v > 1*mV', refractory: '5*mV', method: 'exact' }),
      'dimension_mismatch',
    ),
    '5*mV',
    /refractor/,
  );
  throwsCode(
    () => runModel(LIF, { threshold: 'v > 1*mV', refractory: 5 as unknown as Quantity, method: 'exact' }),
    'missing_unit',
  );
});

test('a subexpression with rand() needs (constant over dt)', () => {
  pointsAt(
    throwsCode(
      () => runModel('dv/dt = (I - v)/(10*ms) : volt\nI = rand()*mV : volt', { method: 'euler' }),
      'stateful_subexpression',
    ),
    'I = rand()*mV : volt',
  );
  runModel('dv/dt = (I - v)/(10*ms) : volt\nI = rand()*mV : volt (constant over dt)', { method: 'euler' });
});

test('run(5) without units, negative durations', () => {
  startScope();
  new NeuronGroup(1, 'v : volt');
  throwsCode(() => run(5 as unknown as Quantity), 'missing_unit');
  throwsCode(() => run(mV(5)), 'dimension_mismatch');
  throwsCode(() => run(ms(-1)), 'bad_argument');
  throwsCode(() => new NeuronGroup(1, 'v : volt', { dt: 0.1 as unknown as Quantity }), 'missing_unit');
});

test('read-only variables, unknown variables, bad indices, spike monitors of non-spiking groups', () => {
  startScope();
  const G = new NeuronGroup(3, LIF, { threshold: 'v > 1*mV', refractory: ms(1), method: 'exact' });
  throwsCode(() => {
    G.lastspike = ms(1);
  }, 'read_only_variable');
  throwsCode(() => {
    G.i = 3;
  }, 'read_only_variable');
  pointsAt(
    throwsCode(
      () => runModel('v : volt', { threshold: 'v > 1*mV', reset: 't = 5*ms' }),
      'read_only_variable',
    ),
    't',
  );
  throwsCode(() => G.state('foo'), 'unknown_variable');
  throwsCode(() => new StateMonitor(G, 'foo'), 'unknown_variable');
  throwsCode(() => new StateMonitor(G, 'v', { record: [5] }), 'index_out_of_range');
  throwsCode(() => G.v.at(3), 'index_out_of_range');
  throwsCode(() => new SpikeMonitor(new NeuronGroup(1, 'v : volt')), 'bad_argument');
  startScope();
  throwsCode(() => new NeuronGroup(0, 'v : volt'), 'bad_argument');
});

test('functions: unknown, wrong number of arguments; booleans used as numbers', () => {
  startScope();
  const G = new NeuronGroup(1, 'v : volt\nb : boolean');
  pointsAt(
    throwsCode(() => {
      G.v = 'foo(3)*mV';
    }, 'unknown_function'),
    'foo',
  );
  pointsAt(
    throwsCode(() => {
      G.v = 'exp(1, 2)*mV';
    }, 'wrong_argument_count'),
    'exp(1, 2)',
  );
  pointsAt(
    throwsCode(() => {
      G.v = '-b*mV';
    }, 'type_mismatch'),
    '-b',
  );
});

test('cyclic subexpressions; errors found at run() name the script line that created the object', () => {
  pointsAt(
    throwsCode(
      () => runModel('a = b : 1\nb = a : 1\ndv/dt = a/ms : 1', { method: 'euler' }),
      'cyclic_definition',
    ),
    'a',
  );
  const late = throwsCode(
    () => runModel(LIF, { threshold: 'v > Vt', method: 'exact' }),
    'unknown_identifier',
  );
  assert.match((late as unknown as BrianError).createdAt ?? '', /errors\.test\.ts:\d+:\d+/);
  assert.match(late.message, /\[unknown_identifier\]/);
});

test('setting a variable the group does not have is an error (Brian: "Could not find a state variable")', () => {
  startScope();
  const G = new NeuronGroup(1, 'v : volt');
  throwsCode(() => {
    G.vv = mV(3);
  }, 'unknown_variable');
});
