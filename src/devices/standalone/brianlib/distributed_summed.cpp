// Implementation of distributed_summed.h (compiled only into MPI programs).
#include "distributed_summed.h"

#include <mpi.h>

#include <algorithm>
#include <numeric>

#include "distributed.h"
#include "mpi_counted.h"

namespace brian {
namespace mpi {

void SummedToSource::prepare(const std::vector<int32_t>& pre, int32_t offset, int32_t n,
                             const LocalSynapses& local) {
  const size_t count = local.global.size();
  std::vector<int> dest(count);
  send_counts.assign(size, 0);
  for (size_t k = 0; k < count; k++) {
    dest[k] = owner(pre[k] + offset, n);
    send_counts[dest[k]]++;
  }
  send_displs = displacements(send_counts);
  // Each destination's synapses in local order, which is ascending global order.
  send_order.assign(count, 0);
  std::vector<int32_t> numbers(count), elements(count);
  std::vector<int> at = send_displs;
  for (size_t k = 0; k < count; k++) {
    const int i = at[dest[k]]++;
    send_order[i] = (int32_t)k;
    numbers[i] = local.global[k];
    elements[i] = pre[k] + offset;
  }
  recv_counts.assign(size, 0);
  {
    Counted counted((double)(size - 1) * sizeof(int));
    MPI_Alltoall(send_counts.data(), 1, MPI_INT, recv_counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
  }
  recv_displs = displacements(recv_counts);
  const int total = std::accumulate(recv_counts.begin(), recv_counts.end(), 0);
  std::vector<int32_t> their_numbers(total), their_elements(total);
  {
    Counted counted((double)(total - recv_counts[rank]) * 2 * sizeof(int32_t));
    MPI_Alltoallv(numbers.data(), send_counts.data(), send_displs.data(), MPI_INT32_T, their_numbers.data(),
                  recv_counts.data(), recv_displs.data(), MPI_INT32_T, MPI_COMM_WORLD);
    MPI_Alltoallv(elements.data(), send_counts.data(), send_displs.data(), MPI_INT32_T,
                  their_elements.data(), recv_counts.data(), recv_displs.data(), MPI_INT32_T, MPI_COMM_WORLD);
  }
  // The order one process adds the terms in: by global synapse number (each number comes once).
  merged.resize(total);
  std::iota(merged.begin(), merged.end(), 0);
  std::sort(merged.begin(), merged.end(),
            [&](int32_t a, int32_t b) { return their_numbers[a] < their_numbers[b]; });
  element.resize(total);
  for (int e = 0; e < total; e++) element[e] = their_elements[merged[e]];
  sent.resize(count);
  received.resize(total);
}

void SummedToSource::exchange(const std::vector<double>& terms) {
  for (size_t i = 0; i < send_order.size(); i++) sent[i] = terms[send_order[i]];
  Counted counted((double)(received.size() - recv_counts[rank]) * sizeof(double));
  MPI_Alltoallv(sent.data(), send_counts.data(), send_displs.data(), MPI_DOUBLE, received.data(),
                recv_counts.data(), recv_displs.data(), MPI_DOUBLE, MPI_COMM_WORLD);
}

}  // namespace mpi
}  // namespace brian
