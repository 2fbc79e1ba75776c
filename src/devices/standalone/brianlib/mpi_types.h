#pragma once
// The MPI datatype of a C++ element type, for the collective calls of distributed.cpp and
// distributed_spikes.cpp (MPI programs only).
#include <mpi.h>

#include <cstdint>

namespace brian {
namespace mpi {

template <class T>
MPI_Datatype type_of();
template <>
inline MPI_Datatype type_of<double>() {
  return MPI_DOUBLE;
}
template <>
inline MPI_Datatype type_of<int32_t>() {
  return MPI_INT32_T;
}
template <>
inline MPI_Datatype type_of<char>() {
  return MPI_CHAR;
}

}  // namespace mpi
}  // namespace brian
