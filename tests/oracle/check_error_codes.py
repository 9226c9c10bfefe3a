#!/usr/bin/env python3
"""check_error_codes.py (tests/oracle): eic tells error codes apart exactly, against every code AWS defines.

Why: eic_retry.c keeps the 25 codes it acts on (the five Lambda models, botocore's retryable and
clock-skew codes, the signature refusals) as 32-bit FNV-1a hashes, not names, to save flash. A
different code with the same hash would be taken for one of them. This test runs eic's lookup
(error_code_index) over every error code of every botocore service model on the machine, all API
versions, and fails on any code that eic takes for one it is not, or a listed code it misses.

Usage: check_error_codes.py --index PATH_TO_error_code_index
"""
import argparse
import glob
import gzip
import json
import os
import subprocess
import sys

import botocore

# eic_retry.h's list, in its order (the index is the position); anything else is 25.
LISTED = [
    "InvalidParameterValueException", "ResourceNotFoundException", "ResourceConflictException",
    "TooManyRequestsException", "ServiceException",
    "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "Throttling",
    "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
    "RequestThrottled", "SlowDown", "EC2ThrottledException",
    "RequestTimeTooSkewed", "RequestExpired",
    "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
]
OTHER = len(LISTED)


def botocore_codes():
    """Every error shape's name and wire code, over all services and API versions."""
    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    files = glob.glob(os.path.join(data, "*", "*", "service-2.json*"))
    codes = set()
    for path in files:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            model = json.load(f)
        for name, shape in model.get("shapes", {}).items():
            if shape.get("exception") or "error" in shape:
                codes.add(name)
                codes.add(shape.get("error", {}).get("code", name))
    return len(files), codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    args = ap.parse_args()
    nfiles, codes = botocore_codes()
    codes |= set(LISTED)
    # Nothing a line cannot carry.
    codes = sorted(c for c in codes if c and "\n" not in c and "\r" not in c)
    out = subprocess.run([args.index], input="\n".join(codes) + "\n", capture_output=True,
                         text=True, check=True).stdout.splitlines()
    if len(out) != len(codes):
        print("FAIL: %d codes in, %d lines out" % (len(codes), len(out)))
        return 1
    wrong = []
    for line, code in zip(out, codes):
        index = int(line.split(" ", 1)[0])
        want = LISTED.index(code) if code in LISTED else OTHER
        if index != want:
            wrong.append("%s: eic says %d, want %d" % (code, index, want))
    print("check_error_codes: %d codes from %d botocore %s models (botocore %s), %d listed"
          % (len(codes), nfiles, "service", botocore.__version__, len(LISTED)))
    if wrong:
        print("FAIL:\n  " + "\n  ".join(wrong))
        return 1
    print("check_error_codes: PASS: every code maps to its own entry or to none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
