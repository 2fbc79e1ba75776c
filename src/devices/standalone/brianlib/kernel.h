// What every generated kernel includes: the function table's C++ side, the random generator and
// the spike queue (a pathway's kernel pops the parts of its queue, kernels/synapses.ts).
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
#include "loop_choice.h"
#include "random.h"
#include "spikequeue.h"
#ifdef BRIAN_MPI
#include "distributed.h"
#endif
