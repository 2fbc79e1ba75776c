import { warn } from '../../core/log.ts';
import { DIMENSIONLESS } from '../../units/dimension.ts';
import { UNITS } from '../../units/index.ts';
import { Quantity } from '../../units/quantity.ts';
import { DEFAULT_CONSTANTS, DEFAULT_FUNCTIONS, type FunctionDef } from '../functions.ts';
import type { Resolved, Scope } from './scope.ts';

/**
 * Names from outside the model: Brian's default constants, units and functions, then the
 * group's `namespace`, then `run()`'s `namespace` — in that order, as Brian's
 * `Group._resolve_external`, with a warning when two of them disagree.
 * JS has no caller frames, so namespaces are always explicit objects.
 */

/** Something that can be called from model code (a user function, a TimedArray). */
export interface ModelFunction {
  readonly brianFunction: FunctionDef;
}

export type NamespaceValue = number | boolean | Quantity | ModelFunction;
export type Namespace = Readonly<Record<string, NamespaceValue>>;

export function isModelFunction(value: unknown): value is ModelFunction {
  return typeof value === 'object' && value !== null && 'brianFunction' in value;
}

function fromNamespaceValue(value: unknown): Resolved | undefined {
  if (typeof value === 'number') {
    return {
      kind: 'constant',
      value,
      dim: DIMENSIONLESS,
      type: Number.isInteger(value) ? 'integer' : 'float',
    };
  }
  if (typeof value === 'boolean') {
    return { kind: 'constant', value: value ? 1 : 0, dim: DIMENSIONLESS, type: 'boolean' };
  }
  if (value instanceof Quantity) {
    return { kind: 'constant', value: value.value, dim: value.dim, type: 'float' };
  }
  if (isModelFunction(value)) return { kind: 'function', def: value.brianFunction };
  return undefined;
}

const defaultsTable = new Map<string, Resolved>();
for (const [name, value] of DEFAULT_CONSTANTS) {
  defaultsTable.set(name, { kind: 'constant', value, dim: DIMENSIONLESS, type: 'float' });
}

function lookupDefault(name: string): { where: string; found: Resolved } | undefined {
  const constant = defaultsTable.get(name);
  if (constant) return { where: 'constants', found: constant };
  const unit = UNITS.get(name);
  if (unit)
    return { where: 'units', found: { kind: 'constant', value: unit.value, dim: unit.dim, type: 'float' } };
  const fn = DEFAULT_FUNCTIONS.get(name);
  if (fn) return { where: 'functions', found: { kind: 'function', def: fn } };
  return undefined;
}

function sameResolution(a: Resolved, b: Resolved): boolean {
  if (a.kind === 'constant' && b.kind === 'constant') return a.value === b.value && a.dim === b.dim;
  if (a.kind === 'function' && b.kind === 'function') return a.def === b.def;
  return false;
}

export class ExternalScope implements Scope {
  private readonly warned = new Set<string>();

  constructor(
    private readonly groupNamespace: Namespace | undefined,
    private readonly runNamespace: Namespace | undefined,
    /** Who resolves, for the conflict warning ("neurongroup"). */
    private readonly context: string,
  ) {}

  lookup(name: string): Resolved | undefined {
    const matches = this.matches(name);
    if (matches.length === 0) return undefined;
    const first = matches[0];
    const conflict = matches.slice(1).find((m) => !sameResolution(m.found, first.found));
    if (conflict && !this.warned.has(name)) {
      this.warned.add(name);
      warn(
        'resolution_conflict',
        `The name '${name}' refers to different objects in different namespaces used for resolving names in ` +
          `the context of '${this.context}'. Will use the object from the ${first.where} namespace.`,
        { once: true },
      );
    }
    return first.found;
  }

  /** Every meaning `name` has outside the model, in resolution order (no warning). */
  matches(name: string): { where: string; found: Resolved }[] {
    const matches: { where: string; found: Resolved }[] = [];
    const builtin = lookupDefault(name);
    if (builtin) matches.push(builtin);
    for (const [where, ns] of [
      ['group-specific', this.groupNamespace],
      ['run', this.runNamespace],
    ] as const) {
      if (ns && Object.hasOwn(ns, name)) {
        const found = fromNamespaceValue(ns[name]);
        if (found) matches.push({ where, found });
      }
    }
    return matches;
  }

  *names(): Iterable<string> {
    yield* defaultsTable.keys();
    yield* DEFAULT_FUNCTIONS.keys();
    if (this.groupNamespace) yield* Object.keys(this.groupNamespace);
    if (this.runNamespace) yield* Object.keys(this.runNamespace);
  }
}
