/** State-update methods: equations in, abstract code out. */
export { type ExplicitDescription, parseDescription } from './description.ts';
export { exact, exactOverStep, linear } from './exact.ts';
export { type CustomCheck, explicitMethod } from './explicit.ts';
export { euler, heun, milstein, rk2, rk4 } from './explicit-methods.ts';
export { exponentialEuler } from './exponential_euler.ts';
export {
  AUTO_ORDER,
  chooseMethod,
  METHODS,
  type MethodChoice,
  type MethodName,
  type MethodRequest,
  methodByName,
  registerMethod,
  SPATIAL_AUTO_ORDER,
} from './methods.ts';
export { type NoiseSplit, noiseSymbols, splitNoise } from './noise.ts';
export type * from './types.ts';
