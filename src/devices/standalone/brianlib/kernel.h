// What every generated kernel includes: the function table's C++ side and the random generator.
// Kept small: it is parsed once per compiled kernel file.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "functions.h"
#include "random.h"
#ifdef BRIAN_MPI
#include "distributed.h"
#endif
