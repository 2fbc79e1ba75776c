import type { Kernel } from '../../../ir/kernel.ts';
import { skeletonSite } from '../../../ir/random-sites.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { jsString } from '../escape.ts';
import { type RangeParams, stopExpr } from './loops.ts';

/**
 * Parameters of synapse creation. Roles are named for `j=`-style creation: the outer loop runs
 * over "source" elements `_i`, candidates `_j` are all targets or come from a generator. For
 * `i=`-style generators the caller swaps the roles and the pushed arrays.
 */
export interface SynapsesCreateParams {
  /** Numbers of outer and inner elements (Synapses on a standalone device: a dynamic array's length). */
  readonly outerSize: RangeParams['stop'];
  readonly innerSize: RangeParams['stop'];
  readonly outerOffset: number;
  readonly innerOffset: number;
  /** Locals the blocks read for the outer and inner element's storage index. */
  readonly outerIndexLocal: string;
  readonly innerIndexLocal: string;
  /** Dynamic arrays receiving the outer and inner index of each new synapse. */
  readonly outerArray: string;
  readonly innerArray: string;
  readonly generator?: {
    readonly kind: 'range' | 'sample';
    /** Locals computed by the perSource block. */
    readonly start: string;
    readonly stop: string;
    readonly step: string;
    /** sample(): the probability local or the size local. */
    readonly p?: string;
    readonly size?: string;
    /** The iteration variable's local (k). */
    readonly variable: string;
    /** Local holding the element expression's value (the candidate index). */
    readonly element: string;
  };
  /**
   * Explicit pairs (`connect({ i, j, p })`): static arrays of `count` source and target indices;
   * each pair is kept with probability `p`. No loop over groups, no generator, no condition.
   */
  readonly pairs?: { readonly pre: string; readonly post: string; readonly count: number };
  /** Locals from the condition block, or constants. */
  readonly condition?: string;
  /**
   * The condition reads variables of the candidate target: the candidate is range-checked
   * before the condition runs (Brian: "outside allowed range …, and the condition refers to a
   * post-synaptic variable"); otherwise the condition runs first and filters the candidates.
   */
  readonly conditionReadsCandidate?: boolean;
  readonly p?: string | number;
  readonly n?: string | number;
  readonly skipIfInvalid: boolean;
}

/** The most synapses one Synapses object can hold (indices are int32). */
export const MAX_SYNAPSES = 2147483647;

/** Synapse creation: visits candidate pairs, keeps those meeting the condition with probability p, n synapses each. */
export function synapses_create_generator(
  w: CodeWriter,
  kernel: Kernel<SynapsesCreateParams>,
  declared: Set<string>,
): void {
  const p = kernel.params;
  const g = p.generator;
  w.line(`const _outer = _arrays.get(${jsString(p.outerArray)});`);
  w.line(`const _inner = _arrays.get(${jsString(p.innerArray)});`);
  if (p.pairs) {
    w.line(`const _pairs_i = _arrays.get(${jsString(p.pairs.pre)}).data;`);
    w.line(`const _pairs_j = _arrays.get(${jsString(p.pairs.post)}).data;`);
    w.block(`for (let _m = 0; _m < ${p.pairs.count}; _m++)`, () => {
      // Each pair's draw is keyed by its position in the lists (the same pairs on every device).
      emitElementDraws(w, kernel, '_m');
      if (p.p !== undefined && p.p !== 1)
        w.line(`if (!(_r${skeletonSite(kernel, 'p')}.rand() < ${p.p})) continue;`);
      w.block(`for (let _c = 0; _c < ${p.n ?? 1}; _c++)`, () => {
        w.line('_outer.push(_pairs_i[_m]);');
        w.line('_inner.push(_pairs_j[_m]);');
      });
    });
    return;
  }
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line(`const _outer_size = ${stopExpr(p.outerSize)};`);
  w.line(`const _inner_size = ${stopExpr(p.innerSize)};`);
  w.block(`for (let _i = 0; _i < _outer_size; _i++)`, () => {
    const d1 = new Set(declared);
    w.line(`const ${p.outerIndexLocal} = _i + ${p.outerOffset};`);
    d1.add(p.outerIndexLocal);
    // Every draw for this source (user code, sampling, p) is keyed by it: the same synapses
    // whichever device, thread or process creates them.
    emitElementDraws(w, kernel, '_i');
    if (kernel.extra?.perSource) emitBlock(w, kernel.extra.perSource, kernel, d1);
    const candidate = (body: () => void) => {
      if (!g) {
        w.block(`for (let _j = 0; _j < _inner_size; _j++)`, body);
        return;
      }
      // Python's range() and sample() refuse a zero step (the loop would never end).
      w.line(
        `if (${g.step} === 0) _brian.fail('bad_argument', 'connect(): the step of range() or sample() must not be zero.');`,
      );
      if (g.kind === 'range' || (g.p === undefined && g.size === undefined)) {
        w.block(
          `for (let ${g.variable} = ${g.start}; (${g.step} > 0 ? ${g.variable} < ${g.stop} : ${g.variable} > ${g.stop}); ${g.variable} += ${g.step})`,
          body,
        );
      } else if (g.p !== undefined) {
        // Geometric jumps between selected candidates (each kept with probability p).
        w.line(`const _lp = _brian.log(1 - ${g.p});`);
        w.line(`let ${g.variable} = ${g.start} - ${g.step};`);
        w.block(`for (;;)`, () => {
          w.line(`if (${g.p} <= 0) break;`);
          w.line(
            `${g.variable} += ${g.step} * (${g.p} >= 1 ? 1 : Math.floor(_brian.log(_r${skeletonSite(kernel, 'sample')}.rand()) / _lp) + 1);`,
          );
          w.line(`if (!(${g.step} > 0 ? ${g.variable} < ${g.stop} : ${g.variable} > ${g.stop})) break;`);
          body();
        });
      } else {
        // Selection sampling (Knuth's algorithm S): exactly `size` distinct candidates.
        w.line(`const _total = Math.max(0, Math.ceil((${g.stop} - ${g.start}) / ${g.step}));`);
        w.line(`let _needed = ${g.size};`);
        w.block(`if (_needed < 0 || _needed > _total)`, () => {
          // Brian: "Requested sample size … is negative / bigger than the population size".
          if (p.skipIfInvalid) w.line('_needed = _needed < 0 ? 0 : _total;');
          else
            w.line(
              "throw new RangeError('the sample size ' + _needed + ' of element ' + _i + ' is ' + (_needed < 0 ? 'negative' : 'bigger than the population size ' + _total));",
            );
        });
        w.block(`for (let _seen = 0; _seen < _total && _needed > 0; _seen++)`, () => {
          w.line(`if (_r${skeletonSite(kernel, 'sample')}.rand() * (_total - _seen) >= _needed) continue;`);
          w.line('_needed--;');
          w.line(`const ${g.variable} = ${g.start} + _seen * ${g.step};`);
          body();
        });
      }
    };
    candidate(() => {
      const d2 = new Set(d1);
      const jValue = g ? g.element : '_j';
      const rangeCheck = () => {
        if (!g) return;
        w.block(`if (${jValue} < 0 || ${jValue} >= _inner_size)`, () => {
          if (p.skipIfInvalid) w.line('continue;');
          else {
            const why = p.conditionReadsCandidate
              ? ', and the condition refers to a postsynaptic variable'
              : '';
            w.line(
              `throw new RangeError('index ' + ${jValue} + ' outside allowed range from 0 to ' + (_inner_size - 1) + '${why}; use skipIfInvalid: true to ignore such synapses');`,
            );
          }
        });
      };
      // The element expression maps the iteration variable to the candidate index.
      if (g && kernel.extra?.element) emitBlock(w, kernel.extra.element, kernel, d2);
      if (p.conditionReadsCandidate) rangeCheck();
      w.line(`const ${p.innerIndexLocal} = ${jValue} + ${p.innerOffset};`);
      d2.add(p.innerIndexLocal);
      if (kernel.condition) emitBlock(w, kernel.condition, kernel, d2);
      if (p.condition) w.line(`if (!(${p.condition})) continue;`);
      if (!p.conditionReadsCandidate) rangeCheck();
      if (p.p !== undefined && p.p !== 1)
        w.line(`if (!(_r${skeletonSite(kernel, 'p')}.rand() < ${p.p})) continue;`);
      const n = p.n ?? 1;
      // Synapses are numbered with int32 indices: refuse before pushing more than that.
      if (typeof n === 'string')
        w.line(
          `if (${n} < 0) _brian.fail('bad_argument', 'connect(): n must not be negative, it is ' + ${n} + '.');`,
        );
      w.line(
        `if (${n} > ${MAX_SYNAPSES} - _outer.length) _brian.fail('bad_argument', 'connect(): ' + ${n} + ' synapses per pair would make more than ${MAX_SYNAPSES} synapses.');`,
      );
      w.block(`for (let _m = 0; _m < ${n}; _m++)`, () => {
        w.line('_outer.push(_i);');
        w.line(`_inner.push(${jValue});`);
      });
    });
  });
}
