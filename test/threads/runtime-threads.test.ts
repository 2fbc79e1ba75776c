/**
 * The runtime device's compiled kernels with OpenMP threads give the JavaScript kernels' state to
 * the bit, and the threaded loops are really generated (threshold, reset, propagation by target,
 * summed variable, state update).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import type { RuntimeDevice, RuntimeOptions } from '../../src/devices/runtime/runtime-device.ts';
import { defaultclock, ms, run, setDevice, startScope } from '../../src/index.ts';
import { HAS_COMPILER } from '../standalone/devices.ts';
import { PARALLEL_ALL, threadsModel, withEnv } from './threads-model.ts';

const SKIP = HAS_COMPILER ? false : 'g++ not found: compiled runtime kernels not tested';

function runOn(options: RuntimeOptions): { device: RuntimeDevice; spikes: number } {
  defaultclock.dt = ms(0.1);
  const device = setDevice('runtime', options);
  startScope();
  try {
    const { spikes } = threadsModel();
    run(ms(60));
    return { device, spikes: spikes.num_spikes };
  } finally {
    resetDevice();
    startScope();
  }
}

/** Every array, element by element with Object.is (object numbers differ between runs). */
function assertSameArrays(a: RuntimeDevice, b: RuntimeDevice, what: string): void {
  const canonical = (id: string) => id.replace(/^(_?[a-z]+)(?:_\d+)?(?=_)/, '$1');
  const byName = (d: RuntimeDevice) => new Map([...d.arrays].map(([id, x]) => [canonical(id), x.view()]));
  const x = byName(a);
  const y = byName(b);
  assert.deepEqual([...y.keys()].sort(), [...x.keys()].sort());
  for (const [id, u] of x) {
    const v = y.get(id) ?? [];
    assert.equal(v.length, u.length, `${what}: ${id} length`);
    for (let k = 0; k < u.length; k++) {
      if (!Object.is(u[k], v[k])) assert.fail(`${what}: ${id}[${k}] ${u[k]} against ${v[k]}`);
    }
  }
}

test('compiled kernels on 1, 2 and 3 threads leave every array equal to the JavaScript kernels’', {
  skip: SKIP,
}, () => {
  const js = runOn({ target: 'js' });
  assert.ok(js.spikes > 3000, `${js.spikes} spikes`);
  for (const parallelAll of [false, true]) {
    for (const threads of [1, 2, 3] as const) {
      const what = `threads ${threads}${parallelAll ? ', parallel thresholds and propagation' : ''}`;
      const cpp = withEnv(parallelAll ? PARALLEL_ALL : {}, () => runOn({ target: 'cpp', threads }));
      assert.equal(cpp.spikes, js.spikes, `${what}: spikes`);
      assertSameArrays(js.device, cpp.device, what);
      const code = [...cpp.device.sources].map(([name, source]) => `// ${name}\n${source}`).join('\n');
      if (threads === 1) assert.doesNotMatch(code, /#pragma omp/);
      else {
        const loops = [
          /kernel reset[\s\S]*?#pragma omp parallel for[^\n]*num_threads/,
          /kernel summed_variable[\s\S]*?if \(_nsyn >= 1024\) {\n\s*#pragma omp parallel num_threads/,
          /kernel stateupdate[\s\S]*?#pragma omp parallel for simd[^\n]*num_threads/,
        ];
        if (parallelAll) {
          loops.push(
            /kernel threshold[\s\S]*?#pragma omp parallel num_threads/,
            /kernel synapses: \w+_pre\b[\s\S]*?if \(_due_count >= 1024\) {\n\s*#pragma omp parallel num_threads/,
            /kernel synapses: \w+_post\b[\s\S]*?if \(_due_count >= 1024\) {\n\s*#pragma omp parallel num_threads/,
          );
        }
        for (const loop of loops) assert.match(code, loop, what);
      }
    }
  }
});

test("threads: 'auto' and bad values", { skip: SKIP }, () => {
  const auto = runOn({ target: 'cpp', threads: 'auto' });
  assert.ok(auto.spikes > 3000);
  for (const bad of [-1, 1.5, 'all', 1000] as unknown[]) {
    assert.throws(
      () => setDevice('runtime', { target: 'cpp', threads: bad as number }),
      (e: { code?: string; message?: string }) =>
        e.code === 'bad_argument' && /threads/.test(e.message ?? ''),
    );
  }
  assert.throws(
    () => setDevice('runtime', { target: 'js', threads: 2 }),
    (e: { code?: string }) => e.code === 'bad_argument',
  );
  resetDevice();
});
