import type { Group } from '../groups/group.ts';
import { BrianObject, type Runner } from '../network/brian-object.ts';
import type { MonitorStream } from './stream.ts';

/**
 * What StateMonitor and EventMonitor share: one kernel that records, an optional stream that
 * writes the records to a sink (flushed at the end of each run), and the source group they need
 * in the network (a monitor run without its group is Brian's dependency error).
 */
export abstract class RecordingMonitor extends BrianObject {
  abstract readonly source: Group;
  protected abstract readonly runner: Runner;
  protected abstract readonly stream?: MonitorStream;

  runners(): readonly Runner[] {
    return this.stream ? [this.runner, this.stream.runner] : [this.runner];
  }

  /** Hands the last records of a run to the stream, if any. */
  override afterRun(): void {
    this.stream?.flush();
  }

  override dependencies(): readonly BrianObject[] {
    return [this.source];
  }
}
