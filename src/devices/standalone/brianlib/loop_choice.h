// One thread or all for a loop whose results are the same either way (cpp/openmp.ts), chosen by
// timing both. Waking threads that sleep between loops (OMP_WAIT_POLICY=passive) takes tens of
// microseconds on a virtual machine, and far longer when other processes hold the cores, so a
// loop of a few tens of microseconds (CUBA's state update at 64000 neurons) can be slower on two
// threads than on one.
//
// A round times SAMPLES calls the way the loop runs now and, when a comparison is due, SAMPLES
// calls the other way; the loop then runs the way that was faster per unit of work (elements,
// synapses; older rounds count half). The first call of each way in a round is not timed: it
// starts or wakes the threads, or takes over the data they left in their caches, which running
// one way steadily does not (COBAHH 64000 on 2 threads: ~650 against ~530 µs per step). The
// first round starts at the first call; then one starts every CHECK calls, and costs nothing
// unless a comparison is due: every CHECK calls, except while all threads keep winning by MARGIN
// (not counting the first comparison), when the interval doubles up to MAX_BACKOFF * CHECK calls
// (the one-thread calls cost most there: ~1.7 times a parallel one at COBAHH 64000). Then each
// round compares the parallel time with the last comparison's, and compares both ways at once
// if it is TRIP times slower (another process took a core). One thread never backs off, so a
// core that comes free is noticed within CHECK calls.
// BRIAN_LOOP_CHOICE=parallel or =serial in the program's environment fixes the choice (tests).
#pragma once
#include <cstdlib>
#include <cstring>
#include <time.h>

namespace brian {

class LoopChoice {
 public:
  // Whether this call runs on all threads.
  bool parallel() {
    static const int fixed = fixed_choice();
    if (fixed >= 0) {
      timed = false;
      return fixed == 1;
    }
    const long k = calls++;
    if (k < next) {
      timed = false;
      return best;
    }
    pos = k - next;
    mode = pos <= SAMPLES ? best : !best;
    timed = true;
    start = seconds();
    return mode;
  }
  // After the loop, with the work it did: records the sample.
  void done(double work) {
    if (!timed) return;
    if (pos != 0 && pos != SAMPLES + 1 && work > 0) {
      round_cost[mode] += seconds() - start;
      round_units[mode] += work;
    }
    if (pos == SAMPLES) {
      // The way the loop runs now is timed: compare the other way if due, or if it got slower.
      const bool m = best;
      const bool tripped = ref > 0 && round_units[m] > 0 && round_cost[m] / round_units[m] > TRIP * ref;
      if (calls >= due || tripped) return;
      finish(CHECK);
    } else if (pos == 2 * SAMPLES + 1) {
      decide();
    }
  }

 private:
  static constexpr long CHECK = 512, SAMPLES = 8, MAX_BACKOFF = 8;
  static constexpr double MARGIN = 1.25, TRIP = 1.25;
  long calls = 0, next = 0, due = 0, pos = 0, backoff = 1;
  bool best = true, mode = true, timed = false, decided = false;
  double start = 0, ref = 0, cost[2] = {0, 0}, units[2] = {0, 0};
  double round_cost[2] = {0, 0}, round_units[2] = {0, 0};

  void decide() {
    for (int m = 0; m < 2; m++) {
      cost[m] = 0.5 * cost[m] + round_cost[m];
      units[m] = 0.5 * units[m] + round_units[m];
    }
    if (units[0] > 0 && units[1] > 0) {
      const double serial = cost[0] / units[0], all = cost[1] / units[1];
      const bool choice = all <= serial;
      // All threads won again (not only first), clearly: time one thread half as often.
      if (choice && best && decided && serial >= MARGIN * all)
        backoff = backoff < MAX_BACKOFF ? 2 * backoff : MAX_BACKOFF;
      else
        backoff = 1;
      best = choice;
      decided = true;
      ref = choice ? all : serial;
    }
    due = calls + backoff * CHECK;
    finish(CHECK);
  }
  void finish(long interval) {
    next = calls + interval;
    for (int m = 0; m < 2; m++) round_cost[m] = round_units[m] = 0;
  }
  static int fixed_choice() {
    const char* v = std::getenv("BRIAN_LOOP_CHOICE");
    if (v && std::strcmp(v, "parallel") == 0) return 1;
    if (v && std::strcmp(v, "serial") == 0) return 0;
    return -1;
  }
  static double seconds() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
  }
};

}  // namespace brian
