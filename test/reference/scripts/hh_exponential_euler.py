"""hh_exponential_euler: HH axon (eLife case study 3 equations), method='exponential_euler', dt 0.01 ms, 20 ms."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _hh import record_hh  # noqa: E402

record_hh("hh_exponential_euler", "exponential_euler", __file__)
