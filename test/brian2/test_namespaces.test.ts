/**
 * Brian 2's test_namespaces.py, translated (test names kept; parametrized tests under pytest's ids).
 *
 * Brian's tests resolve names with a bare `Group` (`SimpleGroup`) through `Group._resolve` and
 * `Group.resolve_all`; the translation uses a NeuronGroup and its `resolveAll` (Brian's
 * `resolve_all`, the same resolution that code of the group gets). Brian's implicit namespace
 * (the locals of the calling frame) is brian-ts's run namespace.
 *
 * Skipped (Python internals):
 * - test_explicit_namespace[variable3], [variable4], [variable5]: numpy scalar types
 *   (numpy.int32, numpy.float32, numpy.bool_), which JavaScript does not have.
 */
import assert from 'node:assert/strict';
import type { Namespace } from '../../src/index.ts';
import { cm, Hz, ms, mV, NeuronGroup, Quantity, second, volt } from '../../src/index.ts';
import { warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_namespaces.py', {
  skipped: {
    'test_explicit_namespace[variable3]': 'numpy scalar type numpy.int32',
    'test_explicit_namespace[variable4]': 'numpy scalar type numpy.float32',
    'test_explicit_namespace[variable5]': 'numpy scalar type numpy.bool_',
  },
});

/** Brian's `SimpleGroup(namespace=…, variables={})`: a group whose code sees only `namespace`. */
const simpleGroup = (namespace?: Namespace, N = 1) => new NeuronGroup(N, '', { namespace });

/** What a name resolves to, as a quantity (constants, units, namespace values). */
function resolvedValue(group: NeuronGroup, name: string, runNamespace: Namespace = {}): Quantity {
  const found = group.resolveAll([name], runNamespace)[name];
  assert.equal(found.kind, 'constant', `${name} should resolve to a value`);
  return new Quantity(found.value, found.dim);
}

function resolvedFunction(group: NeuronGroup, name: string, runNamespace: Namespace = {}): string {
  const found = group.resolveAll([name], runNamespace)[name];
  assert.equal(found.kind, 'function', `${name} should resolve to a function`);
  return found.def.name;
}

const same = (a: Quantity, b: Quantity) => a.value === b.value && a.dim.equals(b.dim);

brianTest('test_default_content', {}, () => {
  // Test that the default namespace contains standard units and functions.
  const group = simpleGroup();
  // Units
  for (const [name, unit] of [
    ['second', second],
    ['volt', volt],
    ['ms', ms],
    ['Hz', Hz],
    ['mV', mV],
  ] as const) {
    assert.ok(same(resolvedValue(group, name), unit), name);
  }
  // Functions
  for (const name of ['sin', 'log', 'exp']) assert.equal(resolvedFunction(group, name), name);
  // Constants
  assert.equal(resolvedValue(group, 'e').value, Math.E);
  assert.equal(resolvedValue(group, 'pi').value, Math.PI);
  assert.equal(resolvedValue(group, 'inf').value, Number.POSITIVE_INFINITY);
});

for (const [id, variable] of [
  ['42', 42],
  ['42.0', 42.0],
  ['True', true],
] as const) {
  brianTest(`test_explicit_namespace[${id}]`, {}, () => {
    // Test resolution with an explicitly provided namespace
    const group = simpleGroup({ variable });
    const logs = warningsOf(() => {
      assert.equal(resolvedValue(group, 'variable').value, Number(variable));
    });
    assert.deepEqual(logs, []);
  });
}

brianTest('test_run_namespace', {}, () => {
  // Value from an explicit run namespace
  const group = simpleGroup({});
  const logs = warningsOf(() => {
    assert.equal(resolvedValue(group, 'yet_another_var', { yet_another_var: 17 }).value, 17);
  });
  assert.deepEqual(logs, []);
});

brianTest('test_errors', {}, () => {
  // No explicit namespace
  let group = simpleGroup();
  assert.throws(() => group.resolveAll(['nonexisting_variable'], {}), { code: 'unknown_identifier' });
  // Empty explicit namespace
  group = simpleGroup({});
  assert.throws(() => group.resolveAll(['nonexisting_variable'], {}), { code: 'unknown_identifier' });
  // Illegal name
  assert.throws(() => simpleGroup({ _illegal: 3.0 }), { code: 'invalid_identifier' });
  // Invalid type
  group = simpleGroup({ str_variable: 'not allowed' as never });
  assert.throws(() => group.resolveAll(['str_variable'], {}), { code: 'unknown_identifier' });
});

brianTest('test_resolution', {}, () => {
  // implicit namespace (brian-ts: the run namespace)
  const tau = ms(10);
  let group = simpleGroup();
  let resolved = group.resolveAll(['tau', 'ms'], { tau }, ['tau', 'ms']);
  assert.equal(Object.keys(resolved).length, 2);
  assert.ok(same(resolvedValue(group, 'tau', { tau }), tau));
  assert.ok(same(resolvedValue(group, 'ms', { tau }), ms));

  // explicit namespace
  group = simpleGroup({ tau: ms(20) });
  resolved = group.resolveAll(['tau', 'ms'], {}, ['tau', 'ms']);
  assert.equal(Object.keys(resolved).length, 2);
  const found = resolved.tau;
  assert.ok(found.kind === 'constant' && same(new Quantity(found.value, found.dim), ms(20)));
});

brianTest('test_warning', {}, () => {
  // Name in external namespace clashes with unit/function name
  const namespace = { exp: 23, cm: 42 };
  const group = simpleGroup();
  let logs = warningsOf(() => {
    assert.equal(resolvedFunction(group, 'exp', namespace), 'exp');
  });
  assert.deepEqual(logs, ['resolution_conflict']);
  logs = warningsOf(() => {
    assert.ok(same(resolvedValue(group, 'cm', namespace), cm));
  });
  assert.deepEqual(logs, ['resolution_conflict']);
});

brianTest('test_warning_internal_variables', {}, () => {
  const group1 = simpleGroup(undefined, 5);
  const group2 = simpleGroup(undefined, 7);
  // should not raise a warning
  assert.deepEqual(
    warningsOf(() => group1.resolveAll(['N'], { N: 5 })),
    [],
  );
  // should raise a warning
  assert.deepEqual(
    warningsOf(() => group2.resolveAll(['N'], { N: 5 })),
    ['resolution_conflict'],
  );
});
