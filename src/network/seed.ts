import { getDevice } from '../devices/active.ts';

/** Seeds the random numbers of `rand()`, `randn()` and `poisson()` in model code (Brian's `seed()`). */
export function seed(value?: number): void {
  getDevice().seed(value);
}
