import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { KernelFunction, StepAction } from '../../devices/device.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { BrianObject, RunContext, Runner } from '../../network/brian-object.ts';
import type { BaseClock } from '../../network/clock.ts';
import type { Slot } from '../../network/schedule.ts';

/**
 * A runner backed by one generated kernel: `build` lowers the object's code to IR with the
 * namespace of the run, `prepare` compiles it on the device, `step` calls it.
 */
export abstract class KernelRunner implements Runner {
  step: (t: number, dt: number, timestep: number) => void = () => {
    throw new Error(`internal: ${this.name} was not prepared before running`);
  };
  kernel?: Kernel;
  /** Its step does nothing: another runner's kernel does its work (StateUpdater.absorbLater). */
  private idle = false;
  actions?: readonly StepAction[];
  finish?: readonly StepAction[];

  constructor(
    readonly owner: BrianObject,
    readonly name: string,
    public when: Slot,
    public order: number,
    readonly clock: BaseClock,
  ) {}

  protected abstract build(ctx: RunContext): Kernel;

  prepare(ctx: RunContext): void {
    try {
      this.kernel = this.build(ctx);
    } catch (e) {
      if (e instanceof BrianError) throw e.withCreationSite(this.owner.createdAt);
      throw e;
    }
    this.use(ctx.device.compile(this.kernel, 'every_step'));
  }

  /**
   * Whether `other` may run before or after this runner with the same results: it only calls its
   * kernel (all it touches is in the kernel's arrays) and touches none of this kernel's arrays.
   */
  commutesWith(other: Runner): boolean {
    if (other instanceof KernelRunner && other.idle) return true;
    if (!(other instanceof KernelRunner) || !other.kernel || !this.kernel) return false;
    const actions = other.actions ?? [];
    if (actions.length !== 1 || actions[0].kind !== 'call' || actions[0].fn !== other.step) return false;
    for (const id of other.kernel.arrays.keys()) if (this.kernel.arrays.has(id)) return false;
    return true;
  }

  /** Runs `fn` at each step from now on: its kernel, a kernel that does more, or nothing (undefined). */
  use(fn: KernelFunction | undefined): void {
    this.idle = fn === undefined;
    this.step = fn ?? (() => {});
    this.actions = fn ? [{ kind: 'call', fn }] : [];
  }
}
