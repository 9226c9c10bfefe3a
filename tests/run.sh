#!/usr/bin/env bash
# tests/run.sh: the one test command. Installs what the build and the tests need, builds, and
# runs every test under ctest.
#
# Why: a fresh Debian 12 machine (run as root, or with sudo) goes from a clone to a full test run
# with nothing else to know; CI (.ci/run) runs exactly this. ctest's summary is the last thing it
# prints, and its exit status is the script's.
#
# Usage: bash tests/run.sh            (from any directory)
#        EIC_SKIP_APT=1 bash tests/run.sh   (skip apt-get, for fast local reruns)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build tools, both host compilers (gcc builds, gate_clang_build uses clang), the Cortex-M4 cross
# compiler and newlib (gate_cortex_m4), binutils for the gates' nm/objdump/size, the
# libraries and interpreters the code and the tests use, openssl for the test CAs of the TLS
# tests, valgrind, and doxygen for the API reference (docs.doxygen). clang's sanitizer and
# libFuzzer runtimes (sanitize.*, fuzz.*) are only a Recommends of clang, so they are named.
# moto_server, the AWS CLI and botocore come with the machine's python3.
packages=(
    build-essential cmake make
    gcc clang libclang-rt-14-dev binutils
    gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi
    libmbedtls-dev libjsmn-dev
    python3 pkg-config
    openssl ca-certificates valgrind
    qemu-system-arm python3-kconfiglib
    liblwip-dev iproute2
    doxygen
)

if [ "${EIC_SKIP_APT:-0}" != 1 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    echo "tests/run.sh: installing packages: ${packages[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o Dpkg::Use-Pty=0 --no-install-recommends "${packages[@]}" >/dev/null
fi

cmake -S . -B build
cmake --build build -j2
ctest --test-dir build --output-on-failure
