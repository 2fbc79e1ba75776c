/**
 * The small BrianObject subclasses of Brian's test_network.py (Counter, NameLister, Stopper…),
 * written against brian-ts's BrianObject: one runner that calls `run()` every step of the
 * object's clock. Not a test file itself.
 */
import { BrianObject, type Runner } from '../../src/network/brian-object.ts';
import { type BaseClock, Clock, defaultclock } from '../../src/network/clock.ts';
import { collect } from '../../src/network/magic.ts';
import { uniqueName } from '../../src/network/names.ts';
import type { Quantity } from '../../src/units/quantity.ts';

export interface TestObjectOptions {
  readonly name?: string;
  readonly dt?: Quantity;
  readonly clock?: BaseClock;
  readonly when?: string;
  readonly order?: number;
}

/** Brian's `BrianObject(dt, clock, when, order, name='brianobject*')` with a `run()` method. */
export abstract class PyObject extends BrianObject {
  private readonly runner: Runner;

  constructor(options: TestObjectOptions = {}) {
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : defaultclock);
    super(uniqueName(options.name ?? 'brianobject*'), clock);
    this.runner = {
      name: this.name,
      when: options.when ?? 'start',
      order: options.order ?? 0,
      clock,
      owner: this,
      prepare: () => {},
      step: () => this.run(),
    };
    collect(this);
  }

  abstract run(): void;

  runners(): readonly Runner[] {
    return [this.runner];
  }

  stateArrays(): readonly string[] {
    return [];
  }
}

export class Counter extends PyObject {
  count = 0;
  readonly state: Record<string, number> = { state: 0 };
  run(): void {
    this.count++;
  }
  getStates(): Record<string, number> {
    return { ...this.state };
  }
  setStates(values: Record<string, number>): void {
    Object.assign(this.state, values);
  }
}

/** Counter with a contained Counter (Brian's `contained_objects`). */
export class CounterWithContained extends Counter {
  readonly subCounter = new Counter();
  override containedObjects(): readonly BrianObject[] {
    return [this.subCounter];
  }
}

/** Appends its name to `NameLister.updates` every step. */
export class NameLister extends PyObject {
  static readonly updates: string[] = [];
  run(): void {
    NameLister.updates.push(this.name);
  }
}

/** Calls `stopfunc` after `stoptime` steps. */
export class Stopper extends PyObject {
  constructor(
    private stoptime: number,
    private readonly stopfunc: () => void,
    options: TestObjectOptions = {},
  ) {
    super(options);
  }
  run(): void {
    this.stoptime -= 1;
    if (this.stoptime <= 0) this.stopfunc();
  }
}
