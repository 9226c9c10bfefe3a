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
# Environment: EIC_GATE_GENERATOR, EIC_GATE_JOBS (see gate_lib.sh).
# The nested build directory is reused on reruns.
set -euo pipefail

GATE=gate_clang_build
# shellcheck source=gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/gate_lib.sh"
nested_build_dirs "$@"

clang=$(command -v clang) || fail "clang not found (apt-get install clang)"
echo "gate_clang_build: $("$clang" --version | head -n 1)"

CC=$clang nested_build clang -DCMAKE_C_COMPILER="$clang" -DEIC_BUILD_TESTS=ON -DEIC_BUILD_TOOLS=ON

compiler_id=$(sed -n 's/^set(CMAKE_C_COMPILER_ID "\(.*\)")$/\1/p' "$bin"/CMakeFiles/*/CMakeCCompiler.cmake | head -n 1)
[ "$compiler_id" = Clang ] || fail "the nested build uses '$compiler_id', not Clang"
echo "gate_clang_build: PASS (everything builds warning-free with clang)"
