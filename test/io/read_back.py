"""Reads files written by brian-ts's exporters back with numpy / h5py and prints what they hold as JSON.

Usage: python3 test/io/read_back.py KIND PATH   (KIND: npz, hdf5, csv)
Output: {"arrays": {key: {"values": [...flattened], "shape": [...], "dtype": "..."}}, "units": {...}, "attrs": {...}}
Floats are printed with repr (json), so the test compares them bit for bit.
"""
import json
import math
import sys

import numpy as np


def values(a):
    flat = np.asarray(a).ravel().tolist()
    return [v if not (isinstance(v, float) and not math.isfinite(v)) else repr(v) for v in flat]


def describe(a):
    a = np.asarray(a)
    return {"values": values(a), "shape": list(a.shape), "dtype": a.dtype.str}


kind, path = sys.argv[1], sys.argv[2]
out = {"arrays": {}, "units": {}, "attrs": {}}
if kind == "npz":
    with np.load(path) as data:  # allow_pickle stays False: every array is plain
        for key in data.files:
            if key == "_units":
                out["units"] = json.loads(str(data[key]))
            else:
                out["arrays"][key] = describe(data[key])
elif kind == "hdf5":
    import h5py

    with h5py.File(path, "r") as f:
        out["attrs"]["/"] = {k: str(v) for k, v in f.attrs.items()}

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                out["arrays"][name] = describe(obj[()])
                out["units"][name] = obj.attrs["unit"] if isinstance(obj.attrs["unit"], str) else obj.attrs["unit"].decode()
            else:
                out["attrs"][name] = {k: str(v) for k, v in obj.attrs.items()}

        f.visititems(visit)
elif kind == "csv":
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    out["header"] = header
    for k, name in enumerate(header):
        out["arrays"][name] = describe(table[:, k])
print(json.dumps(out))
