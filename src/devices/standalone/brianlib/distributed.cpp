// Implementation of distributed.h with MPI collectives (compiled only into MPI programs).
#include "distributed.h"

#include <mpi.h>

#include <cstdio>
#include <vector>

#include "mpi_counted.h"
#include "mpi_types.h"
#include "support.h"

namespace brian {
namespace mpi {

int rank = 0, size = 1;
ExchangeCounters counters;

void init(int* argc, char*** argv) {
  MPI_Init(argc, argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  quiet_progress = rank != 0;
}

void finalize() { MPI_Finalize(); }

void Ownership::update(const std::vector<int32_t>& post, int32_t offset, int32_t n_target) {
  post_ = &post;
  offset_ = offset;
  n_target_ = n_target;
  grouped_ = Grouped();
  const size_t n = post.size();
  owned.clear();
  mask.assign(n, 0);
  for (size_t s = 0; s < n; s++) {
    if (owner_of(s) == rank) {
      owned.push_back((int32_t)s);
      mask[s] = 1;
    }
  }
}

const Ownership::Grouped& Ownership::grouped() const {
  if (grouped_.made) return grouped_;
  const size_t n = post_ ? post_->size() : 0;
  grouped_.counts.assign(size, 0);
  for (size_t s = 0; s < n; s++) grouped_.counts[owner_of(s)]++;
  grouped_.displs.assign(size, 0);
  for (int r = 1; r < size; r++) grouped_.displs[r] = grouped_.displs[r - 1] + grouped_.counts[r - 1];
  std::vector<int> next(grouped_.displs);
  grouped_.order.assign(n, 0);
  for (size_t s = 0; s < n; s++) grouped_.order[next[owner_of(s)]++] = (int32_t)s;
  grouped_.made = true;
  return grouped_;
}

void exchange_events(int32_t* events, int32_t n) {
  const double count_bytes = (double)(size - 1) * sizeof(int);
  Counted counted(count_bytes);
  int local = events[n];
  std::vector<int> counts(size), displs(size, 0);
  MPI_Allgather(&local, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  for (int r = 1; r < size; r++) displs[r] = displs[r - 1] + counts[r - 1];
  std::vector<int32_t> mine(events, events + local);
  MPI_Allgatherv(mine.data(), local, MPI_INT32_T, events, counts.data(), displs.data(), MPI_INT32_T,
                 MPI_COMM_WORLD);
  events[n] = displs[size - 1] + counts[size - 1];
  const double spike_bytes = (double)(events[n] - local) * sizeof(int32_t);
  counters.bytes += spike_bytes;
  counters.spike_calls++;
  counters.spike_bytes += count_bytes + spike_bytes;
}


template <class T>
static void sync_range_of(T* data, int32_t n) {
  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; r++) {
    displs[r] = (int)((int64_t)n * r / size);
    counts[r] = (int)((int64_t)n * (r + 1) / size) - displs[r];
  }
  Counted counted((double)(n - counts[rank]) * sizeof(T));
  MPI_Allgatherv(MPI_IN_PLACE, 0, type_of<T>(), data, counts.data(), displs.data(), type_of<T>(), MPI_COMM_WORLD);
}

template <class T>
static void sync_owned_of(T* data, const Ownership& own) {
  std::vector<T> mine(own.owned.size());
  for (size_t k = 0; k < own.owned.size(); k++) mine[k] = data[own.owned[k]];
  const std::vector<int32_t>& order = own.order();
  std::vector<T> all(order.size());
  Counted counted((double)(all.size() - mine.size()) * sizeof(T));
  MPI_Allgatherv(mine.data(), (int)mine.size(), type_of<T>(), all.data(), own.counts().data(), own.displs().data(),
                 type_of<T>(), MPI_COMM_WORLD);
  for (size_t k = 0; k < all.size(); k++) data[order[k]] = all[k];
}

// Each process sends the values at the indices it owns (in index order); every process puts
// every process's values back at their indices.
template <class T, class Owner>
static void sync_at_of(T* data, const int32_t* indices, int32_t count, Owner owner_of) {
  std::vector<int> counts(size, 0), displs(size, 0);
  std::vector<int> owners(count);
  for (int32_t k = 0; k < count; k++) counts[owners[k] = owner_of(indices[k])]++;
  for (int r = 1; r < size; r++) displs[r] = displs[r - 1] + counts[r - 1];
  std::vector<T> mine;
  mine.reserve(counts[rank]);
  for (int32_t k = 0; k < count; k++)
    if (owners[k] == rank) mine.push_back(data[indices[k]]);
  std::vector<T> all(count);
  Counted counted((double)(count - mine.size()) * sizeof(T));
  MPI_Allgatherv(mine.data(), (int)mine.size(), type_of<T>(), all.data(), counts.data(), displs.data(),
                 type_of<T>(), MPI_COMM_WORLD);
  std::vector<int> next(displs);
  for (int32_t k = 0; k < count; k++) data[indices[k]] = all[next[owners[k]]++];
}

template <class T>
static void sync_at_neurons(T* data, int32_t n, const int32_t* indices, int32_t count) {
  sync_at_of(data, indices, count, [n](int32_t i) { return owner(i, n); });
}

template <class T>
static void sync_at_synapses(T* data, const Ownership& own, const int32_t* indices, int32_t count) {
  sync_at_of(data, indices, count, [&own](int32_t s) { return own.owner_of((size_t)s); });
}

void sync_at(double* data, int32_t n, const int32_t* indices, int32_t count) {
  sync_at_neurons(data, n, indices, count);
}
void sync_at(int32_t* data, int32_t n, const int32_t* indices, int32_t count) {
  sync_at_neurons(data, n, indices, count);
}
void sync_at(char* data, int32_t n, const int32_t* indices, int32_t count) { sync_at_neurons(data, n, indices, count); }
void sync_at(double* data, const Ownership& own, const int32_t* indices, int32_t count) {
  sync_at_synapses(data, own, indices, count);
}
void sync_at(int32_t* data, const Ownership& own, const int32_t* indices, int32_t count) {
  sync_at_synapses(data, own, indices, count);
}
void sync_at(char* data, const Ownership& own, const int32_t* indices, int32_t count) {
  sync_at_synapses(data, own, indices, count);
}

void sync_range(double* data, int32_t n) { sync_range_of(data, n); }
void sync_range(int32_t* data, int32_t n) { sync_range_of(data, n); }
void sync_range(char* data, int32_t n) { sync_range_of(data, n); }
void sync_owned(double* data, const Ownership& own) { sync_owned_of(data, own); }
void sync_owned(int32_t* data, const Ownership& own) { sync_owned_of(data, own); }
void sync_owned(char* data, const Ownership& own) { sync_owned_of(data, own); }

static std::vector<const LocalSynapses*>& local_sets() {
  static std::vector<const LocalSynapses*> sets;
  return sets;
}

LocalSynapses::LocalSynapses(int32_t offset_, int32_t n_target_) : offset(offset_), n_target(n_target_) {
  local_sets().push_back(this);
}

static void merge_bytes(void* data, size_t bytes) {
  Counted counted((double)(size - 1) * bytes);
  for (size_t at = 0; at < bytes; at += (size_t)1 << 30) {
    const int chunk = (int)std::min(bytes - at, (size_t)1 << 30);
    MPI_Allreduce(MPI_IN_PLACE, (char*)data + at, chunk, MPI_BYTE, MPI_BOR, MPI_COMM_WORLD);
  }
}
void merge_records(double* data, size_t n) { merge_bytes(data, n * sizeof(double)); }
void merge_records(int32_t* data, size_t n) { merge_bytes(data, n * sizeof(int32_t)); }
void merge_records(char* data, size_t n) { merge_bytes(data, n); }

void sum_over_processes(int32_t* data, int32_t n) {
  Counted counted((double)(size - 1) * n * sizeof(int32_t));
  MPI_Allreduce(MPI_IN_PLACE, data, n, MPI_INT32_T, MPI_SUM, MPI_COMM_WORLD);
}

template <class T>
static std::vector<T> read_values(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (!f) _brian_fail("standalone_run_error", std::string("cannot open ") + path);
  std::fseek(f, 0, SEEK_END);
  const long bytes = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  std::vector<T> values(bytes / sizeof(T));
  if (!values.empty() && std::fread(values.data(), sizeof(T), values.size(), f) != values.size())
    _brian_fail("standalone_run_error", std::string("cannot read ") + path);
  std::fclose(f);
  return values;
}

template <class T>
static void set_values_global_of(std::vector<T>& data, const LocalSynapses& local, const char* values_file,
                                 const char* indices_file) {
  const std::vector<T> values = read_values<T>(values_file);
  if (!*indices_file) {
    if ((int64_t)values.size() != local.n_global)
      _brian_fail("bad_argument", std::string("wrong number of values in ") + values_file);
    for (size_t k = 0; k < data.size(); k++) data[k] = values[local.global[k]];
    return;
  }
  const std::vector<int32_t> indices = read_values<int32_t>(indices_file);
  for (size_t k = 0; k < indices.size(); k++) {
    if (indices[k] < 0 || indices[k] >= local.n_global)
      _brian_fail("index_out_of_range", "a synapse index outside the synapses");
    const int64_t at = local.local_of(indices[k]);
    if (at >= 0) data[at] = values[k];
  }
}

template <class T>
static void set_run_arg_global_of(std::vector<T>& data, const LocalSynapses& local, long start, long stop,
                                  const std::string& name, const std::string& value) {
  if (stop < 0) stop = (long)local.n_global;
  if (start < 0 || start > stop || stop > local.n_global)
    _brian_fail("index_out_of_range", "run_args slice of " + name + " outside its synapses");
  std::vector<T> values;
  const bool from_file = value.rfind("file:", 0) == 0;
  if (from_file) {
    values = read_values<T>(value.substr(5).c_str());
    if ((long)values.size() != stop - start)
      _brian_fail("bad_argument", "run_args value for " + name + " has " + std::to_string(values.size()) +
                                      " values, expected " + std::to_string(stop - start));
  }
  const T v = from_file ? T() : (T)std::stod(value);
  // Local synapses are in ascending global order: those in [start, stop) are one stretch.
  const auto first = std::lower_bound(local.global.begin(), local.global.end(), (int32_t)start);
  for (auto it = first; it != local.global.end() && *it < stop; ++it)
    data[it - local.global.begin()] = from_file ? values[*it - start] : v;
}

template <class T>
static void write_gathered_of(const std::string& path, const std::vector<T>& data, const LocalSynapses& local) {
  const int64_t n = local.n_global;
  const int64_t slice = (int64_t)1 << 16;  // 64 Ki synapses: under 1.3 MB of buffers
  FILE* f = nullptr;
  if (rank == 0) {
    f = std::fopen(path.c_str(), "wb");
    if (!f) _brian_fail("standalone_run_error", "cannot write " + path);
  }
  std::vector<int> counts(size), displs(size);
  std::vector<int32_t> numbers;
  std::vector<T> values, out;
  size_t at = 0;
  for (int64_t g0 = 0; g0 < n; g0 += slice) {
    const int64_t g1 = std::min(n, g0 + slice);
    size_t end = at;
    while (end < local.global.size() && local.global[end] < g1) end++;
    int mine = (int)(end - at);
    Counted counted(rank == 0 ? (double)(g1 - g0 - mine) * (sizeof(int32_t) + sizeof(T)) : 0.0);
    MPI_Gather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) {
      for (int r = 0; r < size; r++) displs[r] = r == 0 ? 0 : displs[r - 1] + counts[r - 1];
      numbers.resize(g1 - g0);
      values.resize(g1 - g0);
    }
    MPI_Gatherv(local.global.data() + at, mine, MPI_INT32_T, numbers.data(), counts.data(), displs.data(),
                MPI_INT32_T, 0, MPI_COMM_WORLD);
    MPI_Gatherv(data.data() + at, mine, type_of<T>(), values.data(), counts.data(), displs.data(), type_of<T>(), 0,
                MPI_COMM_WORLD);
    if (rank == 0) {
      out.resize(g1 - g0);
      for (int64_t k = 0; k < g1 - g0; k++) out[numbers[k] - g0] = values[k];
      std::fwrite(out.data(), sizeof(T), out.size(), f);
    }
    at = end;
  }
  if (f) std::fclose(f);
}

static std::vector<int32_t> held_sources;

void hold_sources(const char* values_file) { held_sources = read_values<int32_t>(values_file); }

void append_pairs(std::vector<int32_t>& pre, std::vector<int32_t>& post, LocalSynapses& local,
                  const char* values_file) {
  const std::vector<int32_t> targets = read_values<int32_t>(values_file);
  if (targets.size() != held_sources.size())
    _brian_fail("standalone_run_error", "connect(i, j): as many sources as targets expected");
  for (size_t k = 0; k < targets.size(); k++) {
    if (!local.keep(targets[k])) continue;
    pre.push_back(held_sources[k]);
    post.push_back(targets[k]);
  }
  held_sources.clear();
  held_sources.shrink_to_fit();
}

void set_values_global(std::vector<double>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file) {
  set_values_global_of(data, local, values_file, indices_file);
}
void set_values_global(std::vector<int32_t>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file) {
  set_values_global_of(data, local, values_file, indices_file);
}
void set_values_global(std::vector<char>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file) {
  set_values_global_of(data, local, values_file, indices_file);
}
void set_run_arg_global(std::vector<double>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value) {
  set_run_arg_global_of(data, local, start, stop, name, value);
}
void set_run_arg_global(std::vector<int32_t>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value) {
  set_run_arg_global_of(data, local, start, stop, name, value);
}
void set_run_arg_global(std::vector<char>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value) {
  set_run_arg_global_of(data, local, start, stop, name, value);
}
void write_gathered(const std::string& path, const std::vector<double>& data, const LocalSynapses& local) {
  write_gathered_of(path, data, local);
}
void write_gathered(const std::string& path, const std::vector<int32_t>& data, const LocalSynapses& local) {
  write_gathered_of(path, data, local);
}
void write_gathered(const std::string& path, const std::vector<char>& data, const LocalSynapses& local) {
  write_gathered_of(path, data, local);
}

void broadcast_seed(uint32_t& lo, uint32_t& hi) {
  uint32_t words[2] = {lo, hi};
  MPI_Bcast(words, 2, MPI_UINT32_T, 0, MPI_COMM_WORLD);
  lo = words[0];
  hi = words[1];
}

double max_over_processes(double x) {
  double m = x;
  MPI_Allreduce(&x, &m, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  return m;
}

// This process's peak resident memory in KiB (Linux: VmHWM in /proc/self/status; 0 elsewhere).
static long peak_memory_kib() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kib = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
  std::fclose(f);
  return kib;
}

void write_exchange(const std::string& results_dir) {
  const double slowest = max_over_processes(counters.seconds);
  // Every process's peak memory, to see what each holds (synapses are not yet split: README).
  long mine = peak_memory_kib();
  std::vector<long> peaks(size);
  MPI_Gather(&mine, 1, MPI_LONG, peaks.data(), 1, MPI_LONG, 0, MPI_COMM_WORLD);
  long held = 0;
  for (const LocalSynapses* s : local_sets()) held += (long)s->global.size();
  std::vector<long> helds(size);
  MPI_Gather(&held, 1, MPI_LONG, helds.data(), 1, MPI_LONG, 0, MPI_COMM_WORLD);
  if (rank != 0) return;
  FILE* f = std::fopen((results_dir + "/mpi_exchange.txt").c_str(), "w");
  if (!f) return;
  std::fprintf(f, "processes %d\ncalls %ld\nbytes %.17g\nseconds %.17g\nspike_calls %ld\nspike_bytes %.17g\n", size,
               counters.calls, counters.bytes, slowest, counters.spike_calls, counters.spike_bytes);
  std::fprintf(f, "peak_memory_kib");
  for (int r = 0; r < size; r++) std::fprintf(f, "%s%ld", r == 0 ? " " : ",", peaks[r]);
  std::fprintf(f, "\n");
  if (!local_sets().empty()) {
    std::fprintf(f, "local_synapses");
    for (int r = 0; r < size; r++) std::fprintf(f, "%s%ld", r == 0 ? " " : ",", helds[r]);
    std::fprintf(f, "\n");
  }
  std::fclose(f);
}

}  // namespace mpi
}  // namespace brian
