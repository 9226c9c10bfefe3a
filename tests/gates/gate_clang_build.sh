#!/usr/bin/env bash
# gate_clang_build: the whole project (core, tools, tests) builds warning-free with clang.
#
# Why: DESIGN.md principle 4 (portable by construction, warning-free). gcc and clang warn about
# different things; building everything with clang as well, with the project's -Werror, keeps
# the code free of both compilers' warnings and of gcc-only constructs. This gate configures a
# separate build with CC=clang, rebuilds it from clean so every warning is seen, and fails on any
# warning, including from a target that does not use -Werror. Its tests are not run here: the
# main build runs them.
#
# Usage: gate_clang_build.sh SOURCE_DIR BUILD_DIR
# Environment: EIC_GATE_GENERATOR (CMake generator of the nested build, optional),
#              EIC_GATE_JOBS (parallel build jobs, default: number of CPUs).
# The nested build directory is reused on reruns.
set -euo pipefail

src=$(cd "${1:?usage: $0 SOURCE_DIR BUILD_DIR}" && pwd)
bin=${2:?usage: $0 SOURCE_DIR BUILD_DIR}
jobs=${EIC_GATE_JOBS:-$(nproc 2>/dev/null || echo 2)}

fail()
{
    echo "gate_clang_build: FAIL: $*" >&2
    exit 1
}

clang=$(command -v clang) || fail "clang not found (apt-get install clang)"
echo "gate_clang_build: $("$clang" --version | head -n 1)"

mkdir -p "$bin"
bin=$(cd "$bin" && pwd)

generator_args=()
if [ -n "${EIC_GATE_GENERATOR:-}" ] && [ ! -f "$bin/CMakeCache.txt" ]; then
    generator_args=(-G "$EIC_GATE_GENERATOR")
fi

log=$bin/gate-build.log
{
    CC=$clang cmake -S "$src" -B "$bin" "${generator_args[@]}" --no-warn-unused-cli \
        -DCMAKE_C_COMPILER="$clang" \
        -DEIC_BUILD_TESTS=ON -DEIC_BUILD_TOOLS=ON &&
        cmake --build "$bin" --clean-first --parallel "$jobs"
} 2>&1 | tee "$log" || fail "the clang build failed (log: $log)"

compiler_id=$(sed -n 's/^set(CMAKE_C_COMPILER_ID "\(.*\)")$/\1/p' "$bin"/CMakeFiles/*/CMakeCCompiler.cmake | head -n 1)
[ "$compiler_id" = Clang ] || fail "the nested build uses '$compiler_id', not Clang"

warning_re='(^|[^[:alnum:]_])warning:'
if grep -E -i "$warning_re" "$log" >/dev/null; then
    echo "gate_clang_build: warnings in the clang build:"
    grep -E -i "$warning_re" "$log" | sed 's/^/    /'
    fail "the clang build must be warning-free"
fi
echo "gate_clang_build: PASS (everything builds warning-free with clang)"
