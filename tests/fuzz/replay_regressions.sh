#!/usr/bin/env bash
# replay_regressions: fuzz.regressions: every input a fuzzer once crashed on, through its target.
#
# Why: each crash a campaign found was fixed; its input, kept in regressions/<target>/, must stay
# harmless. A libFuzzer binary given files runs each once and exits non-zero on a crash or a
# sanitizer report.
#
# Usage: replay_regressions.sh FUZZ_BIN_DIR REGRESSIONS_DIR
set -euo pipefail

bin=${1:?usage: $0 FUZZ_BIN_DIR REGRESSIONS_DIR}
regressions=${2:?}
shopt -s nullglob
total=0
for dir in "$regressions"/*/; do
    target=$bin/$(basename "$dir")
    [ -x "$target" ] || { echo "fuzz.regressions: FAIL: no target for $dir"; exit 1; }
    inputs=("$dir"*)
    [ "${#inputs[@]}" -ne 0 ] || continue
    "$target" "${inputs[@]}" >"$bin/regressions-$(basename "$dir").log" 2>&1 || {
        tail -n 60 "$bin/regressions-$(basename "$dir").log"
        echo "fuzz.regressions: FAIL ($(basename "$dir") crashed on one of ${#inputs[@]} inputs)"
        exit 1
    }
    echo "fuzz.regressions: $(basename "$dir"): ${#inputs[@]} inputs replayed"
    total=$((total + ${#inputs[@]}))
done
echo "fuzz.regressions: PASS ($total inputs replayed)"
