import type { CppStandaloneDevice } from '../../src/devices/standalone/cpp-standalone-device.ts';
import { magicNetwork } from '../../src/network/magic.ts';
import { getDevice, type Quantity } from '../../src/node.ts';

/**
 * What the benchmark examples print after their run: size, spikes, rate, the time of setup and
 * run, and the simulation time per biological second (with the standalone program's build
 * steps, or which runtime kernels were compiled).
 */
export function reportRun(run: {
  model: string;
  N: number;
  synapses: number;
  duration: Quantity;
  spikes: number;
  setupMs: number;
  runMs: number;
  standalone?: CppStandaloneDevice;
}): { rate: number } {
  const rate = run.spikes / (run.N * run.duration.value);
  console.log(`${run.model}: ${run.N} neurons, ${run.synapses} synapses, ${run.duration}`);
  console.log(`  ${run.spikes} spikes, mean rate ${rate.toFixed(2)} Hz`);
  console.log(`  setup ${(run.setupMs / 1000).toFixed(2)} s, run ${(run.runMs / 1000).toFixed(2)} s`);
  const simulation = magicNetwork.lastRunTime / run.duration.value;
  const device = getDevice();
  if (run.standalone) {
    const { generate, compile, binary } = run.standalone.timings;
    console.log(
      `  cpp_standalone: code generation ${generate.toFixed(2)} s, compilation ${compile.toFixed(2)} s, ` +
        `program ${binary.toFixed(2)} s, simulation ${simulation.toFixed(3)} s per biological second`,
    );
  } else if (device.kind === 'runtime' && device.kernelTargets.size > 0) {
    // kernelTargets: 'cpp', 'wasm', or 'js: why not'.
    const count = (target: string) =>
      [...device.kernelTargets.values()].filter((how) => how.split(':')[0] === target).length;
    const kinds = [
      [count('cpp'), 'compiled'],
      [count('wasm'), 'WebAssembly SIMD'],
      [count('js'), 'JavaScript'],
    ].filter(([n]) => n);
    console.log(
      `  runtime, step kernels ${kinds.map(([n, what]) => `${n} ${what}`).join(', ')}: ` +
        `simulation ${simulation.toFixed(3)} s per biological second`,
    );
  } else {
    console.log(`  simulation ${simulation.toFixed(3)} s per biological second`);
  }
  return { rate };
}
