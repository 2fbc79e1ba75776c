import { textReport } from '../../network/report.ts';
import type { NetworkRun } from '../device.ts';
import type { Progress } from './execute.ts';

/**
 * The progress lines of a program's runs, printed (or passed to the report callback) as the
 * runtime's reporter would have printed them during the run. The program runs synchronously,
 * so they come when it has finished.
 */
export function replayReports(progress: readonly Progress[], reports: readonly NetworkRun['report'][]): void {
  for (const p of progress) {
    const option = reports[p.run];
    if (option === undefined) continue;
    const callback =
      typeof option === 'function'
        ? option
        : textReport(option === 'stderr' ? process.stderr : process.stdout);
    callback(p.elapsed, p.completed, p.start, p.duration);
  }
}
