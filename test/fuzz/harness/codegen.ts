import type { Kernel } from '../../../src/compiler/ir/kernel.ts';
import { resetDevice } from '../../../src/devices/active.ts';
import type { KernelCalls } from '../../../src/devices/device.ts';
import { DynamicArray } from '../../../src/devices/runtime/arrays.ts';
import type { RuntimeDevice } from '../../../src/devices/runtime/runtime-device.ts';
import { ArrayDeclarations } from '../../../src/devices/standalone/array-declarations.ts';
import { KernelCompiler } from '../../../src/devices/standalone/kernel-compiler.ts';
import { supportHeader } from '../../../src/devices/standalone/support-files.ts';
import { BrianError } from '../../../src/diagnostics/diagnostic.ts';

/**
 * Every fuzz case runs on a fresh runtime device with JavaScript kernels (whatever
 * $BRIAN_RUNTIME_TARGET says) whose kernels are recorded as they are compiled; afterwards each
 * is also printed as C++ by the standalone device's kernel compiler (not compiled: g++ takes
 * seconds; a few compiled cases are in compiled.test.ts). Both sources go to the injection scan.
 */
export interface RecordingDevice {
  readonly device: RuntimeDevice;
  readonly kernels: { kernel: Kernel; calls: KernelCalls }[];
}

export function recordingDevice(): RecordingDevice {
  const device = resetDevice({ target: 'js' });
  const kernels: RecordingDevice['kernels'] = [];
  const compile = device.compile.bind(device);
  device.compile = (kernel, calls) => {
    kernels.push({ kernel, calls });
    return compile(kernel, calls);
  };
  return { device, kernels };
}

/** The JavaScript kernels the case compiled (and ran). */
export function jsSources(recording: RecordingDevice): string[] {
  return [...recording.device.sources.values()];
}

/**
 * The recorded kernels as the C++ standalone device would print them, arrays declared as it
 * declares them. A kernel kind the C++ target does not print (spike pushing and array connects
 * are done by brianlib) is the coded `not_available_on_device`, as there.
 */
export function cppSources(recording: RecordingDevice): string[] {
  const decls = new ArrayDeclarations();
  const declared = (id: string) => {
    if (!decls.has(id)) {
      const array = recording.device.arrays.get(id);
      if (!array) throw new Error(`internal: kernel array ${id} is not on the device`);
      decls.declare(id, array.type, array instanceof DynamicArray, array.length);
    }
    return decls.get(id);
  };
  const compiler = new KernelCompiler(declared, true, false, (name) => recording.device.draws.stream(name));
  const out: string[] = [];
  for (const { kernel, calls } of recording.kernels) {
    try {
      const fn = compiler.compile(kernel, calls);
      out.push(fn.source, ...fn.support.map(supportHeader));
    } catch (e) {
      if (e instanceof BrianError && e.code === 'not_available_on_device') continue;
      throw e;
    }
  }
  return out;
}
