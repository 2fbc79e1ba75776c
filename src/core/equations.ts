import type { EquationLine, Expr } from '../compiler/1-parse/ast.ts';
import { mapExpr } from '../compiler/1-parse/expr-utils.ts';
import { checkDuplicates, parseEquations } from '../compiler/1-parse/parse-equations.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Quantity } from '../units/quantity.ts';

/**
 * A block of model equations (Brian's `Equations`): parsed once at construction, concatenated
 * with `add`, and specialised by substitution — a name for a name (`{ g: 'g_e' }`) or a name for
 * a value (`{ tau: ms(10) }`). Units are checked when a group uses the equations, because only
 * then are the external names known.
 */
export type EquationsSubstitution = Readonly<Record<string, string | number | Quantity>>;

export class Equations {
  readonly lines: readonly EquationLine[];
  /** Values substituted for names: become constants of every group using these equations. */
  readonly constants: ReadonlyMap<string, number | Quantity>;

  constructor(
    source: string | readonly EquationLine[],
    substitutions: EquationsSubstitution = {},
    constants = new Map<string, number | Quantity>(),
  ) {
    const parsed = typeof source === 'string' ? parseEquations(source, { label: 'equations' }) : source;
    const renames = new Map<string, string>();
    const values = new Map(constants);
    for (const [name, value] of Object.entries(substitutions)) {
      if (typeof value === 'string') renames.set(name, value);
      else if (typeof value === 'number' || value instanceof Quantity) values.set(name, value);
      else
        throw new BrianError(
          'bad_argument',
          `Cannot substitute ${name} by ${String(value)}: give a name or a quantity.`,
        );
    }
    this.lines = renames.size > 0 ? parsed.map((l) => renameLine(l, renames)) : parsed;
    checkDuplicates(this.lines);
    this.constants = values;
  }

  /** Concatenation (Brian's `eqs1 + eqs2`); defining a name twice is an error. */
  add(other: Equations | string): Equations {
    const o = typeof other === 'string' ? new Equations(other) : other;
    return new Equations([...this.lines, ...o.lines], {}, new Map([...this.constants, ...o.constants]));
  }

  /** A copy with names or values substituted. */
  substitute(substitutions: EquationsSubstitution): Equations {
    return new Equations(this.lines, substitutions, new Map(this.constants));
  }

  get names(): string[] {
    return this.lines.map((l) => l.name);
  }

  get diffEqNames(): string[] {
    return this.lines.filter((l) => l.kind === 'ode').map((l) => l.name);
  }

  toString(): string {
    return this.lines.map((l) => l.span.source?.slice(l.span) ?? l.name).join('\n');
  }
}

function renameLine(line: EquationLine, renames: ReadonlyMap<string, string>): EquationLine {
  const rename = (e: Expr) =>
    mapExpr(e, (n) => (n.kind === 'Name' && renames.has(n.name) ? { ...n, name: renames.get(n.name)! } : n));
  return {
    ...line,
    name: renames.get(line.name) ?? line.name,
    expr: line.expr ? rename(line.expr) : undefined,
  };
}
