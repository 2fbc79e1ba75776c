// Implementation of distributed_spikes.h with MPI collectives (compiled only into MPI programs).
#include "distributed_spikes.h"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

#include "distributed.h"
#include "mpi_counted.h"
#include "mpi_types.h"

namespace brian {
namespace mpi {

namespace {
// JavaScript's Math.round (halves towards +infinity), as SpikeQueue rounds delays.
int32_t js_round(double x) {
  const double r = std::floor(x);
  return (int32_t)(x - r >= 0.5 ? r + 1 : r);
}

}  // namespace

int32_t min_delay_steps(const std::vector<double>& delays, double dt) {
  int32_t least = INT32_MAX;
  for (double d : delays) least = std::min(least, js_round(d / dt));
  return least;
}

int32_t block_steps(std::initializer_list<int32_t> least_delays) {
  int32_t local = INT32_MAX, least = INT32_MAX;
  for (int32_t d : least_delays) local = std::min(local, d);
  {
    Counted counted((double)(size - 1) * sizeof(int32_t));
    MPI_Allreduce(&local, &least, 1, MPI_INT32_T, MPI_MIN, MPI_COMM_WORLD);
  }
  return std::max<int32_t>(1, std::min<int32_t>(least, 4096));
}

void SpikeBlock::begin(int32_t steps) {
  every = steps;
  held = 0;
  fresh = false;
  mine.clear();
  mine_counts.clear();
  all.clear();
  step_start.assign(1, 0);
}

void SpikeBlock::hold(const int32_t* events, int32_t n) {
  if (fresh) {
    // The pathways queued the last block in its last step.
    fresh = false;
    held = 0;
    mine.clear();
    mine_counts.clear();
  }
  mine.insert(mine.end(), events, events + events[n]);
  mine_counts.push_back(events[n]);
  if (++held == every) exchange();
}

bool SpikeBlock::flush() {
  if (fresh || held == 0) return false;
  exchange();
  fresh = false;
  held = 0;
  mine.clear();
  mine_counts.clear();
  return true;
}

// One message per process: the counts of its held steps, then their spikes. Every process then
// lays out each step's spikes process after process, which is index order.
void SpikeBlock::exchange() {
  std::vector<int32_t> message(mine_counts);
  message.insert(message.end(), mine.begin(), mine.end());
  int local = (int)message.size();
  std::vector<int> lengths(size);
  const double before_bytes = counters.bytes;
  Counted counted(0);
  MPI_Allgather(&local, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
  const std::vector<int> displs = displacements(lengths);
  std::vector<int32_t> messages(displs[size - 1] + lengths[size - 1]);
  MPI_Allgatherv(message.data(), local, MPI_INT32_T, messages.data(), lengths.data(), displs.data(), MPI_INT32_T,
                 MPI_COMM_WORLD);
  const int32_t steps = held;
  all.clear();
  step_start.assign(1, 0);
  std::vector<int32_t> next(size);  // where each process's spikes of the next step start
  for (int r = 0; r < size; r++) next[r] = displs[r] + steps;
  for (int32_t j = 0; j < steps; j++) {
    for (int r = 0; r < size; r++) {
      const int32_t count = messages[displs[r] + j];
      all.insert(all.end(), messages.begin() + next[r], messages.begin() + next[r] + count);
      next[r] += count;
    }
    step_start.push_back((int32_t)all.size());
  }
  fresh = true;
  counters.bytes += (double)(size - 1) * sizeof(int) + (double)(messages.size() - message.size()) * sizeof(int32_t);
  counters.spike_calls++;
  counters.spike_bytes += counters.bytes - before_bytes;
}

RecordMerge::RecordMerge(std::vector<double>& times, size_t from_) : from(from_), counts(size) {
  int local = (int)(times.size() - from);
  {
    Counted counted((double)(size - 1) * sizeof(int));
    MPI_Allgather(&local, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  }
  displs = displacements(counts);
  gather(times);
  // Each process's records are in time order: a stable sort by time keeps, within one time, the
  // processes in order.
  const size_t total = times.size() - from;
  order.resize(total);
  std::iota(order.begin(), order.end(), 0);
  const double* t = times.data() + from;
  std::stable_sort(order.begin(), order.end(), [t](int32_t a, int32_t b) { return t[a] < t[b]; });
  std::vector<int> owner(total);
  for (int r = 0; r < size; r++) std::fill(owner.begin() + displs[r], owner.begin() + displs[r] + counts[r], r);
  source.resize(total);
  std::vector<double> sorted(total);
  for (size_t k = 0; k < total; k++) {
    sorted[k] = t[order[k]];
    source[k] = owner[order[k]];
  }
  std::copy(sorted.begin(), sorted.end(), times.begin() + from);
}

// Every process's new values, in process order, then put in the merged order.
template <class T>
void RecordMerge::gather(std::vector<T>& values) {
  std::vector<T> mine(values.begin() + from, values.end());
  const int total = displs[size - 1] + counts[size - 1];
  values.resize(from + total);
  Counted counted((double)(total - (int)mine.size()) * sizeof(T));
  MPI_Allgatherv(mine.data(), (int)mine.size(), type_of<T>(), values.data() + from, counts.data(), displs.data(),
                 type_of<T>(), MPI_COMM_WORLD);
  if (order.empty()) return;  // the times themselves (the constructor sorts them)
  std::vector<T> gathered(values.begin() + from, values.end());
  for (size_t k = 0; k < order.size(); k++) values[from + k] = gathered[order[k]];
}

void RecordMerge::apply(std::vector<double>& values) { gather(values); }
void RecordMerge::apply(std::vector<int32_t>& values) { gather(values); }
void RecordMerge::apply(std::vector<char>& values) { gather(values); }

void RecordMerge::count(const std::vector<int32_t>& ids, int32_t* per_neuron) const {
  for (size_t k = 0; k < source.size(); k++)
    if (source[k] != rank) per_neuron[ids[from + k]]++;
}

}  // namespace mpi
}  // namespace brian
