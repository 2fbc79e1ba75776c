import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import type { RunContext } from '../network/brian-object.ts';
import { readRecordedVariables } from './recorded-variables.ts';
import type { StateMonitor } from './state-monitor.ts';

/**
 * The recording step of a StateMonitor: each recorded variable of each recorded element, and
 * the time, appended; on the source's clock values (`t`, `dt` of the source) when the monitor
 * has a clock of its own.
 */
export class StateMonitorRunner extends KernelRunner {
  constructor(
    readonly monitor: StateMonitor,
    when: string,
    order: number,
  ) {
    // Named as the monitor: Brian's monitor is its own code runner (ties in a slot go by name).
    super(monitor, monitor.name, when, order, monitor.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const m = this.monitor;
    const ids = m.arrayIds();
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const scope = m.source.codeScope(ctx.runNamespace);
    const recorded = readRecordedVariables(vector, m.name, m.variables, ids.vars, scope);
    builder.noteArray(ids.indices, 'integer', m.recordsAllOf !== undefined);
    if (m.recordsAllOf) ctx.device.arange(ids.indices, m.recordsAllOf, m.source.start);
    return {
      kind: 'statemonitor',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { indices: ids.indices, times: ids.t, recorded, sourceClock: ids.sourceClock },
    };
  }

  override prepare(ctx: RunContext): void {
    super.prepare(ctx);
    const id = this.monitor.arrayIds().sourceClock;
    if (id === undefined) return;
    // The source's variables (and `t`, `dt` in its subexpressions) belong to the source's clock.
    const kernel = this.step;
    const clock = this.monitor.source.clock;
    this.actions = [
      { kind: 'source_clock', arrayId: id, clock },
      { kind: 'call', fn: kernel },
    ];
    if (!ctx.device.inProcess) return;
    const data = ctx.device.values(id);
    this.step = (t, dt, timestep) => {
      data[0] = clock.t_;
      data[1] = clock.dt_;
      data[2] = clock.timestep;
      kernel(t, dt, timestep);
    };
  }
}
