/** A playground preset run in this Node process, as the page's worker runs it (the reference). */
import { run, runAsync } from '../../src/index.ts';
import { presetById } from '../../web/src/presets/index.ts';
import { buildPreset } from '../../web/src/presets/preset.ts';

export async function nodeRun(id: string, options: { seed: number; async?: boolean }) {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const { built, duration } = buildPreset(preset, { ...preset, seed: options.seed });
  const started = performance.now();
  if (options.async) await runAsync(duration);
  else run(duration);
  const seconds = (performance.now() - started) / 1000;
  const monitor = built.spikes!.monitor;
  const firstSpikes = [0, 1, 2].map((k) => [monitor.i[k], monitor.t_[k]] as const);
  return {
    spikes: monitor.num_spikes,
    seconds: seconds / duration.value,
    firstSpikes,
    /** The spike monitor's name: its arrays' prefix in the .npz and HDF5 downloads. */
    monitorName: monitor.name,
  };
}
