#!/usr/bin/env bash
# build.sh: builds the Cortex-M3 test images (the ctest fixture embedded.build).
#
# 1. mbedTLS 2.28.3 from Debian's source package (bookworm's 2.28.3-1, the host build's
#    libmbedtls-dev) into BUILD_DIR/mbedtls/src (tests/common/fetch_debian_source.sh; cached, so
#    reruns touch no network);
# 2. the firmware project (tests/embedded/firmware) configured into BUILD_DIR/firmware with
#    the toolchain file tests/embedded/cortex-m3.cmake and built: the core (all of core/src),
#    sha256.c and platform_util.c, and the images in BUILD_DIR/firmware/images. Every target
#    compiles with -Wall -Wextra -Werror -pedantic and links with --fatal-warnings, so a built
#    tree is a warning-free one (an incremental rebuild does not hide a warning);
# 3. checks that no image holds newlib's allocator (or anything named malloc/free), and prints
#    the images' flash and RAM use.
#
# Usage: build.sh SOURCE_DIR BUILD_DIR PYTHON JSMN_INCLUDE_DIR
# Environment: EIC_EMBEDDED_GENERATOR (CMake generator of a new firmware build directory),
#              EIC_EMBEDDED_JOBS (parallel jobs, default: number of CPUs),
#              EIC_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

fail()
{
    echo "embedded.build: FAIL: $*" >&2
    exit 1
}

[ "$#" -eq 4 ] || fail "usage: $0 SOURCE_DIR BUILD_DIR PYTHON JSMN_INCLUDE_DIR"
src=$(cd "$1" && pwd)
mkdir -p "$2"
bin=$(cd "$2" && pwd)
python=$3
jsmn_dir=$4
here=$src/tests/embedded
jobs=${EIC_EMBEDDED_JOBS:-$(nproc 2>/dev/null || echo 2)}

for tool in arm-none-eabi-gcc arm-none-eabi-size arm-none-eabi-nm; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail "$tool not found (apt-get install gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi)"
done
[ -f "$(arm-none-eabi-gcc -print-file-name=rdimon.specs)" ] ||
    fail "rdimon.specs not found (apt-get install libnewlib-arm-none-eabi)"
[ -f "$jsmn_dir/jsmn.h" ] || fail "no jsmn.h in '$jsmn_dir' (apt-get install libjsmn-dev)"

bash "$src/tests/common/fetch_debian_source.sh" bookworm mbedtls 2.28.3-1 "$bin/mbedtls" ||
    fail "no mbedTLS sources"
for f in library/sha256.c library/platform_util.c include/mbedtls/sha256.h include/mbedtls/check_config.h; do
    [ -f "$bin/mbedtls/src/$f" ] || fail "the mbedTLS sources in $bin/mbedtls/src have no $f"
done

# jsmn.h alone: the host's /usr/include must not be on the cross include path.
stage=$bin/staged-include
mkdir -p "$stage"
ln -sfn "$jsmn_dir/jsmn.h" "$stage/jsmn.h"

# Host compiler settings from the environment must not leak into the cross build.
unset CC CFLAGS CPPFLAGS LDFLAGS

fw=$bin/firmware
generator_args=()
if [ -n "${EIC_EMBEDDED_GENERATOR:-}" ] && [ ! -f "$fw/CMakeCache.txt" ]; then
    generator_args=(-G "$EIC_EMBEDDED_GENERATOR")
fi
cmake -S "$here/firmware" -B "$fw" "${generator_args[@]}" --no-warn-unused-cli \
    -DCMAKE_TOOLCHAIN_FILE="$here/cortex-m3.cmake" \
    -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DEIC_SOURCE_DIR="$src" \
    -DEIC_MBEDTLS_SOURCE_DIR="$bin/mbedtls/src" \
    -DEIC_JSMN_INCLUDE_DIR="$stage" \
    -DEIC_PYTHON="$python" >"$bin/configure.log" 2>&1 ||
    { cat "$bin/configure.log"; fail "configuring $fw failed"; }
cmake --build "$fw" --parallel "$jobs" || fail "the Cortex-M3 build failed"

# No allocator in any image: newlib's malloc family is not linked at all (the wraps send every
# reference to a missing symbol or to a trap), so nothing named so may be defined.
images=("$fw"/images/*.elf)
[ -e "${images[0]}" ] || fail "no images in $fw/images"
alloc_re='^(malloc|calloc|realloc|free|_malloc_r|_calloc_r|_realloc_r|_free_r|_malloc_trim_r|__malloc_av_)$'
for image in "${images[@]}"; do
    found=$(arm-none-eabi-nm --defined-only "$image" | awk '{ print $3 }' | grep -E "$alloc_re" || true)
    [ -z "$found" ] || fail "${image##*/} defines an allocator: $found"
done
echo "embedded.build: no image defines malloc, calloc, realloc, free or newlib's _*_r allocator"

echo
echo "embedded.build: images (Cortex-M3, -Os; flash = text + data, static RAM = data + bss;"
echo "the stack, from the top of RAM, is not counted)"
printf '    %-22s %9s %9s\n' image flash static-RAM
arm-none-eabi-size "${images[@]}" | awk 'NR > 1 {
    n = split($6, p, "/"); printf "    %-22s %9d %9d\n", p[n], $1 + $2, $2 + $3 }'
echo
echo "embedded.build: the libraries in every image (archive totals, before --gc-sections):"
arm-none-eabi-size -t "$fw/core/libeic.a" | tail -n 1 |
    awk '{ printf "    libeic.a (core)          text+data %6d, bss %d\n", $1 + $2, $3 }'
arm-none-eabi-size -t "$fw/libeic_mbedcrypto.a" | tail -n 1 |
    awk '{ printf "    libeic_mbedcrypto.a      text+data %6d, bss %d\n", $1 + $2, $3 }'
echo "embedded.build: PASS"
