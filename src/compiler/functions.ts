import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';

/**
 * The default function table: one row per function Brian code may call, holding its
 * dimension rule, result type and each target's implementation. Algorithms as data: the
 * analysis, the printers and the runtime all read this table; nothing registers itself.
 *
 * User functions (issue "C++ standalone device": `implementation({ js, cpp })`) are rows of the
 * same shape added to a model's own function table, never to this one.
 */

export type ScalarType = 'float' | 'integer' | 'boolean';

/** Dimension rule for arguments: a fixed dimension, 'any', or "same as argument k". */
export type ArgDimension = Dimension | 'any' | { sameAs: number };

export interface FunctionDef {
  readonly name: string;
  readonly argDims: readonly ArgDimension[];
  /** The result dimension from the argument dimensions. */
  readonly resultDim: (args: readonly Dimension[]) => Dimension;
  /** 'highest': the "widest" argument type (int op int → int), as Brian's `return_type='highest'`. */
  readonly resultType: ScalarType | 'highest';
  /** Arguments must be boolean (none of the defaults) or numbers. */
  readonly argTypes?: readonly (ScalarType | 'any')[];
  /** Stateful functions (rand, randn, poisson, binomials, user functions so declared) give a new value at every call. */
  readonly stateful: boolean;
  /**
   * Draws random numbers (rand, randn, poisson, binomials; implies stateful): each call site gets
   * its own draws (compiler/ir/random-sites.ts), and `js`/`cpp` name the method of the site's
   * draws object (core/random/site-draws.ts, brianlib's `brian::SiteDraws`).
   */
  readonly random?: boolean;
  /** Implementation for the JS printer: a call to a helper of the JS runtime prelude (`_brian.exprel`). */
  readonly js: string;
  /** Implementation for the C++ printer (a function in brianlib or <cmath>). */
  readonly cpp: string;
  /**
   * User functions: the JavaScript function the runtime device hands to kernels (reached as
   * `_user["name"]`, the `js` field), and the C++ code a standalone build compiles in.
   */
  readonly user?: {
    readonly js?: (...args: number[]) => number;
    readonly cpp?: UserCppImplementation;
  };
  /**
   * A function printed from templates instead of as a call of `js`/`cpp` (TimedArray lookups,
   * BinomialFunction): it may read device arrays. When present, printers use it and ignore
   * `js`/`cpp`.
   */
  readonly inline?: InlineImplementation;
  /**
   * Whether a call with `t` as argument keeps one value over a whole step of `dt` seconds, so
   * that integrators may treat it as constant (Brian's `is_locally_constant`: a TimedArray whose
   * dt is a multiple of the group's). Absent: never.
   */
  readonly isLocallyConstant?: (dt: number) => boolean;
  /**
   * A few arithmetic operations and no side effects (abs, floor, timestep…): a logical operator
   * whose operands call only such functions is evaluated without short-circuit (see
   * ir/eager-logic.ts).
   */
  readonly cheap?: boolean;
}

/** What a function template may refer to in the kernel it is printed into. */
export interface TemplateContext {
  /** The kernel's local holding the data of device array `arrayId` (JS: `_ptr_<id>`). */
  ptr(arrayId: string): string;
  /** The kernel's time step in seconds, as an expression (the local `dt` of the running object's clock). */
  readonly dt: string;
  /** A random function's call site: the local holding its draws (`_r3`: `.rand()`, `.randn()`). */
  readonly random?: string;
}

/**
 * The data and code of an inline function. Templates receive the printed arguments; each
 * argument text appears exactly once in the result (an argument may call rand()). Every kernel
 * calling the function binds its arrays like the kernel's own.
 */
export interface InlineImplementation {
  /** Device arrays the function reads, with their contents (a device that lacks them copies these). */
  readonly arrays: readonly FunctionArray[];
  /** JavaScript expression for a call (`Math` and `_brian` are in scope, a random function's draws as `ctx.random`). */
  readonly js: (args: readonly string[], ctx: TemplateContext) => string;
  /** C++ expression for a call; it may use the definitions of `cppSupport`. */
  readonly cpp: (args: readonly string[], ctx: TemplateContext) => string;
  /** C++ definitions the `cpp` expression needs; identical for identical code, so it can be deduplicated. */
  readonly cppSupport?: string;
}

/** A device array read by an inline function (its values stay fixed during runs). */
export interface FunctionArray {
  readonly arrayId: string;
  readonly type: ScalarType;
  readonly values: Float64Array | Int32Array;
}

/** C++ implementation of a user function (Brian's `@implementation('cpp', …)`). */
export interface UserCppImplementation {
  /** Source defining the function (same name as the user function). */
  readonly code: string;
  readonly headers?: readonly string[];
  readonly sources?: readonly string[];
  readonly libraries?: readonly string[];
  readonly includeDirs?: readonly string[];
  readonly libraryDirs?: readonly string[];
  /** Directories searched for shared libraries when the program runs (linked as rpath). */
  readonly runtimeLibraryDirs?: readonly string[];
  readonly defineMacros?: Readonly<Record<string, string | number>>;
}

const same = (args: readonly Dimension[]) => args[0];
const dimensionless = () => DIMENSIONLESS;

function math(name: string, js: string, cpp = name): FunctionDef {
  return {
    name,
    argDims: [DIMENSIONLESS],
    resultDim: dimensionless,
    resultType: 'float',
    stateful: false,
    js,
    cpp,
  };
}

const rows: FunctionDef[] = [
  // Not Math.exp: a table-driven exp, identical in both devices and ~2× faster (core/math/exp.ts).
  math('exp', '_brian.exp', '_brian_exp'),
  // Not Math.log: brian-ts's own, identical in every device (core/math/log.ts).
  math('log', '_brian.log', '_brian_log'),
  math('log10', 'Math.log10'),
  math('expm1', 'Math.expm1'),
  math('log1p', 'Math.log1p'),
  math('exprel', '_brian.exprel', '_brian_exprel'),
  math('sin', 'Math.sin'),
  math('cos', 'Math.cos'),
  math('tan', 'Math.tan'),
  math('sinh', 'Math.sinh'),
  math('cosh', 'Math.cosh'),
  math('tanh', 'Math.tanh'),
  math('arcsin', 'Math.asin', 'asin'),
  math('arccos', 'Math.acos', 'acos'),
  math('arctan', 'Math.atan', 'atan'),
  {
    name: 'sqrt',
    argDims: ['any'],
    resultDim: (args) => args[0].pow(0.5),
    resultType: 'float',
    stateful: false,
    js: 'Math.sqrt',
    cpp: 'sqrt',
  },
  {
    name: 'abs',
    cheap: true,
    argDims: ['any'],
    resultDim: same,
    resultType: 'highest',
    stateful: false,
    js: 'Math.abs',
    cpp: '_brian_abs',
  },
  {
    name: 'sign',
    cheap: true,
    argDims: ['any'],
    resultDim: dimensionless,
    resultType: 'highest',
    stateful: false,
    js: 'Math.sign',
    cpp: '_brian_sign',
  },
  {
    name: 'floor',
    cheap: true,
    argDims: ['any'],
    resultDim: same,
    resultType: 'float',
    stateful: false,
    js: 'Math.floor',
    cpp: 'floor',
  },
  {
    name: 'ceil',
    cheap: true,
    argDims: ['any'],
    resultDim: same,
    resultType: 'float',
    stateful: false,
    js: 'Math.ceil',
    cpp: 'ceil',
  },
  {
    name: 'clip',
    cheap: true,
    argDims: ['any', { sameAs: 0 }, { sameAs: 0 }],
    resultDim: same,
    resultType: 'highest',
    stateful: false,
    js: '_brian.clip',
    cpp: '_brian_clip',
  },
  {
    name: 'int',
    cheap: true,
    argDims: [DIMENSIONLESS],
    resultDim: dimensionless,
    resultType: 'integer',
    argTypes: ['any'],
    stateful: false,
    js: '_brian.int',
    cpp: '_brian_int',
  },
  {
    name: 'rand',
    argDims: [],
    resultDim: dimensionless,
    resultType: 'float',
    stateful: true,
    random: true,
    js: 'rand',
    cpp: 'rand',
  },
  {
    name: 'randn',
    argDims: [],
    resultDim: dimensionless,
    resultType: 'float',
    stateful: true,
    random: true,
    js: 'randn',
    cpp: 'randn',
  },
  {
    name: 'poisson',
    argDims: [DIMENSIONLESS],
    resultDim: dimensionless,
    resultType: 'integer',
    stateful: true,
    random: true,
    js: 'poisson',
    cpp: 'poisson',
  },
];

/** Functions filled in by the compiler because they need the clock: `timestep(t, dt)`. */
export const TIMESTEP_FUNCTION: FunctionDef = {
  name: 'timestep',
  cheap: true,
  argDims: [], // checked specially: both arguments in seconds (see 2-analyze/dimensions.ts)
  resultDim: dimensionless,
  resultType: 'integer',
  stateful: false,
  js: '_brian.timestep',
  cpp: '_brian_timestep',
};

export const DEFAULT_FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  [...rows, TIMESTEP_FUNCTION].map((f) => [f.name, f]),
);

/** Constants every expression may use (Brian's DEFAULT_CONSTANTS). */
export const DEFAULT_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
  ['inf', Number.POSITIVE_INFINITY],
]);
