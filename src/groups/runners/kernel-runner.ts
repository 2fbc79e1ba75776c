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

  /** Runs `fn` at each step from now on: its kernel, a kernel that does more, or nothing (undefined). */
  use(fn: KernelFunction | undefined): void {
    this.step = fn ?? (() => {});
    this.actions = fn ? [{ kind: 'call', fn }] : [];
  }
}
