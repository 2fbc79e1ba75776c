/** The small computer-algebra system of the compiler: what `exact` and event-driven updates need. */
export * from './build.ts';
export { toExpr, toNode } from './convert.ts';
export { dependsOn, freeNames } from './depends.ts';
export { differentiate } from './differentiate.ts';
export { evaluate, execute, type Functions, type Value, type Values } from './evaluate.ts';
export { expm, type Matrix } from './expm.ts';
export {
  conditionallyLinearParts,
  type LinearDecomposition,
  linearDecomposition,
  linearParts,
} from './linear.ts';
export { type ExprMatrix, expmTriangular, matrixProduct, triangularOrder } from './matrix.ts';
export type { Node } from './node.ts';
export { simplify } from './simplify.ts';
export { substitute, substituteNames } from './substitute.ts';
