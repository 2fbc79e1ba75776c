"""Records how numpy 1.24 (the one Brian 2.5.1 prints with) formats float64 arrays, for
number-format.test.ts. Run: /usr/bin/python3 src/units/testdata/record-numpy-format.py > src/units/testdata/numpy-format.json
     npx biome format --write src/units/testdata/numpy-format.json

Each case gives its values either literally ("values", as Python reprs so nan/inf survive) or as
a formula both sides compute identically ("arange": [n, multiplier, divisor] means
arange(n) * multiplier / divisor), a shape, optional precision, and numpy's str() and repr().
"""
import json
import math
import random

import numpy as np

random.seed(20240601)
cases = []


def add(values, shape=None, precision=None, arange=None):
    a = np.array(values, dtype=float)
    if shape:
        a = a.reshape(shape)
    case = {'shape': list(a.shape)}
    if arange:
        case['arange'] = arange
    else:
        case['values'] = [repr(float(x)) for x in a.flatten()]
    if precision is not None:
        case['precision'] = precision
        case['str'] = np.array2string(a, precision=precision)
    else:
        case['str'] = str(a)
        case['repr'] = repr(a)
    cases.append(case)


special = [0.0, -0.0, 1.0, 0.5, 1 / 3, 2 / 3, 1e-4, 9.9999e-5, 1e8, 99999999.99, 1e23,
           9.999999999999999e22, 5e-324, 1.7976931348623157e308, 0.001953125, 1.125,
           123456.123456789, 9.999999999, 99999.99999, 0.1 + 0.2, 1e16, 12345678.9, 0.00012345,
           2.5, 0.125, 999.9999999999, 0.099999999999, math.nan, math.inf]
for x in special:
    add([x])
    add([-x])
for _ in range(150):
    n = random.choice([1, 1, 2, 3, 5, 7, 12])
    kind = random.random()
    vals = []
    for _ in range(n):
        if kind < 0.3:
            v = random.uniform(-1000, 1000)
        elif kind < 0.5:
            v = 10 ** random.uniform(-12, 12) * random.choice([1, -1])
        elif kind < 0.65:
            v = round(random.uniform(-100, 100), random.randint(0, 4))
        elif kind < 0.75:
            v = random.randint(-10 ** 9, 10 ** 9) / 10 ** random.randint(0, 12)
        elif kind < 0.85:
            v = random.choice([math.nan, math.inf, -math.inf, 0.0, 1.0, -2.5])
        else:
            v = float(random.randint(-5000, 5000))
        vals.append(v)
    add(vals)
for p in [0, 2, 3, 12]:
    add([1.23456789, 2.5, 1000.123456], precision=p)
    add([1.23456789e-7, 1.0], precision=p)
    add([0.125, 0.375], precision=p)
for n, mul, div in [(20, 1, 1), (40, 2, 39), (1001, 1, 1), (2000, 1, 1), (1500, 1, 7e6)]:
    add(np.arange(n) * mul / div, arange=[n, mul, div])
add(np.arange(30.0), (5, 6), arange=[30, 1, 1])
add(np.arange(3000.0) / 7, (50, 60), arange=[3000, 1, 7])
add(np.arange(2000.0) / 3, (2, 1000), arange=[2000, 1, 3])
add(np.arange(2000.0), (1000, 2), arange=[2000, 1, 1])
add([[1, math.nan], [math.inf, 2]])
add([])
print(json.dumps(cases, indent=0))
