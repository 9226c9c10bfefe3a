#!/usr/bin/env python3
"""Runs `eic --dry-run` on one Lambda vector (tests/vectors/lambda/T/) and
compares the request it prints with the one botocore made (T.req, T.body,
T.creq).

  check_lambda_vectors.py --eic build/bin/eic tests/vectors/lambda/put-full

What is checked, and why:
  * method, path (exact bytes: the function name is percent-encoded once on
    the wire, `:` -> `%3A`), query (same encoded pairs, same decoded values;
    order is free), Host (exact: port only when not the default) -- these
    decide which resource the service acts on;
  * the SignedHeaders list and the Credential scope of Authorization, exact --
    a different list or scope is a different signature;
  * the body as parsed JSON equal to T.body parsed, with JSON types kept (absent
    stays absent, 0 stays 0 and is not false) -- eic writes compact JSON while
    botocore writes `", "` separators, so bytes cannot be compared;
  * the signature: botocore's SigV4Auth run over eic's exact bytes at the
    vector's time must give eic's signature, and the canonical request botocore
    builds from eic's bytes must be T.creq in every line but the payload hash
    (which differs only because the JSON spacing differs).
"""
import argparse
import json
import os
import sys

import oracle_common as oc


def read(path):
    with open(path, "rb") as f:
        return f.read()


def load_vector(case_dir):
    name = os.path.basename(os.path.normpath(case_dir))
    base = os.path.join(case_dir, name)
    return {"name": name,
            "spec": json.loads(read(base + ".json")),
            "req": oc.parse_vector_request(read(base + ".req")),
            "body": read(base + ".body"),
            "creq": read(base + ".creq").decode("utf-8")}


def run_vector(binary, spec):
    argv = oc.eic_argv(binary, spec["operation"], spec["params"], spec["region"],
                       spec["endpoint_url"], spec["signing_time"])
    env = oc.eic_env(spec["access_key_id"], spec["secret_access_key"], spec["session_token"])
    try:
        code, out, err = oc.run_eic(argv, env)
        if code != oc.EXIT_OK:
            raise oc.Mismatch("eic exited %d: %s" % (code, err.decode(errors="replace").strip()))
        return oc.parse_request(out), argv, env
    except oc.Mismatch as e:
        raise oc.Mismatch("%s\nreplay: %s" % (e, oc.reproducer(argv, env)))


def check_target(ours, theirs):
    if ours.method != theirs.method:
        raise oc.Mismatch("method %s, botocore %s" % (ours.method, theirs.method))
    if ours.path != theirs.path:
        raise oc.Mismatch("path %r, botocore %r" % (ours.path, theirs.path))
    if oc.query_pairs(ours.query) != oc.query_pairs(theirs.query):
        raise oc.Mismatch("query %r, botocore %r" % (ours.query, theirs.query))
    if oc.decoded_query(ours.query) != oc.decoded_query(theirs.query):
        raise oc.Mismatch("decoded query %s, botocore %s"
                          % (oc.decoded_query(ours.query), oc.decoded_query(theirs.query)))
    if ours.header("Host") != theirs.header("Host"):
        raise oc.Mismatch("Host %r, botocore %r" % (ours.header("Host"), theirs.header("Host")))


def check_authorization(ours, theirs):
    a = oc.parse_authorization(ours.header("Authorization"))
    b = oc.parse_authorization(theirs.header("Authorization"))
    if a["signed_headers"] != b["signed_headers"]:
        raise oc.Mismatch("SignedHeaders %s, botocore %s" % (a["signed_headers"],
                                                             b["signed_headers"]))
    if a["credential"] != b["credential"]:
        raise oc.Mismatch("Credential %s, botocore %s" % (a["credential"], b["credential"]))


def check_body(ours, vector_body):
    if vector_body == b"":
        if ours.body != b"":
            raise oc.Mismatch("botocore sends no body, eic sends %r" % ours.body)
        return
    got, want = oc.strict_json_loads(ours.body), oc.strict_json_loads(vector_body)
    if not oc.json_same(got, want):
        raise oc.Mismatch("body %s, botocore %s" % (ours.body.decode("utf-8", "replace"),
                                                    vector_body.decode("utf-8", "replace")))


def check_signature(ours, vector):
    spec = vector["spec"]
    canonical = oc.check_signature(ours, spec["endpoint_url"], spec["access_key_id"],
                                   spec["secret_access_key"], spec["region"],
                                   spec["signing_time"])
    got, want = canonical.split("\n"), vector["creq"].split("\n")
    if got[:-1] != want[:-1]:
        raise oc.Mismatch("canonical request from eic's bytes:\n%s\n--- T.creq:\n%s"
                          % (canonical, vector["creq"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eic", required=True, help="path of the eic binary")
    ap.add_argument("case_dir")
    args = ap.parse_args()
    vector = load_vector(args.case_dir)
    checks = [("target", lambda r: check_target(r, vector["req"])),
              ("authorization", lambda r: check_authorization(r, vector["req"])),
              ("headers", lambda r: oc.check_header_layout(
                  r, r.method in ("PUT", "POST"), vector["spec"]["session_token"],
                  vector["spec"]["signing_time"])),
              ("body", lambda r: check_body(r, vector["body"])),
              ("signature", lambda r: check_signature(r, vector))]
    print("vector %s: %s" % (vector["name"], vector["spec"]["operation"]))
    try:
        ours, argv, env = run_vector(args.eic, vector["spec"])
    except oc.Mismatch as e:
        print("FAIL run: %s" % e)
        print("0 passed, %d failed" % len(checks))
        return 1
    failed = 0
    for label, check in checks:
        try:
            check(ours)
            print("ok   %s" % label)
        except oc.Mismatch as e:
            failed += 1
            print("FAIL %s: %s" % (label, e))
    if failed:
        print("replay: %s" % oc.reproducer(argv, env))
    print("%d passed, %d failed" % (len(checks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
