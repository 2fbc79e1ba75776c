"""Shared helpers of the compartmental example references (not a reference itself).

Each `compartmental_<example>.py` runs Brian 2.5.1's example examples/compartmental/<example>.py
(Brian's code, the plotting left out) with the default cython target, and records what it prints
and what it plots, decimated: `every` keeps every n-th sample of a trace.

With the environment variable BRIAN_STRICT=1 the cython code is compiled without -ffast-math and
without contraction into fused multiply-adds (`-O3 -ffp-contract=off`) and the reference is
written as compartmental_<example>_strict.json: Brian's own results computed IEEE-strict, which
brian-ts's passive models reproduce to the bit.
"""
import os

from _common import meta, setup_brian, write_reference  # noqa: F401

STRICT = os.environ.get("BRIAN_STRICT") == "1"
FLAGS = ["-w", "-O3", "-ffp-contract=off", "-std=c++11"]


def brian():
    b = setup_brian(target="cython")
    if STRICT:
        b.prefs.codegen.cpp.extra_compile_args_gcc = FLAGS
        b.prefs.codegen.runtime.cython.cache_dir = os.path.expanduser("~/.cython/brian_extensions_strict")
    return b


def save_reference(script, name, data, **extra):
    data = dict(data)
    note = ("cython compiled IEEE-strict: " + " ".join(FLAGS) if STRICT
            else "default Brian 2.5.1 cython build (-O3 -ffast-math -march=native)")
    data["meta"] = meta(script, target="cython", example=f"../shared/brian2-examples/compartmental/{name}.py",
                        note=note, **extra)
    if STRICT:
        data["meta"]["regenerate"] = "BRIAN_STRICT=1 " + data["meta"]["regenerate"]
    write_reference(f"compartmental_{name}" + ("_strict" if STRICT else ""), data)
