#!/usr/bin/env bash
# fetch_debian_source.sh: one pinned Debian source package, downloaded with apt-get and its
# .orig tarball unpacked into DEST/src. Used by tests/embedded (mbedtls 2.28 from bookworm) and
# tests/mbedtls3 (mbedtls 3.6 from trixie).
#
# apt-get does the download and checks it against the signed Sources index of SUITE, so no
# checksum is kept in the tests. It runs on a private state under DEST/apt (a sources file with
# one deb-src line for SUITE, signed by debian-archive-keyring, and lists and caches of its own):
# the machine's apt sources and lists are neither read nor changed (its apt.conf.d, a proxy say,
# still applies), and tests that run apt-get at the same time do not contend for its locks.
# --download-only needs no dpkg-source (dpkg-dev): the .orig tarball (Debian's patches left
# out) is unpacked with tar --strip-components=1.
#
# Caching: once DEST/src/.complete names this PACKAGE=VERSION, reruns touch no network and
# change nothing. A download in DEST/download whose .orig still matches its .dsc is unpacked
# again without the network. Another pin downloads and unpacks afresh.
#
# DEST/src/.complete holds one line: "PACKAGE=VERSION SUITE ORIG_TARBALL SHA256", for callers
# that rebuild when the sources change.
#
# Usage: fetch_debian_source.sh SUITE PACKAGE VERSION DEST
# Environment: EIC_DEBIAN_MIRROR (default http://deb.debian.org/debian).
# Needs: apt-get, debian-archive-keyring with SUITE's keys, tar (with bzip2 or xz-utils for
#        such tarballs), sha256sum; ca-certificates for an https mirror.
# Exit status: 0 the tree is in DEST/src; 1 the download does not match its .dsc; 2 it could
#              not be fetched or unpacked (usage, a missing tool, no network, a keyring without
#              SUITE's keys, a pin SUITE no longer carries).
set -euo pipefail

me=fetch_debian_source

fail()
{
    echo "$me: FAIL: $*" >&2
    exit 1
}

cannot()
{
    echo "$me: $*" >&2
    exit 2
}

[ "$#" -eq 4 ] || cannot "usage: $0 SUITE PACKAGE VERSION DEST"
suite=$1
package=$2
version=$3
mirror=${EIC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
mkdir -p "$4"
dest=$(cd "$4" && pwd)
src=$dest/src
download=$dest/download
apt=$dest/apt
log=$dest/apt.log
dsc=$download/${package}_${version#*:}.dsc

if [ "$(cut -d ' ' -f 1 "$src/.complete" 2>/dev/null)" = "$package=$version" ]; then
    echo "$me: $package $version ($suite) already unpacked in $src (no download)"
    exit 0
fi

for tool in tar sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || cannot "tool not found: $tool"
done

# orig_checksum: "SHA256 FILE" of the .orig tarball as the downloaded .dsc lists it.
orig_checksum()
{
    awk '/^Checksums-Sha256:/ { s = 1; next } /^[^ ]/ { s = 0 }
         s && $3 ~ /\.orig\.tar\.[a-z0-9]+$/ { print $1, $3 }' "$dsc"
}

# download_ok: the .dsc is there and the .orig tarball matches it (no network); sets orig_sha
# and orig_name.
download_ok()
{
    [ -f "$dsc" ] || return 1
    read -r orig_sha orig_name < <(orig_checksum) || return 1
    [ -f "$download/$orig_name" ] &&
        [ "$(sha256sum <"$download/$orig_name" | cut -d ' ' -f 1)" = "$orig_sha" ]
}

fetch()
{
    command -v apt-get >/dev/null 2>&1 || cannot "apt-get not found (a Debian machine is needed)"
    [ -f "$keyring" ] || cannot "$keyring not found (apt-get install debian-archive-keyring)"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d"
    echo "deb-src [signed-by=$keyring] $mirror $suite main" >"$apt/sources.list"
    # Only this sources file, and lists and caches of our own. Downloads stay with root when run
    # as root: the sandbox user _apt may not be able to reach a build tree under /root.
    local apt_opts=(
        -o "Dir::Etc::SourceList=$apt/sources.list"
        -o "Dir::Etc::SourceParts=$apt/sources.list.d"
        -o "Dir::State::Lists=$apt/lists"
        -o "Dir::Cache=$apt/cache"
        -o "APT::Sandbox::User=root" -q)
    echo "$me: apt-get update ($(cat "$apt/sources.list"); private state in $apt, log $log)"
    # apt-get update can succeed with an index it could not fetch or verify (it warns and
    # ignores it): either way there is nothing to download from.
    if ! apt-get "${apt_opts[@]}" update >"$log" 2>&1 ||
        grep -qE 'NO_PUBKEY|^W: Failed to fetch|index files failed to download' "$log"; then
        tail -n 20 "$log" | sed 's/^/    /' >&2
        if grep -q NO_PUBKEY "$log"; then
            cannot "apt-get update: $keyring lacks $suite's keys" \
                "(apt-get install debian-archive-keyring, a newer one; log: $log)"
        fi
        cannot "apt-get update failed (network? mirror $mirror; log: $log)"
    fi
    rm -rf "$download.tmp"
    mkdir -p "$download.tmp"
    if ! (cd "$download.tmp" && apt-get "${apt_opts[@]}" source --download-only "$package=$version") \
        >>"$log" 2>&1; then
        tail -n 20 "$log" | sed 's/^/    /' >&2
        local carried
        carried=$(apt-cache "${apt_opts[@]}" showsrc "$package" 2>/dev/null |
            sed -n 's/^Version: //p' | sort -u | paste -sd ' ' || true)
        cannot "apt-get source --download-only $package=$version failed;" \
            "$suite carries ${carried:-no source package $package} (log: $log)"
    fi
    rm -rf "$download"
    mv "$download.tmp" "$download"
    [ -f "$dsc" ] || fail "no ${dsc##*/} after apt-get source (log: $log)"
    download_ok || fail "the downloaded .orig tarball does not match ${dsc##*/}"
    echo "$me: downloaded $package $version from $suite into $download"
}

if download_ok; then
    echo "$me: $package $version already downloaded in $download (matches its .dsc, no network)"
else
    fetch
fi

rm -rf "$src.tmp"
mkdir -p "$src.tmp"
tar -xf "$download/$orig_name" -C "$src.tmp" --strip-components=1 ||
    cannot "cannot unpack $download/$orig_name (bzip2 and xz-utils installed?)"
echo "$package=$version $suite $orig_name $orig_sha" >"$src.tmp/.complete"
rm -rf "$src"
mv "$src.tmp" "$src"
echo "$me: $package $version ($suite) unpacked in $src"
