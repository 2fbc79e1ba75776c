// One thread or all for a loop whose results are the same either way (cpp/openmp.ts), chosen by
// timing both. Waking threads that sleep between loops (OMP_WAIT_POLICY=passive) takes tens of
// microseconds on a virtual machine, and far longer when other processes hold the cores, so a
// loop of a few tens of microseconds (CUBA's state update at 64000 neurons) can be slower on two
// threads than on one. Every PERIOD calls, SAMPLES calls alternate between the two ways and
// record their time per unit of work (elements, synapses); until the next sampling, the loop
// runs the way that was faster (older samples count half at each sampling).
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
      phase = SAMPLES;
      return fixed == 1;
    }
    phase = calls++ % PERIOD;
    if (phase >= SAMPLES) return best;
    mode = phase & 1;
    start = seconds();
    return mode == 1;
  }
  // After the loop, with the work it did: records the sample (the first call, which starts the
  // threads, is not one).
  void done(double work) {
    if (phase >= SAMPLES) return;
    if (calls > 1 && work > 0) {
      cost[mode] += seconds() - start;
      units[mode] += work;
    }
    if (phase == SAMPLES - 1 && units[0] > 0 && units[1] > 0) {
      best = cost[1] / units[1] <= cost[0] / units[0];
      for (int m = 0; m < 2; m++) {
        cost[m] *= 0.5;
        units[m] *= 0.5;
      }
    }
  }

 private:
  static constexpr long PERIOD = 512, SAMPLES = 16;
  long calls = 0, phase = 0;
  int mode = 0;
  bool best = true;
  double start = 0, cost[2] = {0, 0}, units[2] = {0, 0};
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
