"""threshold_bisection_exponential_euler: eLife 2019 case study 3 (bisection threshold search), method='exponential_euler'."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _bisection import record_bisection  # noqa: E402

record_bisection("threshold_bisection_exponential_euler", "exponential_euler", __file__)
