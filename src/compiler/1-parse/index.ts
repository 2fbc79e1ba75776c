// Phase 1 of the compiler: user text → syntax trees with spans. No units, no groups.
export type * from './ast.ts';
export {
  callNames,
  calls,
  children,
  exprEquals,
  exprToString,
  identifiers,
  mapChildren,
  mapExpr,
  renameNames,
  walk,
} from './expr-utils.ts';
export {
  type AllowedFlags,
  ANY_GROUP_FLAGS,
  checkFlags,
  type FlagName,
  KNOWN_FLAGS,
  NEURON_GROUP_FLAGS,
  SPATIAL_NEURON_FLAGS,
  SYNAPSES_FLAGS,
  SYNAPSES_INCOMPATIBLE_FLAGS,
} from './flags.ts';
export {
  checkIdentifier,
  DEFAULT_CONSTANT_NAMES,
  DEFAULT_FUNCTION_NAMES,
  type IdentifierCheckOptions,
  identifierProblem,
  isNoiseSymbol,
  REFRACTORY_NAMES,
  RESERVED_NAMES,
} from './identifiers.ts';
export { KEYWORDS, lex, type Operator, type Token } from './lexer.ts';
export {
  checkDuplicates,
  checkNoise,
  type ParseEquationsOptions,
  parseEquations,
} from './parse-equations.ts';
export { parseExpression } from './parse-expression.ts';
export { parseGenerator } from './parse-generator.ts';
export { parseStatements } from './parse-statements.ts';
