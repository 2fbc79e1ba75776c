// Delivers spikes through synapses after their delays: the algorithm of
// src/devices/runtime/spike-queue.ts (ring buffer of time steps, synapses stored by source in CSR
// order), so synapses are processed in the same order on both devices.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace brian {

// Asks for the lines of a[first] … a[end - 1] (at most 8: the hardware prefetcher carries on along
// a longer row), the row a kernel walking due rows applies soon (SpikeQueue::Due).
template <typename T>
inline void prefetch_run(const T* a, int32_t first, int32_t end) {
  const uintptr_t begin = (uintptr_t)(a + first) & ~(uintptr_t)63;
  const uintptr_t stop = std::min<uintptr_t>((uintptr_t)(a + end), begin + 8 * 64);
  for (uintptr_t p = begin; p < stop; p += 64) __builtin_prefetch((const void*)p);
}

class SpikeQueue {
 public:
  // Rebuilds the queue for the current synapses unless they and their delays are unchanged since
  // the last run (then spikes in flight are kept), as SynapticPathway.prepare does. With `owned`
  // (an MPI program), only the synapses marked there are queued, in the same order.
  void prepare(const std::vector<int32_t>& sources, int32_t n_sources, const std::vector<double>& delays,
               double dt, const std::vector<char>* owned = nullptr);

  // Queues the synapses of the spiking neurons in [start, stop) of an event space (count at `size`).
  void push(const int32_t* events, int32_t size, int32_t start, int32_t stop) {
    push_list(events, events[size], start, stop, 0);
  }

  // Queues `count` spikes (neuron indices) that happened `back` steps before the step the queue
  // stands at: an MPI program that exchanges spikes once per minimum delay (brianlib/distributed.h,
  // SpikeBlock) queues a held step's spikes late, into the slots they would have reached on time.
  // Every delay is at least `back` steps then, so no such slot has been delivered yet.
  void push_list(const int32_t* spikes, int32_t count, int32_t start, int32_t stop, int32_t back) {
    const size_t ring_size = ring.size();
    const size_t now = current + ring_size;  // `- back` stays non-negative (back < ring size)
    for (int32_t k = 0; k < count; k++) {
      const int32_t idx = spikes[k];
      if (idx < start || idx >= stop) continue;
      const int32_t src = idx - start;
      if (homogeneous) {
        const size_t slot = (now + delay - back) % ring_size;
        put(slot, src);
      } else {
        for (int32_t r = row_start[src]; r < row_start[src + 1]; r++) {
          const int32_t syn = source_ordered ? row_first[src] + (r - row_start[src]) : row_synapses[r];
          put((now + delays_steps[syn] - back) % ring_size, syn);
        }
      }
    }
  }

  // The synapses due at a step, as the pathway's kernel walks them (kernels/synapses.ts). With
  // one delay for all synapses and the synapses numbered in source order, each due source's row
  // is the run of synapse numbers row_first[s] … row_first[s] + row_start[s + 1] - row_start[s] - 1,
  // and the kernel walks those runs: no list of due synapses is written and read back (4 B each
  // way per synaptic event), and the next rows are prefetched whole. Otherwise `list` holds them.
  struct Due {
    bool rows = false;  // rows, or `list`
    const int32_t* sources = nullptr;  // rows: the due sources, in delivery order
    int32_t n_sources = 0;
    const int32_t* row_first = nullptr;
    const int32_t* row_start = nullptr;
    int32_t ahead = 1;  // rows: how many rows ahead the kernel prefetches
    const int32_t* list = nullptr;  // or the due synapses
    int32_t n = 0;
    bool empty() const { return rows ? n_sources == 0 : n == 0; }
  };

  // Pops the synapses due now (pop()) as rows where they are rows, else into `list`. The rows stay
  // valid until the next push: the kernel applies them before the next step's spikes are queued.
  Due pop_due(std::vector<int32_t>& list) {
    Due d;
    if (homogeneous && source_ordered) {
      d.rows = true;
      d.sources = ring[current].data();
      d.n_sources = fill[current];
      d.row_first = row_first.data();
      d.row_start = row_start.data();
      d.ahead = rows_ahead;
      list.clear();
      fill[current] = 0;
      current = (current + 1) % ring.size();
      return d;
    }
    pop(list);
    d.list = list.data();
    d.n = (int32_t)list.size();
    return d;
  }

  // The synapses due now, in delivery order; advances to the next step.
  void pop(std::vector<int32_t>& out) {
    out.clear();
    const size_t slot = current;
    const std::vector<int32_t>& buf = ring[slot];
    const int32_t f = fill[slot];
    if (homogeneous) {
      // Sized once, then each source's row copied as a block (push_back per synapse stored the
      // vector's end pointer at every element: 10 % of CUBA's run time at 64000 neurons).
      size_t n = 0;
      for (int32_t k = 0; k < f; k++) n += row_start[buf[k] + 1] - row_start[buf[k]];
      out.resize(n);
      int32_t* o = out.data();
      if (source_ordered) {
        for (int32_t k = 0; k < f; k++) {
          const int32_t src = buf[k];
          const int32_t first = row_first[src], len = row_start[src + 1] - row_start[src];
          for (int32_t r = 0; r < len; r++) *o++ = first + r;
        }
      } else {
        const int32_t* rows = row_synapses.data();
        for (int32_t k = 0; k < f; k++) {
          const int32_t src = buf[k];
          o = std::copy(rows + row_start[src], rows + row_start[src + 1], o);
        }
      }
    } else {
      out.insert(out.end(), buf.begin(), buf.begin() + f);
    }
    fill[slot] = 0;
    current = (slot + 1) % ring.size();
  }

  // OpenMP (cpp/kernels/synapses.ts): the queue split into `n_parts` queues, one per thread. Part p
  // queues only the synapses whose key (the element the pathway writes: the postsynaptic neuron, or
  // the synapse itself when `keys` is null) lies in its p-th block of keys, in the serial order;
  // the pathway's kernel pushes the spikes of `events` into each part and pops its due synapses on
  // the thread that applies them. No key is in two parts, so every target receives its synapses in
  // the serial order whatever the number of threads: the serial sums to the bit.
  void prepare_parts(const std::vector<int32_t>& sources, int32_t n_sources, const std::vector<double>& delays,
                     double dt, const std::vector<int32_t>* keys, int32_t n_parts, const int32_t* events,
                     int32_t size, int32_t start, int32_t stop);
  int32_t n_parts() const { return (int32_t)parts.size(); }

  // About how many synapses the parts deliver this step (those pending in the current slot, plus
  // every synapse of this step's spikes): whether waking the other threads is worth it.
  size_t due_estimate() const {
    if (parts.empty()) return 0;
    const double spikes = part_events[part_size];
    if (parts[0].homogeneous) {
      // Every part's ring holds the same sources (one delay for all synapses).
      const SpikeQueue& q = parts[0];
      return (size_t)((q.fill[q.current] + spikes) * mean_row);
    }
    size_t pending = 0;
    for (const SpikeQueue& q : parts) pending += q.fill[q.current];
    return pending + (size_t)(spikes * mean_row);
  }

  // Pushes this step's spikes into part p and pops its due synapses (pop_due).
  Due advance_part(int32_t p) {
    SpikeQueue& q = parts[p];
    q.push(part_events, part_size, part_start, part_stop);
    return q.pop_due(part_due[p]);
  }

  // Spikes in flight (store/restore): the current slot, then each slot's contents.
  std::vector<std::vector<int32_t>> get_state(size_t& current_out) const {
    current_out = current;
    std::vector<std::vector<int32_t>> slots(ring.size());
    for (size_t k = 0; k < ring.size(); k++) slots[k].assign(ring[k].begin(), ring[k].begin() + fill[k]);
    return slots;
  }
  void set_state(size_t current_in, const std::vector<std::vector<int32_t>>& slots) {
    if (slots.size() != ring.size()) return;
    current = current_in;
    for (size_t k = 0; k < slots.size(); k++) {
      if (slots[k].size() > ring[k].size()) ring[k].resize(slots[k].size());
      std::copy(slots[k].begin(), slots[k].end(), ring[k].begin());
      fill[k] = (int32_t)slots[k].size();
    }
  }

 private:
  std::vector<int32_t> row_start, row_synapses, delays_steps, fill;
  std::vector<std::vector<int32_t>> ring;
  bool homogeneous = true, built = false;
  // Synapses in source order: each source's row is the synapses row_first[source], row_first[source] + 1, …
  // (row_start[source] without `owned`), and row_synapses stays empty.
  bool source_ordered = false;
  std::vector<int32_t> row_first;
  // Rows prefetched ahead by a kernel walking rows (Due::ahead): about PREFETCH_SYNAPSES synapses.
  int32_t rows_ahead = 1;
  static constexpr int32_t PREFETCH_SYNAPSES = 48;
  // Whether each source's queued synapses are consecutive (sources sorted); sets row_first.
  bool contiguous_rows(const std::vector<int32_t>& sources, int32_t n_sources, const std::vector<char>* owned);
  int32_t delay = 0;
  size_t current = 0;
  size_t key_n = 0;
  uint32_t key_hash_steps = 0, key_hash_sources = 0, key_hash_owned = 0;
  // prepare_parts(): the parts, their due lists, the spikes they read, synapses per source.
  std::vector<SpikeQueue> parts;
  std::vector<std::vector<int32_t>> part_due;
  const int32_t* part_events = nullptr;
  int32_t part_size = 0, part_start = 0, part_stop = 0;
  double mean_row = 0;

  void put(size_t slot, int32_t value) {
    std::vector<int32_t>& buf = ring[slot];
    if ((size_t)fill[slot] == buf.size()) buf.resize(buf.size() * 2);
    buf[fill[slot]++] = value;
  }

  // JavaScript's Math.round (halves towards +infinity).
  static int32_t js_round(double x) {
    const double r = std::floor(x);
    return (int32_t)(x - r >= 0.5 ? r + 1 : r);
  }

  // FNV-1a over int32 values, as pathway.ts's hash(): the cache key of prepare().
  static constexpr uint32_t HASH_SEED = 2166136261u;
  static uint32_t hash_step(uint32_t h, int32_t value) { return (h ^ (uint32_t)value) * 16777619u; }
  static uint32_t hash(const int32_t* values, size_t n) {
    uint32_t h = HASH_SEED;
    for (size_t k = 0; k < n; k++) h = hash_step(h, values[k]);
    return h;
  }
};

}  // namespace brian
