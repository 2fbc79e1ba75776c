import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { ExternalScope } from '../compiler/2-analyze/external-scope.ts';
import { ChainScope, type Resolved, type Scope, TableScope } from '../compiler/2-analyze/scope.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { throughIndex, viewEntries } from './synapse-scope.ts';
import type { Synapses } from './synapses.ts';

/**
 * The names visible in connect() code (Brian's synapse creation): `i` and `j` (the candidate
 * pair), `x_pre`/`x_post` of the source and target, `N_pre`/`N_post`, the synapses'
 * subexpressions that use only those (`sub = v_pre : 1`, then `connect('sub == v_post')`), and
 * external constants. Synaptic variables do not exist yet, nor do `N_incoming`/`N_outgoing`.
 */
export function creationScope(
  S: Synapses,
  iLocal: string,
  jLocal: string,
  extra: Namespace | undefined,
): Scope {
  const table = new Map<string, Resolved>();
  const scope: Scope = new ChainScope([
    new TableScope(table),
    new ExternalScope(extra ? { ...(S.namespace ?? {}), ...extra } : S.namespace, undefined, S.name),
  ]);
  const aux = (name: string): Resolved => ({
    kind: 'variable',
    variable: { kind: 'auxiliary', name, dim: DIMENSIONLESS, type: 'integer', shared: false },
    index: { kind: 'shared' },
    scope,
  });
  table.set('i', aux(iLocal));
  table.set('j', aux(jLocal));
  for (const name of ['N_pre', 'N_post'] as const) {
    table.set(name, { kind: 'variable', variable: S.variables.get(name)!, index: { kind: 'shared' }, scope });
  }
  viewEntries(
    S.source,
    (n) => `${n}_pre`,
    throughIndex('_presynaptic_idx', []),
    table,
    () => scope,
  );
  viewEntries(
    S.target,
    (n) => `${n}_post`,
    throughIndex('_postsynaptic_idx', []),
    table,
    () => scope,
  );
  // The synapses' own subexpressions (not summed ones), evaluated for the candidate pair: any
  // synaptic variable they use is unknown here, with the usual error.
  for (const [name, v] of S.variables) {
    if (v.kind !== 'subexpression' || name.startsWith('_') || v.constantOverDt) continue;
    table.set(name, {
      kind: 'variable',
      variable: v,
      index: v.shared ? { kind: 'shared' } : { kind: 'element', base: '_postsynaptic_idx', steps: [] },
      scope,
    });
  }
  return scope;
}
