#!/usr/bin/env bash
# gate_selftest: proves that the gates can fail, on tiny archives built at test time.
#
# Why: a gate that passes because it is broken (wrong tool, parse error, wrong file) looks the
# same as a gate that passes because the core is clean. So each gate is run here twice over:
# on a clean archive it must pass (exit 0), and on an archive with one planted violation it must
# fail with exit 1 (not 2, a tool error) and name the culprit. Every plant is written so that the
# optimiser cannot remove it.
#
# Usage: gate_selftest.sh alloc|global-state WORKDIR
# Environment: CC, AR (the host compiler and archiver the gates' archives are built with),
#              NM, OBJDUMP (passed on to the gates).
# Exit status: 0 every case behaved, 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kind=${1:?usage: $0 alloc|global-state WORKDIR}
work=${2:?usage: $0 alloc|global-state WORKDIR}
CC=${CC:-cc}
AR=${AR:-ar}
export NM=${NM:-nm} OBJDUMP=${OBJDUMP:-objdump}

case "$kind" in
    alloc) gate=$here/gate_no_alloc.sh ;;
    global-state) gate=$here/gate_no_global_state.sh ;;
    *)
        echo "gate_selftest: unknown kind '$kind'" >&2
        exit 1
        ;;
esac

rm -rf "$work"
mkdir -p "$work"
cd "$work"

cat >clean.c <<'EOF'
/* Pure code with only read-only data: every gate must accept it. */
static const unsigned char table[4] = {3, 1, 4, 1};
int eic_selftest_clean(unsigned i)
{
    return table[i & 3u] * 3 + 1;
}
EOF

failures=0

# build NAME CFLAGS -- SOURCE: compile SOURCE (from stdin) plus clean.c into NAME.a.
build()
{
    local name=$1 flags=$2
    cat >"$name.c"
    rm -f "$name.a"
    # shellcheck disable=SC2086 # flags are deliberately split
    "$CC" -O2 $flags -c clean.c -o clean.o
    # shellcheck disable=SC2086
    "$CC" -O2 $flags -c "$name.c" -o "$name.o"
    "$AR" rcs "$name.a" clean.o "$name.o"
}

# expect_pass ARCHIVE
expect_pass()
{
    local out rc=0
    out=$(bash "$gate" "$1" 2>&1) || rc=$?
    printf '%s\n' "$out" | sed 's/^/    | /'
    if [ "$rc" -eq 0 ]; then
        echo "  ok: gate accepts the clean archive $1"
    else
        echo "  FAIL: gate rejected the clean archive $1 (exit $rc)"
        failures=$((failures + 1))
    fi
}

# expect_reject ARCHIVE WORD...: the gate must exit 1 and its output must name every WORD.
expect_reject()
{
    local archive=$1 out rc=0 word
    shift
    out=$(bash "$gate" "$archive" 2>&1) || rc=$?
    printf '%s\n' "$out" | sed 's/^/    | /'
    if [ "$rc" -ne 1 ]; then
        echo "  FAIL: gate exit status $rc on $archive, expected 1 (violation found)"
        failures=$((failures + 1))
        return
    fi
    for word in "$@"; do
        if ! grep -q -F -- "$word" <<<"$out"; then
            echo "  FAIL: gate output on $archive does not name '$word'"
            failures=$((failures + 1))
            return
        fi
    done
    echo "  ok: gate rejects $archive, naming: $*"
}

echo "gate_selftest ($kind): compiler $("$CC" --version | head -n 1)"

echo "case: clean archive"
"$CC" -O2 -c clean.c -o clean.o
rm -f clean.a
"$AR" rcs clean.a clean.o
expect_pass clean.a

if [ "$kind" = alloc ]; then
    echo "case: an object calls malloc"
    build leak_malloc "" <<'EOF'
#include <stdlib.h>
/* volatile: the optimiser may not drop the allocation as unused. */
void eic_selftest_leak(void)
{
    void *volatile p = malloc(16);
    (void)p;
}
EOF
    expect_reject leak_malloc.a "'malloc'"

    echo "case: an object calls strdup and free"
    build leak_strdup "" <<'EOF'
#include <stdlib.h>
#include <string.h>
char *eic_selftest_copy(const char *s);
char *eic_selftest_copy(const char *s)
{
    char *volatile p = strdup(s);
    free(p);
    return p;
}
EOF
    expect_reject leak_strdup.a "'strdup'" "'free'"

    echo "case: an object uses mbedtls_md_setup (allocates inside mbedTLS)"
    build leak_md "" <<'EOF'
/* Declared here so the test needs no mbedTLS headers; only the reference matters. */
int mbedtls_md_setup(void *ctx, const void *md_info, int hmac);
int eic_selftest_md(void *ctx, const void *info)
{
    return mbedtls_md_setup(ctx, info, 1);
}
EOF
    expect_reject leak_md.a "'mbedtls_md_setup'"
else
    echo "case: a static counter (.bss)"
    build static_counter "" <<'EOF'
static int counter;
int eic_selftest_tick(void)
{
    return ++counter;
}
EOF
    expect_reject static_counter.a "static_counter.o" ".bss" "counter"

    echo "case: an initialised static (.data)"
    build static_seeded "" <<'EOF'
static int seeded = 7;
int eic_selftest_next(void)
{
    seeded = seeded * 5 + 1;
    return seeded;
}
EOF
    expect_reject static_seeded.a "static_seeded.o" ".data" "seeded"

    echo "case: a tentative definition compiled with -fcommon (COMMON)"
    build common_counter "-fcommon" <<'EOF'
int eic_selftest_shared;
int eic_selftest_bump(void)
{
    return ++eic_selftest_shared;
}
EOF
    expect_reject common_counter.a "common_counter.o" "eic_selftest_shared (C)"

    echo "case: a thread-local static (.tbss)"
    build thread_local "-std=c11" <<'EOF'
static _Thread_local int per_thread;
int eic_selftest_tls(void)
{
    return ++per_thread;
}
EOF
    expect_reject thread_local.a "thread_local.o" ".tbss"

    echo "case: a const table of pointers built -fPIC (.data.rel.ro)"
    build pointer_table "-fPIC" <<'EOF'
/* External linkage: clang would turn a static table into relative offsets in .rodata. */
const char *const eic_selftest_names[] = {"alpha", "beta", "gamma"};
const char *eic_selftest_name(unsigned i)
{
    return eic_selftest_names[i % 3u];
}
EOF
    expect_reject pointer_table.a "pointer_table.o" ".data.rel.ro"
fi

if [ "$failures" -eq 0 ]; then
    echo "gate_selftest ($kind): PASS (the gate accepts clean code and catches every plant)"
    exit 0
fi
echo "gate_selftest ($kind): FAIL ($failures case(s) misbehaved)"
exit 1
