"""More Brian 2.5.1 seeds for the network-statistics tests (test/networks/*.test.ts).

The references in test/reference/*_stats.json hold 3-8 seeds; a standard deviation from so few
seeds is itself uncertain by 25-50 % and was several times too small for some statistics
(Brunel-Hakim: std of peak_freq_centroid 0.45 Hz from 5 seeds, 1.3 Hz from 20 more). This script
runs the reference scripts themselves, unchanged except for their seed lists (and, for STDP, a
10-s run with one snapshot), and stores the per-seed scalar statistics (and pop_rate_10ms) in extra_seeds.json.

Each reference script is executed with `SEEDS = ...` (and `DURATION`/`SNAPSHOTS`) replaced and
with `_common.write_reference` intercepted, so the models and statistics are exactly the
recorded ones.  Regenerate (from the repository root, ~5 min on 2 cores with a warm Cython cache):

    /usr/bin/python3 test/networks/brian/extra_seeds.py [cuba_stats brunel_hakim_stats stdp_stats cobahh_stats]
    npx biome format --write test/networks/brian/extra_seeds.json   # the repository's JSON layout
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "..", "..", "reference", "scripts")
sys.path.insert(0, SCRIPTS)
import _common  # noqa: E402
import numpy as np  # noqa: E402

# Seeds disjoint from those of the references.
PLAN = {
    "cuba_stats": {"SEEDS": list(range(101, 125))},
    "brunel_hakim_stats": {"SEEDS": list(range(6, 26))},
    "stdp_stats": {"SEEDS": list(range(3, 13)), "DURATION": 10.0, "SNAPSHOTS": [10.0]},
    "cobahh_stats": {"SEEDS": list(range(101, 111))},
}


def run_reference_script(name, overrides):
    source = open(os.path.join(SCRIPTS, f"{name}.py")).read()
    for var, value in overrides.items():
        source, n = re.subn(rf"^{var} = .*$", f"{var} = {value!r}", source, count=1, flags=re.M)
        assert n == 1, f"{name}.py has no top-level '{var} = ...' line"
    captured = {}
    _common.write_reference = lambda ref_name, data: captured.update(data)
    exec(compile(source, f"{name}.py", "exec"), {"__name__": "__main__", "__file__": os.path.join(SCRIPTS, f"{name}.py")})
    return captured


def scalars(record):
    out = {}
    for key, val in record.items():
        if isinstance(val, dict):  # STDP snapshots
            for snap, stats in val.items():
                out.update({f"{snap}.{k}": float(v) for k, v in stats.items() if np.isscalar(v)})
        elif np.isscalar(val) and not isinstance(val, str):
            out[key] = float(val)
        elif key == "pop_rate_10ms":  # lets a short run be compared over its first bins
            out[key] = [float(v) for v in val]
    return out


path = os.path.join(HERE, "extra_seeds.json")
result = json.load(open(path)) if os.path.exists(path) else {}
for name in sys.argv[1:] or PLAN:
    data = run_reference_script(name, PLAN[name])
    result[name] = {
        "overrides": PLAN[name],
        "meta": dict(_common.clean(data["meta"]), regenerate=f"/usr/bin/python3 test/networks/brian/extra_seeds.py {name}"),
        "per_seed": [scalars(p) for p in _common.clean(data["recorded"]["per_seed"])],
    }
    with open(path, "w") as f:
        json.dump(result, f)  # one line, like the other recordings
        f.write("\n")
