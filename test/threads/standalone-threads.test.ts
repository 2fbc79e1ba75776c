/**
 * The C++ standalone program with OpenMP threads: the same spikes, the same summed variable and
 * the same final voltages to the bit as the serial program, for 1, 2 and 3 threads, with every
 * threaded loop generated (the step's parallel region with its team kernels: state update,
 * threshold, propagation from spike queues split by target; reset, summed variable), and with
 * propagation on one thread.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  defaultclock,
  device,
  ms,
  NeuronGroup,
  restore,
  run,
  SpikeGeneratorGroup,
  Synapses,
  setDevice,
  startScope,
  store,
} from '../../src/index.ts';
import { projectDirectory, STANDALONE_SKIP } from '../standalone/devices.ts';
import { PARALLEL_ALL, SERIAL_PROPAGATION, threadsModel, withEnv } from './threads-model.ts';

interface Outcome {
  i: Int32Array;
  t: Float64Array;
  total: Float64Array[];
  v: Float64Array;
  code: string;
}

function runStandalone(threads: number): Outcome {
  // The worktree's folder name keeps concurrent checkouts out of each other's projects.
  const directory = projectDirectory(`threads ${process.cwd()} ${threads}`);
  defaultclock.dt = ms(0.1);
  setDevice('cpp_standalone', { directory, threads });
  startScope();
  try {
    const { spikes, state, P } = threadsModel();
    run(ms(60));
    const kernels = readdirSync(join(directory, 'kernels')).filter((f) => f.endsWith('.cpp'));
    return {
      i: Int32Array.from(spikes.i),
      t: Float64Array.from(spikes.t_),
      total: state.traces_('total').map((x) => Float64Array.from(x)),
      v: Float64Array.from(P.v_ as Float64Array),
      code: [
        ...kernels.map((f) => readFileSync(join(directory, 'kernels', f), 'utf8')),
        readFileSync(join(directory, 'main.cpp'), 'utf8'),
      ].join('\n'),
    };
  } finally {
    resetDevice();
    startScope();
  }
}

test('standalone with 0, 1, 2 and 3 threads: the same spikes, sums and voltages to the bit', {
  skip: STANDALONE_SKIP,
}, () => {
  const serial = runStandalone(0);
  assert.ok(serial.i.length > 3000, `${serial.i.length} spikes`);
  assert.doesNotMatch(serial.code, /#pragma omp/);
  const settings = [
    { name: 'split spike queues', env: {} },
    { name: 'parallel thresholds, split spike queues, every loop on all threads', env: PARALLEL_ALL },
    { name: 'serial propagation', env: SERIAL_PROPAGATION },
  ];
  for (const setting of settings) {
    for (const threads of [1, 2, 3]) {
      const what = `threads ${threads}, ${setting.name}`;
      const parallel = withEnv(setting.env, () => runStandalone(threads));
      assert.deepEqual(parallel.i, serial.i, `${what}: spike indices`);
      assert.deepEqual(parallel.t, serial.t, `${what}: spike times`);
      assert.deepEqual(parallel.total, serial.total, `${what}: summed variable`);
      assert.deepEqual(parallel.v, serial.v, `${what}: v`);
      const loops = [
        /kernel reset[\s\S]*?if \(_n >= 1024\) {\n\s*#pragma omp parallel for schedule\(static\)\n/,
        /kernel summed_variable[\s\S]*?if \(_nsyn >= 1024\) {\n\s*#pragma omp parallel\n/,
      ];
      // The state updater (and, on request, the threshold) are team kernels, called by every thread of the step's region.
      loops.push(
        /kernel stateupdate[\s\S]*?#pragma omp simd\n\s*for \(int32_t _idx = _lo; _idx < _hi; _idx\+\+\)/,
      );
      if (setting.env === PARALLEL_ALL)
        loops.push(/kernel threshold[\s\S]*?#pragma omp barrier\n\s*#pragma omp single\n/);
      loops.push(/#pragma omp parallel\n\s*_stretch\(\);\n/);
      // Every pathway (on_pre to the target and synapse, on_post to the synapse, the two delayed ones).
      const split = parallel.code.match(/brian::SpikeQueue& _queue = /g)?.length ?? 0;
      assert.equal(split, setting.env === SERIAL_PROPAGATION ? 0 : 4, `${what}: split queues`);
      for (const loop of loops) assert.match(parallel.code, loop, what);
    }
  }
});

test("threads: 'auto' is every core; bad values are coded errors", () => {
  try {
    assert.equal(setDevice('cpp_standalone', { threads: 'auto' }).threads, availableParallelism());
    assert.equal(setDevice('cpp_standalone', {}).threads, 0);
    for (const bad of [-2, 0.5, 'many', 257] as unknown[]) {
      assert.throws(
        () => setDevice('cpp_standalone', { threads: bad as number }),
        (e: { code?: string; message?: string }) =>
          e.code === 'bad_argument' && /threads/.test(e.message ?? ''),
      );
    }
  } finally {
    resetDevice();
  }
});

test('standalone store() and restore() keep the spikes in flight of split spike queues', {
  skip: STANDALONE_SKIP,
}, () => {
  const outcome = (threads: number) => {
    const directory = projectDirectory(`threads store ${process.cwd()} ${threads}`);
    defaultclock.dt = ms(0.1);
    setDevice('cpp_standalone', { directory, threads, buildOnRun: false });
    startScope();
    try {
      const { spikes, P } = threadsModel();
      run(ms(20));
      store();
      run(ms(10));
      restore();
      run(ms(15));
      device.build();
      return {
        i: Int32Array.from(spikes.i),
        t: Float64Array.from(spikes.t_),
        v: Float64Array.from(P.v_ as Float64Array),
      };
    } finally {
      resetDevice();
      startScope();
    }
  };
  const serial = outcome(0);
  assert.ok(serial.i.length > 3000, `${serial.i.length} spikes`);
  // Every loop on all threads, so the parts are pushed and popped on theirs.
  assert.deepEqual(
    withEnv(PARALLEL_ALL, () => outcome(3)),
    serial,
  );
});

test("split spike queues give the serial order whether or not a thread's synapses are one stretch of each row", {
  skip: STANDALONE_SKIP,
}, () => {
  // Sources in order; rows' targets sorted (each part of 2 threads one stretch per row: the
  // row_first shortcut) or interleaved (part 0 takes targets 0-1 at rows' positions 1 and 3: a
  // row list). x = 2x + 1 + 10i tells the order of the updates a target gets in one step.
  const program = (threads: number) => {
    defaultclock.dt = ms(0.1);
    if (threads > 0)
      setDevice('cpp_standalone', { directory: projectDirectory(`threads rows ${process.cwd()}`), threads });
    else resetDevice();
    startScope();
    try {
      const src = new SpikeGeneratorGroup(2, [0, 1, 0, 1], ms([1, 1, 2, 3]));
      const dst = new NeuronGroup(4, 'x : 1\ny : 1\nz : 1');
      const sorted = new Synapses(src, dst, { onPre: 'x_post = 2*x_post + 1 + 10*i' });
      sorted.connect({ i: [0, 0, 0, 0, 1, 1, 1, 1], j: [0, 1, 2, 3, 0, 1, 2, 3] });
      const interleaved = new Synapses(src, dst, { onPre: 'y_post = 2*y_post + 1 + 10*i' });
      interleaved.connect({ i: [0, 0, 0, 0, 1, 1, 1, 1], j: [3, 0, 2, 1, 2, 1, 3, 0] });
      // Per-synapse delays: the ring holds synapses, numbered through the same rows.
      const delayed = new Synapses(src, dst, { onPre: 'z_post = 2*z_post + 1 + 10*i' });
      delayed.connect({ i: [0, 0, 0, 0, 1, 1, 1, 1], j: [0, 1, 2, 3, 3, 0, 2, 1] });
      delayed.delay = '(j % 2)*ms';
      run(ms(6));
      return [dst.x_, dst.y_, dst.z_].map((v) => Array.from(v as ArrayLike<number>));
    } finally {
      resetDevice();
      startScope();
    }
  };
  const runtime = program(0);
  assert.deepEqual(
    withEnv(PARALLEL_ALL, () => program(2)),
    runtime,
  );
});
