import { warn } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkName } from '../validation/names.ts';
import { uniqueName } from './names.ts';

/**
 * What the network's loop needs of a clock (Brian's BaseClock): an integer step, the time of
 * that step, the step where the current run ends, and when two clocks tick together.
 */
export abstract class BaseClock {
  /** Brian's tolerance between clocks without a dt (EventClocks). */
  static readonly EPSILON = 1e-14;
  /** The clock's name (Brian's `name`): `defaultclock`, `clock`, `clock_1`… or as given. */
  readonly name: string;
  /** The current time step (Brian's `clock.timestep`). */
  timestep = 0;
  /** First step not to simulate in the current run (Brian's `_i_end`; unbounded before a run). */
  endTimestep = Number.POSITIVE_INFINITY;

  constructor(name: string) {
    checkName(name, 'clock');
    this.name = uniqueName(name);
  }

  /** Time of the current step, in seconds. */
  abstract get t_(): number;

  /** The time step in seconds; NaN for an EventClock (it has none). */
  abstract get dt_(): number;

  /** The clock's current time (Brian's `clock.t`). */
  get t(): Quantity {
    return new Quantity(this.t_, second.dim);
  }

  /** The time step (NaN for an EventClock). */
  get dt(): Quantity {
    return new Quantity(this.dt_, second.dim);
  }

  /** Whether this clock and `other` are at the same time (within Brian's epsilons). */
  abstract sameTime(other: BaseClock): boolean;

  /** Prepares a run from `start` to `end` (seconds or times). */
  abstract setInterval(start: Quantity | number, end: Quantity | number): void;

  /** Goes to the next step; past the end of the interval, a `clock_finished` error (Brian's StopIteration). */
  advance(): void {
    if (this.timestep + 1 > this.endTimestep) {
      throw new BrianError('clock_finished', `Clock ${this.name} has reached the end of its interval.`);
    }
    this.timestep++;
  }

  /** `console.log(clock)` prints {@link toString}'s text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** What store() keeps of the clock. */
  saveState(): ClockState {
    return { timestep: this.timestep, dt: this.dt_ };
  }

  /** Puts back what {@link saveState} returned (restore()). */
  restoreState(state: ClockState): void {
    this.timestep = state.timestep;
  }
}

/** What store() keeps of a clock. */
export interface ClockState {
  /** The step the clock was at. */
  readonly timestep: number;
  /** Its dt in seconds (NaN for an EventClock). */
  readonly dt: number;
}

/** Seconds from a time quantity (or a number of seconds). */
export function seconds(value: Quantity | number, what: string): number {
  if (typeof value === 'number') return value;
  if (!(value instanceof Quantity) || value.dim !== second.dim) {
    throw new BrianError('dimension_mismatch', `${what} must be a time, got ${describeValue(value)}.`);
  }
  return value.value;
}

/**
 * A clock counts integer time steps; its time is `timestep * dt`, so long runs do not drift.
 * Its `dt` may be changed at any time; the next run checks that the time it starts at is (within
 * Brian's epsilon) a whole number of new steps (Brian's `_set_t_update_dt`).
 */
export class Clock extends BaseClock {
  /** Brian's tolerance when a target time is "almost" a multiple of dt. */
  static readonly EPSILON_DT = 1e-4;
  private dtValue: number;
  /** The dt before the last change, until a run checked the change (Brian's `_old_dt`). */
  private oldDt?: number;

  constructor(dt: Quantity | number, name = 'clock*') {
    super(name);
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
      throw new BrianError('bad_argument', `dt must be a time, got ${describeValue(dt)}.`);
    }
    if (!(dt.value > 0) || !Number.isFinite(dt.value)) {
      throw new BrianError('bad_argument', `dt must be a positive finite time, got ${dt}.`);
    }
    return dt.value;
  }

  /** The time step in seconds (Brian's `clock.dt_`). */
  get dt_(): number {
    return this.dtValue;
  }

  /** Brian's text of a clock: `Clock(dt=100. * usecond, name='defaultclock')`. */
  override toString(): string {
    return `Clock(dt=${this.dt.repr()}, name='${this.name}')`;
  }

  /** The time step (Brian's `clock.dt`). */
  override get dt(): Quantity {
    return new Quantity(this.dtValue, second.dim);
  }

  /** Changes the time step (Brian's `clock.dt = …`); the next run checks that its start is a whole number of new steps. */
  override set dt(value: Quantity) {
    const dt = Clock.checkDt(value);
    this.oldDt = this.dtValue;
    this.dtValue = dt;
  }

  /** The clock's current time in seconds, `timestep * dt` (Brian's `clock.t_`). */
  get t_(): number {
    return this.timestep * this.dtValue;
  }

  /** The step at which `t` (seconds) falls, rounding to the nearest step when within EPSILON_DT, else up (Brian's `_calc_timestep`). */
  stepAt(t: number): number {
    const i = Math.round(t / this.dtValue);
    if (i * this.dtValue === t || Math.abs(i * this.dtValue - t) / this.dtValue <= Clock.EPSILON_DT) return i;
    return Math.ceil(t / this.dtValue);
  }

  /**
   * Goes to the step of `targetT` (default 0 s), checking a changed dt first: the target must be
   * a whole number of new steps (Brian's `_set_t_update_dt`; `bad_argument` otherwise).
   */
  updateTimeAndDt(targetT: Quantity | number = 0): void {
    const target = seconds(targetT, 'The target time');
    const oldDt = this.oldDt;
    if (oldDt !== undefined && this.dtValue !== oldDt) {
      this.oldDt = undefined;
      const oldT = Math.round(target / oldDt) * oldDt;
      const newT = Math.round(target / this.dtValue) * this.dtValue;
      if (Math.abs(newT - oldT) / this.dtValue > Clock.EPSILON_DT) {
        const show = (s: number) => String(new Quantity(s, second.dim));
        throw new BrianError(
          'bad_argument',
          `Cannot set dt from ${show(oldDt)} to ${show(this.dtValue)}, the time ${show(target)} is not a multiple of ${show(this.dtValue)}.`,
          { hint: 'change dt only at times that are multiples of the new dt, or start a new network' },
        );
      }
    }
    this.timestep = this.stepAt(target);
  }

  /** Prepares a run from `start` to `end` (Brian's `set_interval`), checking a changed dt. */
  setInterval(start: Quantity | number, end: Quantity | number): void {
    this.updateTimeAndDt(start);
    const endT = seconds(end, 'The end time');
    this.endTimestep = this.stepAt(endT);
    if (this.endTimestep > 2 ** 40) {
      warn(
        'many_timesteps',
        `The end time of the simulation has been set to ${new Quantity(endT, second.dim)}, which based on the dt ` +
          `value of ${this.dt} means that ${this.endTimestep} time steps will be simulated. This can lead to ` +
          'numerical problems, e.g. the times t will not correspond to exact multiples of dt.',
      );
    }
  }

  sameTime(other: BaseClock): boolean {
    const dt = other instanceof Clock ? Math.min(this.dtValue, other.dtValue) : this.dtValue;
    return Math.abs(this.t_ - other.t_) / dt < Clock.EPSILON_DT;
  }

  /** Puts back the step and the dt that `saveState()` kept (Brian's restore() restores `defaultclock.dt` too). */
  override restoreState(state: ClockState): void {
    this.dtValue = state.dt;
    this.oldDt = undefined;
    super.restoreState(state);
  }
}

/** The clock of every object that does not ask for its own `dt` (Brian's `defaultclock`). */
export const defaultclock = new Clock(new Quantity(1e-4, second.dim), 'defaultclock');
