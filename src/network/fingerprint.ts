import type { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import type { BrianObject } from './brian-object.ts';
import { clocksOf, hasState, relativeKey } from './snapshot.ts';

/**
 * A 64-bit content hash (two 32-bit lanes of a multiply-xorshift mix, 16 hex digits) of strings
 * and typed arrays: what tells a checkpoint's run from another (network/checkpoint.ts). Not
 * cryptographic; an accidental collision between two runs is a 1 in 2^64 event.
 */
export class ContentHash {
  private a = 0x9e3779b9 | 0;
  private b = 0x85ebca6b | 0;

  /** Feeds a string (its UTF-16 code units, then its length, so that "ab","c" differs from "a","bc"). */
  text(s: string): this {
    for (let k = 0; k < s.length; k++) this.word(s.charCodeAt(k));
    return this.word(s.length);
  }

  /** Feeds the bytes of a typed array (words of 4 bytes when aligned), then its byte length. */
  bytes(view: ArrayBufferView): this {
    const { buffer, byteOffset, byteLength } = view;
    if (byteOffset % 4 === 0) {
      const words = new Int32Array(buffer, byteOffset, byteLength >> 2);
      for (let k = 0; k < words.length; k++) this.word(words[k]);
    }
    const bytes = new Uint8Array(buffer, byteOffset, byteLength);
    for (let k = byteOffset % 4 === 0 ? byteLength & ~3 : 0; k < byteLength; k++) this.word(bytes[k]);
    return this.word(byteLength);
  }

  /** The hash of what was fed, as 16 hex digits. */
  digest(): string {
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
    return hex(finalMix(this.a ^ Math.imul(this.b, 0x27d4eb2f))) + hex(finalMix(this.b ^ this.a));
  }

  private word(x: number): this {
    this.a = Math.imul(this.a ^ x, 0x2c1b3c6d);
    this.a ^= this.a >>> 15;
    this.b = Math.imul(this.b ^ x, 0x297a2d39) + 0x6b43a9b5;
    this.b ^= this.b >>> 13;
    return this;
  }
}

function finalMix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Feeds what store() would keep of `objects` (every state array with its length, the state kept
 * outside arrays, the clocks; by object name, in name order) and the random state.
 */
export function hashState(hash: ContentHash, device: RuntimeDevice, objects: readonly BrianObject[]): void {
  const withState = objects.filter(hasState).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  for (const o of withState) {
    hash.text(o.name);
    for (const id of o.stateArrays()) {
      const a = device.array(id);
      hash.text(relativeKey(o, id)).text(a.view().constructor.name).bytes(a.view());
    }
    hash.text(JSON.stringify(o.saveState() ?? null));
    hash.text(JSON.stringify(clocksOf(o).map((c) => c.saveState())));
  }
  hash.text(JSON.stringify(device.draws.getState()));
}

/**
 * Feeds the kernels of the run's active objects (equations, parameters and constants are
 * written into them; generated when the objects prepared), by kernel name. Array ids in them
 * start with each object's storage key, which is the object's name in the first build of a
 * model in a process and `name__2`, `name__3`… in later builds (network/names.ts): the keys are
 * written back as names, so that a model built again after `startScope()` has the code of its
 * first build, as in a fresh process.
 */
export function hashCode(hash: ContentHash, device: RuntimeDevice, objects: readonly BrianObject[]): void {
  const kernels = new Set<string>();
  for (const o of objects) {
    if (!o.active) continue;
    for (const r of o.runners()) {
      const kernel = (r as { kernel?: { name: string } }).kernel;
      if (kernel && device.kernelText.has(kernel.name)) kernels.add(kernel.name);
    }
  }
  const renamed = objects
    .filter((o) => o.storage !== undefined && o.storage !== o.name)
    .map((o) => [new RegExp(`${o.storage}(?![0-9])`, 'g'), o.name] as const);
  for (const name of [...kernels].sort()) {
    let text = device.kernelText.get(name)!;
    for (const [storage, objectName] of renamed) text = text.replace(storage, objectName);
    hash.text(name).text(text);
  }
}
