// What every generated kernel includes: the function table's C++ side and the random generator.
// Kept small: it is parsed once per compiled kernel file.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "functions.h"
#include "random.h"
