import { cobahh } from './cobahh.ts';
import { cuba } from './cuba.ts';
import type { Preset } from './preset.ts';
import { tutorial } from './tutorial.ts';

/** The playground's models, in the order of its list. */
export const PRESETS: readonly Preset[] = [cuba, cobahh, tutorial];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
