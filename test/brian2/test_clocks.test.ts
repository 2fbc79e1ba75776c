/**
 * Brian 2's test_clocks.py, translated (test names kept).
 * Skipped: none.
 *
 * `Clock._set_t_update_dt(target_t)` (private in Brian, tested there) is `clock.updateTimeAndDt()`;
 * Brian's `StopIteration` at the end of an interval is a BrianError `clock_finished`.
 */
import assert from 'node:assert/strict';
import { Clock, catchLogs, defaultclock, EventClock, ms, Network, second, volt } from '../../src/index.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';
import { assertEqual } from './assertions.ts';
import { brianSuite } from './harness.ts';
import { NameLister } from './objects.ts';

const { brianTest } = brianSuite('test_clocks.py');

const msArray = (...values: number[]) => QuantityArray.from(values, ms);

brianTest('test_clock_attributes', {}, () => {
  const clock = new Clock(ms(1));
  assertEqual(clock.t, second(0));
  assertEqual(clock.timestep, 0);
  assertEqual(clock.dt, ms(1));
});

brianTest('test_clock_comparisons', {}, () => {
  const clock1 = new Clock(ms(1));
  const clock2 = new Clock(ms(2));
  const eventClock1 = new EventClock(msArray(0, 1));
  const eventClock2 = new EventClock(msArray(0, 2));

  const clocks = [clock1, clock2, eventClock1, eventClock2];
  assert.ok(clock1.sameTime(clock2) && clock2.sameTime(clock1));
  assert.ok(clock1.sameTime(eventClock1) && eventClock1.sameTime(clock1));
  assert.ok(eventClock1.sameTime(eventClock2) && eventClock2.sameTime(eventClock1));

  for (const clock of clocks) clock.advance();
  assert.ok(clock1.sameTime(eventClock1) && eventClock1.sameTime(clock1));
  assert.ok(clock2.sameTime(eventClock2) && eventClock2.sameTime(clock2));
  assert.ok(!(clock1.sameTime(clock2) || clock2.sameTime(clock1)));
  assert.ok(!(clock1.sameTime(eventClock2) || eventClock2.sameTime(clock1)));
  assert.ok(!(eventClock1.sameTime(eventClock2) || eventClock2.sameTime(eventClock1)));
});

brianTest('test_clock_set_interval', {}, () => {
  const clock = new Clock(ms(1));
  clock.setInterval(ms(0), ms(2));
  assertEqual(clock.t, ms(0));
  clock.advance();
  assertEqual(clock.t, ms(1));
  clock.advance();
  assertEqual(clock.t, ms(2));
  assert.throws(() => clock.advance(), { code: 'clock_finished' });
  assertEqual(clock.t, ms(2));
});

brianTest('test_clock_dt_change', {}, () => {
  const clock = new Clock(ms(1));
  // at time 0s, all dt changes should be allowed
  clock.dt = ms(0.75);
  clock.updateTimeAndDt();
  clock.dt = ms(2.5);
  clock.updateTimeAndDt();
  clock.dt = ms(1);
  clock.updateTimeAndDt();

  // at 0.1ms only changes that are still representable as an integer of the
  // current time 1s are allowed
  clock.dt = ms(0.1);
  clock.updateTimeAndDt();

  clock.dt = ms(0.05);
  clock.updateTimeAndDt(ms(0.1));
  clock.dt = ms(0.1);
  clock.updateTimeAndDt(ms(0.1));
  clock.dt = ms(0.3);
  assert.throws(() => clock.updateTimeAndDt(ms(0.1)), { code: 'bad_argument' });
});

brianTest('test_defaultclock', {}, () => {
  defaultclock.dt = ms(1);
  assertEqual(defaultclock.dt, ms(1));
  assert.equal(defaultclock.name, 'defaultclock');
});

brianTest('test_set_interval_warning', {}, () => {
  const clock = new Clock(ms(0.1));
  let logs = catchLogs(() => clock.setInterval(second(0), second(1000))).records; // no problem
  assert.equal(logs.length, 0);
  logs = catchLogs(() => clock.setInterval(second(0), second(10000000000))).records; // too long
  assert.equal(logs.length, 1);
  assert.ok(logs[0].name.endsWith('many_timesteps'));
});

brianTest('test_event_clock', {}, () => {
  const times = msArray(0.0, 0.3, 0.5, 0.6);
  const eventClock = new EventClock(times);

  assertEqual(eventClock.t, ms(0.0));
  assertEqual(eventClock.at(1), ms(0.3));

  eventClock.advance();
  assertEqual(eventClock.timestep, 1);
  assertEqual(eventClock.t_, 0.0003);

  eventClock.setInterval(ms(0.3), ms(0.6));
  assertEqual(eventClock.timestep, 1);
  assertEqual(eventClock.t_, 0.0003);
  eventClock.advance();
  eventClock.advance();

  assert.throws(() => eventClock.advance(), { code: 'clock_finished' });

  const invalidTimes = QuantityArray.from([0.0, 0.5], volt);
  assert.throws(() => new EventClock(invalidTimes), { code: 'dimension_mismatch' });
});

brianTest('test_combined_clocks_with_run_at', {}, () => {
  // Reset updates
  NameLister.updates.length = 0;

  // Regular NameLister at 1ms interval
  const regularLister = new NameLister({ name: 'x', dt: ms(1), order: 0 });

  // Event NameLister at specific times
  const eventTimes = msArray(0.5, 2.5, 4);
  const eventLister = new NameLister({ name: 'y', clock: new EventClock(eventTimes), order: 1 });

  // Create and run the network
  const net = new Network(regularLister, eventLister);
  net.run(ms(5));

  const updates = NameLister.updates.join('');
  // Expected output: "x" at 0,1,2,3,4ms = 5 times; "y" at 0.5, 2.5, 4.0ms = 3 times
  assert.equal([...updates].filter((c) => c === 'x').length, 5);
  assert.equal([...updates].filter((c) => c === 'y').length, 3);
  assert.equal(updates, 'xyxxyxxy');
});
