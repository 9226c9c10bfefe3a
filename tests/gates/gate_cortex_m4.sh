#!/usr/bin/env bash
# gate_cortex_m4: the core cross-builds warning-free for Cortex-M4 (-Os) and stays state-free.
#
# Why: DESIGN.md principle 4 promises a warning-free build with
# `arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os`, and principle 1 promises no heap and no
# mutable static state on every target, not just on the host. This gate configures a separate
# cross build of the core with cmake/arm-none-eabi.cmake (MinSizeRel), rebuilds it from clean so
# every warning is seen, checks that the toolchain flags really reached the compiler, runs the
# no-global-state and no-alloc gates on the ARM archive, and prints the core's flash footprint.
#
# mbedTLS and jsmn headers are taken from the host packages through a staged include directory
# that holds only `mbedtls -> /usr/include/mbedtls` and `jsmn.h`: putting /usr/include itself
# on the cross include path would pull in host libc headers instead of newlib's.
#
# Usage: gate_cortex_m4.sh SOURCE_DIR BUILD_DIR
# Environment: EIC_GATE_GENERATOR, EIC_GATE_JOBS (see gate_lib.sh).
# The nested build directory is reused on reruns; its tests are never built or run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GATE=gate_cortex_m4
# shellcheck source=gate_lib.sh
source "$here/gate_lib.sh"
nested_build_dirs "$@"

command -v arm-none-eabi-gcc >/dev/null 2>&1 ||
    fail "arm-none-eabi-gcc not found (apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)"
[ -f /usr/include/mbedtls/sha256.h ] ||
    fail "/usr/include/mbedtls/sha256.h not found (apt-get install libmbedtls-dev)"

echo "gate_cortex_m4: $(arm-none-eabi-gcc --version | head -n 1)"

# Staged third-party headers: exactly mbedtls/ and jsmn.h, nothing else from /usr/include.
stage=$bin/staged-include
mkdir -p "$stage"
ln -sfn /usr/include/mbedtls "$stage/mbedtls"
if [ -f /usr/include/jsmn.h ]; then
    ln -sfn /usr/include/jsmn.h "$stage/jsmn.h"
else
    rm -f "$stage/jsmn.h"
fi
echo "gate_cortex_m4: staged headers in $stage:"
for f in "$stage"/*; do
    echo "    ${f##*/} -> $(readlink "$f")"
done

# Host compiler settings from the environment must not leak into the cross build.
unset CC CFLAGS CPPFLAGS LDFLAGS

nested_build Cortex-M4 \
    -DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" \
    -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_FLAGS_MINSIZEREL="-Os -DNDEBUG -fstack-usage -fcallgraph-info=su" \
    -DEIC_BUILD_TESTS=OFF -DEIC_BUILD_TOOLS=OFF \
    -DEIC_MBEDTLS_INCLUDE_DIR="$stage" \
    -DEIC_JSMN_INCLUDE_DIR="$stage"
echo "gate_cortex_m4: build is warning-free"

# The toolchain file's flags must have reached every compile of the core.
ccjson=$bin/compile_commands.json
[ -f "$ccjson" ] || fail "no $ccjson"
ncompiles=$(grep -c '"file"' "$ccjson" || true)
[ "$ncompiles" -gt 0 ] || fail "no compile commands in $ccjson"
for flag in -mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections; do
    nflag=$(grep '"command"' "$ccjson" | grep -c -- " $flag " || true)
    [ "$nflag" -eq "$ncompiles" ] ||
        fail "$flag is on $nflag of $ncompiles compile commands (check cmake/arm-none-eabi.cmake)"
done
if grep '"command"' "$ccjson" | grep -E -q -- '(-I|-isystem |-idirafter )/usr(/local)?/include/? '; then
    fail "a host include directory (/usr/include) is on the cross include path: see $ccjson"
fi
echo "gate_cortex_m4: all $ncompiles compiles use -mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections"

# The archive and the binutils of the cross toolchain, as CMake found them.
# The one archive of that name under the build.
one_archive()
{
    local found
    mapfile -t found < <(find "$bin" -name "$1" -type f ! -path '*/CMakeFiles/*')
    [ "${#found[@]}" -eq 1 ] || fail "expected one $1 under $bin, found ${#found[@]}"
    echo "${found[0]}"
}
archive=$(one_archive libeic.a)
sigv4_archive=$(one_archive libeic_sigv4.a)
cache_value()
{
    sed -n "s/^$1:[A-Z]*=//p" "$bin/CMakeCache.txt" | head -n 1
}
nm=$(cache_value CMAKE_NM)
objdump=$(cache_value CMAKE_OBJDUMP)
size=${nm%nm}size
for tool in "$nm" "$objdump" "$size"; do
    [ -x "$tool" ] || fail "cross binutils not found: '$tool'"
done

echo
NM=$nm OBJDUMP=$objdump bash "$here/gate_no_global_state.sh" "$archive" "$sigv4_archive" ||
    fail "the Cortex-M4 core holds mutable static state"
echo
NM=$nm bash "$here/gate_no_alloc.sh" "$archive" "$sigv4_archive" ||
    fail "the Cortex-M4 core references an allocating function"
echo

# Flash: text (code and read-only data) plus data, per object and in total, as linked code
# would place them; mbedTLS is a separate library and not counted.
echo "gate_cortex_m4: $size -t $archive"
sizes=$("$size" -t "$archive")
printf '%s\n' "$sizes" | sed 's/^/    /'
read -r text data bss _ < <(printf '%s\n' "$sizes" | grep '(TOTALS)')
[[ "$text$data$bss" =~ ^[0-9]+$ ]] || fail "cannot read the totals of $size -t"
echo "eic core flash (Cortex-M4 -Os, mbedTLS not counted): $((text + data)) bytes text+data, $bss bytes bss"
read -r text data bss _ < <("$size" -t "$sigv4_archive" | grep '(TOTALS)')
echo "libeic_sigv4.a (the generic eic_sigv4.h calls, not part of the core): $((text + data)) bytes text+data, $bss bytes bss"
echo
# The footprint table of the README: flash and static RAM per module, and the
# worst stack depth of each public call from the -fcallgraph-info graphs.
python3 "$here/footprint.py" "$bin" "$archive" "$size" "${nm%nm}gcc" \
    "$src/core/include" "$stage" || fail "footprint: static RAM or recursion"
echo "gate_cortex_m4: PASS"
