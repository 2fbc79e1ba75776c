import { CodeWriter } from '../../compiler/4-generate/code-writer.ts';
import { cppString, storageType } from '../../compiler/4-generate/cpp/names.ts';
import { arrayFileName } from './array-declarations.ts';
import { literalOf, uniformValue } from './cpp-values.ts';
import type { ArrayDecl } from './program.ts';

/**
 * The arrays part of `main.cpp`: every declared array (static arrays are allocated and given their
 * initial values by `_init_arrays`, from a data file when the values differ), the spike queues,
 * the random generator, writing every array to the results directory at the end, and setting
 * arrays from the command line (run_args).
 */
/** Files of initial values the program reads, by name under static_arrays/. */
export type DataFiles = Map<string, Uint8Array>;

export function arraysSource(
  decls: readonly ArrayDecl[],
  queues: readonly string[],
  files: DataFiles,
  /**
   * Arrays written to the results some other way (a distributed program's per-synapse arrays,
   * gathered), by C++ name, with the `brian::mpi::LocalSynapses` global of their synapses.
   */
  writtenApart: ReadonlyMap<string, string> = new Map(),
): string {
  const w = new CodeWriter();
  for (const d of decls) {
    const type = storageType(d.type);
    w.line(d.dynamic ? `std::vector<${type}> ${d.cppName};` : `${type}* ${d.cppName};`);
  }
  for (const q of queues) w.line(`brian::SpikeQueue ${q};`);
  w.line();
  w.block('void _init_arrays()', () => {
    for (const d of decls) {
      if (d.dynamic) continue;
      const type = storageType(d.type);
      w.line(`${d.cppName} = new ${type}[${d.size}]();`);
      const init = d.init;
      if (!init) continue;
      const uniform = uniformValue(init);
      if (uniform === 0 && !Object.is(uniform, -0)) continue;
      if (uniform !== undefined) {
        w.line(`std::fill(${d.cppName}, ${d.cppName} + ${d.size}, (${type})${literalOf(d.type, uniform)});`);
      } else {
        const file = `init_${arrayFileName(d.cppName)}`;
        files.set(file, new Uint8Array(init.buffer, init.byteOffset, init.byteLength).slice());
        w.line(`brian::set_values(${d.cppName}, ${d.size}, "static_arrays/${file}", "");`);
      }
    }
  });
  w.line();
  w.block('void _write_results(const std::string& dir)', () => {
    for (const d of latest(decls)) {
      if (writtenApart.has(d.cppName)) continue;
      const data = d.dynamic ? `${d.cppName}.data(), ${d.cppName}.size()` : `${d.cppName}, ${d.size}`;
      w.line(`brian::write_file(dir + ${cppString(`/${arrayFileName(d.cppName)}`)}, ${data});`);
    }
  });
  w.line();
  w.block(
    'bool _apply_run_arg(const std::string& name, long start, long stop, const std::string& value)',
    () => {
      for (const d of latest(decls)) {
        w.block(`if (name == ${cppString(d.cppName)})`, () => {
          const local = writtenApart.get(d.cppName);
          if (local !== undefined) {
            // Each MPI process holds only its own synapses: it sets those among the global numbers.
            w.line(`brian::mpi::set_run_arg_global(${d.cppName}, ${local}, start, stop, name, value);`);
          } else if (d.dynamic) {
            w.line(`if (stop < 0) stop = (long)${d.cppName}.size();`);
            w.line(`brian::set_run_arg(${d.cppName}.data(), start, stop, name, value);`);
          } else {
            w.line(`if (stop < 0) stop = ${d.size};`);
            w.line(`brian::set_run_arg(${d.cppName}, start, stop, name, value);`);
          }
          w.line('return true;');
        });
      }
      w.line('return false;');
    },
  );
  return w.toString();
}

/** The current declaration of each array id (earlier allocations of the same id are not results). */
export function latest(decls: readonly ArrayDecl[]): ArrayDecl[] {
  const byId = new Map<string, ArrayDecl>();
  for (const d of decls) byId.set(d.id, d);
  return [...byId.values()];
}
