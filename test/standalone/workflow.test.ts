import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resetDevice } from '../../src/devices/active.ts';
import {
  device,
  implementation,
  ms,
  Network,
  NeuronGroup,
  networkOperation,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  setDevice,
  startScope,
  store,
  TimedArray,
} from '../../src/index.ts';
import { assertClose, throwsCode } from '../helpers/reference.ts';
import { onBothDevices, onEachDevice, projectDirectory, STANDALONE_SKIP } from './devices.ts';

/** Brian's standalone workflow: several runs in one program, build(), rerun with run_args, errors. */

const decay = (namespace: { I: number }) =>
  new NeuronGroup(4, 'dv/dt = (I - v)/tau : 1\ntau : second', { method: 'exact', namespace });

test('several runs with buildOnRun: false compile into one program (simple_case_build)', {
  skip: STANDALONE_SKIP,
}, () => {
  const program = (name: string) => {
    const ns = { I: 1 };
    const G = decay(ns);
    G.tau = ms([5, 10, 20, 40]);
    G.v = 'i*0.1';
    const M = new StateMonitor(G, 'v', { record: [0, 3] });
    run(ms(20));
    ns.I = 0; // namespaces are read at each run, as in Brian
    run(ms(30));
    if (name === 'cpp_standalone') device.build({ directory: projectDirectory('simple case build') });
    return { t: Array.from(M.t_), v: M.v_ as Float64Array[] };
  };
  const runtime = (() => {
    resetDevice();
    startScope();
    return program('runtime');
  })();
  setDevice('cpp_standalone', { buildOnRun: false });
  startScope();
  try {
    const standalone = program('cpp_standalone');
    assert.deepEqual(standalone.t, runtime.t);
    assertClose(standalone.v[0], runtime.v[0], 1e-12, 'v[0]');
    assertClose(standalone.v[1], runtime.v[1], 1e-12, 'v[3]');
  } finally {
    resetDevice();
    startScope();
  }
});

test('device.run({ runArgs }) reruns the program with new values, without compiling again', {
  skip: STANDALONE_SKIP,
}, () => {
  const standalone = setDevice('cpp_standalone', { buildOnRun: false });
  startScope();
  try {
    const G = decay({ I: 1 });
    G.tau = ms(10);
    const M = new StateMonitor(G, 'v', { record: 0 });
    run(ms(10));
    device.build({ directory: projectDirectory('run args') });
    const first = Float64Array.from(M.v_[0]);
    assertClose([first[100 - 1]], [1 - Math.exp(-9.9 / 10)], 1e-12, 'tau = 10 ms');
    const compiled = standalone.timings.compile;
    device.run({
      runArgs: [
        [G.tau, ms(5)],
        [G.v, [0.5, 0, 0, 0]],
      ],
    });
    const second_ = M.v_[0] as Float64Array;
    assert.equal(second_[0], 0.5);
    assertClose([second_[99]], [1 - 0.5 * Math.exp(-9.9 / 5)], 1e-12, 'tau = 5 ms, v(0) = 0.5');
    assert.equal(standalone.timings.compile, compiled, 'no compilation for a rerun');
  } finally {
    resetDevice();
    startScope();
  }
});

test('an unchanged project is not compiled again', { skip: STANDALONE_SKIP }, () => {
  // The same script run twice, each time in its own process, in the same project directory.
  const script = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'small-script.ts');
  const directory = projectDirectory('unchanged project');
  rmSync(directory, { recursive: true, force: true });
  const build = () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, directory], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  };
  const a = build();
  const b = build();
  assert.ok(a.compile > 0, 'the first build compiles');
  assert.equal(b.compile, 0, 'the second build reuses the program');
  assert.deepEqual(b, { ...a, compile: 0 });
  assert.equal(a.count, 1);
});

onBothDevices('user functions with a C++ implementation run in standalone programs', ({ device: name }) => {
  const double_it = implementation({
    name: 'double_it',
    args: [1],
    result: 1,
    js: (x) => 2 * x,
    cpp: { code: 'static inline double double_it(double x) { return 2 * x; }' },
  });
  const G = new NeuronGroup(3, 'y : 1\nz = double_it(y) + 1 : 1', { namespace: { double_it } });
  G.y = [1, 2, 3];
  const M = new StateMonitor(G, 'z', { record: true });
  run(ms(0.2));
  assert.deepEqual(Array.from(M.z_[2] as Float64Array), [7, 7], name);
});

test('reading values that only the program computes, before it ran, is a coded error', {
  skip: STANDALONE_SKIP,
}, () => {
  setDevice('cpp_standalone', { buildOnRun: false, directory: projectDirectory('not yet') });
  startScope();
  try {
    const G = new NeuronGroup(5, 'v : 1', { threshold: 'v > 1' });
    G.v = 'rand()';
    const S = new Synapses(G, G, { onPre: 'v += 1' });
    S.connect({ p: 0.5 });
    const M = new SpikeMonitor(G);
    throwsCode(() => G.v_, 'not_available_on_device');
    throwsCode(() => S.N, 'not_available_on_device');
    run(ms(1));
    throwsCode(() => M.t_, 'not_available_on_device');
    throwsCode(() => M.num_spikes, 'not_available_on_device');
  } finally {
    resetDevice();
    startScope();
  }
});

test('what a compiled program cannot do is refused before anything is built', {
  skip: STANDALONE_SKIP,
}, () => {
  try {
    setDevice('cpp_standalone', { directory: projectDirectory('refused') });
    startScope();
    const G = new NeuronGroup(1, 'v : 1');
    networkOperation(() => {});
    throwsCode(() => run(ms(1)), 'not_available_on_device');
    startScope();
    setDevice('cpp_standalone', { directory: projectDirectory('refused') });
    const H = new NeuronGroup(1, 'v : 1');
    throwsCode(() => new Network(H).store('state', 'state.json'), 'not_available_on_device');
    void G;
    void store;
  } finally {
    resetDevice();
    startScope();
  }
});

test('a C++ compile error in a user function is shown in the user code', { skip: STANDALONE_SKIP }, () => {
  try {
    setDevice('cpp_standalone', { directory: projectDirectory('user compile error') });
    startScope();
    const broken = implementation({
      name: 'broken',
      args: [1],
      result: 1,
      cpp: { code: 'double broken(double x) {\n  return x +* ;\n}' },
    });
    const G = new NeuronGroup(1, 'y : 1', { namespace: { broken } });
    G.y = 'broken(2)';
    const err = throwsCode(() => run(ms(0.1)), 'compile_error') as Error & { span?: { start: number } };
    assert.match(err.message, /user function broken/);
    assert.match(err.message, /return x \+\* ;/);
    const line2 = 'double broken(double x) {\n'.length;
    assert.ok(err.span && err.span.start >= line2 && err.span.start < line2 + 16, 'the span is on line 2');
  } finally {
    resetDevice();
    startScope();
  }
});

test('a missing compiler is a clear error', { skip: STANDALONE_SKIP }, () => {
  try {
    setDevice('cpp_standalone', {
      directory: projectDirectory('no compiler'),
      compiler: 'no-such-c++-compiler',
    });
    startScope();
    const G = new NeuronGroup(1, 'v : 1');
    G.v = 1;
    throwsCode(() => run(ms(0.1)), 'compiler_not_found');
  } finally {
    resetDevice();
    startScope();
  }
});

test('an invalid generated index inside the program is index_out_of_range', { skip: STANDALONE_SKIP }, () => {
  try {
    setDevice('cpp_standalone', { directory: projectDirectory('bad index') });
    startScope();
    const G = new NeuronGroup(3, 'v : 1');
    const S = new Synapses(G, G);
    S.connect({ j: 'i + 1' });
    throwsCode(() => run(ms(0.1)), 'index_out_of_range');
  } finally {
    resetDevice();
    startScope();
  }
});

test('progress reports of a standalone run reach the report callback', { skip: STANDALONE_SKIP }, () => {
  const calls: number[] = [];
  onEachDevice('report', () => {
    new NeuronGroup(1, 'v : 1');
    run(ms(1), { report: (_elapsed, completed) => calls.push(completed) });
  });
  assert.deepEqual(calls, [0, 1, 0, 1]);
  void second;
});

onBothDevices(
  'user functions with headers and macros; a missing library is a clear error',
  ({ device: name }) => {
    const scaled = implementation({
      name: 'scaled',
      args: [1],
      result: 1,
      js: (x) => 3 * Math.hypot(x, 0),
      cpp: {
        code: 'static inline double scaled(double x) { return SCALE * std::hypot(x, 0.0); }',
        headers: ['<cmath>'],
        defineMacros: { SCALE: 3 },
        libraries: ['m'],
      },
    });
    const G = new NeuronGroup(2, 'y : 1', { namespace: { scaled } });
    G.y = 'scaled(i + 1)';
    run(ms(0.1));
    assert.deepEqual(Array.from(G.y_ as Float64Array), [3, 6], name);
    if (name !== 'cpp_standalone') return;
    resetDevice();
    setDevice('cpp_standalone', { directory: projectDirectory('missing library') });
    startScope();
    const missing = implementation({
      name: 'needs_lib',
      args: [1],
      result: 1,
      cpp: {
        code: 'static inline double needs_lib(double x) { return x; }',
        libraries: ['brian_ts_no_such_library'],
      },
    });
    const H = new NeuronGroup(1, 'y : 1', { namespace: { needs_lib: missing } });
    H.y = 'needs_lib(2)';
    const err = throwsCode(() => run(ms(0.1)), 'compile_error');
    assert.match(err.message, /brian_ts_no_such_library.*user function needs_lib/);
  },
);

test('device.run({ runArgs }) replaces the values of a TimedArray', { skip: STANDALONE_SKIP }, () => {
  setDevice('cpp_standalone', { buildOnRun: false });
  startScope();
  try {
    const stimulus = new TimedArray([1, 2, 3, 4], { dt: ms(1) });
    const G = new NeuronGroup(1, 'x = stimulus(t) : 1', { namespace: { stimulus } });
    const M = new StateMonitor(G, 'x', { record: 0 });
    run(ms(4));
    device.build({ directory: projectDirectory('timed array run args') });
    assert.deepEqual(
      [0, 10, 20, 30].map((k) => M.x_[0][k]),
      [1, 2, 3, 4],
    );
    device.run({ runArgs: [[stimulus, [5, 6, 7, 8]]] });
    assert.deepEqual(
      [0, 10, 20, 30].map((k) => M.x_[0][k]),
      [5, 6, 7, 8],
    );
    throwsCode(() => device.run({ runArgs: [[stimulus, [1, 2]]] }), 'bad_argument');
  } finally {
    resetDevice();
    startScope();
  }
});
