import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';

/**
 * A clock counts integer time steps; its time is `timestep * dt`, so long runs do not drift.
 * `dt` may change between runs only if the elapsed time is a whole number of new steps.
 */
export class Clock {
  /** Brian's tolerance when a target time is "almost" a multiple of dt. */
  static readonly EPSILON_DT = 1e-4;
  /** The current time step (Brian's `clock.timestep`): the clock's time is `timestep * dt`. */
  timestep = 0;
  /** First step not to simulate in the current run. */
  endTimestep = 0;
  private dtValue: number;

  constructor(
    dt: Quantity | number,
    /** The clock's name (Brian's `name`): `defaultclock`, or the name given. */
    readonly name = 'clock',
  ) {
    this.dtValue = Clock.checkDt(dt);
  }

  /** The value in seconds of a valid time step: a positive time; a bare number is `missing_unit`, anything else `bad_argument`. */
  static checkDt(dt: Quantity | number): number {
    if (typeof dt === 'number') {
      throw new BrianError('missing_unit', `dt must be a time, not the bare number ${dt}.`, {
        hint: 'write ms(0.1)',
      });
    }
    if (!(dt instanceof Quantity) || dt.dim !== second.dim) {
      throw new BrianError('bad_argument', `dt must be a time, got ${String(dt)}.`);
    }
    if (!(dt.value > 0)) throw new BrianError('bad_argument', `dt must be positive, got ${dt}.`);
    return dt.value;
  }

  /** The time step in seconds (Brian's `clock.dt_`). */
  get dt_(): number {
    return this.dtValue;
  }

  /** Brian's text of a clock: `Clock(dt=100. * usecond, name='defaultclock')`. */
  toString(): string {
    return `Clock(dt=${this.dt.repr()}, name='${this.name}')`;
  }

  /** `console.log(clock)` prints {@link toString}'s text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** The time step (Brian's `clock.dt`). */
  get dt(): Quantity {
    return new Quantity(this.dtValue, second.dim);
  }

  /** Changes the time step between runs (Brian's `clock.dt = …`): the elapsed time must be a whole number of new steps. */
  set dt(value: Quantity) {
    const dt = Clock.checkDt(value);
    const t = this.t_;
    const steps = t / dt;
    if (Math.abs(steps - Math.round(steps)) > Clock.EPSILON_DT) {
      throw new BrianError(
        'bad_argument',
        `Cannot set dt to ${value}: the elapsed time ${this.t} is not a multiple of it.`,
      );
    }
    this.timestep = Math.round(steps);
    this.dtValue = dt;
  }

  /** The clock's current time in seconds, `timestep * dt` (Brian's `clock.t_`). */
  get t_(): number {
    return this.timestep * this.dtValue;
  }

  /** The clock's current time (Brian's `clock.t`). */
  get t(): Quantity {
    return new Quantity(this.t_, second.dim);
  }

  /** The step at which `t` (seconds) falls, rounding to the nearest step when within EPSILON_DT (Brian's `_calc_timestep`). */
  stepAt(t: number): number {
    const i = Math.round(t / this.dtValue);
    if (i * this.dtValue === t || Math.abs(i * this.dtValue - t) / this.dtValue <= Clock.EPSILON_DT) return i;
    return Math.ceil(t / this.dtValue);
  }

  /** Prepares a run from `start` to `end` (seconds). */
  setInterval(start: number, end: number): void {
    this.timestep = this.stepAt(start);
    this.endTimestep = this.stepAt(end);
  }
}

/** The clock of every object that does not ask for its own `dt` (Brian's `defaultclock`). */
export const defaultclock = new Clock(new Quantity(1e-4, second.dim), 'defaultclock');
