#!/usr/bin/env python3
"""make_seeds.py: writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/).

Why: a fuzzer that starts from well-formed inputs reaches the deep paths (a full parse, a signed
request) in its first seconds instead of first having to guess JSON or HTTP. The seeds are the
responses the unit tests use and the requests of the signing vectors (tests/vectors/lambda), each
prefixed with the control bytes its target reads first (see the header comment of each target).
The output is committed; rerun this after changing an input format:
    python3 tests/fuzz/make_seeds.py
"""
import json
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = HERE.parent / "vectors" / "lambda"

ARN = "arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST"
DLQ = "arn:aws:sqs:us-west-2:123456789012:dlq"
REAL_CONFIG = (
    '{"FunctionArn":"%s","MaximumRetryAttempts":0,"MaximumEventAgeInSeconds":3600,'
    '"LastModified":1573687896.493,"DestinationConfig":{"OnSuccess":{},'
    '"OnFailure":{"Destination":"%s"}}}' % (ARN, DLQ))
FULL_CONFIG = (
    '{"FunctionArn":"arn:aws:lambda:us-west-2:123456789012:function:f1",'
    '"MaximumRetryAttempts":2,"MaximumEventAgeInSeconds":60,"LastModified":"2019-11-14T00:31:36Z",'
    '"DestinationConfig":{"OnSuccess":{"Destination":"arn:aws:sns:us-west-2:123456789012:ok"},'
    '"OnFailure":{"Destination":""}}}')
LIST_PAGE = '{"FunctionEventInvokeConfigs":[%s,%s],"NextMarker":"abc/+="}' % (REAL_CONFIG,
                                                                           FULL_CONFIG)
LIST_EMPTY = '{"FunctionEventInvokeConfigs":[]}'
BODIES = [REAL_CONFIG, FULL_CONFIG, LIST_PAGE, LIST_EMPTY, '{}',
          '{"FunctionArn":"a\\u00e9\\ud83d\\ude00","LastModified":-1e-3}']

# (status, x-amzn-ErrorType, x-amzn-RequestId, Retry-After, body)
ERRORS = [
    (404, "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/",
     "7f3c-11", "", '{"Type":"User","Message":"Function not found: %s"}' % ARN),
    (429, "TooManyRequestsException", "", "2",
     '{"Reason":"CallerRateLimitExceeded","Type":"User","message":"Rate exceeded"}'),
    (400, "", "", "", '{"Type":"User","message":"1 validation error detected"}'),
    (409, "", "", "",
     '{"__type":"com.amazonaws.lambda#ResourceConflictException","message":"An update"}'),
    (500, "ServiceException", "r-1", "", ""),
    (503, "", "", "", "Service Unavailable"),
    (403, "InvalidSignatureException", "", "", '{"message":"Signature expired"}'),
]


def http_reply(status, body, headers=(), chunked=False):
    head = "HTTP/1.1 %d X\r\n" % status + "".join("%s: %s\r\n" % h for h in headers)
    if chunked:
        data = body.encode()
        wire = b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + 7]), data[i:i + 7])
                        for i in range(0, len(data), 7)) + b"0\r\nX-T: 1\r\n\r\n"
        return (head + "Transfer-Encoding: chunked\r\n\r\n").encode() + wire
    return (head + "Content-Length: %d\r\n\r\n" % len(body.encode())).encode() + body.encode()


def http_response_seeds():
    date = ("Date", "Sun, 30 Aug 2015 12:36:00 GMT")
    replies = [
        (0, http_reply(200, REAL_CONFIG, [date])),
        (0, http_reply(200, FULL_CONFIG, [("Connection", "keep-alive")], chunked=True)),
        (1, http_reply(200, LIST_PAGE, [("x-amzn-RequestId", "r-1")])),
        (1, http_reply(200, LIST_EMPTY, chunked=True)),
        (0, b"HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n" + REAL_CONFIG.encode()),
        (0, http_reply(204, "")),
        (0, b"HTTP/1.1 100 Continue\r\n\r\n" + http_reply(200, "{}")),
    ]
    for status, etype, rid, retry, body in ERRORS:
        headers = [(k, v) for k, v in (("x-amzn-ErrorType", etype), ("x-amzn-RequestId", rid),
                                       ("Retry-After", retry)) if v]
        replies.append((status % 2, http_reply(status, body, headers + [date])))
    # rx size byte 255 (16 KiB) and 0 (16 bytes), one piece-size seed each
    for i, (flags, reply) in enumerate(replies):
        yield "reply-%02d" % i, bytes([255, i, flags]) + reply
    yield "reply-small-rx", bytes([2, 7, 0]) + replies[0][1]


def parse_result_seeds():
    for i, body in enumerate(BODIES):
        kind = 1 if body.startswith('{"FunctionEventInvokeConfigs') else 0
        yield "body-%02d" % i, bytes([kind, 255, 4]) + body.encode()
    yield "list-too-few-tokens", bytes([1, 20, 4]) + LIST_PAGE.encode()
    yield "list-too-many-items", bytes([1, 255, 1]) + LIST_PAGE.encode()


def parse_error_seeds():
    for i, (status, etype, rid, retry, body) in enumerate(ERRORS):
        fields = b"\0".join(s.encode() for s in (etype, rid, retry, body))
        yield "error-%02d" % i, bytes([i % 3]) + struct.pack("<H", status) + fields


OPS = {"put": 0, "update": 1, "get": 2, "delete": 3, "list": 4}
FLAG = {"Qualifier": 1 << 0, "Marker": 1 << 1, "DestinationConfig": 1 << 2,
        "OnSuccess": 1 << 3, "OnSuccessArn": 1 << 4, "OnFailure": 1 << 5, "OnFailureArn": 1 << 6,
        "MaximumRetryAttempts": 1 << 7, "MaximumEventAgeInSeconds": 1 << 8, "MaxItems": 1 << 9,
        "endpoint": 1 << 10, "token": 1 << 11}


def build_request_seeds():
    for case in sorted(VECTORS.iterdir()):
        v = json.loads((case / (case.name + ".json")).read_text())
        p = v["params"]
        flags = sum(FLAG[k] for k in p if k in FLAG)
        dest = p.get("DestinationConfig", {})
        for side in ("OnSuccess", "OnFailure"):
            if side in dest:
                flags |= FLAG[side] | (FLAG[side + "Arn"] if "Destination" in dest[side] else 0)
        flags |= FLAG["endpoint"] if v["endpoint_url"] else 0
        flags |= FLAG["token"] if v.get("session_token") else 0
        texts = [p["FunctionName"], p.get("Qualifier", ""), p.get("Marker", ""),
                 dest.get("OnSuccess", {}).get("Destination", ""),
                 dest.get("OnFailure", {}).get("Destination", ""), v["region"],
                 v["endpoint_url"] or "", v.get("session_token") or ""]
        op = OPS[v["operation"].split("-")[0]]
        ints = struct.pack("<iii", p.get("MaximumRetryAttempts", 0),
                           p.get("MaximumEventAgeInSeconds", 0), p.get("MaxItems", 0))
        yield case.name, (bytes([op]) + struct.pack("<H", flags) + ints +
                          b"\0".join(t.encode() for t in texts))


def main():
    for target, seeds in (("fuzz_http_response", http_response_seeds),
                          ("fuzz_parse_result", parse_result_seeds),
                          ("fuzz_parse_error", parse_error_seeds),
                          ("fuzz_build_request", build_request_seeds)):
        out = HERE / "corpus" / target
        out.mkdir(parents=True, exist_ok=True)
        for old in out.iterdir():
            old.unlink()
        for name, data in seeds():
            (out / name).write_bytes(data)
        print("%s: %d seeds" % (target, len(list(out.iterdir()))))


if __name__ == "__main__":
    main()
