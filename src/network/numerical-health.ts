import type { Kernel } from '../compiler/ir/kernel.ts';
import type { Device, FiniteCheck } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Group } from '../groups/group.ts';
import { BrianObject, type Runner } from './brian-object.ts';
import type { Clock } from './clock.ts';
import { firstNonFinite } from './first-non-finite.ts';

/**
 * Numerical health (issue 14): NaN or infinite values in the state of a group are a coded
 * `numerical_error` naming the object, the variable, the first bad index and the time step,
 * instead of a run that goes on silently (Brian only warns at the end). The state arrays are
 * scanned every `every` steps and at the end of each run, by a runner scheduled last in the
 * step: in this process on the runtime device (JavaScript and compiled kernels share the
 * arrays), inside the compiled program on cpp_standalone (the `check_finite` step action).
 * Between steps the scan skips synapse arrays that no kernel writes. Measured with
 * `bench/ab.ts` (CUBA 16000, JS kernels, 3 runs each): 0.559 s per bio s checked, 0.524 without
 * checks (6.6 %); scanning the synaptic delays every 1000 steps had made it 15 %. The scan loop
 * itself is `firstNonFinite`: written inline here it ran at ~25 ns per element, and the end-of-run
 * scan of CUBA 64000's 5.1 million delays cost 127 ms (11 % of a 0.5 s run with JS kernels:
 * 1.20 s checked against 1.06 unchecked, `bench/child.ts cuba 64000 0.5 runtime`); now the two
 * are the same within noise (1.04–1.07 s each).
 */
export interface NumericalHealthOptions {
  /** Check every this many steps of the fastest clock (default 1000), and at the end of the run. */
  readonly every?: number;
}

export const DEFAULT_CHECK_EVERY = 1000;

/** The float state variables of every group of the run, each array once. */
export function finiteChecks(objects: readonly BrianObject[]): FiniteCheck[] {
  const seen = new Set<string>();
  const checks: FiniteCheck[] = [];
  for (const o of objects) {
    if (!(o instanceof Group) || o.root !== o) continue;
    for (const [name, v] of o.variables) {
      if (v.kind !== 'array' || v.type !== 'float' || name.startsWith('_') || seen.has(v.arrayId)) continue;
      // Only what a run changes: constants (a SpatialNeuron's coordinates, NaN where the
      // morphology has none) and read-only variables (lastspike) are the user's or Brian's own.
      if (v.constant || v.readOnly) continue;
      seen.add(v.arrayId);
      checks.push({ arrayId: v.arrayId, label: `${o.name}.${name}`, dynamic: v.dynamic });
    }
  }
  return checks;
}

/** The checking runner of one run (scheduled after every other runner, on the fastest clock). */
export class NumericalHealth extends BrianObject {
  private readonly runner: Runner;

  constructor(
    clock: Clock,
    device: Device,
    checks: readonly FiniteCheck[],
    every: number,
    runners: readonly Runner[] = [],
  ) {
    super('_numerical_health', clock);
    // Between steps, a synapse array that no kernel of the run writes (delays, weights of static
    // synapses: millions of values in large networks) cannot have turned bad, unless a network
    // operation wrote it: those are still scanned at the end of the run, like everything else.
    // Measured before (bench/ab.ts, CUBA 16000, JS kernels): the scans cost 15 % of the run.
    let periodic: readonly FiniteCheck[] | undefined;
    const periodicChecks = () => {
      const written = new Set<string>();
      for (const r of runners) {
        const k = (r as { kernel?: Kernel }).kernel;
        if (!k) continue;
        for (const b of [k.scalar, k.vector, k.condition, ...Object.values(k.extra ?? {})]) {
          for (const store of b?.stores ?? []) written.add(store.arrayId);
        }
      }
      return checks.filter((c) => !c.dynamic || written.has(c.arrayId));
    };
    const isDue = (ts: number) => (ts + 1) % every === 0 || ts + 1 === clock.endTimestep;
    const scan = (ts: number) => {
      const last = ts + 1 === clock.endTimestep;
      periodic ??= periodicChecks();
      for (const c of last ? checks : periodic) {
        const values = device.values(c.arrayId);
        const k = firstNonFinite(values);
        if (k >= 0) throw numericalError(c.label, k, values[k], ts, clock.dt_, every);
      }
    };
    this.runner = {
      name: '_numerical_health',
      when: 'end',
      order: Number.MAX_SAFE_INTEGER,
      clock,
      owner: this,
      partOf: null,
      prepare() {},
      step: (_t, _dt, ts) => {
        if (isDue(ts)) scan(ts);
      },
      actions: [{ kind: 'check_finite', checks, every, clock }],
    };
    this.exposeAttributes();
  }

  runners(): readonly Runner[] {
    return [this.runner];
  }

  stateArrays(): readonly string[] {
    return [];
  }
}

function numericalError(
  label: string,
  k: number,
  x: number,
  step: number,
  dt: number,
  every: number,
): BrianError {
  const what = Number.isNaN(x) ? 'NaN' : x > 0 ? 'inf' : '-inf';
  return new BrianError(
    'numerical_error',
    `${label}[${k}] is ${what} at the end of time step ${step} (t = ${step * dt} s; the state is checked every ${every} steps)`,
    {
      hint: 'look for a division by zero, an exp() overflow or a dt too large for the dynamics; run(…, { checkFinite: { every: 1 } }) finds the first bad step',
    },
  );
}
