/**
 * The names of a kernel's locals: each one valid in JavaScript and C++ (characters outside
 * `[A-Za-z0-9_]` replaced, reserved words prefixed) and used once, with a counter appended
 * when the wanted name is taken.
 */
export class LocalNames {
  private readonly used = new Set<string>();

  /** Marks `name` as taken (the skeleton's locals, names as the user wrote them). */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** A new local name as close to `wanted` as the rules allow. */
  fresh(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
    if (RESERVED.has(base)) base = `_u_${base}`;
    let name = base;
    for (let k = 1; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }
}

const RESERVED = new Set(
  (
    'var let const new delete function class this case default switch typeof void with yield enum export import ' +
    'super extends static await package private public protected interface implements instanceof do catch finally ' +
    'throw try debugger arguments eval null undefined NaN Infinity Math break continue else return while true false'
  ).split(' '),
);
