/**
 * Failed and killed compiles leave nothing in the cache (issue 14): the runtime device's compiled
 * kernels are built in a folder of the cache; a failed compile used to leave it there, and so did
 * a process killed while compiling, forever.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import { partialName, sweepAbandoned } from '../../src/devices/work-in-progress.ts';
import { ms, NeuronGroup, run, setDevice, startScope } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { HAS_COMPILER } from '../standalone/devices.ts';

const work = mkdtempSync(join(tmpdir(), 'brian-ts-compile-cleanup-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

test('work of a dead process is swept, work of a live one is kept', () => {
  const dir = join(work, 'sweep');
  mkdirSync(dir);
  const host = hostname().replace(/[^A-Za-z0-9-]/g, '_');
  const dead = join(dir, `build-abc.${host}.${deadPid()}.partial`);
  const deadFile = join(dir, `loader-x.node.${host}.${deadPid()}.partial`);
  const live = join(dir, partialName('build-def'));
  const otherHost = join(dir, `build-ghi.another_host.${deadPid()}.partial`);
  const finished = join(dir, 'kernels-abc.so');
  for (const d of [dead, live, otherHost]) mkdirSync(d);
  for (const f of [deadFile, finished]) writeFileSync(f, '');
  sweepAbandoned(dir);
  assert.deepEqual(
    readdirSync(dir).sort(),
    [live, otherHost, finished].map((p) => p.slice(dir.length + 1)).sort(),
  );
});

test('a failed kernel compile removes its build folder', { skip: HAS_COMPILER ? false : 'no g++' }, () => {
  const cache = join(work, 'cache');
  // A compiler that compiles the kernel loader but fails on the kernels.
  const compiler = join(work, 'failing-g++');
  writeFileSync(
    compiler,
    '#!/bin/sh\ncase "$*" in *kernels.cpp*) echo "error: no" >&2; exit 1;; esac\nexec g++ "$@"\n',
  );
  chmodSync(compiler, 0o755);
  const saved = { cache: process.env.BRIAN_TS_CACHE, cxx: process.env.CXX };
  process.env.BRIAN_TS_CACHE = cache;
  process.env.CXX = compiler;
  try {
    resetDevice();
    startScope();
    setDevice('runtime', { target: 'cpp' });
    new NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1');
    throwsCode(() => run(ms(0.1)), 'compile_error');
  } finally {
    process.env.BRIAN_TS_CACHE = saved.cache;
    if (saved.cxx === undefined) delete process.env.CXX;
    else process.env.CXX = saved.cxx;
    resetDevice();
  }
  const native = join(cache, 'native');
  assert.ok(existsSync(native));
  const left = readdirSync(native);
  assert.deepEqual(
    left.filter((f) => !/^loader-[0-9a-f]+\.node$/.test(f)),
    [],
    `left in the cache: ${left.join(', ')}`,
  );
});
