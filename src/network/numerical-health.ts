import type { Device, FiniteCheck } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Group } from '../groups/group.ts';
import { BrianObject, type Runner } from './brian-object.ts';
import type { Clock } from './clock.ts';

/**
 * Numerical health (issue 14): NaN or infinite values in the state of a group are a coded
 * `numerical_error` naming the object, the variable, the first bad index and the time step,
 * instead of a run that goes on silently (Brian only warns at the end). The state arrays are
 * scanned every `every` steps and at the end of each run, by a runner scheduled last in the
 * step: in this process on the runtime device (JavaScript and compiled kernels share the
 * arrays), inside the compiled program on cpp_standalone (the `check_finite` step action).
 * A scan costs one pass over the state every `every` steps: well under 1 % of a step's work.
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
      checks.push({ arrayId: v.arrayId, label: `${o.name}.${name}` });
    }
  }
  return checks;
}

/** The checking runner of one run (scheduled after every other runner, on the fastest clock). */
export class NumericalHealth extends BrianObject {
  private readonly runner: Runner;

  constructor(clock: Clock, device: Device, checks: readonly FiniteCheck[], every: number) {
    super('_numerical_health', clock);
    const isDue = (ts: number) => (ts + 1) % every === 0 || ts + 1 === clock.endTimestep;
    const scan = (ts: number) => {
      for (const c of checks) {
        const values = device.values(c.arrayId);
        for (let k = 0; k < values.length; k++) {
          if (!Number.isFinite(values[k])) throw numericalError(c.label, k, values[k], ts, clock.dt_, every);
        }
      }
    };
    this.runner = {
      name: '_numerical_health',
      when: 'end',
      order: Number.MAX_SAFE_INTEGER,
      clock,
      owner: this,
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
