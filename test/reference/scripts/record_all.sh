#!/usr/bin/env bash
# Regenerate every Brian 2.5.1 reference JSON in test/reference/ (one script at a time; the machine is shared).
# Usage: test/reference/scripts/record_all.sh            # all references
#        test/reference/scripts/record_all.sh lif_exact hh_rk4   # only these
# Needs real Brian 2.5.1 under /usr/bin/python3 (the `python3` on PATH does not have it).
# The network statistics references (cuba_stats, cobahh_stats, brunel_hakim_stats, stdp_stats) use the cython
# target: the first one compiles into ~/.cython/brian_extensions (~30-60 s cold). Slowest: stdp_stats (~160 s,
# 3 seeds x 100 s), pyloric (~50 s, numpy, dt 0.01 ms), cobahh_stats (~40 s).
set -euo pipefail
cd "$(dirname "$0")/../../.."   # repository root
PY=/usr/bin/python3
if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in test/reference/scripts/*.py; do
    base=$(basename "$f" .py)
    case "$base" in _*) continue ;; esac   # helper modules, not references
    names+=("$base")
  done
fi
for name in "${names[@]}"; do
  echo "== $name"
  start=$(date +%s)
  "$PY" "test/reference/scripts/$name.py" 2> >(grep -v -e FutureWarning -e 'hasattr(numpy' -e 'getattr(themodule' >&2)
  echo "   $(( $(date +%s) - start )) s"
done
