#!/usr/bin/env python3
"""Checks one signing test vector against build/bin/eic-sigv4, byte for byte.

  check_vector.py --tool build/bin/eic-sigv4 --kind sigv4  CASE_DIR
  check_vector.py --tool build/bin/eic-sigv4 --kind lambda CASE_DIR

sigv4: a case of the AWS SigV4 suite (T.req, T.creq, T.sts, T.authz, T.sreq);
every artifact must match, with the suite's fixed credentials and time. The
session token is passed when the expected canonical request signs one.

lambda: a request made by botocore (T.json, T.req, T.body); the request
headers with botocore's exact body bytes (T.body) must sign to T.creq, T.sts
and T.authz. eic-sigv4 leaves Authorization and Content-Length unsigned, as
botocore does.
"""
import argparse
import json
import os
import re
import subprocess
import sys

SUITE = {
    "access_key_id": "AKIDEXAMPLE",
    "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "region": "us-east-1",
    "service": "service",
    "time": "20150830T123600Z",
}

# Artifacts a case cannot reproduce by construction, each with its reason.
OUT_OF_SCOPE = {
    ("post-sts-header-after", "sreq"): "the suite adds the token to the signed request "
    "after signing, unsigned; eic-sigv4 --session-token signs what it adds",
    ("get-vanilla-with-session-token", "sreq"): "the suite's .sreq carries a signature "
    "(5fa00fa3...) that contradicts its own .authz (07ec1639...), which eic matches",
}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run(tool, artifact, params, stdin):
    cmd = [tool, "--" + artifact,
           "--access-key-id", params["access_key_id"],
           "--secret-access-key", params["secret_access_key"],
           "--region", params["region"], "--service", params["service"],
           "--time", params["time"]]
    if params.get("session_token"):
        cmd += ["--session-token", params["session_token"]]
    done = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise AssertionError("%s exited %d: %s" % (" ".join(cmd[:2]), done.returncode,
                                                   done.stderr.decode(errors="replace")))
    return done.stdout


def suite_case(case_dir):
    name = os.path.basename(case_dir.rstrip("/"))
    base = os.path.join(case_dir, name)
    params = dict(SUITE)
    for line in read(base + ".creq").decode().split("\n"):
        if line.startswith("x-amz-security-token:"):
            params["session_token"] = line.split(":", 1)[1]
    request = read(base + ".req")
    checks = []
    for artifact in ("creq", "sts", "authz", "sreq"):
        if (name, artifact) in OUT_OF_SCOPE:
            print("out of scope: %s.%s: %s" % (name, artifact, OUT_OF_SCOPE[(name, artifact)]))
            continue
        expected = read(base + "." + artifact).replace(b"\r", b"")
        checks.append((artifact, expected, params, request))
    return checks


def lambda_case(case_dir):
    name = os.path.basename(case_dir.rstrip("/"))
    base = os.path.join(case_dir, name)
    spec = json.loads(read(base + ".json"))
    params = {
        "access_key_id": spec["access_key_id"],
        "secret_access_key": spec["secret_access_key"],
        "session_token": spec["session_token"],
        "region": spec["region"],
        "service": "lambda",
        "time": spec["signing_time"],
    }
    head = re.split(rb"\r?\n\r?\n", read(base + ".req"), maxsplit=1)[0]
    request = head + b"\r\n\r\n" + read(base + ".body")
    return [(artifact, read(base + "." + artifact), params, request)
            for artifact in ("creq", "sts", "authz")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--kind", choices=("sigv4", "lambda"), required=True)
    ap.add_argument("case_dir")
    args = ap.parse_args()
    checks = (suite_case if args.kind == "sigv4" else lambda_case)(args.case_dir)
    failed = 0
    for artifact, expected, params, request in checks:
        try:
            got = run(args.tool, artifact, params, request)
            if got != expected:
                raise AssertionError("differs\n--- expected\n%s\n--- got\n%s" % (
                    expected.decode(errors="replace"), got.decode(errors="replace")))
            print("ok   %s" % artifact)
        except AssertionError as e:
            failed += 1
            print("FAIL %s: %s" % (artifact, e))
    print("%d passed, %d failed" % (len(checks) - failed, failed))
    return 1 if failed or not checks else 0


if __name__ == "__main__":
    sys.exit(main())
