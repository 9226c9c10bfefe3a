# gate_lib.sh: what the gate scripts share. Sourced, never run: set GATE to the gate's name first.
# shellcheck shell=bash
#
# Exit statuses, as every gate documents them: 1 the checked property does not hold (fail),
# 2 the gate could not check it (gate_error: usage, a missing tool or file).

fail()
{
    echo "$GATE: FAIL: $*" >&2
    exit 1
}

gate_error()
{
    echo "$GATE: $*" >&2
    exit 2
}

# require_inputs ARG...: at least one ARCHIVE_OR_OBJECT, each an existing file.
require_inputs()
{
    local input
    [ "$#" -ge 1 ] || gate_error "usage: $0 ARCHIVE_OR_OBJECT..."
    for input in "$@"; do
        [ -f "$input" ] || gate_error "no such file: $input"
    done
}

# require_tools TOOL...: every TOOL is a command.
require_tools()
{
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || gate_error "tool not found: '$tool' (install binutils)"
    done
}

# report_status STATUS PASS_TEXT FAIL_TEXT: the closing line, then exit STATUS.
report_status()
{
    if [ "$1" -eq 0 ]; then
        echo "$GATE: PASS ($2)"
    else
        echo "$GATE: FAIL ($3)"
    fi
    exit "$1"
}

# For the nested builds (gate_clang_build, gate_cortex_m4).
# Environment: EIC_GATE_GENERATOR (CMake generator of the nested build, optional),
#              EIC_GATE_JOBS (parallel build jobs, default: number of CPUs).

# nested_build_dirs SOURCE_DIR BUILD_DIR: sets src and bin (absolute; bin is created), jobs and
# generator_args (the generator only for a build directory not configured yet).
nested_build_dirs()
{
    src=$(cd "${1:?usage: $0 SOURCE_DIR BUILD_DIR}" && pwd)
    bin=${2:?usage: $0 SOURCE_DIR BUILD_DIR}
    jobs=${EIC_GATE_JOBS:-$(nproc 2>/dev/null || echo 2)}
    mkdir -p "$bin"
    bin=$(cd "$bin" && pwd)
    generator_args=()
    if [ -n "${EIC_GATE_GENERATOR:-}" ] && [ ! -f "$bin/CMakeCache.txt" ]; then
        generator_args=(-G "$EIC_GATE_GENERATOR")
    fi
}

# nested_build WHAT CMAKE_ARG...: configures $bin from $src with the arguments and rebuilds it
# from clean, so that every warning is seen, into $bin/gate-build.log; fails on a build error and
# on any warning, including from a target that does not use -Werror.
nested_build()
{
    local what=$1 warning_re='(^|[^[:alnum:]_])warning:'
    shift
    log=$bin/gate-build.log
    {
        cmake -S "$src" -B "$bin" "${generator_args[@]}" --no-warn-unused-cli "$@" &&
            cmake --build "$bin" --clean-first --parallel "$jobs"
    } 2>&1 | tee "$log" || fail "the $what build failed (log: $log)"
    if grep -E -i "$warning_re" "$log" >/dev/null; then
        echo "$GATE: warnings in the $what build:"
        grep -E -i "$warning_re" "$log" | sed 's/^/    /'
        fail "the $what build must be warning-free"
    fi
}
