"""threshold_bisection_rk4: eLife 2019 case study 3 (bisection threshold search), method='rk4' (as in the paper)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _bisection import record_bisection  # noqa: E402

record_bisection("threshold_bisection_rk4", "rk4", __file__)
