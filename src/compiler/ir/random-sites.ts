import type { Expr } from '../1-parse/ast.ts';
import { walk } from '../1-parse/expr-utils.ts';
import type { CodeBlock, Kernel } from './kernel.ts';

/**
 * The call sites of a kernel that draw random numbers (`rand()`, `randn()`, `poisson()`, binomial
 * functions: the rows marked `random`), numbered in one fixed order (scalar block, condition,
 * vector, then extra blocks by name, statements in order, calls in pre-order), so that every
 * target gives a site the same number and so the same random numbers (core/random/site-draws.ts).
 * Skeleton draws (synapse creation's sampling and `p`) come after, numbered by `skeletonSite`.
 */
export interface RandomSites {
  /** The site of each drawing call node. */
  readonly of: ReadonlyMap<Expr, number>;
  /** Sites called in the scalar block: they draw once per invocation, outside any element. */
  readonly scalar: readonly number[];
  /** Sites called per element (every block but the scalar one, and the skeleton's own). */
  readonly element: readonly number[];
  /** All sites. */
  readonly count: number;
}

/** Draws a kernel skeleton makes itself (not calls in user code). */
export type SkeletonDraw = 'sample' | 'p';

const cache = new WeakMap<Kernel, RandomSites>();

export function randomSites(kernel: Kernel): RandomSites {
  const known = cache.get(kernel);
  if (known) return known;
  const of = new Map<Expr, number>();
  const random = new Set([...kernel.functions].filter((f) => f.random).map((f) => f.name));
  const number = (block: CodeBlock | undefined, into: number[]) => {
    if (!block) return;
    for (const s of block.statements) {
      walk(s.value, (node) => {
        if (node.kind === 'Call' && random.has(node.callee) && !of.has(node)) {
          of.set(node, of.size);
          into.push(of.size - 1);
        }
      });
    }
  };
  const scalar: number[] = [];
  const element: number[] = [];
  number(kernel.scalar, scalar);
  number(kernel.condition, element);
  number(kernel.vector, element);
  for (const name of Object.keys(kernel.extra ?? {}).sort()) number(kernel.extra?.[name], element);
  const skeleton = skeletonDraws(kernel);
  for (let k = 0; k < skeleton.length; k++) element.push(of.size + k);
  const sites: RandomSites = { of, scalar, element, count: of.size + skeleton.length };
  cache.set(kernel, sites);
  return sites;
}

/** The site of a draw the skeleton makes itself. */
export function skeletonSite(kernel: Kernel, draw: SkeletonDraw): number {
  const k = skeletonDraws(kernel).indexOf(draw);
  if (k < 0) throw new Error(`internal: kernel ${kernel.name} makes no ${draw} draw`);
  return randomSites(kernel).of.size + k;
}

/** Synapse creation draws to sample candidates (geometric jumps, selection sampling) and for `p`. */
function skeletonDraws(kernel: Kernel): SkeletonDraw[] {
  if (kernel.kind !== 'synapses_create_generator') return [];
  const p = kernel.params as {
    generator?: { kind: string; p?: string; size?: string };
    p?: string | number;
  };
  const draws: SkeletonDraw[] = [];
  const g = p.generator;
  if (g && g.kind === 'sample' && (g.p !== undefined || g.size !== undefined)) draws.push('sample');
  if (p.p !== undefined && p.p !== 1) draws.push('p');
  return draws;
}
