// What a program built for MPI (setDevice('cpp_standalone', { mpi })) adds: every process holds
// every array, but computes, at each step, only the neurons it owns (a contiguous block of each
// group) and the synapses whose target neuron it owns; what others need of that is exchanged with
// collective calls (spikes after each threshold or once per minimum delay: distributed_spikes.h,
// arrays read at elements another process owns).
// Outside the step loop all processes hold the same values. Declarations only (distributed.cpp).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace brian {
namespace mpi {

extern int rank, size;

void init(int* argc, char*** argv);
void finalize();

// The block of a group of n elements this process owns: [lo(n), hi(n)).
inline int32_t lo(int32_t n) { return (int32_t)((int64_t)n * rank / size); }
inline int32_t hi(int32_t n) { return (int32_t)((int64_t)n * (rank + 1) / size); }
// The process owning element i of a group of n.
inline int owner(int32_t i, int32_t n) { return (int)((((int64_t)i + 1) * size - 1) / n); }

// The synapses of one Synapses object this process owns: those of its target neurons. What the
// exchange of per-synapse values needs (every synapse grouped by owner) is made when it is first
// needed, which most models never do: 8 bytes per synapse on every process otherwise.
struct Ownership {
  std::vector<int32_t> owned;  // ascending synapse indices
  std::vector<char> mask;      // 1 for owned synapses
  // Recomputed from the target indices (target neuron = post + offset in a group of n_target).
  void update(const std::vector<int32_t>& post, int32_t offset, int32_t n_target);
  // The process owning synapse s.
  int owner_of(size_t s) const { return owner((*post_)[s] + offset_, n_target_); }
  // Per process: its number of synapses and where they start in `order()`, every synapse grouped
  // by owning process (each group ascending).
  const std::vector<int>& counts() const { return grouped().counts; }
  const std::vector<int>& displs() const { return grouped().displs; }
  const std::vector<int32_t>& order() const { return grouped().order; }

 private:
  struct Grouped {
    bool made = false;
    std::vector<int> counts, displs;
    std::vector<int32_t> order;
  };
  const std::vector<int32_t>* post_ = nullptr;
  int32_t offset_ = 0, n_target_ = 1;
  mutable Grouped grouped_;
  const Grouped& grouped() const;
};

// Synapses stored where they live (`mpi: { distributeSynapses }`, 'auto' by default): each process keeps only
// the synapses of its own target neurons, in compact per-synapse arrays, and each one's global
// number (the single process's synapse index). connect() runs the whole candidate loop on every
// process (the same draws) and keeps what keep() accepts; afterwards everything that names
// synapses from outside (setters with indices, the results) goes through the global numbers.
struct LocalSynapses {
  int32_t offset = 0, n_target = 1;  // target neuron = post + offset in a group of n_target
  int64_t n_global = 0;              // the synapses made so far, on all processes together
  std::vector<int32_t> global;       // the global number of each local synapse, ascending
  LocalSynapses(int32_t offset_, int32_t n_target_);  // registers itself (write_exchange counts them)
  // Numbers the next synapse made (post: its target index); true if this process keeps it.
  bool keep(int32_t post) {
    const int64_t g = n_global++;
    if (owner(post + offset, n_target) != rank) return false;
    global.push_back((int32_t)g);
    return true;
  }
  // The local position of global synapse g, or -1 when another process holds it.
  int64_t local_of(int64_t g) const {
    auto it = std::lower_bound(global.begin(), global.end(), (int32_t)g);
    return it != global.end() && *it == g ? (int64_t)(it - global.begin()) : -1;
  }
};

// Merges the records of a state monitor of synapses stored apart: each element was written by one
// process and is zero on the others, so a bitwise or gives every process its exact value.
void merge_records(double* data, size_t n);
void merge_records(int32_t* data, size_t n);
void merge_records(char* data, size_t n);

// connect(i=…, j=…) from the script: the source indices are held until the target indices come;
// then each process appends the pairs of its own targets (numbering all of them).
void hold_sources(const char* values_file);
void append_pairs(std::vector<int32_t>& pre, std::vector<int32_t>& post, LocalSynapses& local,
                  const char* values_file);

// Sums an array of counts over the processes, in place (N_incoming, N_outgoing).
void sum_over_processes(int32_t* data, int32_t n);

// S.w = values / S.w[indices] = values from the script, with global synapse numbers: each process
// sets the synapses it holds.
void set_values_global(std::vector<double>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file);
void set_values_global(std::vector<int32_t>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file);
void set_values_global(std::vector<char>& data, const LocalSynapses& local, const char* values_file,
                       const char* indices_file);

// device.run({ runArgs }) on a per-synapse array stored apart: the global synapses [start, stop)
// (stop < 0: all of them) take `value` (a number, or file:<path> holding stop - start values);
// each process sets the ones it holds.
void set_run_arg_global(std::vector<double>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value);
void set_run_arg_global(std::vector<int32_t>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value);
void set_run_arg_global(std::vector<char>& data, const LocalSynapses& local, long start, long stop,
                        const std::string& name, const std::string& value);

// Collective: process 0 writes a per-synapse array in global order, gathered in slices of the
// global numbers (never the whole array in one process's memory).
void write_gathered(const std::string& path, const std::vector<double>& data, const LocalSynapses& local);
void write_gathered(const std::string& path, const std::vector<int32_t>& data, const LocalSynapses& local);
void write_gathered(const std::string& path, const std::vector<char>& data, const LocalSynapses& local);

// An event space whose first events[n] entries are this process's events (ascending): afterwards
// every process has all events, in index order, and their count at events[n].
void exchange_events(int32_t* events, int32_t n);

// Every process's owned block of an array of a group of n elements, to every process.
void sync_range(double* data, int32_t n);
void sync_range(int32_t* data, int32_t n);
void sync_range(char* data, int32_t n);

// Every process's owned synapses' values of a per-synapse array, to every process.
void sync_owned(double* data, const Ownership& own);
void sync_owned(int32_t* data, const Ownership& own);
void sync_owned(char* data, const Ownership& own);

// Only the elements at `indices` (count of them) of such arrays, to every process (what a state
// monitor records): a group of n neurons, or a synapse set.
void sync_at(double* data, int32_t n, const int32_t* indices, int32_t count);
void sync_at(int32_t* data, int32_t n, const int32_t* indices, int32_t count);
void sync_at(char* data, int32_t n, const int32_t* indices, int32_t count);
void sync_at(double* data, const Ownership& own, const int32_t* indices, int32_t count);
void sync_at(int32_t* data, const Ownership& own, const int32_t* indices, int32_t count);
void sync_at(char* data, const Ownership& own, const int32_t* indices, int32_t count);

// What this process's exchanges cost (counted by every call above): collective calls, bytes
// received from the other processes, seconds inside MPI (waiting for slower processes included).
struct ExchangeCounters {
  long calls = 0;
  double bytes = 0, seconds = 0;
  long spike_calls = 0;    // of them, exchanges of a threshold's spikes
  double spike_bytes = 0;  // and the bytes those received
};
extern ExchangeCounters counters;

// Process 0 writes `mpi_exchange.txt` in the results: the number of processes, its calls and
// bytes, and the most seconds any process spent in exchanges (MpiStandaloneDevice.exchange).
void write_exchange(const std::string& results_dir);

// Process 0's seed to every process (a program seeded randomly).
void broadcast_seed(uint32_t& lo, uint32_t& hi);

// The largest value over the processes (run times).
double max_over_processes(double x);

}  // namespace mpi
}  // namespace brian

#include "distributed_spikes.h"
#include "distributed_summed.h"
