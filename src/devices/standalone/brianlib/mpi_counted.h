#pragma once
// What the collective calls of distributed.cpp, distributed_spikes.cpp and distributed_summed.cpp
// share (MPI programs only): counting each exchange into ExchangeCounters, and per-process
// element counts turned into the displacements MPI's v-calls take.
#include <mpi.h>

#include <cstddef>
#include <vector>

#include "distributed.h"

namespace brian {
namespace mpi {

// Counts one exchange: its bytes received, and the seconds until it goes out of scope.
struct Counted {
  const double t0 = MPI_Wtime();
  explicit Counted(double bytes) {
    counters.calls++;
    counters.bytes += bytes;
  }
  ~Counted() { counters.seconds += MPI_Wtime() - t0; }
};

// Element counts (one per process) to displacements.
inline std::vector<int> displacements(const std::vector<int>& counts) {
  std::vector<int> displs(counts.size(), 0);
  for (std::size_t r = 1; r < counts.size(); r++) displs[r] = displs[r - 1] + counts[r - 1];
  return displs;
}

}  // namespace mpi
}  // namespace brian
