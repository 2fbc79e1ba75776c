import type { Span } from '../../diagnostics/span.ts';

/**
 * Syntax trees of Brian's code language (Python-syntax expressions and statements) and of
 * equation blocks. Produced once by 1-parse; every later phase works on these nodes (the IR
 * reuses `Expr` for its expressions), never on text again.
 *
 * Nodes are plain immutable objects. Nodes made by later phases (integrators, passes) copy the
 * span of the user text that caused them, so errors in generated code still point at the model.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = 'and' | 'or';
export type UnaryOp = '-' | '+' | 'not';

export type Expr = NumberLit | BoolLit | Name | Call | Unary | Binary | Compare | Logical;

export interface NumberLit {
  readonly kind: 'Number';
  readonly value: number;
  /** True for literals written without a decimal point or exponent (`3`), as Python's int. */
  readonly isInteger: boolean;
  readonly span: Span;
}

export interface BoolLit {
  readonly kind: 'Bool';
  readonly value: boolean;
  readonly span: Span;
}

export interface Name {
  readonly kind: 'Name';
  readonly name: string;
  readonly span: Span;
}

export interface Keyword {
  readonly name: string;
  readonly value: Expr;
  readonly span: Span;
}

export interface Call {
  readonly kind: 'Call';
  readonly callee: string;
  readonly calleeSpan: Span;
  readonly args: readonly Expr[];
  /** Keyword arguments, only used by `sample(N, p=…)` / `sample(N, size=…)` in connect generators. */
  readonly keywords: readonly Keyword[];
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface Compare {
  readonly kind: 'Compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface Logical {
  readonly kind: 'Logical';
  readonly op: LogicalOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Statements ("abstract code"): sequential assignments, separated by newlines or `;`.

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=';

export interface Assign {
  readonly kind: 'Assign';
  readonly target: string;
  readonly targetSpan: Span;
  readonly op: AssignOp;
  readonly value: Expr;
  readonly span: Span;
}

export type Statement = Assign;

// ---------------------------------------------------------------------------------------------
// Equation blocks.

export type EquationKind = 'ode' | 'subexpression' | 'parameter';

/** The declared unit of a variable: `1`, `integer`, `boolean`, or a unit expression (`siemens/meter**2`). */
export type UnitDecl =
  | { readonly kind: 'dimensionless'; readonly span: Span }
  | { readonly kind: 'integer'; readonly span: Span }
  | { readonly kind: 'boolean'; readonly span: Span }
  | { readonly kind: 'unit'; readonly expr: Expr; readonly span: Span };

export interface Flag {
  /** Normalised: `constant`, `shared`, `linked`, `unless refractory`, `constant over dt`, `summed`, `clock-driven`, `event-driven`. */
  readonly name: string;
  readonly span: Span;
}

export interface EquationLine {
  readonly kind: EquationKind;
  readonly name: string;
  readonly nameSpan: Span;
  /** Right-hand side of an ODE (the derivative) or a subexpression; absent for parameters. */
  readonly expr?: Expr;
  readonly unit: UnitDecl;
  readonly flags: readonly Flag[];
  /** The whole definition, possibly several lines. */
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Generator syntax of Synapses.connect(j='…') / connect(i='…').

export interface GeneratorIterator {
  /** `range(stop)`, `range(start, stop)`, `range(start, stop, step)` or `sample(…)`. */
  readonly kind: 'range' | 'sample';
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
  readonly span: Span;
}

/**
 * `EXPR for VAR in ITERATOR [if CONDITION]`, or a bare expression (`j='i'`), which is stored
 * with `variable` and `iterator` absent.
 */
export interface Generator {
  readonly element: Expr;
  readonly variable?: string;
  readonly iterator?: GeneratorIterator;
  readonly condition?: Expr;
  readonly span: Span;
}
