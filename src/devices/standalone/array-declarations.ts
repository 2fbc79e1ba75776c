import { createHash } from 'node:crypto';
import { mangleId } from '../../compiler/4-generate/cpp/names.ts';
import type { ScalarType } from '../../compiler/functions.ts';
import type { TypedArray } from '../runtime/arrays.ts';
import type { ArrayDecl } from './program.ts';

/**
 * The arrays a standalone program declares: each array id's current declaration, every
 * declaration ever made in order (an id allocated again, e.g. a monitor after a resize, gets a
 * new C++ array), and the C++ names, each used once.
 */
export class ArrayDeclarations {
  private readonly current = new Map<string, ArrayDecl>();
  private readonly list: ArrayDecl[] = [];
  private readonly cppNames = new Set<string>();

  /** Declares `id` (again): a fresh C++ name from the mangled id. */
  declare(id: string, type: ScalarType, dynamic: boolean, size: number, init?: TypedArray): void {
    const base = `${dynamic ? '_dynamic_array_' : '_array_'}${mangleId(id)}`;
    let cppName = base;
    for (let k = 2; this.cppNames.has(cppName); k++) cppName = `${base}_v${k}`;
    this.cppNames.add(cppName);
    const decl: ArrayDecl = { id, cppName, type, dynamic, size, init };
    this.current.set(id, decl);
    this.list.push(decl);
  }

  /** The current declaration of `id`; asking for an undeclared id is a bug of brian-ts. */
  get(id: string): ArrayDecl {
    const decl = this.current.get(id);
    if (!decl) throw new Error(`internal: no array ${id} declared on the cpp_standalone device`);
    return decl;
  }

  has(id: string): boolean {
    return this.current.has(id);
  }

  /** The current declaration of every id. */
  get byId(): ReadonlyMap<string, ArrayDecl> {
    return this.current;
  }

  /** Every declaration, in the order made (what the program defines). */
  get all(): readonly ArrayDecl[] {
    return this.list;
  }
}

/** Longest C++ array name used as it is in a file name (file systems take 255 bytes a name). */
const MAX_FILE_NAME = 120;

/**
 * The file name part for an array's data (initial values, results, run arguments): its C++ name,
 * or, for a name too long for a file system (names of objects and variables have no length limit),
 * its start and a hash of the whole.
 */
export function arrayFileName(cppName: string): string {
  if (cppName.length <= MAX_FILE_NAME) return cppName;
  const hash = createHash('sha256').update(cppName).digest('hex').slice(0, 16);
  return `${cppName.slice(0, MAX_FILE_NAME - 17)}_${hash}`;
}
