// Run by scripts/check-package.mjs in a fresh project where the packed tarball is installed:
// plain `node check.mjs`, no TypeScript loader. The same small network on the runtime device,
// with g++-compiled runtime kernels and as a C++ standalone program (the two need the files
// shipped beside dist/'s Node-only modules); the spike counts must agree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDevice, ms, mV, NeuronGroup, run, SpikeMonitor, setDevice, startScope } from 'brian-ts';

function spikes() {
  startScope();
  const G = new NeuronGroup(10, 'dv/dt = (v0 - v)/(10*ms) : volt\nv0 : volt (constant)', {
    threshold: 'v > -50*mV',
    reset: 'v = -60*mV',
    method: 'exact',
  });
  G.v = mV(-60);
  G.v0 = '-35*mV - i*2*mV';
  const M = new SpikeMonitor(G);
  run(ms(100));
  return Array.from(M.count);
}

const runtime = spikes();
console.log(`runtime: ${runtime.join(' ')} (${getDevice().kind})`);
if (runtime.reduce((a, b) => a + b, 0) === 0) throw new Error('no spikes');
if (spawnSync('g++', ['--version']).status === 0) {
  setDevice('runtime', { target: 'cpp' });
  const compiled = spikes();
  console.log(`runtime, compiled kernels: ${compiled.join(' ')}`);
  setDevice('cpp_standalone', { directory: mkdtempSync(join(tmpdir(), 'brian-ts-package-standalone-')) });
  const standalone = spikes();
  console.log(`cpp_standalone: ${standalone.join(' ')}`);
  for (const other of [compiled, standalone]) {
    if (other.join() !== runtime.join()) throw new Error(`spike counts differ: ${other} vs ${runtime}`);
  }
} else {
  console.log('g++ not found: compiled kernels and cpp_standalone not checked');
}
console.log('check.mjs ok');
