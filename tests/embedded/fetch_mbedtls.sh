#!/usr/bin/env bash
# fetch_mbedtls.sh: mbedTLS 2.28.3 sources from Debian's source package, unpacked into DEST.
#
# Why: the Cortex-M images link the core with the mbedTLS that Debian ships (the host build's
# libmbedtls-dev is 2.28.3-1), built for the target from its sources. apt-get does the download
# and checks it against the signed Sources index of bookworm, so no checksum is kept here.
#
# apt runs on a private state under DEST/apt (its own sources file with one deb-src line, its own
# lists and cache): the machine's apt configuration and lists are neither read nor changed, and
# other tests that run apt-get at the same time do not contend for its locks.
# --download-only needs no dpkg-source (dpkg-dev): the .orig tarball is unpacked here with tar.
# Once DEST/src holds the unpacked tree (DEST/src/.complete), reruns touch no network.
#
# Usage: fetch_mbedtls.sh DEST
# Environment: EIC_DEBIAN_MIRROR (default http://deb.debian.org/debian).
# Exit status: 0 the tree is there, 1 it could not be fetched or unpacked.
set -euo pipefail

version=2.28.3-1
upstream=${version%-*}
mirror=${EIC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

fail()
{
    echo "fetch_mbedtls: FAIL: $*" >&2
    exit 1
}

dest=${1:?usage: $0 DEST}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
src=$dest/src

if [ -f "$src/.complete" ]; then
    echo "fetch_mbedtls: mbedTLS $version already unpacked in $src (no download)"
    exit 0
fi

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found (a Debian machine is needed)"
[ -f "$keyring" ] || fail "$keyring not found (apt-get install debian-archive-keyring)"

apt=$dest/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$dest/download"
echo "deb-src [signed-by=$keyring] $mirror bookworm main" > "$apt/sources.list"
apt_opts=(
    -o "Dir::Etc::SourceList=$apt/sources.list"
    -o "Dir::Etc::SourceParts=$apt/sources.list.d"
    -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache=$apt/cache"
    -o "APT::Sandbox::User=root"
)

echo "fetch_mbedtls: deb-src line: $(cat "$apt/sources.list")"
apt-get "${apt_opts[@]}" -q update || fail "apt-get update failed (network? mirror $mirror)"
(cd "$dest/download" &&
    apt-get "${apt_opts[@]}" -q source --download-only "mbedtls=$version") ||
    fail "apt-get source --download-only mbedtls=$version failed"

orig=$dest/download/mbedtls_$upstream.orig.tar.gz
[ -f "$orig" ] || fail "no $orig after apt-get source"
rm -rf "$src"
mkdir -p "$src"
tar -xzf "$orig" -C "$src" --strip-components=1 || fail "cannot unpack $orig"
for f in library/sha256.c library/platform_util.c include/mbedtls/sha256.h include/mbedtls/check_config.h; do
    [ -f "$src/$f" ] || fail "$orig has no $f"
done
touch "$src/.complete"
echo "fetch_mbedtls: mbedTLS $version unpacked in $src"
