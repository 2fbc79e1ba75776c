"""unit_display: str() / repr() of Brian quantities and dimensions, and dimension-mismatch error texts.

Each entry: {expression (Python source evaluated with `from brian2 import *` and numpy as np), str, repr,
value (raw SI float or list, where small), dimensions (str(get_dimensions(x)))}.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import meta, write_reference  # noqa: E402

import numpy as np  # noqa: E402
import brian2  # noqa: E402
from brian2 import *  # noqa: E402,F401,F403

BrianLogger.log_level_error()  # noqa: F405

EXPRESSIONS = [
    "20*ms", "1.5*mV", "0.3*second", "-70*mV", "5*nS", "3*uF/cm**2", "1e-20*second", "1e20*volt", "0*mV",
    "0*second", "-0.0*mV", "[1, 2, 3]*mV", "np.array([1.5, -2.25])*nA", "inf*ms", "-inf*mV", "nan*mV",
    "123456789*Hz", "5*metre**2", "5*meter**2", "0.3*msiemens/cm**2", "36*mS/cm**2", "2*cm2", "2*cm**2",
    "1*uF/cm**2", "10*Mohm", "100*Mohm", "2.5*nA", "281*pF", "0.0805*nA", "144*ms", "10.613*mV", "1*siemens/meter**2",
    "3*kHz", "0.5*Hz", "1*mV/ms", "1*volt/second", "2*amp*second", "1*joule", "1*kilogram", "5*mmolar", "5*mM",
    "1*ohm*metre", "1e-3*second", "0.001*second", "1000*ms", "1.0*second", "1*second", "1/(10*ms)", "1/ms",
    "(1*mV)**2", "sqrt(4*Hz)", "1*mV/mV", "3*ms/second", "2*ms*Hz", "np.float64(3.0)*mV/mV", "10*ms**-1",
    "1*metre/second", "1*umetre", "25*mV*np.ones(3)", "np.arange(5)*ms", "np.arange(1000)*mV", "np.arange(1001)*mV", "np.linspace(0, 1, 2000)*second",
    "np.arange(1000)*1.0", "np.zeros((2, 3))*nA", "np.array([])*mV", "np.array(5.0)*mV", "np.array([1e-20, 1.0])*volt",
    "np.array([0.1, 1000.0])*mV", "np.array([True, False])", "0.1*ms + 0.2*ms", "1*ms + 0.1*second",
    "volt", "mV", "siemens/meter**2", "msiemens/cm**2", "Hz", "ms**-1", "1/second", "amp/meter**2",
    "uA/cm**2", "coulomb", "farad", "weber", "tesla", "henry", "katal", "mole", "molar", "candela", "gram", "kgram",
    "1*gram", "1*radian", "1*kelvin", "1*celsius" ,"1*nmolar", "3*um", "1*cmetre", "1*usecond",
]

DIMENSION_EXPRESSIONS = [
    "mV", "ms", "Hz", "nS", "nA", "pF", "Mohm", "uF/cm**2", "mS/cm**2", "siemens/meter**2", "metre**2", "cm2",
    "mV/ms", "amp/second", "volt*second", "1/second**0.5", "mole/metre**3", "mM", "joule", "watt", "coulomb",
    "kilogram", "kelvin", "1.0", "mV/mV", "second**-1", "volt**2", "sqrt(Hz)", "weber",
    "ohm*metre", "farad/metre**2",
]

ERROR_EXPRESSIONS = [
    "3*mV + 2*ms", "(3*mV) < (2*ms)", "3*mV + 1", "3*mV == 3*ms", "exp(3*mV)", "np.array([1, 2])*mV + 1*ms",
    "(2*mV)**(1*ms)", "1*mV - 2*nA", "sqrt(3*mV) + 1*mV", "3*mV > 0", "3*mV > 0*mV",
]

env = {"np": np}
env.update({k: getattr(brian2, k) for k in dir(brian2) if not k.startswith("_")})


def value_of(q):
    arr = np.asarray(q)
    if arr.size > 10:
        return {"size": int(arr.size), "shape": list(arr.shape), "first": arr.ravel()[:3].tolist()}
    return arr.tolist()


entries = []
for src in EXPRESSIONS:
    e = {"expression": src}
    try:
        q = eval(src, env)
        e["str"] = str(q)
        e["repr"] = repr(q)
        e["type"] = type(q).__name__
        e["value"] = value_of(q)
        e["dimensions"] = str(get_dimensions(q))  # noqa: F405
        e["is_dimensionless"] = bool(is_dimensionless(q))  # noqa: F405
    except Exception as exc:
        e["error"] = f"{type(exc).__name__}: {exc}"
    entries.append(e)

dims = []
for src in DIMENSION_EXPRESSIONS:
    try:
        q = eval(src, env)
        d = get_dimensions(q)  # noqa: F405
        dims.append(
            {"expression": src, "str": str(d), "repr": repr(d), "dim_exponents_m_kg_s_A_K_mol_cd": list(d._dims)}
        )
    except Exception as exc:
        dims.append({"expression": src, "error": f"{type(exc).__name__}: {exc}"})

errors = []
for src in ERROR_EXPRESSIONS:
    e = {"expression": src}
    try:
        r = eval(src, env)
        e["result_str"] = str(r)
    except Exception as exc:
        e["error_type"] = type(exc).__name__
        e["message"] = str(exc)
    errors.append(e)

write_reference(
    "unit_display",
    {
        "meta": meta(__file__, target="n/a (pure units)"),
        "quantities": entries,
        "dimensions": dims,
        "errors": errors,
        "fields": "quantities[]: expression, str, repr, type, value (raw SI; arrays > 10 elements summarised), "
        "dimensions (str(get_dimensions(x))), is_dimensionless; dimensions[]: str/repr of Dimension objects and "
        "SI exponents [m, kg, s, A, K, mol, cd]; errors[]: error_type and message (or result_str if no error)",
    },
)
