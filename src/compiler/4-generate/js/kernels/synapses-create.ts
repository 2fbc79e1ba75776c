import type { Kernel } from '../../../ir/kernel.ts';
import { skeletonSite } from '../../../ir/random-sites.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { jsString } from '../escape.ts';

/**
 * Parameters of synapse creation. Roles are named for `j=`-style creation: the outer loop runs
 * over "source" elements `_i`, candidates `_j` are all targets or come from a generator. For
 * `i=`-style generators the caller swaps the roles and the pushed arrays.
 */
export interface SynapsesCreateParams {
  readonly outerSize: number;
  readonly innerSize: number;
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
  /** Locals from the condition block, or constants. */
  readonly condition?: string;
  readonly p?: string | number;
  readonly n?: string | number;
  readonly skipIfInvalid: boolean;
}

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
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block(`for (let _i = 0; _i < ${p.outerSize}; _i++)`, () => {
    const d1 = new Set(declared);
    w.line(`const ${p.outerIndexLocal} = _i + ${p.outerOffset};`);
    d1.add(p.outerIndexLocal);
    // Every draw for this source (user code, sampling, p) is keyed by it: the same synapses
    // whichever device, thread or process creates them.
    emitElementDraws(w, kernel, '_i');
    if (kernel.extra?.perSource) emitBlock(w, kernel.extra.perSource, kernel, d1);
    const candidate = (body: () => void) => {
      if (!g) {
        w.block(`for (let _j = 0; _j < ${p.innerSize}; _j++)`, body);
        return;
      }
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
        w.line(`let _needed = Math.min(${g.size}, _total);`);
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
      if (g) {
        // The element expression maps the iteration variable to the candidate index.
        if (kernel.extra?.element) emitBlock(w, kernel.extra.element, kernel, d2);
        w.block(`if (${jValue} < 0 || ${jValue} >= ${p.innerSize})`, () => {
          if (p.skipIfInvalid) w.line('continue;');
          else
            w.line(
              `throw new RangeError('index ' + ${jValue} + ' is outside 0…${p.innerSize - 1}; use skipIfInvalid: true to ignore such synapses');`,
            );
        });
      }
      w.line(`const ${p.innerIndexLocal} = ${jValue} + ${p.innerOffset};`);
      d2.add(p.innerIndexLocal);
      if (kernel.condition) emitBlock(w, kernel.condition, kernel, d2);
      if (p.condition) w.line(`if (!(${p.condition})) continue;`);
      if (p.p !== undefined && p.p !== 1)
        w.line(`if (!(_r${skeletonSite(kernel, 'p')}.rand() < ${p.p})) continue;`);
      const n = p.n ?? 1;
      w.block(`for (let _m = 0; _m < ${n}; _m++)`, () => {
        w.line('_outer.push(_i);');
        w.line(`_inner.push(${jValue});`);
      });
    });
  });
}
