#!/usr/bin/env python3
"""bench.smoke: eic-bench's modes run and print their figures. Not a timed
test: no duration is asserted, only that each mode works.

  bench_smoke.py --bench build/bin/eic-bench

Asserts:
  * tests/bench/put-full-compact.req, the request `eic-bench sign` must build,
    is what botocore signs today (put_full_expected.py regenerates it);
  * `sign`, `sign --cold`, `parse-config`, `parse-list` with 3 iterations
    exit 0 and print exactly one "NAME: X ns/op (3 iterations)" line;
  * `sign --expect` botocore's own put-full.req (a different body, so other
    bytes) exits 1 without printing a figure: the pre-timing check bites.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from put_full_expected import VECTOR, expected_request  # noqa: E402

MODES = [("sign-warm", ["sign"]), ("sign-cold", ["sign", "--cold"]),
         ("parse-config", ["parse-config"]), ("parse-list", ["parse-list"])]
FIGURE = re.compile(r"^(\S+): [0-9]+\.[0-9] ns/op \((\d+) iterations\)$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", required=True)
    args = ap.parse_args()
    failed = 0

    with open(os.path.join(HERE, "put-full-compact.req"), "rb") as f:
        if f.read() != expected_request():
            print("FAIL put-full-compact.req is not what put_full_expected.py writes now")
            failed += 1
        else:
            print("ok   put-full-compact.req is botocore's signature over eic's bytes")

    for name, argv in MODES:
        done = subprocess.run([args.bench] + argv + ["--iterations", "3"], capture_output=True,
                              text=True, check=False)
        lines = done.stdout.splitlines()
        figure = FIGURE.match(lines[0]) if len(lines) == 1 else None
        if done.returncode != 0 or figure is None or figure.groups() != (name, "3"):
            print("FAIL %s: exit %d, stdout %r, stderr %r"
                  % (name, done.returncode, done.stdout, done.stderr))
            failed += 1
        else:
            print("ok   %s: %s" % (name, lines[0]))

    done = subprocess.run([args.bench, "sign", "--iterations", "3", "--expect", VECTOR + ".req"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 1 or "ns/op" in done.stdout:
        print("FAIL sign --expect put-full.req: exit %d, stdout %r"
              % (done.returncode, done.stdout))
        failed += 1
    else:
        print("ok   sign refuses to time a request that differs from the expected bytes")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
