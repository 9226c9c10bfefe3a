#!/usr/bin/env python3
"""Signing and parsing figures of eic: time, instructions, the SHA-256 floor,
and botocore's time for the same request. Prints figures; asserts nothing.

  python3 tests/bench/bench_sign.py [--build build] [--no-callgrind]

1. ns/op of each eic-bench mode (sign warm, sign cold, parse-config,
   parse-list), natively, with eic-bench's default iteration counts.
2. Instructions/op of each mode under `valgrind --tool=callgrind`: the Ir of a
   run of N2 iterations minus that of N1, divided by N2 - N1, so start-up,
   the pre-timing check and exit are not counted.
3. The SHA-256 floor of the warm signature of put-full (see floor_blocks()),
   times the Ir of one call of mbedTLS's block function
   mbedtls_internal_sha256_process (inclusive of what it calls: in 2.28 it
   wipes its working state each block), and the ratio of eic's whole warm
   build (validate + serialise + sign) to it. Goal: <= 1.2; AWS's embedded
   SigV4 library measures 2.39 on the same request.
4. Where the warm sign's instructions go, per function (self Ir per op).
5. botocore.auth.SigV4Auth.add_auth on an AWSRequest of the same put-full
   request (the vector's own botocore body), same credentials, region and
   time, in this python3; ns/op and botocore/eic.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import oracle_common as oc  # noqa: E402
from put_full_expected import VECTOR  # noqa: E402

BLOCK_FN = "mbedtls_internal_sha256_process"
# The stages of eic_build (core/src/eic_request.c), shown inclusive of their
# callees when the build has them: validation (eic_validate_text's three
# calls), the body (written twice: for its digest, then on the wire inside
# write_message), the canonical request and the wire request (write_message,
# twice), the HMAC of the string to sign.
STAGES = ["eic_validate_text", "eic_json_write_config_body", "write_message",
          "eic_sigv4_signature"]
# (label, eic-bench arguments, N1, N2) for the callgrind differences.
MODES = [("sign-warm", ["sign"], 100, 1100),
         ("sign-cold", ["sign", "--cold"], 100, 1100),
         ("parse-config", ["parse-config"], 100, 1100),
         ("parse-list", ["parse-list"], 10, 60)]
FIGURE = re.compile(r"^(\S+): ([0-9.]+) ns/op \((\d+) iterations\)$", re.M)


def native(bench, args):
    out = subprocess.run([bench] + args, capture_output=True, text=True, check=True).stdout
    return float(FIGURE.search(out).group(2))


def callgrind(bench, args, iterations, work):
    """{function: [self Ir, inclusive Ir of calls to it, calls]} and the total
    Ir of one run, from callgrind's uncompressed output."""
    out = os.path.join(work, "cg.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                    "--compress-strings=no", "--compress-pos=no", bench] + args +
                   ["--iterations", str(iterations)], capture_output=True, check=True)
    funcs, total, fn, callee, calls = {}, 0, None, None, 0
    with open(out) as f:
        for line in f:
            if line.startswith("fn="):
                fn = line[3:].strip()
            elif line.startswith("cfn="):
                callee = line[4:].strip()
            elif line.startswith("calls="):
                calls = int(line.split()[0][6:])
            elif line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
            elif line[:1].isdigit() or line[:1] in "+-*":
                cost = int(line.split()[1])
                if calls:  # the cost line right after calls=: the callee's inclusive Ir
                    entry = funcs.setdefault(callee, [0, 0, 0])
                    entry[1] += cost
                    entry[2] += calls
                    calls = 0
                else:
                    funcs.setdefault(fn, [0, 0, 0])[0] += cost
    return funcs, total


def per_op(run1, run2, n):
    """(funcs, total) per op: the difference of two runs over n iterations."""
    (f1, t1), (f2, t2) = run1, run2
    funcs = {k: [(v - w) / n for v, w in zip(f2[k], f1.get(k, [0, 0, 0]))] for k in f2}
    return funcs, (t2 - t1) / n


def blocks(length):
    """SHA-256 compressions of a message of length bytes (padding: 0x80 and
    the 8-byte length)."""
    return (length + 8) // 64 + 1


def floor_blocks():
    """Compressions the warm put-full signature needs at minimum, as
    (without key blocks, with key blocks, the parts). The key blocks (the
    ipad and opad blocks of the HMAC with the signing key) are not counted:
    they depend only on the day's key, so a signer with a warm cache hashes
    them once per day (eic keeps the hash states after them); they are
    listed to compare with a signer that caches only the key."""
    expected = open(os.path.join(HERE, "put-full-compact.req"), "rb").read()
    request = oc.parse_request(expected)
    spec = json.load(open(VECTOR + ".json"))
    canonical, _ = oc.botocore_sign(request, "https", spec["access_key_id"],
                                    spec["secret_access_key"], spec["region"],
                                    spec["signing_time"])
    scope = oc.expected_credential("", spec["signing_time"], spec["region"])[1:]
    sts = len("AWS4-HMAC-SHA256\n") + 16 + 1 + len(scope) + 1 + 64
    parts = [("payload (%d B)" % len(request.body), blocks(len(request.body))),
             ("canonical request (%d B)" % len(canonical.encode()),
              blocks(len(canonical.encode()))),
             ("HMAC inner: string to sign (%d B)" % sts, blocks(64 + sts) - 1),
             ("HMAC outer: inner digest", blocks(64 + 32) - 1)]
    without = sum(n for _, n in parts)
    return without, without + 2, parts


def botocore_ns(iterations):
    """ns per SigV4Auth.add_auth of put-full as botocore sends it."""
    spec = json.load(open(VECTOR + ".json"))
    vector = oc.parse_vector_request(open(VECTOR + ".req", "rb").read())
    headers = {n: v for n, v in vector.headers
               if n.lower() in ("host", "content-type")}
    url = "https://%s%s" % (vector.header("Host"), vector.target)
    req = oc.AWSRequest(method=vector.method, url=url, headers=headers, data=vector.body)
    signer = oc.botocore.auth.SigV4Auth(
        oc.Credentials(spec["access_key_id"], spec["secret_access_key"]), oc.SERVICE,
        spec["region"])
    with oc.botocore_clock(spec["signing_time"]):
        signer.add_auth(req)  # add_auth replaces its own headers: repeatable on one request
        if req.headers["Authorization"] != vector.header("Authorization"):
            raise SystemExit("botocore's signature is not the vector's: not timing it")
        start = time.perf_counter_ns()
        for _ in range(iterations):
            signer.add_auth(req)
        return (time.perf_counter_ns() - start) / iterations


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(HERE, "..", "..", "build"))
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--botocore-iterations", type=int, default=20000)
    args = ap.parse_args()
    bench = os.path.join(args.build, "bin", "eic-bench")

    print("== time (CLOCK_MONOTONIC, eic-bench's default iterations)")
    ns = {}
    for label, argv, _, _ in MODES:
        ns[label] = native(bench, argv)
        print("%-13s %10.1f ns/op" % (label, ns[label]))

    if not args.no_callgrind:
        print("== instructions/op (callgrind, difference of two iteration counts)")
        warm = None
        with tempfile.TemporaryDirectory() as work:
            for label, argv, n1, n2 in MODES:
                funcs, ir = per_op(callgrind(bench, argv, n1, work),
                                   callgrind(bench, argv, n2, work), n2 - n1)
                print("%-13s %10.0f Ir/op" % (label, ir))
                if label == "sign-warm":
                    warm = funcs, ir
        funcs, ir = warm
        self_ir, incl_ir, calls = funcs[BLOCK_FN]
        per_block = incl_ir / calls
        without, with_keys, parts = floor_blocks()
        print("== SHA-256 floor of the warm put-full signature")
        for what, n in parts:
            print("  %-38s %d blocks" % (what, n))
        print("  %-38s %d blocks (+2 HMAC key blocks = %d, not counted: cached)"
              % ("floor", without, with_keys))
        print("  %s: %.0f Ir/call (%.0f self), %.2f calls/op measured"
              % (BLOCK_FN, per_block, self_ir / calls, calls))
        print("signer (whole warm eic_build_put): %.0f Ir/op" % ir)
        print("floor: %d blocks x %.0f = %.0f Ir/op" % (without, per_block, without * per_block))
        print("ratio: %.2f (goal <= 1.2; AWS SigV4 library: 2.39)" % (ir / (without * per_block)))
        print("== warm sign, inclusive Ir/op (calls/op) of eic_build's stages")
        for name in STAGES:
            if name in funcs:
                print("  %8.0f (%.0f)  %s" % (funcs[name][1], funcs[name][2], name))
        print("== warm sign, self Ir/op per function (top 12)")
        for name, (own, _, _) in sorted(funcs.items(), key=lambda kv: -kv[1][0])[:12]:
            if own >= 1:
                print("  %8.0f  %s" % (own, name))

    print("== botocore %s SigV4Auth.add_auth, python %s" % (oc.botocore.__version__,
                                                          sys.version.split()[0]))
    boto = botocore_ns(args.botocore_iterations)
    print("botocore: %.1f ns/op; botocore/eic (warm): %.1f" % (boto, boto / ns["sign-warm"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
