import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import type { Scope } from '../compiler/2-analyze/scope.ts';
import type { BlockInProgress } from '../compiler/3-lower/lower-block.ts';
import { SourceText } from '../diagnostics/span.ts';

/**
 * Reads each recorded variable into a local of the monitor's per-element block and pairs it
 * with the buffer it is written to (shared by SpikeMonitor and StateMonitor kernels).
 */
export function readRecordedVariables(
  block: BlockInProgress,
  monitorName: string,
  variables: readonly string[],
  buffers: ReadonlyMap<string, string>,
  scope: Scope,
): { buffer: string; local: string }[] {
  return variables.map((name) => {
    const expr = parseExpression(new SourceText(name, `variable recorded by ${monitorName}`));
    return { buffer: buffers.get(name)!, local: block.read(name, scope, expr.span).local };
  });
}
