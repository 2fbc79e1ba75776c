import type { Expr, Statement } from '../compiler/1-parse/ast.ts';
import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { CodeBlock, Kernel } from '../compiler/ir/kernel.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { Quantity } from '../units/quantity.ts';
import type { SettableValue } from './assign-values.ts';
import { type Group, SKELETON_LOCALS, type Where } from './group.ts';
import { warnNamespaceConflicts } from './namespace-conflicts.ts';

/**
 * Kernels run once, now (Brian's `group_variable_set` and getter code objects): a string value
 * or condition set through generated code, values of subexpressions and conditions computed
 * into a buffer.
 */

/** Brian's `G.v[where] = 'expression'` (or a literal under a string condition). */
export function runSetter(
  g: Group,
  name: string,
  exprText: string | undefined,
  value: SettableValue,
  where: Where | undefined,
  namespace?: Namespace,
  /** false: the value's dimension is not checked (Brian's raw setter `G.v_ = 'expression'`). */
  units = true,
): void {
  const variable = g.variable(name);
  if (exprText === undefined && !g.device.inProcess && isScalarValue(value)) {
    // The condition can only be evaluated inside the compiled program: a setter kernel whose
    // value comes from a namespace entry.
    const valueName = '_brian_setter_value';
    runSetter(g, name, valueName, valueName, where, { ...namespace, [valueName]: value }, units);
    return;
  }
  const source = new SourceText(exprText ?? '', `setter of ${g.name}.${name}`);
  const scope = g.codeScope(undefined, namespace);
  let valueExpr: Expr;
  if (exprText !== undefined) {
    valueExpr = parseExpression(source);
    warnNamespaceConflicts(g, [name, ...identifiers(valueExpr)], undefined, namespace);
  } else {
    // A quantity or number under a string condition: set through a one-element namespace.
    const indices = g.indicesWhere(where as string, namespace);
    g.setState(
      name,
      value,
      Array.from(indices, (k) => k - g.start),
      namespace,
    );
    return;
  }
  const stmt: Statement = {
    kind: 'Assign',
    target: name,
    targetSpan: { start: 0, end: 0, source },
    op: '=',
    value: valueExpr,
    span: valueExpr.span,
  };
  const builder = new BlockBuilder(SKELETON_LOCALS, { scalarWrites: true, uncheckedUnits: !units });
  let condition: CodeBlock | undefined;
  if (typeof where === 'string') {
    const block = builder.block();
    const cond = parseExpression(new SourceText(where, `condition of ${g.name}.${name}`));
    warnNamespaceConflicts(g, identifiers(cond), undefined, namespace);
    if (block.addExpression('_cond', cond, scope).type !== 'boolean') {
      throw new BrianError('type_mismatch', `The condition '${where}' is not a boolean expression.`, {
        span: cond.span,
      });
    }
    condition = block.finish();
  }
  const vector = builder.block();
  vector.addStatement(stmt, scope);
  const indicesArrayId =
    typeof where === 'number' || (where !== undefined && typeof where !== 'string')
      ? temporaryIndexArray(g, g.absoluteIndices(where, false, namespace)!)
      : undefined;
  if (indicesArrayId) builder.noteArray(indicesArrayId, 'integer', false);
  const shared = variable.kind === 'array' && variable.shared;
  const kernel: Kernel = {
    kind: 'group_variable_set',
    name: `${g.name}_setter_${name}`,
    scalar: builder.scalar().finish(),
    condition,
    vector: vector.finish(),
    arrays: builder.arrayInfos(),
    functions: builder.usedFunctions(),
    params: shared
      ? { start: 0, stop: 1 }
      : {
          start: g.start,
          // Synapses: as many as exist when the setter runs (only the compiled program knows on standalone).
          stop: g.dynamicSize && !indicesArrayId ? { sizeOf: g.dynamicSize } : g.stop,
          indicesArrayId,
        },
  };
  g.runOnce(kernel);
}

function temporaryIndexArray(g: Group, indices: Int32Array): string {
  const id = `_${g.storage}_setter_indices`;
  g.device.allocate(id, 'integer', indices.length).data.set(indices);
  return id;
}

/** Values of any expression over this group's variables for all its elements, in a buffer of the parent's size. */
export function evaluateToBuffer(
  g: Group,
  exprText: string,
  asCondition = false,
  namespace?: Namespace,
): TypedArray {
  const source = new SourceText(
    exprText,
    asCondition ? `condition on ${g.name}` : `value of ${g.name}.${exprText}`,
  );
  const expr = parseExpression(source);
  const builder = new BlockBuilder(SKELETON_LOCALS);
  const vector = builder.block();
  const bufferId = `_${g.storage}_get_buffer`;
  g.device.allocate(bufferId, 'float', g.storageSize());
  const info = vector.addOutput(expr, g.codeScope(undefined, namespace), bufferId, 'float');
  if (asCondition && info.type !== 'boolean') {
    throw new BrianError('type_mismatch', `The condition '${exprText}' is not a boolean expression.`, {
      span: expr.span,
    });
  }
  g.runOnce({
    kind: 'group_variable_set',
    name: `${g.name}_getter`,
    scalar: builder.scalar().finish(),
    vector: vector.finish(),
    arrays: builder.arrayInfos(),
    functions: builder.usedFunctions(),
    params: { start: g.start, stop: g.stop },
  });
  return g.device.values(bufferId);
}

function isScalarValue(value: SettableValue): value is number | boolean | Quantity {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity;
}
