import { readFileSync } from 'node:fs';
import { MpiStandaloneDevice } from '../devices/mpi/mpi-device.ts';
import { NativeKernels } from '../devices/runtime/native/native-kernels.ts';
import { tuneV8ForKernels, withoutOsr } from '../devices/runtime/v8-tuning.ts';
import { CppStandaloneDevice } from '../devices/standalone/cpp-standalone-device.ts';
import { openFileCheckpoint } from '../network/checkpoint.ts';
import { readSnapshotFile, writeSnapshotFile } from '../network/snapshot-file.ts';
import { installPlatform } from './platform.ts';

/**
 * The Node.js platform: environment switches from `process.env`, reports to the process's
 * streams, V8 tuning, g++-compiled runtime kernels, the C++ standalone device and snapshot
 * files. Installed as a side effect of importing this module, which only the Node entry
 * (`src/node.ts`) does, so a bundle for the browser never sees `node:*`.
 */
installPlatform({
  env: (name) => process.env[name],
  write(stream, text) {
    (stream === 'stderr' ? process.stderr : process.stdout).write(text);
  },
  tuneForKernels: tuneV8ForKernels,
  runStepLoop: withoutOsr,
  nativeKernels: (arrays, draws, threads) => new NativeKernels(arrays, draws, threads),
  // With `mpi`, the same program runs as several MPI processes (devices/mpi).
  standaloneDevice: (options) =>
    options.mpi !== undefined
      ? new MpiStandaloneDevice({ ...options, mpi: options.mpi })
      : new CppStandaloneDevice(options),
  snapshotFiles: { read: readSnapshotFile, write: writeSnapshotFile },
  checkpoints: openFileCheckpoint,
  readTextFile: (filename) => readFileSync(filename, 'utf8'),
});
