#!/usr/bin/env bash
# check_link_fails.sh: the link-time no-heap proof catches a call to malloc.
#
# Builds the firmware target neg_link_malloc (firmware/neg_link_malloc.c calls malloc), which
# is linked with the same options as every image, -Wl,--wrap=malloc among them. The test
# passes only when that link fails because __wrap_malloc is undefined.
#
# Usage: check_link_fails.sh FIRMWARE_BUILD_DIR TARGET
set -uo pipefail

[ "$#" -eq 2 ] || { echo "usage: $0 FIRMWARE_BUILD_DIR TARGET" >&2; exit 2; }
fw=$1
target=$2
[ -f "$fw/CMakeCache.txt" ] || { echo "check_link_fails: FAIL: no build in $fw (did embedded.build pass?)"; exit 1; }

rm -f "$fw/images/$target.elf"
out=$(cmake --build "$fw" --target "$target" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -v '^\[' | sed 's/^/    /'
if [ "$rc" -eq 0 ] || [ -f "$fw/images/$target.elf" ]; then
    echo "check_link_fails: FAIL: $target linked: a call to malloc got through"
    exit 1
fi
if ! printf '%s\n' "$out" | grep -q "undefined reference to \`__wrap_malloc'"; then
    echo "check_link_fails: FAIL: $target failed to build, but not on the undefined __wrap_malloc"
    exit 1
fi
echo "check_link_fails: PASS: $target does not link (undefined __wrap_malloc)"
