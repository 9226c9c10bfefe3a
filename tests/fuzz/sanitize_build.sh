#!/usr/bin/env bash
# sanitize_build: the nested clang build the sanitize.* and fuzz.* tests run in.
#
# Why: AddressSanitizer and UndefinedBehaviorSanitizer find out-of-bounds
# accesses and undefined behaviour that a test passing by luck hides; every
# object (core included) is built with both, and with libFuzzer's coverage
# instrumentation so that the fuzz targets see which paths an input reaches.
# -fno-sanitize-recover=all makes any report fatal, so a report fails a test.
# Only what those tests use is built (target eic_sanitized), not the whole tree.
#
# Usage: sanitize_build.sh SOURCE_DIR BUILD_DIR CLANG
# Environment: EIC_GATE_GENERATOR, EIC_GATE_JOBS (see tests/gates/gate_lib.sh).
# The build directory is reused on reruns.
set -euo pipefail

GATE=sanitize_build
# shellcheck source=../gates/gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../gates/gate_lib.sh"
nested_build_dirs "$1" "$2"
clang=${3:?usage: $0 SOURCE_DIR BUILD_DIR CLANG}

# Debian ships the runtimes apart from clang (libclang-rt-14-dev, only recommended by clang).
runtime=$("$clang" -print-file-name="libclang_rt.fuzzer-$(uname -m).a")
[ -f "$runtime" ] || gate_error "clang's libFuzzer runtime not found (apt-get install libclang-rt-14-dev)"

sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=all"
cmake -S "$src" -B "$bin" "${generator_args[@]}" --no-warn-unused-cli \
    -DCMAKE_C_COMPILER="$clang" \
    -DCMAKE_C_FLAGS="$sanitizers -fsanitize=fuzzer-no-link -fno-omit-frame-pointer -g" \
    -DCMAKE_EXE_LINKER_FLAGS="$sanitizers" \
    -DEIC_BUILD_TESTS=ON -DEIC_BUILD_TOOLS=ON -DEIC_BUILD_FUZZ=ON >"$bin/configure.log" 2>&1 ||
    { cat "$bin/configure.log"; fail "configuring the sanitized build failed"; }
cmake --build "$bin" --target eic_sanitized --parallel "$jobs" ||
    fail "the sanitized build failed"
echo "sanitize_build: PASS (sanitized unit tests and fuzz targets built in $bin)"
