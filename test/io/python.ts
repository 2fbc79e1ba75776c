/**
 * The Python that reads exported files back in the tests: `/usr/bin/python3` (Debian's, where CI
 * installs python3-numpy and python3-h5py) or `$BRIAN_TS_PYTHON`. Tests skip, saying why, only when
 * no such Python with numpy (or h5py for HDF5) exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON =
  process.env.BRIAN_TS_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

function has(module: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** `false`, or why the numpy read-back tests are skipped. */
export const skipUnlessNumpy = has('numpy')
  ? false
  : `${PYTHON} with numpy not found (CI installs python3-numpy)`;
/** `false`, or why the h5py read-back tests are skipped. */
export const skipUnlessH5py = has('h5py')
  ? false
  : `${PYTHON} with h5py not found (CI installs python3-h5py)`;

/** One exported array as numpy / h5py sees it. */
export interface PythonArray {
  readonly values: (number | boolean | string)[];
  readonly shape: number[];
  readonly dtype: string;
}

/** What test/io/read_back.py prints for a file. */
export interface ReadBack {
  readonly arrays: Record<string, PythonArray>;
  readonly units: Record<string, string>;
  readonly attrs: Record<string, Record<string, string>>;
  readonly header?: string[];
}

/** Reads `path` back with Python (`kind`: npz, hdf5, csv). */
export function readBack(kind: 'npz' | 'hdf5' | 'csv', path: string): ReadBack {
  const script = new URL('./read_back.py', import.meta.url).pathname;
  const result = spawnSync(PYTHON, [script, kind, path], {
    encoding: 'utf8',
    // A whole network's JSON (every synapse's arrays) is far beyond the 1 MB default.
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`read_back.py ${kind} ${path} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
