"""hh_rk4: HH axon (eLife case study 3 equations), method='rk4', dt 0.01 ms, 20 ms."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _hh import record_hh  # noqa: E402

record_hh("hh_rk4", "rk4", __file__)
