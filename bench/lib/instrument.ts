/**
 * Times every runner of a network from outside src/: each runner's `prepare` is wrapped so that,
 * once it has (re)built `step`, `step` is replaced by a timed call of it. The network's loop
 * reads `runner.step` after `prepare`, so it calls the timed version.
 */

import type { Runner } from '../../src/network/brian-object.ts';
import type { Network } from '../../src/node.ts';

export interface RunnerTiming {
  name: string;
  owner: string;
  when: string;
  order: number;
  /** Kernel kind (Brian's template name) or class name. */
  kernel: string;
  /** Coarse category used in the profile summary. */
  category: string;
  /** Elements the runner loops over where known (neurons, synapses). */
  size: number | null;
  calls: number;
  seconds: number;
}

const CATEGORIES: Record<string, string> = {
  stateupdate: 'state update',
  subexpression: 'state update',
  threshold: 'threshold',
  reset: 'reset',
  synapses: 'spike propagation',
  synapses_push_spikes: 'spike propagation',
  summed_variable: 'summed variables',
  spikemonitor: 'monitors',
  statemonitor: 'monitors',
  ratemonitor: 'monitors',
};

function kernelKind(r: Runner): string {
  const k = (r as { kernel?: { kind?: string } }).kernel?.kind;
  return k ?? r.constructor.name;
}

/** Neurons a group kernel loops over (`size`, or `stop - start` of a state updater); null for others. */
function kernelSize(r: Runner): number | null {
  const p = (r as { kernel?: { params?: { size?: unknown; start?: unknown; stop?: unknown } } }).kernel
    ?.params;
  if (typeof p?.size === 'number') return p.size;
  if (typeof p?.start === 'number' && typeof p?.stop === 'number') return p.stop - p.start;
  return null;
}

/** Wraps the runners of `net` (call before `net.run`); the returned timings fill in during the run. */
export function instrumentRunners(net: Network): RunnerTiming[] {
  const timings: RunnerTiming[] = [];
  for (const object of net.allObjects()) {
    for (const runner of object.runners()) {
      const t: RunnerTiming = {
        name: runner.name,
        owner: object.name,
        when: runner.when,
        order: runner.order,
        kernel: '?',
        category: '?',
        size: null,
        calls: 0,
        seconds: 0,
      };
      timings.push(t);
      const prepare = runner.prepare.bind(runner);
      runner.prepare = (ctx) => {
        prepare(ctx);
        t.kernel = kernelKind(runner);
        t.category = CATEGORIES[t.kernel] ?? t.kernel;
        t.size = kernelSize(runner);
        const inner = runner.step;
        runner.step = (time, dt, timestep) => {
          const t0 = performance.now();
          inner(time, dt, timestep);
          t.seconds += (performance.now() - t0) / 1000;
          t.calls++;
        };
      };
    }
  }
  return timings;
}

/**
 * Cost of the instrumentation itself, per wrapped call: `inside` is what a timed interval
 * around an empty function reads (subtracted from each runner), `total` the extra time a wrapped
 * call costs the loop (part of the residual).
 */
export function calibrateTimer(calls = 2_000_000): { inside_s: number; total_s: number } {
  const empty = (_a: number, _b: number, _c: number) => {};
  let acc = 0;
  const wrapped = (a: number, b: number, c: number) => {
    const t0 = performance.now();
    empty(a, b, c);
    acc += (performance.now() - t0) / 1000;
  };
  const time = (f: typeof empty) => {
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) f(k, 0.1, k);
    return (performance.now() - t0) / 1000;
  };
  time(wrapped); // warm up
  time(empty);
  acc = 0;
  const plain = time(empty);
  const withTimer = time(wrapped);
  return { inside_s: acc / calls, total_s: Math.max(0, withTimer - plain) / calls };
}
