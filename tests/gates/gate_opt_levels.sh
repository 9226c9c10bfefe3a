#!/usr/bin/env bash
# gate_opt_levels: the core compiles warning-free at every optimisation level, with gcc and clang.
#
# Why: a firmware builds eic with its own flags (ESP-IDF -Og/-O2 with -Werror=all, a release build
# -O3), and the compilers' flow-based warnings (-Wstringop-overflow, -Wmaybe-uninitialized,
# -Warray-bounds) change with the level: the project's own build uses one level only. Every core
# source is compiled (only compiled: nothing is linked or run) at -O0, -O1, -O2, -O3, -Os and -Og
# with -std=c99 -Wall -Wextra -Werror -pedantic, both feature settings of eic_config.h included.
#
# Usage: gate_opt_levels.sh SOURCE_DIR   (mbedTLS's headers from the compilers' default paths)
# Environment: EIC_GATE_JOBS (parallel compiles, default: number of CPUs).
set -euo pipefail

GATE=gate_opt_levels
# shellcheck source=gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/gate_lib.sh"

src=$(cd "${1:?usage: $0 SOURCE_DIR}" && pwd)
includes=(-I"$src/core/include" -I"$src/core/src")
require_tools gcc clang
jobs=${EIC_GATE_JOBS:-$(nproc 2>/dev/null || echo 2)}

# One line per compile: compiler, level, features, source.
cases=()
for cc in gcc clang; do
    for level in -O0 -O1 -O2 -O3 -Os -Og; do
        for features in 0 1; do
            for c in "$src"/core/src/*.c; do
                cases+=("$cc $level $features $c")
            done
        done
    done
done

compile_one()
{
    local cc=$1 level=$2 features=$3 c=$4
    shift 4
    "$cc" "$level" -std=c99 -Wall -Wextra -Werror -pedantic "$@" \
        -DEIC_WITH_BOTOCORE_ERROR_TEXT="$features" -DEIC_WITH_ISO8601_TIMESTAMPS="$features" \
        -c "$c" -o /dev/null 2>&1 || echo "$GATE: FAIL: $cc $level features=$features $c"
}
export -f compile_one
export GATE

out=$(printf '%s\n' "${cases[@]}" |
    xargs -P "$jobs" -L 1 bash -c 'compile_one "$@" '"${includes[*]}" _)
[ -z "$out" ] || { echo "$out"; fail "warnings at some optimisation level (above)"; }
report_status 0 "${#cases[@]} compiles: every core source at -O0 to -O3, -Os and -Og, gcc and clang, both feature settings" ""
