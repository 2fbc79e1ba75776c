/**
 * Timing shared by the models, with the definitions of Brian's b2common.py: setup (construction,
 * initialisers, connect), codegen (run() minus its step loop) and the step loop itself
 * (`Network.lastRunTime`, Brian's `_last_run_time`).
 */
import { type Namespace, type Network, second, setDevice as setRuntimeDevice } from '../../src/node.ts';
import { missing, pending } from './api.ts';
import type { Device, RunHooks } from './types.ts';

/** Seconds since `t0` (a `performance.now()` value). */
export function since(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/** Accumulates the time spent in `connect()` calls. */
export class ConnectTimer {
  seconds = 0;
  time(f: () => void): void {
    const t0 = performance.now();
    f();
    this.seconds += since(t0);
  }
}

/**
 * Switches to `device` before the model is built; returns why it cannot, if it cannot. The
 * runtime device is the default and needs nothing.
 */
export function selectDevice(device: Device, hooks: RunHooks = {}): string | undefined {
  if (device === 'runtime') return undefined;
  // OpenMP threads of the compiled devices (bench/run.ts --threads; 1 = no OpenMP).
  const threads = Number(process.env.BENCH_THREADS ?? 1);
  if (device === 'runtime_cpp') {
    setRuntimeDevice('runtime', { target: 'cpp', threads });
    return undefined;
  }
  const setDevice = pending('setDevice');
  const why = missing(setDevice, pending('device'));
  if (why) return `C++ standalone: ${why}`;
  (setDevice as Exclude<typeof setDevice, string>)('cpp_standalone', {
    buildOnRun: false,
    threads: threads > 1 ? threads : 0,
    ...hooks.standalone,
  });
  return undefined;
}

export interface LoopTimes {
  sim_s: number;
  sim_cpu_s: number;
  codegen_s: number;
}

/**
 * Runs `net` for `durationSeconds` and splits the time as Brian's harness does. A report
 * callback with a huge period is called once right before and once right after the step loop:
 * it marks the CPU time of the loop, as b2common.py does with Brian's `report=`.
 */
export function runMeasured(
  net: Network,
  durationSeconds: number,
  namespace: Namespace,
  device: Device,
  hooks: RunHooks = {},
): LoopTimes {
  const cpuMarks: number[] = [];
  const cpuSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  hooks.beforeRun?.(net);
  const t0 = performance.now();
  net.run(second(durationSeconds), {
    namespace,
    report: () => cpuMarks.push(cpuSeconds()),
    reportPeriod: second(1e9),
    // BENCH_CHECK_FINITE=0 runs without the numerical health check (bench/ab.ts measures its cost).
    ...(process.env.BENCH_CHECK_FINITE === '0' ? { checkFinite: false as const } : {}),
    // BENCH_PROFILE=1 times each operation (profilingSummary(net) in an afterRun hook).
    ...(process.env.BENCH_PROFILE === '1' ? { profile: true } : {}),
  });
  let total = since(t0);
  if (device === 'cpp_standalone') {
    // Brian's standalone: run() only records; build() generates, compiles and runs ./main.
    const dev = pending('device') as Exclude<ReturnType<typeof pending<'device'>>, string>;
    const b0 = performance.now();
    dev.build({ compile: true, run: true });
    total += since(b0);
  }
  hooks.afterRun?.(net);
  const sim_s = net.lastRunTime;
  // Standalone reports are replayed after the program ends, so the marks say nothing about the
  // program's CPU time (its cpu util read as 0.00001): unknown, shown as –.
  const sim_cpu_s =
    device !== 'cpp_standalone' && cpuMarks.length >= 2
      ? cpuMarks[cpuMarks.length - 1] - cpuMarks[0]
      : Number.NaN;
  return { sim_s, sim_cpu_s, codegen_s: total - sim_s };
}
