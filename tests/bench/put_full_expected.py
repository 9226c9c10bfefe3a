#!/usr/bin/env python3
"""Writes the request `eic-bench sign` must build: the Lambda vector
tests/vectors/lambda/put-full as eic sends it, signed by botocore.

  put_full_expected.py [OUT]        (default: stdout)

Why a derived file and not put-full.req itself: botocore writes JSON with
", " and ": " separators, eic writes compact JSON (same members, same order,
same values), so the body, its Content-Length and the signature differ while
everything else is the vector's, byte for byte. This takes put-full.req,
compacts its body, sets Content-Length, and puts in the signature botocore's
SigV4Auth computes over exactly those bytes at the vector's time with its
credentials. tests/bench/put-full-compact.req is its output; bench_smoke.py
checks that the checked-in copy is still what botocore says.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VECTOR = os.path.join(HERE, "..", "vectors", "lambda", "put-full", "put-full")
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import oracle_common as oc  # noqa: E402


def expected_request():
    """The bytes eic must build for put-full, CRLF line ends as on the wire."""
    with open(VECTOR + ".json") as f:
        spec = json.load(f)
    with open(VECTOR + ".req", "rb") as f:
        vector = oc.parse_vector_request(f.read())
    body = json.dumps(json.loads(vector.body), separators=(",", ":")).encode()
    headers = [(n, str(len(body)) if n == "Content-Length" else v) for n, v in vector.headers]
    request = oc.HttpRequest(vector.method, vector.target, headers, body)
    _, authorization = oc.botocore_sign(request, oc.scheme_of(spec["endpoint_url"]),
                                        spec["access_key_id"], spec["secret_access_key"],
                                        spec["region"], spec["signing_time"])
    lines = ["%s %s HTTP/1.1" % (vector.method, vector.target)]
    lines += ["%s: %s" % (n, authorization if n == "Authorization" else v) for n, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def main():
    data = expected_request()
    if len(sys.argv) > 1:
        with open(sys.argv[1], "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
