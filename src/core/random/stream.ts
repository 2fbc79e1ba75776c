import { DrawState } from './draw-state.ts';
import { SiteDraws } from './site-draws.ts';

/**
 * A seeded sequence of random numbers for code that draws in JavaScript itself, outside any
 * kernel (Morphology.generateCoordinates): the draws of one site and element of the counter-based
 * generator, one after the other (a random seed when none is given).
 */
export class RandomStream {
  private readonly draws = new SiteDraws();

  constructor(seed?: number) {
    this.draws.begin(new DrawState(seed).invocation(0, 0, true), 0);
    this.draws.at(0);
  }

  rand(): number {
    return this.draws.rand();
  }

  randn(): number {
    return this.draws.randn();
  }
}
