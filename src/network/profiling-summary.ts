import { msecond, second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { magicNetwork } from './magic.ts';
import type { Network } from './network.ts';

/**
 * The time spent in each operation of a profiled run (Brian's `profiling_summary`), longest
 * first, with its share of the total: `String(summary)` or `summary.toHTML()`.
 */
export class ProfilingSummary {
  /** The operations listed, longest first. */
  readonly names: readonly string[];
  /** The time spent in each. */
  readonly times: readonly Quantity[];
  /** Each one's share of the total, in percent. */
  readonly percentages: readonly number[];
  /** Seconds spent in all operations. */
  readonly totalTime: number;
  private readonly unit: Quantity;

  /** @param show how many operations to list (the longest); all by default */
  constructor(net: Network, show?: number) {
    let info = net.profilingInfo;
    // A run of 0 ms runs no operation: a dummy entry, as Brian.
    if (info.length === 0) info = [['no code objects have been run', second(0)]];
    this.totalTime = info.reduce((sum, [, t]) => sum + t.value, 0);
    this.unit = this.totalTime > 1 ? second : msecond;
    const shown = show === undefined ? info : info.slice(0, show);
    this.names = shown.map(([name]) => name);
    this.times = shown.map(([, t]) => t);
    this.percentages = shown.map(([, t]) => (this.totalTime > 0 ? (100 * t.value) / this.totalTime : 0));
  }

  private columns(): { times: string[]; percentages: string[] } {
    const unitName = this.unit === second ? 's' : 'ms';
    return {
      times: this.times.map((t) => `${(t.value / this.unit.value).toFixed(2)} ${unitName}`),
      percentages: this.percentages.map((p) => `${p.toFixed(2)} %`),
    };
  }

  /** The summary as Brian prints it: a title and one line per operation. */
  toString(): string {
    const { times, percentages } = this.columns();
    const width = (xs: string[]) => Math.max(...xs.map((x) => x.length));
    const [wn, wt, wp] = [width([...this.names]), width(times), width(percentages)];
    const title = 'Profiling summary';
    const lines = this.names.map(
      (name, k) => `${name.padEnd(wn)}    ${times[k].padStart(wt)}    ${percentages[k].padStart(wp)}`,
    );
    return `${title}\n${'='.repeat(title.length)}\n${lines.join('\n')}\n`;
  }

  /** The summary as HTML (Brian's `_repr_html_`). */
  toHTML(): string {
    const { times, percentages } = this.columns();
    const rows = this.names.map(
      (name, k) =>
        `<tr><td>${name}</td><td style="text-align: right">${times[k]}</td><td style="text-align: right">${percentages[k]}</td></tr>`,
    );
    return `<h2 class="brian_prof_summary_header">Profiling summary</h2>\n<table class="brian_prof_summary_table">\n${rows.join('\n')}\n</table>`;
  }
}

/** The profiling summary of `net`'s last run (by default the magic network's); an error if it was not profiled. */
export function profilingSummary(net: Network = magicNetwork, show?: number): ProfilingSummary {
  return new ProfilingSummary(net, show);
}
