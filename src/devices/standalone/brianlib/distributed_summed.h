// A summed variable onto presynaptic neurons (`x_pre = … : 1 (summed)`) of synapses stored where
// they live (distributed.h: LocalSynapses). The sum of a source neuron's terms must be added in
// global synapse order, as one process adds them (floating-point addition is not associative),
// so partial sums per process cannot be reduced: each process sends every term of its synapses
// to the process owning the source neuron, which adds them in global synapse order.
// Declarations only (distributed_summed.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace brian {
namespace mpi {

struct LocalSynapses;

struct SummedToSource {
  // Collective: who sends which terms where, and in which order the owner adds them. Made before
  // each run (the synapses only change outside runs): pre[k] is local synapse k's source index,
  // its target element pre[k] + offset of an array of n elements split in blocks (lo, hi).
  void prepare(const std::vector<int32_t>& pre, int32_t offset, int32_t n, const LocalSynapses& local);
  // Collective: terms[k] the term of local synapse k; adds to target, in global synapse order,
  // every term of the elements this process owns (the caller set them to 0 first).
  void add(const std::vector<double>& terms, double* target) { add_to(terms, target); }
  void add(const std::vector<double>& terms, int32_t* target) { add_to(terms, target); }
  void add(const std::vector<double>& terms, char* target) { add_to(terms, target); }

 private:
  std::vector<int32_t> send_order;           // local synapses grouped by the destination process
  std::vector<int> send_counts, send_displs;  // per process, in send_order
  std::vector<int> recv_counts, recv_displs;  // per process, in the received terms
  std::vector<int32_t> merged;               // the received terms' positions, in global synapse order
  std::vector<int32_t> element;              // and the target element of each, in that order
  std::vector<double> sent, received;
  void exchange(const std::vector<double>& terms);
  template <class T>
  void add_to(const std::vector<double>& terms, T* target) {
    exchange(terms);
    for (std::size_t e = 0; e < merged.size(); e++) target[element[e]] += received[merged[e]];
  }
};

}  // namespace mpi
}  // namespace brian
