// What the generated program needs around its kernels: clocks, files of initial values and
// results, command-line values (run_args), progress lines and the synapse bookkeeping after
// connect(). Declarations only (implemented in support.cpp, compiled once), so that main.cpp
// stays quick to compile.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kernel.h"

// Failures with a composed message.
[[noreturn]] void _brian_fail(const char* code, const std::string& message);

namespace brian {

// A regular clock (t = timestep * dt) or an EventClock (t = times[timestep], dt NaN).
struct Clock {
  int64_t timestep = 0;
  int64_t end = 0;
  double dt = 0;
  const double* times = nullptr;
  double t() const { return times ? times[timestep] : (double)timestep * dt; }
};

// Brian's `same_time`: within 1e-4 of the smaller dt (of the regular clock when the other is an
// EventClock), or within 1e-14 s between two EventClocks.
inline bool same_time(const Clock& a, const Clock& b) {
  const double d = a.t() > b.t() ? a.t() - b.t() : b.t() - a.t();
  if (!a.times && !b.times) return d / (a.dt < b.dt ? a.dt : b.dt) < 1e-4;
  if (!a.times) return d / a.dt < 1e-4;
  if (!b.times) return d / b.dt < 1e-4;
  return d < 1e-14;
}

double now_seconds();

#define BRIAN_SUPPORT_FOR(T)                                                                                      \
  /* A static array: all values, or the values at the given indices, from files. */                              \
  void set_values(T* data, size_t size, const char* values_file, const char* indices_file);                       \
  /* A dynamic array: all values (the sizes must agree), or the values at the given indices. */                   \
  void set_values(std::vector<T>& data, const char* what, const char* values_file, const char* indices_file);     \
  void append_values(std::vector<T>& data, const char* values_file);                                              \
  void write_file(const std::string& path, const T* data, size_t n);                                              \
  /* A command-line value: a number, or `file:<path>` with one value per element of [start, stop). */             \
  void set_run_arg(T* data, size_t start, size_t stop, const std::string& name, const std::string& value);
BRIAN_SUPPORT_FOR(double)
BRIAN_SUPPORT_FOR(int32_t)
BRIAN_SUPPORT_FOR(char)
#undef BRIAN_SUPPORT_FOR

// connect() bookkeeping (Synapses.afterConnect in runtime mode): N_outgoing per source neuron,
// N_incoming per target neuron and the multisynaptic index recomputed from the pre and post indices.
void synapses_counts(const std::vector<int32_t>& pre, const std::vector<int32_t>& post, int32_t n_source,
                     int32_t n_target, std::vector<int32_t>& n_outgoing, std::vector<int32_t>& n_incoming,
                     std::vector<int32_t>* multisynaptic);

// Progress of a run, parsed by the device and printed as Brian's text report (not printed when
// `quiet_progress` is set: the processes of a distributed program other than the first).
void report_progress(int run, double elapsed, double completed, double start, double duration);
extern bool quiet_progress;

}  // namespace brian
