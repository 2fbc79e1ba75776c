import type { Quantity } from '../units/quantity.ts';
import type { Runner } from './brian-object.ts';
import { magicNetwork } from './magic.ts';
import type { Network } from './network.ts';

/** One operation of a time step, as `schedulingSummary` lists it. */
export interface ScheduleEntry {
  /** The operation's name (`neurongroup_stateupdater`, a monitor's name, …). */
  readonly name: string;
  /** Brian's class name of the operation (StateUpdater, Thresholder, StateMonitor, …). */
  readonly type: string;
  /**
   * The object the operation is part of (Brian's `group` of the CodeRunner, the "part of" column): the group
   * of a state updater, a monitor or SpikeGeneratorGroup itself, a PoissonInput's target; none for a
   * network operation.
   */
  readonly ownerName?: string;
  /** The class of that object. */
  readonly ownerType?: string;
  /** The slot of the schedule the operation runs in. */
  readonly when: string;
  /** Its order within the slot. */
  readonly order: number;
  /** The dt of its clock. */
  readonly dt: Quantity;
  /** Whether it runs (its object is active). */
  readonly active: boolean;
}

/** Brian's class names of brian-ts's runners (those that are not their object). */
const RUNNER_TYPES: Readonly<Record<string, string>> = {
  RegularRunner: 'CodeRunner',
  SynapticPathway: 'SynapticPathway',
  SummedVariableUpdater: 'SummedVariableUpdater',
};

function entryOf(r: Runner): ScheduleEntry {
  const owner = r.owner;
  const ownType = owner.constructor.name;
  const own = r.name === owner.name;
  const runnerType = r.constructor.name;
  const group = r.partOf === undefined ? owner : r.partOf;
  return {
    name: r.name,
    type: own ? ownType : (RUNNER_TYPES[runnerType] ?? runnerType),
    ownerName: group?.name,
    ownerType: group?.constructor.name,
    when: r.when,
    order: r.order,
    dt: r.clock.dt,
    active: owner.active,
  };
}

/**
 * The schedule of a network (Brian's `scheduling_summary`): every operation of a time step in the
 * order it runs, with its clock's dt and whether it is active. Prints as a text table
 * (`String(summary)`) or HTML (`summary.toHTML()`, for notebooks).
 */
export class SchedulingSummary {
  /** The operations in the order they run. */
  readonly entries: readonly ScheduleEntry[];

  constructor(runners: readonly Runner[]) {
    this.entries = runners.map(entryOf);
  }

  /** Per entry: 'every step' or 'every N steps' against the smallest dt. */
  private every(entry: ScheduleEntry): string {
    const smallest = Math.min(...this.entries.map((e) => e.dt.value));
    const steps = Math.trunc(entry.dt.value / smallest);
    return `${entry.dt} (every ${steps === 1 ? 'step' : `${steps} steps`})`;
  }

  private rows(): string[][] {
    return this.entries.map((e) => [
      `${e.name} (${e.type})`,
      e.ownerName !== undefined ? `${e.ownerName} (${e.ownerType})` : '--',
      this.every(e),
      e.when,
      String(e.order),
      e.active ? 'yes' : 'no',
    ]);
  }

  /** The schedule as Brian's text table. */
  toString(): string {
    const header = ['object', 'part of', 'Clock dt', 'when', 'order', 'active'];
    const rows = this.rows();
    const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    const center = (s: string, w: number) => {
      const left = Math.floor((w - s.length) / 2);
      return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
    };
    const cell = (s: string, k: number) =>
      k === 4 ? s.padStart(widths[k]) : k === 5 ? center(s, widths[k]) : s.padEnd(widths[k]);
    return [
      header.map((h, k) => center(h, widths[k])).join(' | '),
      widths.map((w) => '-'.repeat(w)).join('-+-'),
      ...rows.map((r) => r.map(cell).join(' | ')),
    ].join('\n');
  }

  /** The table as HTML (Brian's `_repr_html_`). */
  toHTML(): string {
    const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const rows = this.entries.map(
      (e) => `<tr>
  <td style="text-align: left;"><b>${html(e.name)}</b> (<em>${e.type}</em>)</td>
  <td style="text-align: left;">${e.ownerName !== undefined ? `${html(e.ownerName)} (<em>${e.ownerType}</em>)` : '&ndash;'}</td>
  <td style="text-align: left;">${html(this.every(e))}</td>
  <td style="text-align: left;">${html(e.when)}</td>
  <td style="text-align: right;">${e.order}</td>
  <td style="text-align: center;">${e.active ? 'yes' : 'no'}</td>
</tr>`,
    );
    const head = ['object', 'part of', 'Clock dt', 'when', 'order', 'active']
      .map((h) => `<th style="text-align: center;">${h}</th>`)
      .join('');
    return `<table>\n<thead>\n<tr>${head}</tr>\n</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  }
}

/** The schedule of `net` (by default the magic network's objects, as `run()` would take them now). */
export function schedulingSummary(net: Network = magicNetwork): SchedulingSummary {
  return new SchedulingSummary(net.sortedRunners(net.currentObjects()));
}
