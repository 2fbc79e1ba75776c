// Implementation of support.h (files, run_args, synapse counts, progress) and of the spike
// queue's bookkeeping: compiled once, separately from the generated code.
#include "support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "spikequeue.h"

[[noreturn]] void _brian_fail(const char* code, const std::string& message) { _brian_fail(code, message.c_str()); }

namespace brian {

DrawContext _draws;

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

template <class T>
static std::vector<T> read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) _brian_fail("standalone_run_error", "cannot open " + path);
  std::fseek(f, 0, SEEK_END);
  const long bytes = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  std::vector<T> values(bytes / sizeof(T));
  if (!values.empty() && std::fread(values.data(), sizeof(T), values.size(), f) != values.size())
    _brian_fail("standalone_run_error", "cannot read " + path);
  std::fclose(f);
  return values;
}

template <class T>
static void set_values_static(T* data, size_t size, const char* values_file, const char* indices_file) {
  const std::vector<T> values = read_file<T>(values_file);
  if (!*indices_file) {
    if (values.size() != size) _brian_fail("bad_argument", std::string("wrong number of values in ") + values_file);
    std::copy(values.begin(), values.end(), data);
    return;
  }
  const std::vector<int32_t> indices = read_file<int32_t>(indices_file);
  for (size_t k = 0; k < indices.size(); k++) data[indices[k]] = values[k];
}

template <class T>
static void set_values_dynamic(std::vector<T>& data, const char* what, const char* values_file,
                               const char* indices_file) {
  const std::vector<T> values = read_file<T>(values_file);
  if (!*indices_file) {
    if (values.size() != data.size())
      _brian_fail("bad_argument", std::string("cannot set ") + what + " (" + std::to_string(data.size()) +
                                      " values) from " + std::to_string(values.size()) + " values");
    std::copy(values.begin(), values.end(), data.begin());
    return;
  }
  const std::vector<int32_t> indices = read_file<int32_t>(indices_file);
  for (size_t k = 0; k < indices.size(); k++) {
    if ((size_t)indices[k] >= data.size())
      _brian_fail("index_out_of_range", "index " + std::to_string(indices[k]) + " is outside " + what);
    data[indices[k]] = values[k];
  }
}

template <class T>
static void set_run_arg_impl(T* data, size_t start, size_t stop, const std::string& name, const std::string& value) {
  if (value.rfind("file:", 0) == 0) {
    const std::vector<T> values = read_file<T>(value.substr(5));
    if (values.size() != stop - start)
      _brian_fail("bad_argument", "run_args value for " + name + " has " + std::to_string(values.size()) +
                                      " values, expected " + std::to_string(stop - start));
    std::copy(values.begin(), values.end(), data + start);
    return;
  }
  const T v = (T)std::stod(value);
  std::fill(data + start, data + stop, v);
}

#define BRIAN_SUPPORT_FOR(T)                                                                                 \
  void set_values(T* data, size_t size, const char* values_file, const char* indices_file) {                 \
    set_values_static(data, size, values_file, indices_file);                                                \
  }                                                                                                          \
  void set_values(std::vector<T>& data, const char* what, const char* values_file, const char* indices_file) { \
    set_values_dynamic(data, what, values_file, indices_file);                                               \
  }                                                                                                          \
  void append_values(std::vector<T>& data, const char* values_file) {                                        \
    const std::vector<T> values = read_file<T>(values_file);                                                 \
    data.insert(data.end(), values.begin(), values.end());                                                   \
  }                                                                                                          \
  void write_file(const std::string& path, const T* data, size_t n) {                                        \
    FILE* f = std::fopen(path.c_str(), "wb");                                                                \
    if (!f) _brian_fail("standalone_run_error", "cannot write " + path);                                     \
    if (n > 0) std::fwrite(data, sizeof(T), n, f);                                                           \
    std::fclose(f);                                                                                          \
  }                                                                                                          \
  void set_run_arg(T* data, size_t start, size_t stop, const std::string& name, const std::string& value) {  \
    set_run_arg_impl(data, start, stop, name, value);                                                        \
  }
BRIAN_SUPPORT_FOR(double)
BRIAN_SUPPORT_FOR(int32_t)
BRIAN_SUPPORT_FOR(char)
#undef BRIAN_SUPPORT_FOR

void synapses_counts(const std::vector<int32_t>& pre, const std::vector<int32_t>& post, int32_t n_source,
                     int32_t n_target, std::vector<int32_t>& n_outgoing, std::vector<int32_t>& n_incoming,
                     std::vector<int32_t>* multisynaptic) {
  const size_t n = pre.size();
  n_outgoing.assign(n_source, 0);
  n_incoming.assign(n_target, 0);
  for (size_t s = 0; s < n; s++) {
    n_outgoing[pre[s]]++;
    n_incoming[post[s]]++;
  }
  if (multisynaptic) {
    std::unordered_map<int64_t, int32_t> seen;
    for (size_t s = 0; s < n; s++) {
      int32_t& c = seen[(int64_t)pre[s] * n_target + post[s]];
      (*multisynaptic)[s] = c++;
    }
  }
}

bool quiet_progress = false;

void report_progress(int run, double elapsed, double completed, double start, double duration) {
  if (quiet_progress) return;
  std::printf("@brian-progress %d %.17g %.17g %.17g %.17g\n", run, elapsed, completed, start, duration);
  std::fflush(stdout);
}

void seed_randomly(DrawContext& draws) {
  uint32_t s[2] = {0, 0};
  FILE* u = std::fopen("/dev/urandom", "rb");
  if (u) {
    if (std::fread(s, 4, 2, u) != 2) s[0] = 0;
    std::fclose(u);
  }
  draws.seed_lo = s[0] ^ (uint32_t)(now_seconds() * 1e6);
  draws.seed_hi = s[1];
}

}  // namespace brian

namespace brian {

bool SpikeQueue::contiguous_rows(const std::vector<int32_t>& sources, int32_t n_sources,
                                 const std::vector<char>* owned) {
  row_first.assign(row_start.begin(), row_start.end());
  if (!owned) return true;
  // Sources sorted: a row's queued synapses are consecutive when none is skipped between its
  // first and its last, i.e. last - first + 1 == the row's count.
  std::vector<int32_t> last(n_sources, -1);
  for (size_t s = 0; s < sources.size(); s++) {
    if (!(*owned)[s]) continue;
    const int32_t src = sources[s];
    if (last[src] < 0) row_first[src] = (int32_t)s;
    else if (last[src] != (int32_t)s - 1) {
      row_first.clear();
      return false;
    }
    last[src] = (int32_t)s;
  }
  return true;
}

void SpikeQueue::prepare(const std::vector<int32_t>& sources, int32_t n_sources, const std::vector<double>& delays,
                         double dt, const std::vector<char>* owned) {
  const size_t n = sources.size();
  // Delays in steps are computed on the fly and kept only when they differ: a vector of them
  // for CUBA's 4 M-synapse pathway was 16 MB of peak memory for nothing.
  // One delay for all synapses (a pathway's delay given to the Synapses constructor) is a
  // vector of one element, as in Brian.
  const bool scalar = delays.size() == 1;
  auto step = [&](size_t s) { return (int32_t)js_round(delays[scalar ? 0 : s] / dt); };
  uint32_t key_steps = HASH_SEED;
  bool same = true;
  int32_t max_delay = 0;
  const int32_t first = n > 0 ? step(0) : 0;
  for (size_t s = 0; s < n; s++) {
    const int32_t d = step(s);
    key_steps = hash_step(key_steps, d);
    if (d != first) same = false;
    if (d > max_delay) max_delay = d;
  }
  const uint32_t key_sources = hash(sources.data(), n);
  uint32_t key_owned = HASH_SEED;
  if (owned)
    for (size_t s = 0; s < n; s++) key_owned = hash_step(key_owned, (*owned)[s]);
  if (built && n == key_n && key_steps == key_hash_steps && key_sources == key_hash_sources &&
      key_owned == key_hash_owned)
    return;
  built = true;
  key_n = n;
  key_hash_steps = key_steps;
  key_hash_sources = key_sources;
  key_hash_owned = key_owned;
  auto queued = [&](size_t s) { return !owned || (*owned)[s]; };
  row_start.assign(n_sources + 1, 0);
  for (size_t s = 0; s < n; s++)
    if (queued(s)) row_start[sources[s] + 1]++;
  for (int32_t k = 0; k < n_sources; k++) row_start[k + 1] += row_start[k];
  // Synapses numbered in source order (what connect() with a condition or probability creates):
  // each source's queued synapses are one run of consecutive numbers from row_first[source], and
  // the row list (4 B per synapse) is not built. With `owned`, the runs hold when each row marks
  // one stretch: a thread's part of a split queue (prepare_parts) whose targets are sorted within
  // each row, as connect() numbers them. Its thread then reads only its stretch of every row's
  // synapse variables (half the cache lines on 2 threads) instead of picking through all of them.
  source_ordered = std::is_sorted(sources.begin(), sources.end()) && contiguous_rows(sources, n_sources, owned);
  row_synapses.clear();
  row_synapses.shrink_to_fit();
  if (!source_ordered) {
    std::vector<int32_t> next(row_start.begin(), row_start.begin() + n_sources);
    row_synapses.assign(row_start[n_sources], 0);
    for (size_t s = 0; s < n; s++)
      if (queued(s)) row_synapses[next[sources[s]]++] = (int32_t)s;
  }
  homogeneous = same;
  const int32_t queued_synapses = row_start[n_sources];
  const double mean_row_length = n_sources > 0 ? (double)queued_synapses / n_sources : 0;
  rows_ahead = mean_row_length >= PREFETCH_SYNAPSES ? 1 : (int32_t)std::ceil(PREFETCH_SYNAPSES / std::max(mean_row_length, 1.0));
  const size_t ring_size = (size_t)max_delay + 1;
  ring.assign(ring_size, std::vector<int32_t>());
  fill.assign(ring_size, 0);
  current = 0;
  if (homogeneous) {
    delay = first;
    delays_steps.clear();
    delays_steps.shrink_to_fit();
    for (auto& slot : ring) slot.resize(std::max<int32_t>(16, n_sources));
  } else {
    delays_steps.resize(n);
    for (size_t s = 0; s < n; s++) delays_steps[s] = step(s);
    for (auto& slot : ring) slot.resize(64);
  }
}

void SpikeQueue::prepare_parts(const std::vector<int32_t>& sources, int32_t n_sources,
                               const std::vector<double>& delays, double dt, const std::vector<int32_t>* keys,
                               int32_t n_parts, const int32_t* events, int32_t size, int32_t start,
                               int32_t stop) {
  if (n_parts < 1) n_parts = 1;
  const size_t n = sources.size();
  part_events = events;
  part_size = size;
  part_start = start;
  part_stop = stop;
  mean_row = n_sources > 0 ? (double)n / n_sources : 0;
  // Contiguous blocks of keys: part p holds keys [p * range / n_parts, (p + 1) * range / n_parts).
  int64_t range = keys ? 0 : (int64_t)n;
  if (keys)
    for (size_t s = 0; s < n; s++) range = std::max<int64_t>(range, (int64_t)(*keys)[s] + 1);
  if ((int32_t)parts.size() != n_parts) {
    parts.assign(n_parts, SpikeQueue());
    part_due.assign(n_parts, std::vector<int32_t>());
  }
  std::vector<char> mask(n);
  for (int32_t p = 0; p < n_parts; p++) {
    size_t count = 0;
    for (size_t s = 0; s < n; s++) {
      const int64_t key = keys ? (int64_t)(*keys)[s] : (int64_t)s;
      mask[s] = key * n_parts / std::max<int64_t>(range, 1) == p;
      count += mask[s];
    }
    // A part with every synapse is the serial queue (which skips the row list of source-ordered synapses).
    parts[p].prepare(sources, n_sources, delays, dt, count == n ? nullptr : &mask);
  }
}

}  // namespace brian
