"""arithmetic_semantics: values of Python/Brian arithmetic evaluated inside generated code.

For every entry (expression, target variable) the expression is evaluated three ways:
  setter_numpy        : string setter on the numpy target, e.g. G.r = '-7//2'
  run_regularly_numpy : G.run_regularly('r = <expr>') for one time step, numpy target
  run_regularly_cython: all entries in one run_regularly block on the cython target (compiled once)
Target types: x -> `: 1` (float64), k -> `: integer` (int32), b -> `: boolean`.
Operands are either literals ('-7//2') or group variables holding the same values ('i_m7 // i_2'),
because Brian may constant-fold literal-only (loop-invariant) expressions through sympy.
Context variables (names say their value; i_* integer, f_* float, b_* boolean) are listed in model.context.
A failure is recorded as {"error": "<ExceptionType>: <message first line>"}.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, setup_brian, write_reference  # noqa: E402

import numpy as np  # noqa: E402

b = setup_brian()
from brian2 import Network, NeuronGroup, defaultclock, prefs  # noqa: E402

CONTEXT = {
    # integer variables
    "i_m7": ("integer", -7), "i_7": ("integer", 7), "i_2": ("integer", 2), "i_m2": ("integer", -2),
    "i_3": ("integer", 3), "i_m3": ("integer", -3), "i_0": ("integer", 0), "i_m1": ("integer", -1),
    "i_big": ("integer", 100000),
    # float variables
    "f_m7": ("1", -7.0), "f_7p5": ("1", 7.5), "f_m7p5": ("1", -7.5), "f_2": ("1", 2.0), "f_m2": ("1", -2.0),
    "f_3": ("1", 3.0), "f_1p5": ("1", 1.5), "f_m1p5": ("1", -1.5), "f_0": ("1", 0.0), "f_m8": ("1", -8.0),
    "f_nan": ("1", float("nan")),
    # boolean variables
    "b_t": ("boolean", True), "b_f": ("boolean", False),
}

ENTRIES = [
    # floor division, literals
    ("-7//2", "x"), ("-7//2", "k"), ("7//-2", "x"), ("7//2", "x"), ("-7.0//2", "x"), ("7.5//-2", "x"),
    ("-7.5//2", "x"), ("7.5//2", "x"), ("-7.5//2", "k"),
    # floor division, variables
    ("i_m7 // i_2", "x"), ("i_m7 // i_2", "k"), ("i_7 // i_m2", "k"), ("f_m7 // f_2", "x"), ("f_7p5 // f_m2", "x"),
    ("i_m7 // f_2", "x"), ("f_m7p5 // i_2", "x"), ("f_m7p5 // i_2", "k"), ("i_7 // i_0", "k"), ("f_1p5 // f_0", "x"),
    # modulo, literals
    ("-7 % 3", "x"), ("-7 % 3", "k"), ("7 % -3", "x"), ("7 % 3", "x"), ("-7.0 % 3", "x"), ("-7.5 % 2", "x"),
    ("7.5 % -2", "x"),
    # modulo, variables
    ("i_m7 % i_3", "k"), ("i_m7 % i_3", "x"), ("i_7 % i_m3", "k"), ("f_m7p5 % f_2", "x"), ("f_7p5 % f_m2", "x"),
    ("i_m7 % f_3", "x"), ("f_m7 % i_3", "x"), ("i_7 % i_0", "k"), ("f_1p5 % f_0", "x"),
    # floor-division / modulo identity
    ("i_m7 // i_2 * i_2 + i_m7 % i_2", "k"), ("f_m7p5 // f_2 * f_2 + f_m7p5 % f_2", "x"),
    # true division
    ("7/2", "x"), ("7/2", "k"), ("-7/2", "k"), ("1/3", "x"), ("i_7 / i_2", "x"), ("i_7 / i_2", "k"),
    ("i_m7 / i_2", "k"), ("i_7 / i_0", "x"), ("f_1p5 / f_0", "x"), ("f_0 / f_0", "x"), ("-f_1p5 / f_0", "x"),
    # powers
    ("2**-1", "x"), ("-2**2", "x"), ("(-2)**2", "x"), ("2**3", "k"), ("2**3", "x"), ("2**0.5", "x"),
    ("2**3**2", "x"), ("(-8)**(1.0/3)", "x"), ("f_m8 ** (1.0/3)", "x"), ("i_2 ** i_m1", "x"), ("i_2 ** i_3", "k"),
    ("i_m2 ** i_3", "x"), ("0**0", "x"), ("f_0 ** f_0", "x"), ("i_big * i_big", "k"), ("i_big * i_big", "x"),
    # int() and truncation into integer variables
    ("int(-1.5)", "x"), ("int(1.5)", "x"), ("int(-0.5)", "k"), ("int(2.9999)", "k"), ("int(f_m1p5)", "x"),
    ("int(f_m1p5)", "k"), ("int(True) + 1", "x"), ("int(b_t) + 1", "k"), ("int(f_m7p5) // 2", "x"),
    ("3.7", "k"), ("-1.5", "k"), ("-0.5", "k"), ("f_m1p5", "k"), ("f_7p5", "k"), ("2.5e9", "k"), ("f_nan", "k"),
    # floor / ceil / sign / abs
    ("floor(-1.5)", "x"), ("ceil(-1.5)", "x"), ("floor(1.5)", "x"), ("ceil(1.5)", "x"), ("floor(-1.5)", "k"),
    ("floor(i_m7 / i_2)", "k"), ("sign(-3)", "x"), ("sign(0)", "x"), ("sign(2.5)", "x"), ("sign(-3)", "k"),
    ("sign(f_nan)", "x"), ("abs(-3)", "k"), ("abs(-3.5)", "x"), ("abs(i_m7)", "k"),
    # exprel and friends
    ("exprel(0)", "x"), ("exprel(1e-9)", "x"), ("exprel(-1e-9)", "x"), ("exprel(1)", "x"), ("exprel(-1)", "x"),
    ("exprel(f_0)", "x"), ("exprel(1e-17)", "x"), ("exprel(710)", "x"), ("exprel(-1000)", "x"),
    ("exp(1)", "x"), ("exp(1000)", "x"), ("log(0)", "x"), ("log(-1)", "x"), ("sqrt(-1)", "x"), ("log10(1000)", "x"),
    ("expm1(1e-10)", "x"), ("log1p(1e-10)", "x"), ("sqrt(f_2)", "x"), ("tanh(1000)", "x"), ("arctan(1e300)", "x"),
    # clip
    ("clip(5, 0, 3)", "x"), ("clip(-1, 0, 3)", "x"), ("clip(1.5, 0, 3)", "x"), ("clip(5, 0, 3)", "k"),
    ("clip(f_7p5, i_0, i_3)", "x"), ("clip(f_nan, 0, 1)", "x"),
    # booleans and comparisons
    ("3 > 2", "b"), ("1 == 1.0", "b"), ("not (1 > 2)", "b"), ("3 > 2 and 1 > 2", "b"), ("3 > 2 or 1 > 2", "b"),
    ("i_m7 < f_m1p5", "b"), ("b_t and not b_f", "b"), ("0.1 + 0.2 == 0.3", "b"), ("f_nan == f_nan", "b"),
    ("f_nan != f_nan", "b"), ("f_nan < 1", "b"), ("f_0 == -f_0", "b"), ("i_7 // i_2 == 3", "b"), ("True", "b"),
    ("1", "b"), ("i_2", "b"), ("3 > 2", "x"), ("b_t", "k"), ("b_t + b_t", "x"), ("3 * True", "x"),
    # precedence / unary minus
    ("-7 // 2 * 2", "x"), ("7 - -3", "x"), ("-i_7 % i_3", "k"), ("-(i_7 % i_3)", "k"), ("2 * -i_3 ** 2", "x"),
]

VARNAME = {"x": "r_x", "k": "r_k", "b": "r_b"}


def model_text(n_results):
    lines = [f"{name} : {typ}" for name, (typ, _) in CONTEXT.items()]
    lines += ["r_x : 1", "r_k : integer", "r_b : boolean", "sentinel : 1"]
    # one result variable per entry for the bulk (cython) evaluation
    for idx in range(n_results):
        lines.append(f"res_{idx} : {ENTRY_TYPE[idx]}")
    return "\n".join(lines)


ENTRY_TYPE = [{"x": "1", "k": "integer", "b": "boolean"}[t] for _, t in ENTRIES]


def new_group(n_results=0):
    G = NeuronGroup(1, model_text(n_results))
    for name, (_, val) in CONTEXT.items():
        setattr(G, name, val)
    return G


def err(exc):
    msg = str(exc).strip().splitlines()
    cause = exc.__cause__
    if cause is not None:
        cmsg = str(cause).strip().splitlines()
        return f"{type(cause).__name__}: {cmsg[0] if cmsg else ''}"
    return f"{type(exc).__name__}: {msg[0] if msg else ''}"


def py(v):
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, complex):
        return repr(v)
    return float(v)


def eval_setter(expr, target):
    G = new_group()
    try:
        setattr(G, VARNAME[target], expr)
        return {"value": py(getattr(G, VARNAME[target])[0])}
    except Exception as exc:
        return {"error": err(exc)}


def eval_run_regularly(expr, target):
    G = new_group()
    try:
        op = G.run_regularly(f"{VARNAME[target]} = {expr}", when="start")
        Network(G, op).run(defaultclock.dt)
        return {"value": py(getattr(G, VARNAME[target])[0])}
    except Exception as exc:
        return {"error": err(exc)}


class RuntimeFailure(Exception):
    pass


def eval_bulk(indices):
    """Evaluate the given entries in a single run_regularly block (one compilation).

    Brian's templates write results back only after the whole block ran, and an exception raised inside the
    compiled loop is only printed ("Exception ignored"), so a final `sentinel = 1` detects such failures.
    """
    G = new_group(len(ENTRIES))
    code = "\n".join(f"res_{i} = {ENTRIES[i][0]}" for i in indices) + "\nsentinel = 1"
    op = G.run_regularly(code, when="start")
    with capture_stderr() as cap:
        Network(G, op).run(defaultclock.dt)
    if G.sentinel[0] != 1:
        text = cap.text()
        if "Error compiling Cython file" in text:
            import re

            msgs = re.findall(r"\.pyx:\d+:\d+: (.*)", text)
            raise RuntimeFailure("Cython compile error: " + (msgs[-1].strip() if msgs else "?"))
        lines = [ln for ln in text.splitlines() if "Error" in ln]
        raise RuntimeFailure("runtime failure, no values written: " + (lines[-1].strip() if lines else "?"))
    return {i: {"value": py(getattr(G, f"res_{i}")[0])} for i in indices}


class capture_stderr:
    """Capture fd-level stderr (Cython prints ignored exceptions there)."""

    def __enter__(self):
        import tempfile

        sys.stderr.flush()
        self._tmp = tempfile.TemporaryFile(mode="w+b")
        self._saved = os.dup(2)
        os.dup2(self._tmp.fileno(), 2)
        return self

    def __exit__(self, *exc):
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        return False

    def text(self):
        self._tmp.seek(0)
        return self._tmp.read().decode(errors="replace")


results = []
for expr, target in ENTRIES:
    results.append(
        {
            "expression": expr,
            "target_var": target,
            "target_type": {"x": "float64 (: 1)", "k": "int32 (: integer)", "b": "bool (: boolean)"}[target],
            "python": None,
            "setter_numpy": eval_setter(expr, target),
            "run_regularly_numpy": eval_run_regularly(expr, target),
        }
    )

# Plain Python evaluation (same literal values) for comparison; context names bound to Python values.
pyenv = {name: val for name, (_, val) in CONTEXT.items()}
import math  # noqa: E402

pyenv.update(
    {
        "floor": math.floor, "ceil": math.ceil, "abs": abs, "int": int, "exp": math.exp, "sqrt": math.sqrt,
        "log": math.log, "log10": math.log10, "expm1": math.expm1, "log1p": math.log1p, "tanh": math.tanh,
        "arctan": math.atan,
    }
)
for r in results:
    try:
        with np.errstate(all="ignore"):
            v = eval(r["expression"], {"__builtins__": {}}, dict(pyenv))
        r["python"] = {"value": py(v)}
    except Exception as exc:
        r["python"] = {"error": f"{type(exc).__name__}: {exc}"}

# cython: bulk-evaluate every entry that worked with run_regularly on numpy; bisect on compile failures
cython_status = "ok"
try:
    prefs.codegen.target = "cython"
    ok_idx = [i for i, r in enumerate(results) if "value" in r["run_regularly_numpy"]]

    def bulk_or_split(indices):
        try:
            with capture_stderr():  # silence Cython's compile-error listings
                return eval_bulk(indices)
        except Exception as exc:
            if len(indices) == 1:
                return {indices[0]: {"error": err(exc)}}
            mid = len(indices) // 2
            out = bulk_or_split(indices[:mid])
            out.update(bulk_or_split(indices[mid:]))
            return out

    cy = bulk_or_split(ok_idx)
    for i, r in enumerate(results):
        r["run_regularly_cython"] = cy.get(i, {"skipped": "failed on numpy"})
except Exception as exc:  # pragma: no cover
    cython_status = f"cython unavailable: {err(exc)}"
finally:
    prefs.codegen.target = "numpy"


def same(a, c):
    if "value" not in a or "value" not in c:
        return ("value" in a) == ("value" in c)
    x, y = a["value"], c["value"]
    if isinstance(x, float) and isinstance(y, float) and np.isnan(x) and np.isnan(y):
        return True
    return x == y


differences = []
for r in results:
    keys = ["setter_numpy", "run_regularly_numpy"] + (["run_regularly_cython"] if "run_regularly_cython" in r else [])
    vals = [r[k] for k in keys]
    r["targets_agree"] = all(same(vals[0], v) for v in vals[1:] if "skipped" not in v)
    if not r["targets_agree"]:
        differences.append({"expression": r["expression"], "target_var": r["target_var"], **{k: r[k] for k in keys}})

write_reference(
    "arithmetic_semantics",
    {
        "meta": meta(__file__, target="numpy and cython"),
        "model": {
            "context": {name: {"type": typ, "value": val} for name, (typ, val) in CONTEXT.items()},
            "targets": {"x": "r_x : 1", "k": "r_k : integer", "b": "r_b : boolean"},
            "how": "G = NeuronGroup(1, context + targets); setter: G.r_x = expr; run_regularly: "
            "G.run_regularly('r_x = expr', when='start') and run one dt",
        },
        "cython_status": cython_status,
        "entries": results,
        "differences_between_targets": differences,
        "entry_fields": "expression, target_var (x|k|b), python (plain Python eval of the same text; context names "
        "bound to Python int/float/bool, no int32/float64 typing), setter_numpy, run_regularly_numpy, "
        "run_regularly_cython: each {value} or {error}; targets_agree",
    },
)
print("entries:", len(results), "differences:", len(differences), cython_status)
