#!/usr/bin/env bash
# mbedtls3: the unit, vector, port and oracle tests again, against mbedTLS 3.6 instead of 2.28.
#
# Why: eic supports mbedTLS 2.28 (Debian 12, most device SDKs today) and 3.x (ESP-IDF 5, Zephyr,
# new SDKs). The two differ where eic touches them: SHA-256 call names, the config header,
# private struct members, PSA (TLS 1.3 in 3.6 needs psa_crypto_init()), IP-address SANs. The
# main build links Debian's 2.28; this test builds the same sources against 3.6 and runs them.
#
# What it does, all under BUILD_DIR:
#   1. fetches Debian's mbedTLS source package, pinned (see DEB_VERSION), from trixie and
#      unpacks its .orig tarball (Debian's patches do not matter here) into mbedtls-source/src
#      with ../common/fetch_debian_source.sh: apt lists and caches of its own, the machine's
#      sources and lists neither read nor changed, root not needed; later runs use no network;
#   2. builds mbedcrypto, mbedx509 and mbedtls with CMake (no programs, no tests) into
#      mbedtls-build/, installed to prefix/;
#   3. configures a nested eic build (eic/) with EIC_MBEDTLS_INCLUDE_DIR and the three static
#      libraries, builds everything (core, ports, tools, tests) and checks that it used 3.6:
#      mbedtls3_probe prints MBEDTLS_VERSION_STRING (headers) and mbedtls_version_get_string()
#      (library); no object read a header of a system mbedTLS; no program loads a shared one;
#   4. runs the nested build's unit, vector, port and oracle tests (ctest -R), and one more TLS
#      handshake through the TLS port to a Python server that reports the negotiated protocol,
#      which must be TLS 1.3; before it, mbedtls3_probe shows that eic_port_tls_init() itself
#      initialised PSA crypto (3.6.1 and later would do it inside a TLS 1.3 handshake, which
#      hides a missing psa_crypto_init(); builds with MBEDTLS_USE_PSA_CRYPTO need it earlier).
#
# Usage: mbedtls3.sh SOURCE_DIR BUILD_DIR
# Environment: EIC_GATE_GENERATOR, EIC_GATE_JOBS (see ../gates/gate_lib.sh); CC (compiler of
#              both builds); EIC_PYTHON (python3 with botocore for the oracle tests);
#              EIC_DEBIAN_MIRROR (default http://deb.debian.org/debian).
# Needs: apt-get (--download-only needs no dpkg-dev), debian-archive-keyring with trixie's keys
#        (Debian 12's 2023.3+deb12u2 has them), bzip2 (the .orig is .tar.bz2), cmake, a C
#        compiler, binutils (readelf), openssl, python3; ca-certificates for an https mirror.
# Exit status: 0 pass, 1 fail, 2 could not check (no network on the first run, a missing tool).
set -euo pipefail

GATE=mbedtls3
# shellcheck source-path=SCRIPTDIR source=../gates/gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../gates/gate_lib.sh"
nested_build_dirs "$@"

# The pinned source package: an unpinned `apt-get source` would take whatever trixie carries.
DEB_VERSION=3.6.6-0.1~deb13u1
UPSTREAM=3.6.6

source_dest=$bin/mbedtls-source
src_dir=$source_dest/src
mbed_bin=$bin/mbedtls-build
prefix=$bin/prefix
eic_bin=$bin/eic

for tool in cmake readelf; do
    command -v "$tool" >/dev/null 2>&1 || gate_error "tool not found: $tool"
done
python=${EIC_PYTHON:-$(command -v python3 || true)}
[ -n "$python" ] || gate_error "python3 not found"
compiler_args=()
if [ -n "${CC:-}" ]; then
    compiler_args=(-DCMAKE_C_COMPILER="$CC")
fi

phase_start=$SECONDS
phase_done()
{
    echo "mbedtls3: $1 ($((SECONDS - phase_start)) s)"
    phase_start=$SECONDS
}

# say_lines WHAT TEXT: each line of TEXT, as "mbedtls3: WHAT: line".
say_lines()
{
    local line
    while IFS= read -r line; do
        echo "mbedtls3: $1: $line"
    done <<<"$2"
}

# generator_args DIR: the generator, only for a build directory not configured yet.
generator_args()
{
    gen_args=()
    if [ -n "${EIC_GATE_GENERATOR:-}" ] && [ ! -f "$1/CMakeCache.txt" ]; then
        gen_args=(-G "$EIC_GATE_GENERATOR")
    fi
}

# run_logged LOG COMMAND...: runs the command with its output in LOG; on failure shows the end.
run_logged()
{
    local log=$1
    shift
    if ! "$@" >>"$log" 2>&1; then
        tail -n 40 "$log" | sed 's/^/    /'
        return 1
    fi
}

# ---- 1. the source package, downloaded once ----

# Exit status 1: the download does not match its .dsc; anything else: it could not be fetched.
status=0
bash "$(dirname "${BASH_SOURCE[0]}")/../common/fetch_debian_source.sh" \
    trixie mbedtls "$DEB_VERSION" "$source_dest" || status=$?
case $status in
    0) ;;
    1) fail "the source package mbedtls $DEB_VERSION does not match its .dsc" ;;
    *) gate_error "could not fetch the source package mbedtls $DEB_VERSION from trixie" ;;
esac
phase_done "source package mbedtls $DEB_VERSION in $src_dir"

# ---- 2. mbedTLS 3.6, built once ----

# Other sources (another pin) mean new builds.
source_id=$(cat "$src_dir/.complete")
if [ "$(cat "$bin/mbedtls-source.id" 2>/dev/null)" != "$source_id" ]; then
    rm -rf "$mbed_bin" "$prefix"
    echo "$source_id" >"$bin/mbedtls-source.id"
fi

# Position-independent static libraries link into PIE and non-PIE programs alike.
mbed_log=$bin/mbedtls-build.log
: >"$mbed_log"
generator_args "$mbed_bin"
run_logged "$mbed_log" cmake -S "$src_dir" -B "$mbed_bin" "${gen_args[@]}" "${compiler_args[@]}" \
    -DENABLE_PROGRAMS=OFF -DENABLE_TESTING=OFF -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib ||
    fail "configuring mbedTLS failed (log: $mbed_log)"
run_logged "$mbed_log" cmake --build "$mbed_bin" --parallel "$jobs" \
    --target mbedcrypto mbedx509 mbedtls ||
    fail "building mbedTLS failed (log: $mbed_log)"
run_logged "$mbed_log" cmake --install "$mbed_bin" || fail "installing mbedTLS failed (log: $mbed_log)"
for lib in mbedtls mbedx509 mbedcrypto; do
    [ -f "$prefix/lib/lib$lib.a" ] || fail "$prefix/lib/lib$lib.a was not built"
done
phase_done "mbedTLS $UPSTREAM built (mbedcrypto, mbedx509, mbedtls; log: $mbed_log)"

# ---- 3. eic against it ----

eic_log=$bin/eic-build.log
: >"$eic_log"
python_args=()
if [ -n "${EIC_PYTHON:-}" ]; then
    python_args=(-DEIC_PYTHON="$EIC_PYTHON")
fi
generator_args "$eic_bin"
run_logged "$eic_log" cmake -S "$src" -B "$eic_bin" "${gen_args[@]}" "${compiler_args[@]}" \
    "${python_args[@]}" --no-warn-unused-cli \
    -DEIC_BUILD_TESTS=ON -DEIC_BUILD_TOOLS=ON -DEIC_MBEDTLS3_TEST=OFF \
    -DEIC_MBEDTLS_INCLUDE_DIR="$prefix/include" \
    -DEIC_MBEDTLS_LIBRARY="$prefix/lib/libmbedtls.a" \
    -DEIC_MBEDX509_LIBRARY="$prefix/lib/libmbedx509.a" \
    -DEIC_MBEDCRYPTO_LIBRARY="$prefix/lib/libmbedcrypto.a" ||
    fail "configuring eic against mbedTLS $UPSTREAM failed (log: $eic_log)"
run_logged "$eic_log" cmake --build "$eic_bin" --parallel "$jobs" ||
    fail "building eic against mbedTLS $UPSTREAM failed (log: $eic_log)"
phase_done "eic built against mbedTLS $UPSTREAM (core, ports, tools, tests; log: $eic_log)"

# Headers and library, as the probe (linked like every other program) sees them.
probe=$eic_bin/tests/mbedtls3_probe
[ -x "$probe" ] || fail "$probe was not built"
probe_out=$("$probe") || fail "mbedtls3_probe: headers and library differ: ${probe_out//$'\n'/, }"
say_lines "probe" "$probe_out"
for want in "headers $UPSTREAM" "library $UPSTREAM" "tls1.3 yes"; do
    grep -qx "$want" <<<"$probe_out" || fail "mbedtls3_probe did not print '$want'"
done

# No object of the nested build read a header of another mbedTLS (a stray -I/usr/include would
# mix 2.28 declarations with 3.6 code), judged from the compiler's own dependency records.
if [ -f "$eic_bin/build.ninja" ]; then
    deps=$(cd "$eic_bin" && ninja -t deps)
else
    deps=$(find "$eic_bin" \( -name '*.o.d' -o -name compiler_depend.make \) -exec cat {} +)
fi
grep -q "$prefix/include/mbedtls/" <<<"$deps" ||
    gate_error "no compiler dependency records in $eic_bin name $prefix/include/mbedtls/"
stray=$(grep -oE '[^ ]*/include/(mbedtls|psa)/[^ ]*' <<<"$deps" | grep -v "^$prefix/include/" |
    sort -u || true)
[ -z "$stray" ] || fail "objects of the nested build read other mbedTLS headers: $stray"

# Every program links the static 3.6 archives, none loads a shared mbedTLS.
shared=""
for exe in "$eic_bin"/bin/* "$eic_bin"/tests/*; do
    if [ ! -f "$exe" ] || [ ! -x "$exe" ]; then
        continue
    fi
    if readelf -d "$exe" 2>/dev/null | grep -q 'NEEDED.*libmbed'; then
        shared="$shared ${exe#"$eic_bin"/}"
    fi
done
[ -z "$shared" ] || fail "programs load a shared mbedTLS:$shared"
echo "mbedtls3: every object compiled with $prefix/include, no program loads a shared mbedTLS"

# ---- 4. the tests, in the nested build ----

selection='^(unit|vectors|port|oracle)\.'
for group in unit vectors port oracle; do
    count=$(ctest --test-dir "$eic_bin" -N -R "^$group\." | sed -n 's/^Total Tests: //p')
    [ "${count:-0}" -gt 0 ] || fail "the nested build registers no $group.* test"
done
ctest --test-dir "$eic_bin" -R "$selection" -LE mbedtls3 --output-on-failure --parallel "$jobs" ||
    fail "tests failed against mbedTLS $UPSTREAM (ctest --test-dir $eic_bin -R '$selection')"
phase_done "unit, vector, port and oracle tests pass against mbedTLS $UPSTREAM"

# One handshake through the TLS port to a server that answers with the protocol it negotiated.
tls_dir=$bin/tls13
rm -rf "$tls_dir"
mkdir -p "$tls_dir"
openssl=$(command -v openssl) || gate_error "openssl not found (apt-get install openssl)"
"$openssl" req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$tls_dir/key.pem" -out "$tls_dir/cert.pem" >"$tls_dir/openssl.log" 2>&1 ||
    gate_error "openssl could not make a test certificate (log: $tls_dir/openssl.log)"
"$python" - "$tls_dir" <<'EOF' &
import os, socket, ssl, sys
work = sys.argv[1]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(os.path.join(work, "cert.pem"), os.path.join(work, "key.pem"))
with socket.create_server(("127.0.0.1", 0)) as server:
    server.settimeout(30)
    with open(os.path.join(work, "port.tmp"), "w") as f:
        f.write("%d\n" % server.getsockname()[1])
    os.rename(os.path.join(work, "port.tmp"), os.path.join(work, "port"))
    conn, _ = server.accept()
    conn.settimeout(30)
    with context.wrap_socket(conn, server_side=True) as tls:
        question = b""
        while not question.endswith(b"\n"):
            data = tls.recv(64)
            if not data:
                sys.exit("server: the client closed before asking")
            question += data
        tls.sendall(tls.version().encode() + b"\n")
EOF
server_pid=$!
for _ in $(seq 100); do
    [ -s "$tls_dir/port" ] && break
    sleep 0.1
done
[ -s "$tls_dir/port" ] || { kill "$server_pid" 2>/dev/null; gate_error "the Python TLS server did not start"; }
answer=$("$probe" --connect "$(cat "$tls_dir/port")" --ca "$tls_dir/cert.pem") || true
wait "$server_pid" || true
say_lines "probe over the TLS port" "$answer"
grep -qx "psa-by-port yes" <<<"$answer" ||
    fail "eic_port_tls_init() did not initialise PSA crypto (3.x needs psa_crypto_init())"
grep -qx "server TLSv1.3" <<<"$answer" ||
    fail "the TLS port did not negotiate TLS 1.3 with mbedTLS $UPSTREAM"
phase_done "eic_port_tls_init() initialises PSA; the TLS port negotiates TLS 1.3"

echo "mbedtls3: PASS (eic's unit, vector, port and oracle tests pass against mbedTLS $UPSTREAM," \
    "built from Debian's mbedtls $DEB_VERSION; total $SECONDS s)"
