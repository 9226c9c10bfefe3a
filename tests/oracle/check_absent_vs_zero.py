#!/usr/bin/env python3
"""Absent is not zero: the bodies eic writes for Put and Update settings.

  check_absent_vs_zero.py --eic build/bin/eic

Put replaces the whole configuration, so a member left out is removed on the
service while a member sent as 0 is kept at 0. A client that drops a zero
(`if (retries) ...`) or sends `null`/`false` for it silently changes what the
device configures. Checked on the exact bytes eic prints with --dry-run:

  * Put with MaximumRetryAttempts 0 sends `"MaximumRetryAttempts":0` (the
    integer 0, not false, null or "0") and no other member;
  * Put with no settings sends exactly `{}` (Content-Length: 2);
  * the same two for Update;
  * Update clearing a destination sends `{"Destination":""}` for it, and
    leaves the other destination out.

Each request's body is also compared with botocore's (same JSON, same
types), and its signature with botocore's over the same bytes.
"""
import argparse
import sys

import oracle_common as oc  # first: it fails clearly without botocore

import botocore.session
from botocore.awsrequest import AWSResponse

PUT = "put-function-event-invoke-config"
UPDATE = "update-function-event-invoke-config"
CREDS = ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None)
REGION = "us-west-2"
AMZ_DATE = "20150830T123600Z"

# (label, operation, params, exact body bytes or None, bytes the body must contain, JSON)
SCENARIOS = [
    ("put retries 0", PUT, {"FunctionName": "my-function", "MaximumRetryAttempts": 0},
     None, b'"MaximumRetryAttempts":0', {"MaximumRetryAttempts": 0}),
    ("put no settings", PUT, {"FunctionName": "my-function"}, b"{}", b"{}", {}),
    ("update retries 0", UPDATE, {"FunctionName": "my-function", "MaximumRetryAttempts": 0},
     None, b'"MaximumRetryAttempts":0', {"MaximumRetryAttempts": 0}),
    ("update no settings", UPDATE, {"FunctionName": "my-function"}, b"{}", b"{}", {}),
    ("update clears OnFailure", UPDATE,
     {"FunctionName": "my-function", "DestinationConfig": {"OnFailure": {"Destination": ""}}},
     None, b'"Destination":""', {"DestinationConfig": {"OnFailure": {"Destination": ""}}}),
]


def botocore_body(operation, params):
    """The body botocore serialises for the same input, parsed."""
    caught = {}

    class Canned:
        def stream(self, **_):
            yield b"{}"

    def catch(request, **_):
        caught["body"] = request.body
        return AWSResponse(request.url, 200, {}, Canned())

    client = botocore.session.Session().create_client(
        "lambda", region_name=REGION, aws_access_key_id=CREDS[0],
        aws_secret_access_key=CREDS[1])
    client.meta.events.register("before-send.lambda.*", catch)
    getattr(client, oc.METHODS[operation])(**params)
    return oc.strict_json_loads(caught["body"])


def check(binary, operation, params, exact, contains, expected):
    argv = oc.eic_argv(binary, operation, params, REGION, None, AMZ_DATE)
    env = oc.eic_env(*CREDS)
    code, out, err = oc.run_eic(argv, env)
    try:
        if code != oc.EXIT_OK:
            raise oc.Mismatch("exit %d: %s" % (code, err.decode("utf-8", "replace").strip()))
        req = oc.parse_request(out)
        oc.check_header_layout(req, True, None, AMZ_DATE)
        if exact is not None and req.body != exact:
            raise oc.Mismatch("body %r, expected exactly %r" % (req.body, exact))
        if contains not in req.body:
            raise oc.Mismatch("body %r does not contain %r" % (req.body, contains))
        body = oc.strict_json_loads(req.body)
        if not oc.json_same(body, expected):
            raise oc.Mismatch("body parses to %r, expected %r" % (body, expected))
        theirs = botocore_body(operation, params)
        if not oc.json_same(body, theirs):
            raise oc.Mismatch("body %r, botocore %r" % (body, theirs))
        oc.check_signature(req, None, CREDS[0], CREDS[1], REGION, AMZ_DATE)
    except oc.Mismatch as e:
        raise oc.Mismatch("%s\n    replay: %s" % (e, oc.reproducer(argv, env)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eic", required=True, help="path of the eic binary")
    args = ap.parse_args()
    failed = 0
    for label, operation, params, exact, contains, expected in SCENARIOS:
        try:
            check(args.eic, operation, params, exact, contains, expected)
            print("ok   %s" % label)
        except oc.Mismatch as e:
            failed += 1
            print("FAIL %s: %s" % (label, e))
    print("%d passed, %d failed" % (len(SCENARIOS) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
