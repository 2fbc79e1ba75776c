import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { EquationKind, EquationLine, Flag } from './ast.ts';
import type { Token } from './lexer.ts';
import { describe, spanOf } from './token-cursor.ts';

/**
 * Equation flags: `(constant)`, `(unless refractory)`, `(event-driven)`, `(shared, constant)`…
 * The equation parser accepts, for each kind of equation, the flags that some group accepts
 * (ANY_GROUP_FLAGS); each group then narrows with `checkFlags` and its own table, as Brian's
 * `Equations.check_flags` does.
 */

export const KNOWN_FLAGS = [
  'constant',
  'shared',
  'linked',
  'unless refractory',
  'constant over dt',
  'summed',
  'clock-driven',
  'event-driven',
  'point current',
] as const;

export type FlagName = (typeof KNOWN_FLAGS)[number];

/** Which flags each kind of equation may carry (a missing kind: no flags). */
export type AllowedFlags = Readonly<Partial<Record<EquationKind, readonly string[]>>>;

/** The union over all groups: what the equation parser itself accepts. */
export const ANY_GROUP_FLAGS: AllowedFlags = {
  ode: ['unless refractory', 'clock-driven', 'event-driven', 'point current'],
  parameter: ['constant', 'shared', 'linked', 'point current'],
  subexpression: ['shared', 'constant over dt', 'summed', 'point current'],
};

/** NeuronGroup (brian2/groups/neurongroup.py). */
export const NEURON_GROUP_FLAGS: AllowedFlags = {
  ode: ['unless refractory'],
  parameter: ['constant', 'shared', 'linked'],
  subexpression: ['shared', 'constant over dt'],
};

/**
 * Synapses (brian2/synapses/synapses.py). `linked` parameters in Synapses came with Brian 2.9;
 * Brian 2.5.1, the reference, refuses the flag there, and so does brian-ts (a linked synaptic
 * variable could not be linked anyway: Synapses have no linked-variable index).
 */
export const SYNAPSES_FLAGS: AllowedFlags = {
  ode: ['event-driven', 'clock-driven'],
  parameter: ['constant', 'shared'],
  subexpression: ['summed', 'shared', 'constant over dt'],
};

/** As in Brian: within each group, no flag may be combined with another of the same group. */
export const SYNAPSES_INCOMPATIBLE_FLAGS: readonly (readonly string[])[] = [
  ['event-driven', 'clock-driven'],
  ['summed', 'shared', 'constant over dt'],
];

/** SpatialNeuron (brian2/spatialneuron/spatialneuron.py). */
export const SPATIAL_NEURON_FLAGS: AllowedFlags = {
  ode: ['point current'],
  parameter: ['constant', 'shared', 'linked', 'point current'],
  subexpression: ['shared', 'point current', 'constant over dt'],
};

const KIND_NAMES: Readonly<Record<EquationKind, string>> = {
  ode: 'differential equations',
  subexpression: 'subexpressions',
  parameter: 'parameters',
};

/**
 * Throws `equation_bad_flag` for the first flag that `allowed` does not permit for its kind of
 * equation, or that is combined with an incompatible flag.
 */
export function checkFlags(
  lines: readonly EquationLine[],
  allowed: AllowedFlags,
  incompatible: readonly (readonly string[])[] = [],
): void {
  for (const line of lines) {
    const permitted = allowed[line.kind] ?? [];
    line.flags.forEach((flag, k) => {
      if (!permitted.includes(flag.name)) {
        const options = permitted.length ? `; allowed: ${permitted.join(', ')}` : '';
        throw new BrianError(
          'equation_bad_flag',
          `${KIND_NAMES[line.kind]} cannot have the flag '${flag.name}' here${options}`,
          {
            span: flag.span,
            hint: permitted.length ? undefined : `${KIND_NAMES[line.kind]} take no flags here`,
          },
        );
      }
      for (const group of incompatible) {
        if (!group.includes(flag.name)) continue;
        const clash = line.flags.slice(0, k).find((f) => f.name !== flag.name && group.includes(f.name));
        if (clash) {
          throw new BrianError(
            'equation_bad_flag',
            `flag '${flag.name}' cannot be combined with flag '${clash.name}'`,
            {
              span: flag.span,
            },
          );
        }
      }
    });
  }
}

/**
 * Reads the flags between `(` and `)`: comma-separated, each made of words and hyphens, with any
 * whitespace (`( constant ,shared )`, `(event - driven)`). Names are normalised: words joined by
 * one space, no spaces around hyphens. Unknown and duplicate flags are `equation_bad_flag`.
 */
export function readFlags(open: Token, inner: readonly Token[], close: Token, kind: EquationKind): Flag[] {
  const flags: Flag[] = [];
  const groups: Token[][] = [[]];
  const commas: Token[] = [];
  for (const t of inner) {
    if (t.kind === 'newline') continue;
    if (t.kind === 'op' && t.text === ',') {
      commas.push(t);
      groups.push([]);
    } else groups[groups.length - 1].push(t);
  }
  groups.forEach((group, k) => {
    if (group.length === 0) {
      const near = commas[k - 1] ?? commas[k];
      throw new BrianError('equation_syntax', 'empty flag', { span: near ? near.span : spanOf(open, close) });
    }
    const flag: Flag = { name: flagName(group), span: spanOf(group[0], group[group.length - 1]) };
    checkKnown(flag, kind);
    if (flags.some((f) => f.name === flag.name)) {
      throw new BrianError('equation_bad_flag', `flag '${flag.name}' is given twice`, { span: flag.span });
    }
    flags.push(flag);
  });
  return flags;
}

function flagName(words: readonly Token[]): string {
  let name = '';
  let previous: Token | undefined;
  for (const t of words) {
    const hyphen = t.kind === 'op' && t.text === '-';
    if (!hyphen && t.kind !== 'name' && t.kind !== 'keyword' && t.kind !== 'number') {
      throw new BrianError('equation_syntax', `unexpected ${describe(t)} in a flag`, { span: t.span });
    }
    const glue = previous && !hyphen && !(previous.kind === 'op' && previous.text === '-') ? ' ' : '';
    name += glue + t.text;
    previous = t;
  }
  return name;
}

function checkKnown(flag: Flag, kind: EquationKind): void {
  if (!(KNOWN_FLAGS as readonly string[]).includes(flag.name)) {
    const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
    const close = KNOWN_FLAGS.find((known) => squash(known) === squash(flag.name));
    throw new BrianError('equation_bad_flag', `unknown flag '${flag.name}'`, {
      span: flag.span,
      hint: close ? `did you mean '${close}'?` : `the flags are: ${KNOWN_FLAGS.join(', ')}`,
    });
  }
  const permitted = ANY_GROUP_FLAGS[kind] ?? [];
  if (!permitted.includes(flag.name)) {
    throw new BrianError('equation_bad_flag', `${KIND_NAMES[kind]} cannot have the flag '${flag.name}'`, {
      span: flag.span,
      hint: `${KIND_NAMES[kind]} may have: ${permitted.join(', ')}`,
    });
  }
}
