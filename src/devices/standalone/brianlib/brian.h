// Everything generated code includes: the function table's C++ side, the random generator, the
// spike queue and the program support.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "functions.h"
#include "random.h"
#include "spikequeue.h"
#include "support.h"
