import type { TypedArray } from '../runtime/arrays.ts';

/**
 * Values of the standalone device's arrays known before the program runs (Brian's
 * `array_cache`): an array's initial values, updated by assignments of literal values, forgotten
 * as soon as recorded code may write it (a kernel call, connect(), a run). Lets scripts read
 * values they set themselves (`G.x = [1, 2]; G.x.mul(2)`) before `run()`, as in Brian.
 */
export class KnownValues {
  private readonly known = new Map<string, TypedArray>();

  /** The array starts with these values (a copy is kept). */
  start(arrayId: string, data: TypedArray): void {
    this.known.set(arrayId, data.slice());
  }

  /** A literal assignment: `write` applies it to the known values, if they are known. */
  update(arrayId: string, write: (data: TypedArray) => void): void {
    const data = this.known.get(arrayId);
    if (data) write(data);
  }

  forget(arrayIds: Iterable<string>): void {
    for (const id of arrayIds) this.known.delete(id);
  }

  forgetAll(): void {
    this.known.clear();
  }

  get(arrayId: string): TypedArray | undefined {
    return this.known.get(arrayId);
  }
}
