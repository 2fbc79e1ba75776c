import type { Kernel } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import type { ThresholdParams } from '../js/kernels/threshold.ts';
import { type WasmKernel, wasmObstacle } from './generate-kernel.ts';
import { accessIndex, LaneTyper, Unsupported } from './lane-types.ts';
import { OP, SIMD } from './simd-ops.ts';
import { stateupdate } from './state-update.ts';
import { VectorCode, type WasmArrayPlace } from './vector-code.ts';

/**
 * A group's state update and, in the same loop, its threshold: for each pair of neurons the
 * update's statements and stores, then the threshold's condition on the values just computed
 * (taken from the update's lanes, not read back), and only where a lane crosses, the scalar
 * bookkeeping of the JavaScript threshold kernel (js/kernels/threshold.ts): the index appended
 * to the spike space and, with refractoriness, `not_refractory = false`, `lastspike = t`.
 *
 * The separate threshold read the group's state again after the update had streamed all of it
 * (CUBA 64000: 0.32 of 1.3 s per biological second on JavaScript kernels). In one loop the
 * condition costs a comparison on values in registers.
 *
 * Same results as the two kernels one after the other, to the bit: the state updater offers the
 * pair only when every runner scheduled between them commutes with the threshold (touches none
 * of its arrays: groups/runners/state-updater.ts, `absorbLater`); every access here is the
 * element's own (or a shared value neither kernel writes), so neuron i's threshold sees what it
 * would have seen after the whole update; events are appended in neuron order.
 */

/**
 * The most vector locals (v128) the update's loop may have, the threshold's included, for the
 * threshold to join it. Measured on V8 (Node 20), runtime device, 64000 neurons, interleaved
 * runs: CUBA's loop (21 vectors) fused ran ×0.85 against the two kernels; COBAHH's (50: ten
 * exp(), each with temporaries) ran ×1.02 to ×1.04, the threshold being 1.6 % of its step there,
 * and the larger loop slower (bench/README.md, Improvements, 2026-12-07).
 */
const MAX_VECTORS = 32;

/** Why `threshold` cannot join `update`'s SIMD loop, or undefined. */
export function updateThresholdObstacle(update: Kernel, threshold: Kernel): string | undefined {
  const alone = wasmObstacle(update);
  if (alone !== undefined) return `the state update: ${alone}`;
  if (threshold.kind !== 'threshold') return `kind ${threshold.kind}`;
  const p = threshold.params as ThresholdParams;
  if (p.size !== stateupdate.count(update)) return 'another range of neurons';
  if (threshold.condition || threshold.extra) return 'a condition block';
  if (threshold.scalar.stores.length > 0 || threshold.vector.stores.length > 0) return 'the condition stores';
  if (randomSites(threshold).count > 0) return 'random numbers';
  for (const a of threshold.arrays.values()) if (a.dynamic) return `dynamic array ${a.arrayId}`;
  if (threshold.vector.types.get('_cond') !== 'boolean') return 'no boolean _cond';
  // Values the update writes may reach the threshold only through the element's own index.
  const written = new Set(update.vector.stores.map((s) => s.arrayId));
  for (const a of threshold.scalar.loads)
    if (written.has(a.arrayId)) return `${a.arrayId} read once per call`;
  try {
    new LaneTyper(threshold).check();
    for (const a of threshold.vector.loads)
      if (written.has(a.arrayId) && accessIndex(a) !== 'own') return `${a.arrayId} read as one shared value`;
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    throw e;
  }
  return undefined;
}

/**
 * For each array the update reads or writes at the element's own index, the local that holds
 * what memory holds after its stores: the stored local, or the loaded one if no statement
 * assigns it.
 */
function memoryAfterUpdate(update: Kernel): Map<string, string> {
  const v = update.vector;
  const assigned = new Set(v.statements.map((s) => s.name));
  const forwards = new Map<string, string>();
  for (const a of v.loads)
    if (accessIndex(a) === 'own' && !assigned.has(a.local)) forwards.set(a.arrayId, a.local);
  for (const a of v.stores) if (accessIndex(a) === 'own') forwards.set(a.arrayId, a.local);
  return forwards;
}

/**
 * The module for a pair {@link updateThresholdObstacle} accepts. `threshold`'s locals must not
 * share a name with `update`'s (ir/rename-locals.ts); `cond` is its `_cond` as renamed.
 */
export function generateUpdateThreshold(
  update: Kernel,
  threshold: Kernel,
  cond: string,
  places: (arrayId: string) => WasmArrayPlace,
  pages: number,
  anySize = false,
): WasmKernel | { readonly obstacle: string } {
  const count = stateupdate.count(update);
  if (typeof count !== 'number') throw new Error(`internal: ${update.name} is not a SIMD kernel`);
  const typers = [new LaneTyper(update).check(), new LaneTyper(threshold).check()];
  const p = threshold.params as ThresholdParams;
  const code = new VectorCode(typers, places, count, p.refractory ? ['t'] : []);
  try {
    const events = places(p.eventspace);
    const refractory = p.refractory && {
      notRefractory: places(p.refractory.notRefractory),
      lastspike: places(p.refractory.lastspike),
    };
    for (const a of [events, refractory?.notRefractory, refractory?.lastspike])
      if (a && a.offset % 16 !== 0) throw new Error('internal: a threshold array is not aligned');
    if (events.length !== count + 1) throw new Unsupported(`${p.eventspace} has ${events.length} elements`);
    const forwards = memoryAfterUpdate(update);
    const n = code.local('i32');
    code.loopStart();
    code.compute(0, typers[0]);
    code.stores(0, typers[0]);
    const vectors = code.locals.filter((l) => l === 'v128').length;
    if (vectors > MAX_VECTORS && !anySize)
      throw new Unsupported(
        `the update's loop holds ${vectors} vectors (more than ${MAX_VECTORS}: slower fused)`,
      );
    code.compute(0, typers[1], forwards);
    code.get(code.slot(cond)).simd(SIMD.v128AnyTrue);
    code.b.byte(OP.if, 0x40);
    for (let lane = 0; lane < 2; lane++) {
      // The 32 low bits of the lane's 64-bit mask; lane 1 of the last pair may be padding.
      code.get(code.slot(cond)).simd(SIMD.i32x4ExtractLane);
      code.b.byte(2 * lane);
      if (lane === 1 && count % 2 === 1) {
        code.get(code.i).i32(count - 1);
        code.b.byte(OP.i32LtU, OP.i32And);
      }
      code.b.byte(OP.if, 0x40);
      code.get(n).i32(2);
      code.b.byte(OP.i32Shl);
      code.get(code.i).i32(lane);
      code.b.byte(OP.i32Add, OP.i32Store);
      code.memarg(2, events.offset);
      code.get(n).i32(1);
      code.b.byte(OP.i32Add);
      code.set(n);
      if (refractory) {
        code.get(code.i).i32(0);
        code.b.byte(OP.i32Store8);
        code.memarg(0, refractory.notRefractory.offset + lane);
        code.get(code.byteOffset).get(code.param('t'));
        code.b.byte(OP.f64Store);
        code.memarg(3, refractory.lastspike.offset + 8 * lane);
      }
      code.b.byte(OP.end);
    }
    code.b.byte(OP.end);
    code.loopEnd();
    code.i32(0).get(n);
    code.b.byte(OP.i32Store);
    code.memarg(2, events.offset + 4 * count);
  } catch (e) {
    if (e instanceof Unsupported) return { obstacle: e.message };
    throw e;
  }
  return { bytes: code.module(pages), args: code.args, count };
}
