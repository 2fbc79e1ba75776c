import type { CppStandaloneDevice } from '../../src/devices/standalone/cpp-standalone-device.ts';
import { setDevice } from '../../src/node.ts';

/**
 * The `--device` option of the benchmark examples: `runtime` (JavaScript kernels),
 * `runtime_cpp` (the runtime device with its per-step kernels compiled by g++) or
 * `cpp_standalone` (a generated C++ program); returns the standalone device when chosen.
 */
export function selectExampleDevice(args: {
  device?: string;
  project?: string;
  'fast-math'?: boolean;
  threads?: string;
}): CppStandaloneDevice | undefined {
  switch (args.device ?? 'runtime') {
    case 'runtime':
      return undefined;
    case 'runtime_cpp':
      setDevice('runtime', { target: 'cpp' });
      return undefined;
    case 'cpp_standalone':
      return setDevice('cpp_standalone', {
        directory: args.project,
        fastMath: args['fast-math'],
        threads: Number(args.threads ?? 0),
      });
    default:
      console.error(`--device must be runtime, runtime_cpp or cpp_standalone, not "${args.device}"`);
      process.exit(2);
  }
}
