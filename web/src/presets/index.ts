import { audio } from './audio.ts';
import { cobahh } from './cobahh.ts';
import { cuba } from './cuba.ts';
import type { Preset } from './preset.ts';
import { pyloric } from './pyloric.ts';
import { smoothPursuit } from './smooth-pursuit.ts';
import { threshold } from './threshold.ts';
import { tutorial } from './tutorial.ts';

/** The playground's models, in the order of its list. */
export const PRESETS: readonly Preset[] = [cuba, cobahh, tutorial, pyloric, smoothPursuit, threshold, audio];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
