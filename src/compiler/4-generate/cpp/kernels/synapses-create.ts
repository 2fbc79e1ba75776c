import type { Kernel } from '../../../ir/kernel.ts';
import { skeletonSite } from '../../../ir/random-sites.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { MAX_SYNAPSES, type SynapsesCreateParams } from '../../js/kernels/synapses-create.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { cppLocal } from '../names.ts';
import { stopExpr } from './loops.ts';

/**
 * Synapse creation, the same algorithm (and the same random draws, in the same order) as the
 * JavaScript emitter: candidates from all targets or a generator, the condition, probability p,
 * n synapses per selected pair. Jumps of `sample(p=…)` are computed in doubles as in JavaScript.
 */
export function synapses_create_generator(
  w: CodeWriter,
  kernel: Kernel<SynapsesCreateParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  const g = p.generator;
  const L = (name: string | number) => (typeof name === 'number' ? String(name) : cppLocal(name));
  w.line(`auto& _outer = ${ctx.array(p.outerArray).name};`);
  w.line(`auto& _inner = ${ctx.array(p.innerArray).name};`);
  if (p.pairs) {
    const [pre, post] = [ctx.array(p.pairs.pre).name, ctx.array(p.pairs.post).name];
    w.block(`for (int32_t _m = 0; _m < ${p.pairs.count}; _m++)`, () => {
      emitElementDraws(w, kernel, '_m');
      if (p.p !== undefined && p.p !== 1)
        w.line(`if (!(_r${skeletonSite(kernel, 'p')}.rand() < ${L(p.p)})) continue;`);
      w.block(`for (int32_t _c = 0; _c < ${L(p.n ?? 1)}; _c++)`, () => {
        if (ctx.localSynapses) w.line(`if (!(${ctx.localSynapses.keep(`${post}[_m]`)})) continue;`);
        w.line(`_outer.push_back(${pre}[_m]);`);
        w.line(`_inner.push_back(${post}[_m]);`);
      });
    });
    return;
  }
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line(`const int32_t _outer_size = ${stopExpr(p.outerSize, ctx)};`);
  w.line(`const int32_t _inner_size = ${stopExpr(p.innerSize, ctx)};`);
  w.block(`for (int32_t _i = 0; _i < _outer_size; _i++)`, () => {
    const d1 = new Set(declared);
    w.line(`const int32_t ${L(p.outerIndexLocal)} = _i + ${p.outerOffset};`);
    d1.add(p.outerIndexLocal);
    emitElementDraws(w, kernel, '_i');
    if (kernel.extra?.perSource) emitBlock(w, kernel.extra.perSource, kernel, d1);
    const candidate = (body: () => void) => {
      if (!g) {
        w.block(`for (int32_t _j = 0; _j < _inner_size; _j++)`, body);
        return;
      }
      const v = L(g.variable);
      const [start, stop, step] = [L(g.start), L(g.stop), L(g.step)];
      // Python's range() and sample() refuse a zero step (the loop would never end).
      w.line(
        `if (${step} == 0) _brian_fail("bad_argument", "connect(): the step of range() or sample() must not be zero.");`,
      );
      if (g.kind === 'range' || (g.p === undefined && g.size === undefined)) {
        w.block(
          `for (int64_t ${v} = ${start}; (${step} > 0 ? ${v} < ${stop} : ${v} > ${stop}); ${v} += ${step})`,
          body,
        );
      } else if (g.p !== undefined) {
        // Geometric jumps between selected candidates (each kept with probability p).
        const prob = L(g.p);
        w.line(`const double _lp = _brian_log(1 - ${prob});`);
        w.line(`double ${v} = (double)${start} - ${step};`);
        w.block('for (;;)', () => {
          w.line(`if (${prob} <= 0) break;`);
          w.line(
            `${v} += ${step} * (${prob} >= 1 ? 1.0 : floor(_brian_log(_r${skeletonSite(kernel, 'sample')}.rand()) / _lp) + 1);`,
          );
          w.line(`if (!(${step} > 0 ? ${v} < ${stop} : ${v} > ${stop})) break;`);
          body();
        });
      } else {
        // Selection sampling (Knuth's algorithm S): exactly `size` distinct candidates.
        w.line(`const double _candidates = ceil((double)(${stop} - ${start}) / ${step});`);
        w.line('const double _total = _candidates > 0.0 ? _candidates : 0.0;');
        w.line(`double _needed = (double)${L(g.size!)};`);
        w.block('if (_needed < 0 || _needed > _total)', () => {
          // Brian: "Requested sample size … is negative / bigger than the population size".
          if (p.skipIfInvalid) w.line('_needed = _needed < 0 ? 0.0 : _total;');
          else
            w.block('', () => {
              w.line('char _message[200];');
              w.line(
                'std::snprintf(_message, sizeof _message, "connect(): the sample size %ld of element %ld is %s%ld.", (long)_needed, (long)_i, _needed < 0 ? "negative" : "bigger than the population size ", _needed < 0 ? 0L : (long)_total);',
              );
              w.line('_brian_fail("index_out_of_range", _message);');
            });
        });
        w.block('for (double _seen = 0; _seen < _total && _needed > 0; _seen++)', () => {
          w.line(`if (_r${skeletonSite(kernel, 'sample')}.rand() * (_total - _seen) >= _needed) continue;`);
          w.line('_needed--;');
          w.line(`const double ${v} = ${start} + _seen * ${step};`);
          body();
        });
      }
    };
    candidate(() => {
      const d2 = new Set(d1);
      const jValue = g ? L(g.element) : '_j';
      const rangeCheck = () => {
        if (!g) return;
        w.block(`if (${jValue} < 0 || ${jValue} >= _inner_size)`, () => {
          if (p.skipIfInvalid) w.line('continue;');
          else
            w.block('', () => {
              const why = p.conditionReadsCandidate
                ? ', and the condition refers to a postsynaptic variable'
                : '';
              w.line('char _message[240];');
              w.line(
                `std::snprintf(_message, sizeof _message, "connect(): index %ld outside allowed range from 0 to %ld${why}; use skipIfInvalid: true to ignore such synapses.", (long)${jValue}, (long)(_inner_size - 1));`,
              );
              w.line('_brian_fail("index_out_of_range", _message);');
            });
        });
      };
      if (g && kernel.extra?.element) emitBlock(w, kernel.extra.element, kernel, d2);
      if (p.conditionReadsCandidate) rangeCheck();
      w.line(`const int32_t ${L(p.innerIndexLocal)} = ${jValue} + ${p.innerOffset};`);
      d2.add(p.innerIndexLocal);
      if (kernel.condition) emitBlock(w, kernel.condition, kernel, d2);
      if (p.condition) w.line(`if (!(${L(p.condition)})) continue;`);
      if (!p.conditionReadsCandidate) rangeCheck();
      if (p.p !== undefined && p.p !== 1)
        w.line(`if (!(_r${skeletonSite(kernel, 'p')}.rand() < ${L(p.p)})) continue;`);
      // Synapses are numbered with int32 indices: refuse before pushing more than that.
      if (typeof p.n === 'string')
        w.block(`if (${L(p.n)} < 0)`, () => {
          w.line('char _message[200];');
          w.line(
            `std::snprintf(_message, sizeof _message, "connect(): n must not be negative, it is %lld.", (long long)${L(p.n as string)});`,
          );
          w.line('_brian_fail("bad_argument", _message);');
        });
      w.block(`if ((int64_t)${L(p.n ?? 1)} > ${MAX_SYNAPSES}LL - (int64_t)_outer.size())`, () => {
        w.line('char _message[200];');
        w.line(
          `std::snprintf(_message, sizeof _message, "connect(): %lld synapses per pair would make more than ${MAX_SYNAPSES} synapses.", (long long)${L(p.n ?? 1)});`,
        );
        w.line('_brian_fail("bad_argument", _message);');
      });
      w.block(`for (int32_t _m = 0; _m < ${L(p.n ?? 1)}; _m++)`, () => {
        if (ctx.localSynapses) {
          // The target is the inner element, or the outer one when the loop runs over targets.
          const post = p.outerArray.endsWith('_synaptic_post') ? '_i' : jValue;
          w.line(`if (!(${ctx.localSynapses.keep(post)})) continue;`);
        }
        w.line('_outer.push_back(_i);');
        w.line(`_inner.push_back(${jValue});`);
      });
    });
  });
}
