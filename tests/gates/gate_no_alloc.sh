#!/usr/bin/env bash
# gate_no_alloc: the core library references no allocating function.
#
# Why: DESIGN.md principle 1 (zero heap in the core). A unit test cannot prove that no code path
# allocates, but the linker can: if no object in libeic.a has an undefined reference to an
# allocator (or to a library call known to allocate, such as mbedtls_md_setup), the core cannot
# allocate, whatever the path. This looks at `nm -u` of every object in the archive.
#
# Usage: gate_no_alloc.sh ARCHIVE_OR_OBJECT...
# Environment: NM (default: nm) - the nm matching the archive's target.
# Exit status: 0 clean, 1 a forbidden reference was found, 2 usage or tool error.
set -euo pipefail

NM=${NM:-nm}

# Exact symbol names (compared after stripping leading underscores and any @VERSION suffix).
# The mbedTLS entries allocate internally: mbedtls_md_setup callocs the digest context and the
# HMAC pad, and the one-shot mbedtls_md_hmac calls it; the core builds HMAC on mbedtls_sha256_*.
FORBIDDEN=(
    malloc calloc realloc reallocarray free
    strdup strndup aligned_alloc posix_memalign memalign valloc
    asprintf vasprintf
    mbedtls_calloc mbedtls_free
    mbedtls_md_setup mbedtls_md_hmac mbedtls_md_hmac_starts
)

GATE=gate_no_alloc
# shellcheck source=gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/gate_lib.sh"
require_inputs "$@"
require_tools "$NM"

# nm -A names an archive member "lib.a[member.o]"; print just "member.o".
member_name()
{
    if [[ $1 =~ \[(.*)\]$ ]]; then echo "${BASH_REMATCH[1]}"; else echo "$1"; fi
}

declare -A forbidden=()
for s in "${FORBIDDEN[@]}"; do forbidden[$s]=1; done

echo "gate_no_alloc: no object may reference an allocating function"
echo "  nm:        $(command -v "$NM")"
echo "  forbidden: ${FORBIDDEN[*]}"

status=0
for input in "$@"; do
    echo "  checking:  $input"

    # POSIX format with the file name on every line: "lib.a[member.o]: symbol TYPE ...",
    # or "file.o: symbol TYPE ..." for a lone object.
    all=$("$NM" -A -P "$input") || gate_error "$NM failed on $input"
    undef=$("$NM" -A -P -u "$input") || gate_error "$NM failed on $input"

    # Every member that has any symbol at all, in archive order.
    members=()
    declare -A seen=()
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        where=${line%%: *}
        if [ -z "${seen[$where]:-}" ]; then
            seen[$where]=1
            members+=("$where")
        fi
    done <<<"$all"
    [ "${#members[@]}" -gt 0 ] || gate_error "$input holds no object with symbols: nothing to check"

    declare -A refs=()
    nundef=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        where=${line%%: *}
        rest=${line#*: }
        sym=${rest%% *}
        refs[$where]="${refs[$where]:-} $sym"
        nundef=$((nundef + 1))
        base=${sym%%@*}
        while [ "${base#_}" != "$base" ]; do base=${base#_}; done
        if [ -n "${forbidden[$base]:-}" ]; then
            echo "  FAIL $(member_name "$where"): references forbidden symbol '$sym'"
            status=1
        fi
    done <<<"$undef"

    for where in "${members[@]}"; do
        echo "  $(member_name "$where"): undefined:${refs[$where]:- (none)}"
    done
    echo "  ${#members[@]} object(s), $nundef undefined reference(s) in $input"
    unset seen refs
done

report_status "$status" "no allocating function is referenced" \
    "the core must not allocate: see DESIGN.md, principle 1"
