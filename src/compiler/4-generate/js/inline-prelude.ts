import type { Expr } from '../../1-parse/ast.ts';
import { passEnabled } from '../../ir/passes/pass-switches.ts';

/**
 * Prelude helpers cheap enough to print inline instead of calling `_brian.*`: the same
 * operations in the same order as src/devices/runtime/prelude.ts, so results are identical.
 * A call is inlined only when each argument that the body uses twice is a name or a literal
 * (no expression is evaluated twice). Measured in bench/README.md ("Improvements").
 */
export function inlinePreludeCall(
  jsName: string,
  args: readonly Expr[],
  print: (e: Expr) => string,
): string | undefined {
  if (
    jsName === '_brian.timestep' &&
    args.length === 2 &&
    isAtom(args[1]) &&
    passEnabled('inline-timestep')
  ) {
    // _brian.timestep(t, dt) = Math.trunc((t + 1e-3 * dt) / dt)
    const dt = print(args[1]);
    return `Math.trunc(((${print(args[0])}) + (1e-3 * ${dt})) / ${dt})`;
  }
  return undefined;
}

function isAtom(e: Expr): boolean {
  return e.kind === 'Name' || e.kind === 'Number';
}
