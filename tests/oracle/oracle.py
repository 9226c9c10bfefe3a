#!/usr/bin/env python3
"""The oracle: eic against botocore on many generated inputs.

  oracle.py --eic build/bin/eic [--seed N] [--count 300] [--invalid 100] [--only K]

With a seed (printed first, always, so that a failure can be replayed with
--seed N --only K), it generates random *valid* inputs across the five
operations -- every function-name form (name, name:alias, name:$LATEST,
partial and full ARNs in five partitions), qualifiers, retry and event-age
settings present or absent, destinations with quotes, backslashes, colons and
non-ASCII text, markers, page sizes, session tokens, regions and endpoint URLs
-- and for each one:

  * runs `eic <operation> ... --dry-run --signing-time T` once;
  * has botocore build the same request (a real botocore client with the same
    region, endpoint and credentials; a `before-send` handler catches the
    prepared request and answers with a canned response, so nothing leaves
    the process);
  * checks method, path (exact), query (same encoded pairs), Host (exact, port
    only when not the default), body (same JSON with the same types; none for
    GET/DELETE), Content-Type on PUT/POST only, the header set, the credential
    scope and SignedHeaders botocore used, and finally the signature:
    botocore's SigV4Auth over eic's exact bytes at the same time must give
    eic's signature.

It also generates *invalid* inputs (lengths one past each limit, values out of
range, control characters, bad ARN shapes, bad markers, regions, endpoints and
credentials): eic must exit 252 (invalid parameter; 253 is also accepted for
region, endpoint and credential problems, and what was seen is reported) and
print nothing on stdout, because a request must never be half written.

The inputs are valid for botocore too (its validation runs before the request
is built), so any difference is eic's. The last line is `N passed, N failed`.
"""
import argparse
import os
import random
import string
import sys
import time
from urllib.parse import urlsplit

import oracle_common as oc  # first: it fails clearly without botocore

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSResponse

DEFAULT_COUNT = 300
DEFAULT_INVALID = 100
MAX_REPORTED = 12  # failures printed in full; the rest are counted
FUNCTION_NAME_MAX = 256
DESTINATION_MAX = 350  # characters (Unicode scalar values), not bytes

NAME_CHARS = string.ascii_letters + string.digits + "-_."
ALIAS_CHARS = string.ascii_letters + string.digits + "-_"
B64_CHARS = string.ascii_letters + string.digits + "+/="

PARTITION_REGIONS = {
    "aws": ["us-west-2", "eu-central-1"],
    "aws-cn": ["cn-north-1"],
    "aws-us-gov": ["us-gov-west-1"],
    "aws-iso": ["us-iso-east-1"],
    "aws-iso-b": ["us-isob-east-1"],
}
ARN_REGIONS = ["us-west-2", "cn-north-1", "us-gov-west-1", "us-iso-east-1",
               "us-isob-east-1", "eu-central-1", "eusc-de-east-1"]
# Client regions used without --endpoint-url. eic's default endpoint is
# lambda.{region}.amazonaws.com (.com.cn in China), as DESIGN.md says; botocore
# knows other domains for aws-iso (c2s.ic.gov), aws-iso-b (sc2s.sgov.gov) and
# aws-eusc (amazonaws.eu), so those regions are used only with an endpoint URL.
DEFAULT_ENDPOINT_REGIONS = ["us-west-2", "us-east-1", "eu-central-1", "ap-southeast-2",
                            "cn-north-1", "cn-northwest-1", "us-gov-west-1"]
ENDPOINT_URLS = ["http://127.0.0.1:5000", "https://example.com:8443", "http://localhost",
                 "https://lambda.us-west-2.amazonaws.com", "http://localhost:80",
                 "https://example.com:443", "http://127.0.0.1:5000/"]
OPERATIONS = list(oc.METHODS)
WITH_BODY = {"put-function-event-invoke-config", "update-function-event-invoke-config"}
# Text pieces that stress escaping: JSON specials, separators and non-ASCII.
ODD_PIECES = ['"', "\\", " ", ":", "/", "é", "日本", "😀", "+", "=", "%", "&", "?", "#", "~",
              "'", "<", ">", "ß", "Ω", "\u00a0", "{}"]


class Case:
    """One generated input: operation, botocore-named parameters, client
    settings, signing time, and whether it is valid (with the exits accepted
    when it is not)."""

    def __init__(self, index, label, operation, params, creds, region, endpoint_url, amz_date,
                 valid=True, exits=(oc.EXIT_INVALID,), ascii_json=False):
        self.index, self.label, self.operation, self.params = index, label, operation, params
        self.access_key_id, self.secret_access_key, self.session_token = creds
        self.region, self.endpoint_url, self.amz_date = region, endpoint_url, amz_date
        self.valid, self.exits, self.ascii_json = valid, exits, ascii_json

    def argv(self, binary):
        return oc.eic_argv(binary, self.operation, self.params, self.region, self.endpoint_url,
                           self.amz_date, self.ascii_json)

    def env(self):
        return oc.eic_env(self.access_key_id, self.secret_access_key, self.session_token)


# --------------------------------------------------------------------------
# Generators of valid values


def text(rng, chars, low, high):
    """low..high characters drawn from chars."""
    return "".join(rng.choice(chars) for _ in range(rng.randint(low, high)))


def plain_name(rng, high=64):
    """A name of [A-Za-z0-9-_.], 1..high characters, never '.' or '..'."""
    while True:
        length = rng.choice([1, 2, high, rng.randint(1, high)])
        name = text(rng, NAME_CHARS, length, length)
        if name not in (".", ".."):
            return name


def qualifier(rng):
    """$LATEST, $LATEST.PUBLISHED, a version, or 1..128 of [A-Za-z0-9-_$]."""
    kind = rng.randrange(6)
    if kind == 0:
        return "$LATEST"
    if kind == 1:
        return "$LATEST.PUBLISHED"
    if kind == 2:
        return str(rng.randint(1, 999999999))
    if kind == 3:
        return text(rng, ALIAS_CHARS + "$", 1, 128)
    length = rng.choice([1, 128, rng.randint(1, 128)])
    return text(rng, ALIAS_CHARS, length, length)


def name_qualifier(rng, room):
    """A qualifier inside a FunctionName (no '$' in aliases), at most room chars."""
    options = ["$LATEST", str(rng.randint(1, 999)), text(rng, ALIAS_CHARS, 1, min(room, 128))]
    if room >= 17:
        options.append("$LATEST.PUBLISHED")
    return rng.choice([q for q in options if len(q) <= room])


def with_qualifier(rng, base):
    """base, or base:qualifier half the time, within FunctionName's 256 chars."""
    room = FUNCTION_NAME_MAX - len(base) - 1
    if room >= 7 and rng.random() < 0.5:
        return base + ":" + name_qualifier(rng, room)
    return base


def account(rng):
    return "".join(rng.choice(string.digits) for _ in range(12))


def function_name(rng):
    """Every form the model allows: name, name:alias, name:$LATEST[.PUBLISHED],
    name:version, partial ARN and full ARN, each ARN with or without a qualifier."""
    kind = rng.randrange(6)
    name = plain_name(rng)
    if kind == 0:
        return name
    if kind == 1:
        return name + ":" + text(rng, ALIAS_CHARS, 1, 128)
    if kind == 2:
        return name + ":" + rng.choice(["$LATEST", "$LATEST.PUBLISHED", str(rng.randint(1, 99))])
    if kind == 3:
        return with_qualifier(rng, "%s:function:%s" % (account(rng), name))
    partition = rng.choice(sorted(PARTITION_REGIONS))
    # Mostly the partition's own region; the pattern allows any pairing.
    region = rng.choice(PARTITION_REGIONS[partition] if rng.random() < 0.7 else ARN_REGIONS)
    return with_qualifier(rng, "arn:%s:lambda:%s:%s:function:%s"
                          % (partition, region, account(rng), name))


def odd_text(rng, low, high, budget):
    """Text of letters and ODD_PIECES, at most `budget` characters."""
    out = ""
    for _ in range(rng.randint(low, high)):
        piece = rng.choice(ODD_PIECES) if rng.random() < 0.4 else rng.choice(string.ascii_letters)
        if len(out) + len(piece) > budget:
            break
        out += piece
    return out


def destination(rng):
    """An SQS/SNS/Lambda/EventBridge/S3 ARN (resource part with odd text),
    "" or a kafka:// URI; up to the model's 350 characters, which in
    multi-byte text is far more than 350 bytes."""
    kind = rng.randrange(9)
    if kind == 0:
        return ""
    if kind == 1:
        return "kafka://" + rng.choice(["broker.example", "b", "my_topic-1.x"])
    partition = rng.choice(sorted(PARTITION_REGIONS))
    region = rng.choice(PARTITION_REGIONS[partition])
    acct = account(rng)
    sqs = "arn:%s:sqs:%s:%s:" % (partition, region, acct)
    prefix = {3: "arn:%s:sns:%s:%s:" % (partition, region, acct),
              4: "arn:%s:lambda:%s:%s:function:" % (partition, region, acct),
              5: "arn:%s:events:%s:%s:event-bus/" % (partition, region, acct),
              6: "arn:%s:s3:::" % partition}.get(kind, sqs)
    room = DESTINATION_MAX - len(prefix)
    if kind == 7:  # right at the limit, in ASCII
        return prefix + text(rng, ALIAS_CHARS, room, room)
    if kind == 8:  # right at the limit in characters, 2 to 4 bytes each
        return prefix + text(rng, "éß日本😀Ω", room, room)
    return prefix + odd_text(rng, 1, 60, room)


def destination_config(rng):
    """Each destination absent, present without a Destination ({}), or with
    one; the whole config may be {} (botocore sends it as given)."""
    config = {}
    for key in ("OnSuccess", "OnFailure"):
        roll = rng.random()
        if roll < 0.05:
            config[key] = {}
        elif roll < 0.6:
            config[key] = {"Destination": destination(rng)}
    return config


def marker(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return text(rng, B64_CHARS, 1, 200)
    if kind == 1:
        return odd_text(rng, 1, 40, 512) or "x"
    if kind == 2:
        return "abc/+=" + text(rng, B64_CHARS, 0, 20)
    return text(rng, B64_CHARS + "/+=~-_.", 300, 512)


def settings(rng, params):
    """Put/Update members, each present or absent."""
    if rng.random() < 0.6:
        params["MaximumRetryAttempts"] = rng.choice([0, 0, 1, 2])
    if rng.random() < 0.6:
        params["MaximumEventAgeInSeconds"] = rng.choice([60, 21600, rng.randint(60, 21600)])
    if rng.random() < 0.6:
        params["DestinationConfig"] = destination_config(rng)


def operation_params(rng, operation):
    params = {"FunctionName": function_name(rng)}
    if operation == "list-function-event-invoke-configs":
        if rng.random() < 0.5:
            params["Marker"] = marker(rng)
        if rng.random() < 0.6:
            params["MaxItems"] = rng.choice([1, 50, rng.randint(1, 50)])
        return params
    if rng.random() < 0.5:
        params["Qualifier"] = qualifier(rng)
    if operation in WITH_BODY:
        settings(rng, params)
    return params


def credentials(rng):
    access_key_id = "AKIA" + text(rng, string.ascii_uppercase + string.digits, 16, 16)
    secret = text(rng, string.ascii_letters + string.digits + "+/", 40, 40)
    token = text(rng, B64_CHARS, 16, 700) if rng.random() < 0.35 else None
    return access_key_id, secret, token


def client_place(rng):
    """(region, endpoint_url): the default endpoint, or an explicit one."""
    if rng.random() < 0.45:
        return rng.choice(DEFAULT_ENDPOINT_REGIONS), None
    return rng.choice(DEFAULT_ENDPOINT_REGIONS + ARN_REGIONS), rng.choice(ENDPOINT_URLS)


def signing_time(rng):
    moment = rng.randint(1262304000, 2524607999)  # 2010 .. 2049
    return time.strftime(oc.AMZ_DATE_FORMAT, time.gmtime(moment))


def valid_case(rng, index):
    operation = rng.choice(OPERATIONS)
    region, endpoint_url = client_place(rng)
    return Case(index, "valid", operation, operation_params(rng, operation), credentials(rng),
                region, endpoint_url, signing_time(rng), ascii_json=rng.random() < 0.3)


# --------------------------------------------------------------------------
# Invalid inputs: a valid case spoiled by one change. invalid_kinds() lists
# them as (label, operations the change applies to, change).


def set_param(name, value):
    def change(case):
        case.params[name] = value
    return change


def set_destination(value, which="OnFailure"):
    return set_param("DestinationConfig", {which: {"Destination": value}})


def set_client(field, value):
    def change(case):
        setattr(case, field, value)
        case.exits = (oc.EXIT_INVALID, oc.EXIT_CONFIG)
    return change


ARN = "arn:aws:lambda:us-west-2:123456789012:function:"
BODY_OPS = sorted(WITH_BODY)
QUALIFIER_OPS = [op for op in OPERATIONS if op != "list-function-event-invoke-configs"]
LIST_OP = ["list-function-event-invoke-configs"]
SQS = "arn:aws:sqs:us-west-2:123456789012:"


def invalid_kinds():
    """(label, operations it applies to, change) for every invalid input."""
    full_257 = ARN + "f" * 64 + ":" + "q" * (257 - len(ARN) - 65)
    kinds = [
        ("FunctionName empty", OPERATIONS, set_param("FunctionName", "")),
        ("FunctionName 257 chars", OPERATIONS, set_param("FunctionName", "a" * 257)),
        ("FunctionName full ARN 257 chars", OPERATIONS, set_param("FunctionName", full_257)),
        ("name part 65 chars", OPERATIONS, set_param("FunctionName", "n" * 65)),
        ("ARN name part 65 chars", OPERATIONS, set_param("FunctionName", ARN + "n" * 65)),
        ("FunctionName '.'", OPERATIONS, set_param("FunctionName", ".")),
        ("FunctionName '..'", OPERATIONS, set_param("FunctionName", "..")),
    ]
    for bad in [" ", "\r", "\n", "\r\n", "\t", "\x01", "\x7f", "é", "日本", "/", "%", "?", "#"]:
        kinds.append(("FunctionName with %r" % bad, OPERATIONS,
                      set_param("FunctionName", "my" + bad + "function")))
    for bad in [ARN, "arn:aws:lambda:us-west-2:12345678901:function:f",
                "arn:aws:s3:us-west-2:123456789012:function:f",
                "arn:xyz:lambda:us-west-2:123456789012:function:f",
                "arn:aws:lambda:uswest2:123456789012:function:f",
                "arn:aws:lambda:us-west-2:123456789012:fn:f:1",
                ARN + "f:$LATEST.X", ARN + "f:a.b", "f:", ":f", "f::a", "f:a:b",
                "f:$LATESTX", "123456789012:function:", "arn:aws:lambda::123456789012:function:f:q:r"]:
        kinds.append(("FunctionName shape %r" % bad, OPERATIONS, set_param("FunctionName", bad)))
    kinds += [
        ("Qualifier empty", QUALIFIER_OPS, set_param("Qualifier", "")),
        ("Qualifier 129 chars", QUALIFIER_OPS, set_param("Qualifier", "q" * 129)),
        ("Qualifier with '.'", QUALIFIER_OPS, set_param("Qualifier", "1.0")),
        ("Qualifier $LATEST.PUBLISHEDX", QUALIFIER_OPS, set_param("Qualifier",
                                                                  "$LATEST.PUBLISHEDX")),
        ("Qualifier with LF", QUALIFIER_OPS, set_param("Qualifier", "prod\nX: y")),
        ("Qualifier with space", QUALIFIER_OPS, set_param("Qualifier", "pr od")),
        ("MaximumRetryAttempts -1", BODY_OPS, set_param("MaximumRetryAttempts", -1)),
        ("MaximumRetryAttempts 3", BODY_OPS, set_param("MaximumRetryAttempts", 3)),
        ("MaximumEventAgeInSeconds 59", BODY_OPS, set_param("MaximumEventAgeInSeconds", 59)),
        ("MaximumEventAgeInSeconds 21601", BODY_OPS,
         set_param("MaximumEventAgeInSeconds", 21601)),
        ("MaximumRetryAttempts 4294967296", BODY_OPS,
         set_param("MaximumRetryAttempts", 4294967296)),
        ("Destination 351 chars", BODY_OPS, set_destination(SQS + "q" * (351 - len(SQS)))),
        ("Destination 351 chars of é", BODY_OPS, set_destination(SQS + "é" * (351 - len(SQS)))),
        ("Destination 351 chars of 😀", BODY_OPS,
         set_destination(SQS + "😀" * (351 - len(SQS)))),
        ("Destination with CR", BODY_OPS, set_destination(SQS + "q\rX")),
        ("Destination with LF", BODY_OPS, set_destination(SQS + "q\nX-Injected: 1")),
        ("Destination with \\x01", BODY_OPS, set_destination(SQS + "q\x01")),
        ("Destination with \\x7f", BODY_OPS, set_destination(SQS + "q\x7f")),
        ("OnSuccess Destination 351 chars", BODY_OPS,
         set_destination(SQS + "q" * (351 - len(SQS)), "OnSuccess")),
        ("OnSuccess Destination with LF", BODY_OPS, set_destination(SQS + "q\nX", "OnSuccess")),
    ]
    for bad in ["not-an-arn", "arn:aws:sqs", "arn:aws:sqs:us-west-2:123:q",
                "arn:aws:sqs:uswest2:123456789012:q", "arn:xyz:sqs:us-west-2:123456789012:q",
                "arn::sqs:us-west-2:123456789012:q", "arn:aws::us-west-2:123456789012:q",
                "kafka://", "kafka://.broker", "kafka://bro ker", "http://x"]:
        kinds.append(("Destination shape %r" % bad, BODY_OPS, set_destination(bad)))
    kinds += [
        ("MaxItems 0", LIST_OP, set_param("MaxItems", 0)),
        ("MaxItems 51", LIST_OP, set_param("MaxItems", 51)),
        ("MaxItems -1", LIST_OP, set_param("MaxItems", -1)),
        ("Marker with LF", LIST_OP, set_param("Marker", "abc\ndef")),
        ("Marker with CR LF header", LIST_OP, set_param("Marker", "abc\r\nX-Injected: 1")),
        ("Marker with \\x01", LIST_OP, set_param("Marker", "abc\x01")),
        ("Marker 513 bytes (EIC_MARKER_MAX)", LIST_OP, set_param("Marker", "m" * 513)),
        ("region with CR LF", OPERATIONS, set_client("region", "us-west-2\r\nX-Injected: 1")),
        ("region with LF", OPERATIONS, set_client("region", "us-west-2\n")),
        ("region with space", OPERATIONS, set_client("region", "us west-2")),
        ("region with '/'", OPERATIONS, set_client("region", "us-west-2/x")),
        ("endpoint with CR LF", OPERATIONS,
         set_client("endpoint_url", "http://localhost\r\nX-Injected: 1")),
        ("endpoint with LF", OPERATIONS, set_client("endpoint_url", "http://local\nhost")),
        ("endpoint with a path", OPERATIONS, set_client("endpoint_url", "http://localhost/prefix")),
        ("endpoint with userinfo", OPERATIONS,
         set_client("endpoint_url", "http://user:pass@localhost")),
        ("endpoint with a query", OPERATIONS, set_client("endpoint_url", "http://localhost?a=b")),
        ("endpoint ftp scheme", OPERATIONS, set_client("endpoint_url", "ftp://localhost")),
        ("endpoint port 0", OPERATIONS, set_client("endpoint_url", "http://localhost:0")),
        ("endpoint port 65536", OPERATIONS, set_client("endpoint_url", "http://localhost:65536")),
        ("no access key id", OPERATIONS, set_client("access_key_id", None)),
        ("no secret key", OPERATIONS, set_client("secret_access_key", None)),
        ("access key id with LF", OPERATIONS, set_client("access_key_id", "AKID\nX: y")),
        ("session token with CR LF", OPERATIONS,
         set_client("session_token", "tok\r\nX-Injected: 1")),
        ("session token with space", OPERATIONS, set_client("session_token", "tok en")),
    ]
    return kinds


def invalid_case(rng, index, kind):
    label, operations, change = kind
    case = valid_case(rng, index)
    case.operation = rng.choice(operations)
    case.params = operation_params(rng, case.operation)
    case.label, case.valid = "invalid: " + label, False
    change(case)
    return case


def generate(seed, count, invalid):
    rng = random.Random(seed)
    cases = [valid_case(rng, i) for i in range(count)]
    kinds = invalid_kinds()
    # Every kind at least once, the rest drawn at random.
    picks = kinds[:invalid] + [rng.choice(kinds) for _ in range(invalid - len(kinds))]
    cases += [invalid_case(rng, count + i, kind) for i, kind in enumerate(picks)]
    return cases


# --------------------------------------------------------------------------
# botocore's request for a case


class _CannedBody:
    """The raw stream of a canned response."""

    def __init__(self, data):
        self.data = data

    def stream(self, **_):
        yield self.data


class Botocore:
    """botocore clients, one per (region, endpoint, credentials), whose
    requests are caught before they are sent."""

    def __init__(self):
        self.session = botocore.session.Session()
        self.session.set_config_variable("config_file", "/nonexistent/config")
        self.session.set_config_variable("credentials_file", "/nonexistent/credentials")
        self.clients = {}
        self.caught = None

    def _catch(self, request, **_):
        self.caught = request
        status = 204 if request.method == "DELETE" else 200
        return AWSResponse(request.url, status, {}, _CannedBody(b"{}"))

    def client(self, case):
        key = (case.region, case.endpoint_url, case.access_key_id, case.secret_access_key,
               case.session_token)
        if key not in self.clients:
            client = self.session.create_client(
                "lambda", region_name=case.region, endpoint_url=case.endpoint_url,
                aws_access_key_id=case.access_key_id,
                aws_secret_access_key=case.secret_access_key,
                aws_session_token=case.session_token)
            client.meta.events.register("before-send.lambda.*", self._catch)
            self.clients[key] = client
        return self.clients[key]

    def request(self, case):
        """(method, url, Authorization, body) botocore would send."""
        self.caught = None
        with oc.botocore_clock(case.amz_date):
            getattr(self.client(case), oc.METHODS[case.operation])(**case.params)
        r = self.caught
        auth = r.headers["Authorization"]
        body = r.body or b""
        return (r.method, r.url, auth.decode() if isinstance(auth, bytes) else auth,
                body if isinstance(body, bytes) else body.encode())


# --------------------------------------------------------------------------
# Checks


def check_target(req, url):
    parts = urlsplit(url)
    if req.path != parts.path:
        raise oc.Mismatch("path %r, botocore %r" % (req.path, parts.path))
    if oc.query_pairs(req.query) != oc.query_pairs(parts.query):
        raise oc.Mismatch("query %r, botocore %r" % (req.query, parts.query))
    if oc.decoded_query(req.query) != oc.decoded_query(parts.query):
        raise oc.Mismatch("decoded query differs: %r, botocore %r" % (req.query, parts.query))
    host = botocore.auth._host_from_url(url)  # what botocore signs as Host
    if req.header("Host") != host:
        raise oc.Mismatch("Host %r, botocore %r" % (req.header("Host"), host))


def check_body(req, body):
    if not body:
        if req.body:
            raise oc.Mismatch("botocore sends no body, eic sends %r" % req.body[:200])
        return
    try:
        ours = oc.strict_json_loads(req.body)
    except ValueError as e:
        raise oc.Mismatch("body is not JSON (%s): %r" % (e, req.body[:300]))
    if not oc.json_same(ours, oc.strict_json_loads(body)):
        raise oc.Mismatch("body %s\nbotocore %s" % (req.body.decode("utf-8", "replace"),
                                                    body.decode("utf-8", "replace")))


def check_valid(case, out, boto):
    req = oc.parse_request(out)
    method, url, authorization, body = boto.request(case)
    if req.method != method:
        raise oc.Mismatch("method %s, botocore %s" % (req.method, method))
    oc.check_header_layout(req, method in ("PUT", "POST"), case.session_token, case.amz_date)
    check_target(req, url)
    check_body(req, body)
    ours = oc.parse_authorization(req.header("Authorization"))
    theirs = oc.parse_authorization(authorization)
    if ours["credential"] != theirs["credential"]:
        raise oc.Mismatch("Credential %s, botocore %s" % (ours["credential"],
                                                          theirs["credential"]))
    if ours["signed_headers"] != theirs["signed_headers"]:
        raise oc.Mismatch("SignedHeaders %s, botocore %s" % (ours["signed_headers"],
                                                             theirs["signed_headers"]))
    oc.check_signature(req, case.endpoint_url, case.access_key_id, case.secret_access_key,
                       case.region, case.amz_date)


def check_invalid(case, code, out):
    if code not in case.exits:
        raise oc.Mismatch("exit %d, expected %s" % (code, " or ".join(map(str, case.exits))))
    if out:
        raise oc.Mismatch("exit %d but stdout has %d bytes: %r" % (code, len(out), out[:200]))


def run_case(binary, case, boto):
    """None when the case passes, else the reason; also the exit code (None
    when eic did not finish)."""
    argv, env = case.argv(binary), case.env()
    code = None
    try:
        code, out, err = oc.run_eic(argv, env)
        if case.valid:
            if code != oc.EXIT_OK:
                raise oc.Mismatch("exit %d: %s" % (code, err.decode("utf-8", "replace").strip()))
            check_valid(case, out, boto)
        else:
            check_invalid(case, code, out)
    except (oc.Mismatch, ValueError) as e:
        return "%s\n    replay: %s" % (e, oc.reproducer(argv, env)), code
    return None, code


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eic", required=True, help="path of the eic binary")
    ap.add_argument("--seed", type=int, default=None, help="default: time-based")
    ap.add_argument("--count", type=int, default=DEFAULT_COUNT, help="valid cases")
    ap.add_argument("--invalid", type=int, default=DEFAULT_INVALID, help="invalid cases")
    ap.add_argument("--only", type=int, default=None, help="run case number K alone")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else time.time_ns() % 10 ** 9
    print("seed: %d" % seed, flush=True)
    started = time.monotonic()
    cases = generate(seed, args.count, args.invalid)
    if args.only is not None:
        cases = [c for c in cases if c.index == args.only]
    if not os.access(args.eic, os.X_OK):
        print("FAIL: eic binary not found or not executable: %s (build the CLI first)" % args.eic)
        print("0 passed, %d failed" % len(cases))
        return 1
    boto = Botocore()
    failures, exits_seen = [], {}
    for case in cases:
        problem, code = run_case(args.eic, case, boto)
        if not case.valid and oc.EXIT_CONFIG in case.exits and code is not None:
            exits_seen.setdefault(case.label, set()).add(code)
        if problem:
            failures.append((case, problem))
    for case, problem in failures[:MAX_REPORTED]:
        print("FAIL case %d (%s, %s): %s" % (case.index, case.operation, case.label, problem))
    if len(failures) > MAX_REPORTED:
        print("... and %d more failures" % (len(failures) - MAX_REPORTED))
    for label, codes in sorted(exits_seen.items()):
        print("exit seen for %s: %s" % (label, ",".join(map(str, sorted(codes)))))
    valid = sum(1 for c in cases if c.valid)
    print("%d valid and %d invalid cases in %.1f s (replay one: --seed %d --only K)"
          % (valid, len(cases) - valid, time.monotonic() - started, seed))
    print("%d passed, %d failed" % (len(cases) - len(failures), len(failures)))
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
