#!/usr/bin/env python3
"""Measures the heap an HTTPS call takes, for docs/porting.md ("Running with no heap").

Why: a device without a heap gives mbedTLS a static pool
(MBEDTLS_MEMORY_BUFFER_ALLOC_C); the pool must hold the peak of what TLS
allocates. This starts moto_server over TLS with a test CA (as the e2e.https
tests do), runs `eic put-function-event-invoke-config` against it under
valgrind's massif, and prints the peak heap of the whole process and the part
of it mbedTLS holds (allocation sites in mbedtls_* functions). The eic core
allocates nothing; the rest is the host CLI (stdio, name lookup, files).

Usage: python3 docs/measure_tls_heap.py BUILD_DIR/bin/eic
(needs the python3 with moto, boto3 and awscli, openssl and valgrind).
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import moto_fixture  # noqa: E402
import rig  # noqa: E402

FUNCTION = "eic-heap"


def peak_snapshot(massif_out):
    """The lines of massif's peak snapshot: its header values and heap tree."""
    text = open(massif_out).read()
    for snap in text.split("snapshot=")[1:]:
        if "heap_tree=peak" in snap:
            return snap
    sys.exit("massif wrote no peak snapshot")


def mbedtls_bytes(snapshot):
    """Bytes at the peak whose allocation site (a first-level node of the tree)
    is an mbedTLS function, or that an mbedTLS function calls through."""
    total = 0
    lines = snapshot.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^ n\d+: (\d+) (.*)$", line)  # one space: a first-level node
        if not m:
            continue
        # The node and its callers, down to the next first-level node.
        block = [m.group(2)]
        for deeper in lines[i + 1:]:
            if re.match(r"^ n\d+: ", deeper) or not deeper.startswith("  "):
                break
            block.append(deeper)
        if any("mbedtls_" in b for b in block):
            total += int(m.group(1))
    return total


def main():
    eic = os.path.abspath(sys.argv[1])
    d = rig.work_dir("heap")
    ca = moto_fixture.TestCA(d)
    moto = moto_fixture.MotoServer(d, tls=ca.server_cert("server"))
    try:
        lam = moto_fixture.setup_lambda(moto, [FUNCTION], ca_bundle=ca.cert, host="localhost")
        env = rig.eic_env(lam.key, lam.secret)
        out = os.path.join(d, "massif.out")
        argv = ["valgrind", "--tool=massif", "--massif-out-file=" + out, "--threshold=0",
                "--peak-inaccuracy=0", eic, "put-function-event-invoke-config",
                "--function-name", FUNCTION, "--maximum-retry-attempts", "1",
                "--region", rig.REGION, "--endpoint-url", moto.endpoint("localhost"),
                "--ca-bundle", ca.cert]
        run = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if run.returncode != 0:
            sys.exit("eic failed (%d): %s" % (run.returncode, run.stderr.decode()[-2000:]))
    finally:
        moto.stop()
    snap = peak_snapshot(out)
    heap = int(re.search(r"mem_heap_B=(\d+)", snap).group(1))
    extra = int(re.search(r"mem_heap_extra_B=(\d+)", snap).group(1))
    print("peak heap of the eic CLI over HTTPS: %d B requested (+%d B allocator overhead)"
          % (heap, extra))
    print("of which allocated by mbedTLS at the peak: %d B" % mbedtls_bytes(snap))
    print("massif output: %s (ms_print it for the tree)" % out)


if __name__ == "__main__":
    main()
