"""Shared helpers for the Brian 2 reference recorders (not a reference itself).

Every script imports `setup_brian()` first (numpy target, dt = 0.1 ms) and ends with
`write_reference(name, data)`, which writes ../<name>.json with raw SI floats.

JSON has no NaN/Infinity, and JavaScript's JSON.parse rejects Python's `NaN` token, so
non-finite floats are written as the strings "NaN", "Infinity" and "-Infinity".
"""

import json
import math
import os
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=RuntimeWarning)

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.dirname(HERE)


def setup_brian(target="numpy", dt_seconds=0.1e-3):
    """Import brian2 with the settings every reference shares and return the module."""
    import brian2

    brian2.prefs.codegen.target = target
    brian2.defaultclock.dt = dt_seconds * brian2.second
    brian2.BrianLogger.log_level_error()
    return brian2


def clean(obj):
    """Turn numpy / Brian values into plain JSON-able Python values (raw SI numbers)."""
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, np.ndarray):  # includes Brian Quantity arrays (raw SI values)
        return clean(np.asarray(obj).tolist())
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        f = float(obj)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    if obj is None or isinstance(obj, str):
        return obj
    if type(obj).__name__ == "VariableView":  # e.g. StateMonitor.t_, G.v_
        return clean(np.asarray(obj[:]))
    raise TypeError(f"cannot serialise {type(obj)}: {repr(obj)[:200]}")


def meta(script_file, target="numpy", **extra):
    import brian2

    name = os.path.splitext(os.path.basename(script_file))[0]
    info = {
        "brian2_version": brian2.__version__,
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "codegen_target": target,
        "script": f"test/reference/scripts/{name}.py",
        "regenerate": f"/usr/bin/python3 test/reference/scripts/{name}.py",
        "units_note": "all numbers are raw SI values (s, V, A, S, F, Hz, ...) unless a field name says otherwise; "
        "non-finite floats are the strings 'NaN', 'Infinity', '-Infinity'",
    }
    info.update(extra)
    return info


def state_updater_code(group):
    """Brian's abstract code for a group's state update (informative, shows the integration scheme)."""
    try:
        return group.state_updater.abstract_code
    except Exception as exc:  # pragma: no cover - informative only
        return f"<unavailable: {exc}>"


def write_reference(name, data):
    path = os.path.join(OUT_DIR, f"{name}.json")
    text = json.dumps(clean(data), allow_nan=False, separators=(",", ":"))
    with open(path, "w") as f:
        f.write(text)
        f.write("\n")
    size = os.path.getsize(path)
    print(f"wrote {path} ({size / 1024:.1f} KiB)")
    if size > 2 * 1024 * 1024:
        raise SystemExit(f"{path} is larger than 2 MiB")


def record_group_run(group, variables, state_monitor, spike_monitor):
    """Standard 'recorded' block for one group: StateMonitor traces (per variable [neuron][step]) and spikes."""
    out = {"t": state_monitor.t_}
    for name in variables:
        out[name] = np.asarray(getattr(state_monitor, name + "_") if name not in ("not_refractory",) else
                               getattr(state_monitor, name))
    out["spike_t"] = spike_monitor.t_
    out["spike_i"] = spike_monitor.i[:]
    out["spike_count"] = spike_monitor.count[:]
    return out
