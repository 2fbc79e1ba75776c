/**
 * Brian 2's test_neurongroup.py, translated (test names kept), part 1: creation, variables,
 * variable views, thresholds and resets, namespaces. The other parts are
 * test_neurongroup.<topic>.test.ts (linked variables, state access, events and runners).
 *
 * Skipped (Python internals):
 * - test_repr: Python str/repr and sympy LaTeX printing.
 * - test_ipython_html: IPython's HTML representation.
 * - test_get_dtype: the numpy dtype utility `get_dtype`.
 * - test_aliasing_in_statements: a test of the numpy code generation target only.
 * - test_get_states_pandas, test_set_states_pandas: pandas data frames.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  Hz,
  linkedVar,
  ms,
  mV,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  run,
  second,
  volt,
} from '../../src/index.ts';
import { arange, assertAllclose, assertEqual, pyFloorDiv, pyMod, warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_neurongroup.py', {
  skipped: {
    test_repr: 'Python str/repr and sympy LaTeX printing',
    test_ipython_html: "IPython's HTML representation",
    test_get_dtype: 'the numpy dtype utility get_dtype',
    test_aliasing_in_statements: 'a test of the numpy code generation target only',
    test_get_states_pandas: 'pandas data frames',
    test_set_states_pandas: 'pandas data frames',
  },
});

const one = Quantity.dimensionless(1);

brianTest('test_creation', {}, () => {
  const G = new NeuronGroup(42, 'dv/dt = -v/(10*ms) : 1', { reset: 'v=0', threshold: 'v>1' });
  assert.equal(G.length, 42);
  // Model equations as first argument (no number of neurons)
  assert.throws(() => new NeuronGroup('dv/dt = 5*Hz : 1' as never, 1 as never), { code: 'bad_argument' });
  // Not a number as first argument
  assert.throws(() => new NeuronGroup({} as never, 'dv/dt = 5*Hz : 1'), { code: 'bad_argument' });
  // Illegal number
  assert.throws(() => new NeuronGroup(0, 'dv/dt = 5*Hz : 1'), { code: 'bad_argument' });
  // neither string nor Equations object as model description
  assert.throws(() => new NeuronGroup(1, {} as never), { code: 'bad_argument' });
});

brianTest('test_integer_variables_and_mod', {}, () => {
  const n = 10;
  const G = new NeuronGroup(
    100,
    `dv/dt = (a+b+j+k)/second : 1
     j = i%n : integer
     k = i//n : integer
     a = v%(i+1) : 1
     b = v%(2*v) : 1`,
    { namespace: { n } },
  );
  G.v = Float64Array.from({ length: 100 }, () => Math.random());
  run(ms(1));
  const i = Array.from(G.i_ as ArrayLike<number>);
  assertEqual(
    G.j_,
    i.map((k) => pyMod(k, n)),
  );
  assertEqual(
    G.k_,
    i.map((k) => pyFloorDiv(k, n)),
  );
  const v = Array.from(G.v_ as ArrayLike<number>);
  assertEqual(
    G.a_,
    v.map((x, k) => pyMod(x, i[k] + 1)),
  );
});

brianTest('test_variables', {}, () => {
  let G = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1');
  for (const x of ['v', 't', 'dt', 't_in_timesteps']) assert.ok(G.variables.has(x), x);
  assert.ok(!G.variables.has('not_refractory') && !G.variables.has('lastspike'));

  G = new NeuronGroup(1, 'dv/dt = -v/tau + xi*tau**-0.5: 1');
  assert.ok(!G.variables.has('tau') && G.variables.has('xi'));

  // NeuronGroup with refractoriness
  G = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { refractory: ms(5) });
  assert.ok(G.variables.has('not_refractory') && G.variables.has('lastspike'));
});

/** The values of Brian's `np.arange(10)` and `np.arange(10)[::-1] * mV` in this file's view tests. */
const up = arange(10);
const down = arange(10).reverse();

brianTest('test_variableview_calculations', {}, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : volt\nidx : integer');
  G.x = up;
  G.y = QuantityArray.from(down, mV);
  G.idx = up;
  const x = QuantityArray.from(up);
  const y = QuantityArray.from(down, mV);
  assertAllclose(G.x.mul(G.y), x.mul(y));
  assertAllclose(G.x.neg(), x.neg());
  assertAllclose(G.y.neg(), y.neg());
  // Python's reflected operators (3 * G.x, 2 - G.x) are written with the view on the left in JS.
  assertAllclose(G.x.mul(3), x.mul(3));
  assertAllclose(G.y.mul(3), y.mul(3));
  assertAllclose(G.x.div(2.0), x.div(2));
  assertAllclose(G.y.div(2), y.div(2));
  assertEqual(
    G.idx.mod(2),
    up.map((k) => k % 2),
  );
  assertAllclose(G.x.add(2), x.add(2));
  assertAllclose(G.y.add(mV(2)), y.add(mV(2)));
  assertAllclose(G.x.sub(2), x.sub(2));
  assertAllclose(G.y.sub(mV(2)), y.sub(mV(2)));
  assertAllclose(one.mul(2).sub(G.x.quantity), x.neg().add(2));
  assertAllclose(mV(2).sub(G.y.quantity), y.neg().add(mV(2)));
  assertAllclose(G.x.pow(2), x.pow(2));
  assertAllclose(G.y.pow(2), y.pow(2));
  assertAllclose(
    G.x.rpow(2),
    up.map((k) => 2 ** k),
  );

  // incorrect units
  assert.throws(() => G.x.add(G.y), { code: 'dimension_mismatch' });
  assert.throws(() => G.x.quantity.add(G.y.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => G.x.add(G.y.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => G.x.add(mV(3)), { code: 'dimension_mismatch' });
  assert.throws(() => mV(3).add(G.x.quantity), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.add(3), { code: 'dimension_mismatch' });
  assert.throws(() => one.mul(3).add(G.y.quantity), { code: 'dimension_mismatch' });
  // raising to a power with units
  assert.throws(() => G.y.rpow(2), { code: 'dimension_mismatch' });
});

brianTest('test_variableview_properties', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : volt\nidx : integer');
  // The below properties should not require access to the values
  G.x = 'rand()';
  G.y = 'rand()*mV';
  G.idx = 'int(rand()*10)';
  assert.ok(G.x.dim.isDimensionless);
  assert.ok(G.y.dim.equals(volt.dim));
  assert.ok(G.idx.dim.isDimensionless);
  assert.deepEqual(G.x.shape, [10]);
  assert.deepEqual(G.y.shape, [10]);
  assert.deepEqual(G.idx.shape, [10]);
  assert.equal(G.x.ndim, 1);
  assert.equal(G.y.ndim, 1);
  assert.equal(G.idx.ndim, 1);
  assert.equal(G.x.dtype, 'float64');
  assert.equal(G.y.dtype, 'float64');
  assert.equal(G.idx.dtype, 'int32');
});

brianTest('test_variableview_inplace_calculations', {}, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : volt');
  const xVals = QuantityArray.from(up);
  const yVals = QuantityArray.from(down, mV);
  const reset = () => {
    G.x.set(xVals);
    G.y.set(yVals);
  };
  reset();
  const mVraw = mV(1).value;

  // Addition (Brian's `G.x += 1` is `G.x = G.x + 1`)
  G.x = G.x.add(1);
  G.y = G.y.add(mV(1));
  assertAllclose(G.x.quantity, xVals.add(1));
  assertAllclose(G.y.quantity, yVals.add(mV(1)));
  G.y_ = (G.y_ as Float64Array).map((v) => v + mVraw);
  assertAllclose(G.y.quantity, yVals.add(mV(2)));
  assert.throws(() => G.x.add(mV(1)), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.add(1), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.add(ms(1)), { code: 'dimension_mismatch' });
  reset();

  // Subtraction
  G.x = G.x.sub(1);
  G.y = G.y.sub(mV(1));
  assertAllclose(G.x.quantity, xVals.sub(1));
  assertAllclose(G.y.quantity, yVals.sub(mV(1)));
  G.y_ = (G.y_ as Float64Array).map((v) => v - mVraw);
  assertAllclose(G.y.quantity, yVals.sub(mV(2)));
  assert.throws(() => G.x.sub(mV(1)), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.sub(1), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.sub(ms(1)), { code: 'dimension_mismatch' });
  reset();

  // Multiplication
  G.x = G.x.mul(2);
  G.y = G.y.mul(2);
  assertAllclose(G.x.quantity, xVals.mul(2));
  assertAllclose(G.y.quantity, yVals.mul(2));
  assert.throws(
    () => {
      G.x = G.x.mul(mV(2));
    },
    { code: 'dimension_mismatch' },
  );
  assert.throws(
    () => {
      G.y = G.y.mul(mV(1));
    },
    { code: 'dimension_mismatch' },
  );
  reset();

  // Division
  G.x = G.x.div(2);
  G.y = G.y.div(2);
  assertAllclose(G.x.quantity, xVals.div(2));
  assertAllclose(G.y.quantity, yVals.div(2));
  assert.throws(
    () => {
      G.x = G.x.div(mV(2));
    },
    { code: 'dimension_mismatch' },
  );
  assert.throws(
    () => {
      G.y = G.y.div(mV(1));
    },
    { code: 'dimension_mismatch' },
  );
  reset();

  // Floor division
  G.x = G.x.floordiv(2);
  // This is very sensitive to rounding issues, so increase the value a bit
  G.y = G.y.add(mV(0.01));
  G.y = G.y.floordiv(0.001);
  assertAllclose(
    G.x.quantity,
    up.map((k) => pyFloorDiv(k, 2)),
  );
  assertAllclose(
    G.y.quantity,
    QuantityArray.from(
      yVals.values.map((v) => pyFloorDiv(v, 0.001)),
      volt,
    ),
  );
  assert.throws(
    () => {
      G.x = G.x.floordiv(mV(2));
    },
    { code: 'dimension_mismatch' },
  );
  assert.throws(
    () => {
      G.y = G.y.floordiv(mV(1));
    },
    { code: 'dimension_mismatch' },
  );
  reset();

  // Modulo
  G.x = G.x.mod(2);
  G.y = G.y.mod(mV(3.3));
  assertAllclose(
    G.x.quantity,
    up.map((k) => pyMod(k, 2)),
  );
  assertAllclose(
    G.y.quantity,
    QuantityArray.from(
      yVals.values.map((v) => pyMod(v, 3.3e-3)),
      volt,
    ),
  );
  assert.throws(() => G.y.mod(2), { code: 'dimension_mismatch' });
  assert.throws(() => G.y.mod(ms(2)), { code: 'dimension_mismatch' });
  reset();

  // Power
  G.x = G.x.pow(2);
  assertAllclose(G.x.quantity, xVals.pow(2));
  assert.throws(
    () => {
      G.y = G.y.pow(2);
    },
    { code: 'dimension_mismatch' },
  );
});

brianTest('test_stochastic_variable', { standalone: true }, () => {
  new NeuronGroup(1, 'dv/dt = -v/tau + xi*tau**-0.5: 1', { namespace: { tau: ms(10) } });
  run(defaultclock.dt);
});

brianTest('test_stochastic_variable_multiplicative', { standalone: true }, () => {
  new NeuronGroup(1, 'dX/dt = (mu - 0.5*second*sigma**2)*X + X*sigma*xi*second**.5: 1', {
    namespace: { mu: Hz(0.5), sigma: Hz(0.1) },
  });
  run(defaultclock.dt);
});

brianTest('test_scalar_variable', {}, () => {
  const G = new NeuronGroup(
    10,
    `E_L : volt (shared)
     s2 : 1 (shared)
     dv/dt = (E_L - v) / tau : volt`,
    { namespace: { tau: ms(10) } },
  );
  // Setting should work in these ways
  G.E_L = mV(-70);
  assertAllclose(G.E_L.quantity, mV(-70));
  G.E_L.set(mV(-60));
  assertAllclose(G.E_L.quantity, mV(-60));
  G.E_L = 'E_L + s2*mV - 10*mV';
  assertAllclose(G.E_L.quantity, mV(-70));
  G.E_L.set('-75*mV');
  assertAllclose(G.E_L.quantity, mV(-75));
  const net = new Network(G);
  net.run(defaultclock.dt);
});

brianTest('test_referred_scalar_variable', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'out = sin(2*pi*t*freq) + x: 1\nx : 1\nfreq : Hz (shared)');
  G.freq = Hz(1);
  G.x = up;
  // Brian adds a reference to `out` with the internal `G2.variables.add_reference`; its public
  // form is a linked variable.
  const G2 = new NeuronGroup(10, 'out : 1 (linked)');
  G2.out = linkedVar(G.out);
  run(second(0.25));
  assertAllclose(
    G2.out.quantity,
    up.map((k) => k + 1),
  );
});

brianTest('test_threshold_reset', { standalone: true }, () => {
  // Membrane potential does not change by itself
  const G1 = new NeuronGroup(3, 'dv/dt = 0 / second : 1', { threshold: 'v > 1', reset: 'v=0.5' });
  G1.v = [0, 1, 2];
  run(defaultclock.dt);
  assertAllclose(G1.v.quantity, [0, 1, 0.5]);

  let logs = warningsOf(() => new NeuronGroup(1, 'v : 1', { threshold: 'True' }));
  assert.deepEqual(logs, ['only_threshold']);
  logs = warningsOf(() => new NeuronGroup(1, 'v : 1', { threshold: 'True', reset: '' }));
  assert.deepEqual(logs, []);
  logs = warningsOf(() => new NeuronGroup(1, 'v : 1', { threshold: 'True', refractory: ms(1) }));
  assert.deepEqual(logs, []);
});

brianTest('test_unit_errors_threshold_reset', {}, () => {
  // Unit error in threshold
  let group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { threshold: 'v > -20*mV' });
  assert.throws(() => new Network(group).run(ms(0)), { code: 'dimension_mismatch' });

  // Unit error in reset
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { threshold: 'True', reset: 'v = -65*mV' });
  assert.throws(() => new Network(group).run(ms(0)), { code: 'dimension_mismatch' });

  // More complicated unit reset with an intermediate variable: this should pass
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', {
    threshold: 'False',
    reset: `temp_var = -65
            v = temp_var`,
  });
  new Network(group).run(ms(0));
  // throw in an empty line (should still pass)
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', {
    threshold: 'False',
    reset: `temp_var = -65

            v = temp_var`,
  });
  new Network(group).run(ms(0));
  // This should fail
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', {
    threshold: 'False',
    reset: `temp_var = -65*mV
            v = temp_var`,
  });
  assert.throws(() => new Network(group).run(ms(0)), { code: 'dimension_mismatch' });

  // Resets with an in-place modification: this should work
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { threshold: 'False', reset: 'v /= 2' });
  new Network(group).run(ms(0));
  // This should fail
  group = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { threshold: 'False', reset: 'v -= 60*mV' });
  assert.throws(() => new Network(group).run(ms(0)), { code: 'dimension_mismatch' });
});

brianTest('test_syntax_errors', {}, () => {
  // Brian does not specify the exception type; brian-ts gives a syntax error with its span.
  let group = new NeuronGroup(1, 'dv/dt = 5*Hz : 1', { threshold: '>1' });
  assert.throws(() => new Network(group).run(ms(0)), { code: /syntax_error|unexpected_token/ });
  group = new NeuronGroup(1, 'dv/dt = 5*Hz : 1', { threshold: 'True', reset: '0' });
  assert.throws(() => new Network(group).run(ms(0)), {
    code: /syntax_error|unexpected_token|invalid_assignment/,
  });
});

brianTest('test_incomplete_namespace', {}, () => {
  // This uses tau which is not defined yet (explicit namespace)
  const namespace: Record<string, Quantity> = {};
  let G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { namespace });
  namespace.tau = ms(10);
  new Network(G).run(ms(0));

  // This uses tau which is not defined yet (implicit namespace: brian-ts's run namespace)
  G = new NeuronGroup(1, 'dv/dt = -v/tau : 1');
  new Network(G).run(ms(0), { namespace: { tau: ms(10) } });
});

brianTest('test_namespace_errors', {}, () => {
  // model equations use unknown identifier
  let G = new NeuronGroup(1, 'dv/dt = -v/tau : 1');
  assert.throws(() => new Network(G).run(ms(1)), { code: 'unknown_identifier' });
  // reset uses unknown identifier
  G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { threshold: 'False', reset: 'v = v_r' });
  assert.throws(() => new Network(G).run(ms(1)), { code: 'unknown_identifier' });
  // threshold uses unknown identifier
  G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { threshold: 'v > v_th' });
  assert.throws(() => new Network(G).run(ms(1)), { code: 'unknown_identifier' });
});

brianTest('test_namespace_warnings', {}, () => {
  // Brian reads external names from the calling frame; brian-ts from explicit namespaces: the
  // locals of Brian's test become the setter's or the run's namespace.
  const G1 = new NeuronGroup(1, 'x : 1\ny : 1');
  // conflicting variable in namespace
  let logs = warningsOf(() => G1.x.set('y', undefined, { y: 5 }));
  assert.deepEqual(logs, ['resolution_conflict']);

  // conflicting variables with special meaning
  logs = warningsOf(() => G1.x.set('i // N', undefined, { i: 5, N: 3 }));
  assert.deepEqual(logs, ['resolution_conflict', 'resolution_conflict']);

  // conflicting variables in equations
  const G2 = new NeuronGroup(1, 'y : Hz\ndx/dt = y : 1');
  logs = warningsOf(() => new Network(G2).run(ms(0), { namespace: { y: Hz(5) } }));
  assert.deepEqual(logs, ['resolution_conflict']);

  // i is referring to the neuron number:
  const G3 = new NeuronGroup(1, 'dx/dt = i*Hz : 1');
  logs = warningsOf(() => new Network(G3).run(ms(0), { namespace: { i: 5 } }));
  assert.deepEqual(logs, ['resolution_conflict']);

  // Variables that are used internally but not in equations should not raise a warning
  const G4 = new NeuronGroup(1, 'dx/dt = x/(10*ms) : 1');
  logs = warningsOf(() => new Network(G4).run(ms(0), { namespace: { N: 3, i: 5, dt: ms(1) } }));
  assert.deepEqual(logs, []);
});
