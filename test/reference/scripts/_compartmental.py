"""Shared helpers of the compartmental example references (not a reference itself).

Each `compartmental_<example>.py` runs Brian 2.5.1's example examples/compartmental/<example>.py
(Brian's code, the plotting left out) with the default cython target, and records what it prints
and what it plots, decimated: `every` keeps every n-th sample of a trace.
"""
from _common import meta, setup_brian, write_reference  # noqa: F401


def brian():
    return setup_brian(target="cython")


def save_reference(script, name, data, **extra):
    data = dict(data)
    data["meta"] = meta(script, target="cython",
                        example=f"../shared/brian2-examples/compartmental/{name}.py",
                        note="default Brian 2.5.1 cython build (-O3 -ffast-math -march=native)", **extra)
    write_reference(f"compartmental_{name}", data)
