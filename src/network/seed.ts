import { getDevice } from '../devices/active.ts';
import { checkSeed } from '../validation/run-options.ts';

/** Seeds the random numbers of `rand()`, `randn()` and `poisson()` in model code (Brian's `seed()`). */
export function seed(value?: number): void {
  getDevice().seed(checkSeed(value));
}
