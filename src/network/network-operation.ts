import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkNetworkOperationArgs } from '../validation/run-options.ts';
import type { RunContext, Runner } from './brian-object.ts';
import { BrianObject } from './brian-object.ts';
import { type BaseClock, Clock, defaultclock } from './clock.ts';
import { collect } from './magic.ts';
import { uniqueName } from './names.ts';

/** The options of `networkOperation(fn, options)`: Brian's keyword arguments of `network_operation`. */
export interface NetworkOperationOptions {
  /** Call every `dt` (Brian's `dt`) instead of every step of the default clock. */
  readonly dt?: Quantity;
  /** Call on this clock's steps (Brian's `clock`). */
  readonly clock?: BaseClock;
  /** Schedule slot of the call (Brian's `when`; default `start`). */
  readonly when?: string;
  /** Order in the slot, lowest first (Brian's `order`; default 0). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `networkoperation`, `networkoperation_1`… */
  readonly name?: string;
}

/**
 * A JavaScript function called during a run (Brian's `network_operation`): every step of its
 * clock (or every `dt`), in slot `start` by default, with the current time. It may read and set
 * state variables, and call `stop()`. Runtime device only.
 */
export class NetworkOperation extends BrianObject {
  private readonly runner: Runner;

  constructor(
    /** The function called at each of its steps, with the current time. */
    readonly fn: (t: Quantity) => void,
    options: NetworkOperationOptions = {},
  ) {
    options = checkNetworkOperationArgs(fn, options);
    super(
      uniqueName(options.name ?? 'networkoperation*'),
      options.clock ?? (options.dt ? new Clock(options.dt) : defaultclock),
    );
    if (typeof fn !== 'function') {
      throw new BrianError('bad_argument', `A network operation needs a function, got ${describeValue(fn)}.`);
    }
    if (fn.length > 1) {
      throw new BrianError(
        'bad_argument',
        `The function of a network operation takes no argument or one (the time t), but ${fn.name || 'it'} takes ${fn.length}.`,
        { hint: 'networkOperation((t) => { … })' },
      );
    }
    this.runner = {
      name: this.name,
      when: options.when ?? 'start',
      order: options.order ?? 0,
      clock: this.clock,
      owner: this,
      partOf: null,
      prepare(_ctx: RunContext) {},
      step: (t: number) => fn(new Quantity(t, second.dim)),
    };
    collect(this);
    this.exposeAttributes();
  }

  runners(): readonly Runner[] {
    return [this.runner];
  }

  stateArrays(): readonly string[] {
    return [];
  }
}

/** `networkOperation(fn, { dt })`: creates (and returns) a NetworkOperation. */
export function networkOperation(
  fn: (t: Quantity) => void,
  options?: NetworkOperationOptions,
): NetworkOperation {
  return new NetworkOperation(fn, options);
}
