// Spikes exchanged once per minimum synaptic delay (NEST's scheme) and spike monitors that record
// on each process and merge after the run (devices/mpi/spike-blocks.ts decides where; compiled
// only into MPI programs, with distributed_spikes.cpp).
//
// A spike of step t travels through synapses of delay d >= D steps; it is first delivered at step
// t + d, so the other processes need it only by then. Each process holds its own spikes for D
// steps and sends them all in one collective; the received spikes of a held step t are queued
// `back` steps late, into the slots they would have reached at step t (SpikeQueue::push_list).
// Same queue contents in the same order as an exchange after every threshold, so the same results.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace brian {
namespace mpi {

// The steps of a block: the least delay in steps over pathways from one group (each entry one
// pathway's least delay on this process, min_delay_steps), over all processes, at least 1 and at
// most 4096 (a group whose pathways have no synapses would otherwise hold its spikes all run).
int32_t block_steps(std::initializer_list<int32_t> least_delays);
// The least delay of one pathway in steps (rounded as SpikeQueue::prepare does), INT32_MAX if none.
int32_t min_delay_steps(const std::vector<double>& delays, double dt);

// One group's spikes over a block of steps.
struct SpikeBlock {
  int32_t every = 1;  // the block's steps
  int32_t held = 0;   // steps held so far
  bool fresh = false;  // exchanged at this step: the pathways queue the block now
  std::vector<int32_t> mine, mine_counts;  // this process's spikes of the held steps, their counts per step
  std::vector<int32_t> all, step_start;    // every process's: step j's are all[step_start[j] .. step_start[j+1])

  // A run starts: blocks of `steps` steps, nothing held.
  void begin(int32_t steps);
  // After the threshold: this process's spikes of this step (the first events[n] entries) are
  // held; at the block's last step all processes exchange theirs.
  void hold(const int32_t* events, int32_t n);
  // At the end of a run: the steps still held are exchanged; true if there were any.
  bool flush();
  // The exchanged spikes into a pathway's queue (its source range [start, stop)); `after`: steps
  // the queue has advanced since the block's last step (0 in the step, 1 after the loop).
  template <class Queue>
  void push_into(Queue& q, int32_t start, int32_t stop, int32_t after) const {
    const int32_t steps = (int32_t)step_start.size() - 1;
    for (int32_t j = 0; j < steps; j++) {
      const int32_t from = step_start[j];
      q.push_list(all.data() + from, step_start[j + 1] - from, start, stop, steps - 1 - j + after);
    }
  }

 private:
  void exchange();
};

// A spike monitor's records of one run, made by each process for its own neurons, merged into
// the records of the whole group: every process's new records (those from `from` on) gathered and
// put in the order one process records them, by time and within one time by neuron (processes own
// ascending blocks of neurons, so by process).
class RecordMerge {
 public:
  RecordMerge(std::vector<double>& times, size_t from);
  void apply(std::vector<double>& values);
  void apply(std::vector<int32_t>& values);
  void apply(std::vector<char>& values);
  // The monitor's per-neuron counts (this process counted its own neurons' spikes): the merged
  // records of the other processes (relative neuron indices, already merged) are counted in.
  void count(const std::vector<int32_t>& ids, int32_t* counts) const;

 private:
  template <class T>
  void gather(std::vector<T>& values);
  size_t from;
  std::vector<int> counts, displs;
  std::vector<int32_t> order;  // merged position k holds gathered record order[k]
  std::vector<int> source;     // and came from that process
};

}  // namespace mpi
}  // namespace brian
