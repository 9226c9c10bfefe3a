"""Shared helpers of the oracle tests: run `eic --dry-run`, read the request it
prints, and ask botocore (the reference client) what it thinks of those bytes.

Why a shared module: the vector check, the random oracle and the absent/zero
check all need the same three things, and they must agree on them:
  * how an operation and its botocore-named parameters become an `eic` command
    line (the AWS CLI option names, credentials in environment variables);
  * a strict reader for the HTTP/1.1 request `eic --dry-run` writes on stdout
    (CRLF line ends, one value per header, Content-Length equal to the body);
  * botocore's SigV4 signature over eic's exact bytes at a fixed signing time,
    with the canonical request botocore built, so a wrong signature can be
    told apart from a wrong request.

botocore is imported here on purpose, at the top: without it every oracle test
must fail, not skip.
"""
import contextlib
import datetime
import json
import os
import shlex
import subprocess
from urllib.parse import unquote, urlsplit

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as exc:  # the tests must fail, not skip, without botocore
    raise SystemExit("FAIL: botocore is required by the oracle tests (%s); "
                     "use the python3 that has botocore/boto3/awscli" % exc)

SERVICE = "lambda"
AMZ_DATE_FORMAT = "%Y%m%dT%H%M%SZ"

# Exit codes of the AWS CLI v2 that eic documents (DESIGN.md).
EXIT_OK, EXIT_INVALID, EXIT_CONFIG = 0, 252, 253

# botocore parameter name -> eic (AWS CLI) option.
OPTIONS = {
    "FunctionName": "--function-name",
    "Qualifier": "--qualifier",
    "MaximumRetryAttempts": "--maximum-retry-attempts",
    "MaximumEventAgeInSeconds": "--maximum-event-age-in-seconds",
    "DestinationConfig": "--destination-config",
    "Marker": "--marker",
    "MaxItems": "--max-items",
}

# AWS CLI operation name -> botocore client method.
METHODS = {
    "put-function-event-invoke-config": "put_function_event_invoke_config",
    "update-function-event-invoke-config": "update_function_event_invoke_config",
    "get-function-event-invoke-config": "get_function_event_invoke_config",
    "delete-function-event-invoke-config": "delete_function_event_invoke_config",
    "list-function-event-invoke-configs": "list_function_event_invoke_configs",
}

# The headers eic writes, in its documented order; which ones depend on the method.
HEADER_ORDER = ["Host", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token",
                "Authorization", "Content-Length"]


class Mismatch(AssertionError):
    """One thing eic did differently from what was expected."""


# --------------------------------------------------------------------------
# Running eic


def option_value(value, ascii_json=False):
    """The command-line text of a parameter value: JSON for DestinationConfig,
    with non-ASCII as UTF-8 or as \\u escapes (surrogate pairs beyond the BMP)."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=ascii_json)
    return str(value)


def eic_argv(binary, operation, params, region, endpoint_url, amz_date, ascii_json=False):
    """argv for one dry run. Values go as a separate argument after the option,
    except a text value that starts with '-', which goes as --option=value so
    that it cannot be read as an option."""
    argv = [binary, operation]
    for name, value in params.items():
        text = option_value(value, ascii_json)
        if text.startswith("-") and not isinstance(value, int):
            argv.append("%s=%s" % (OPTIONS[name], text))
        else:
            argv += [OPTIONS[name], text]
    if region is not None:
        argv += ["--region", region]
    if endpoint_url is not None:
        argv += ["--endpoint-url", endpoint_url]
    argv += ["--dry-run", "--signing-time", amz_date]
    return argv


def eic_env(access_key_id, secret_access_key, session_token):
    """A clean environment: credentials only from the three variables, no
    profile, region or endpoint leaking in from the machine."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": "/nonexistent",
           "AWS_CONFIG_FILE": "/nonexistent/config",
           "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
           "LC_ALL": "C"}
    if access_key_id is not None:
        env["AWS_ACCESS_KEY_ID"] = access_key_id
    if secret_access_key is not None:
        env["AWS_SECRET_ACCESS_KEY"] = secret_access_key
    if session_token is not None:
        env["AWS_SESSION_TOKEN"] = session_token
    return env


def run_eic(argv, env, timeout=20):
    """Runs eic; returns (exit code, stdout bytes, stderr bytes)."""
    if not os.access(argv[0], os.X_OK):
        raise Mismatch("eic binary not found or not executable: %s (build the CLI first)"
                       % argv[0])
    try:
        done = subprocess.run(argv, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise Mismatch("eic did not finish in %d s" % timeout)
    return done.returncode, done.stdout, done.stderr


def reproducer(argv, env):
    """A shell line that replays one run."""
    keep = [k for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
            if k in env]
    prefix = " ".join("%s=%s" % (k, shlex.quote(env[k])) for k in keep)
    return "env -i %s %s" % (prefix, " ".join(shlex.quote(a) for a in argv))


# --------------------------------------------------------------------------
# Reading the request eic printed


class HttpRequest:
    """A parsed HTTP/1.1 request: method, raw target, path, raw query,
    headers (name, value) in order, body bytes."""

    def __init__(self, method, target, headers, body):
        self.method = method
        self.target = target
        self.path, _, self.query = target.partition("?")
        self.headers = headers
        self.body = body

    def header(self, name):
        """The value of a header (case-insensitive name), or None."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def names(self):
        return [key for key, _ in self.headers]


def parse_request(raw, line_end=b"\r\n"):
    """Reads one request. Raises Mismatch on anything not well-formed."""
    head, sep, body = raw.partition(line_end + line_end)
    if not sep:
        raise Mismatch("no blank line ending the head in %r" % raw[:200])
    if line_end == b"\r\n" and (b"\n" in head.replace(b"\r\n", b"") or
                                b"\r" in head.replace(b"\r\n", b"")):
        raise Mismatch("a line of the head does not end in CRLF")
    try:
        lines = head.decode("ascii").split(line_end.decode())
    except UnicodeDecodeError:
        raise Mismatch("non-ASCII bytes in the request head")
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[2] != "HTTP/1.1":
        raise Mismatch("bad request line %r" % lines[0])
    headers = []
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise Mismatch("bad header line %r" % line)
        headers.append((name, value.strip(" \t")))
    lowered = [n.lower() for n, _ in headers]
    if len(set(lowered)) != len(lowered):
        raise Mismatch("a header appears twice: %s" % lowered)
    return HttpRequest(parts[0], parts[1], headers, body)


def parse_vector_request(raw):
    """The vectors' T.req files: LF or CRLF line ends."""
    return parse_request(raw.replace(b"\r\n", b"\n"), line_end=b"\n")


def parse_authorization(value):
    """{'credential': ..., 'signed_headers': [...], 'signature': ...} of an
    AWS4-HMAC-SHA256 Authorization value."""
    prefix = "AWS4-HMAC-SHA256 "
    if value is None or not value.startswith(prefix):
        raise Mismatch("Authorization does not start with %r: %r" % (prefix, value))
    fields = {}
    for item in value[len(prefix):].split(", "):
        key, eq, val = item.partition("=")
        if not eq or key in fields:
            raise Mismatch("bad Authorization field %r in %r" % (item, value))
        fields[key] = val
    if set(fields) != {"Credential", "SignedHeaders", "Signature"}:
        raise Mismatch("Authorization fields %s" % sorted(fields))
    return {"credential": fields["Credential"],
            "signed_headers": fields["SignedHeaders"].split(";"),
            "signature": fields["Signature"]}


def query_pairs(query):
    """The raw (still encoded) key/value pairs of a query string, sorted."""
    if query == "":
        return []
    pairs = []
    for item in query.split("&"):
        key, _, value = item.partition("=")
        pairs.append((key, value))
    return sorted(pairs)


def decoded_query(query):
    """The query parsed into (key, value) text pairs, sorted."""
    return sorted((unquote(k, errors="strict"), unquote(v, errors="strict"))
                  for k, v in query_pairs(query))


# --------------------------------------------------------------------------
# JSON equality where 0 is not False and 1 is not 1.0


def strict_json_loads(data):
    """json.loads that refuses duplicate keys (either copy could win)."""
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise Mismatch("duplicate JSON key in %s" % keys)
        return dict(pairs)
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    return json.loads(data, object_pairs_hook=no_duplicates)


def json_same(a, b):
    """Equal values of equal JSON types, recursively."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(json_same(x, y) for x, y in zip(a, b))
    return a == b


# --------------------------------------------------------------------------
# botocore's signature over eic's bytes


@contextlib.contextmanager
def botocore_clock(amz_date):
    """Makes botocore's SigV4 signer read `amz_date` as the current time."""
    fixed = datetime.datetime.strptime(amz_date, AMZ_DATE_FORMAT)
    if not hasattr(botocore.auth, "get_current_datetime"):
        raise SystemExit("FAIL: botocore %s: no botocore.auth.get_current_datetime to pin "
                         "the signing time" % botocore.__version__)
    saved = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
    try:
        yield
    finally:
        botocore.auth.get_current_datetime = saved


class _RecordingSigV4(botocore.auth.SigV4Auth):
    """botocore's SigV4Auth, keeping the canonical request it built."""
    canonical = None

    def canonical_request(self, request):
        self.canonical = super().canonical_request(request)
        return self.canonical


def botocore_sign(req, scheme, access_key_id, secret_access_key, region, amz_date):
    """Signs eic's request with botocore: same method, raw path and query,
    the headers eic signed with the values eic sent (X-Amz-Date and the
    session token are set by botocore itself, from the time and the token eic
    sent), eic's body bytes. Returns (canonical request, Authorization)."""
    signed = parse_authorization(req.header("Authorization"))["signed_headers"]
    headers = {}
    for name in signed:
        if name in ("x-amz-date", "x-amz-security-token"):
            continue
        value = req.header(name)
        if value is None:
            raise Mismatch("eic signs %r but does not send it" % name)
        headers[name] = value
    token = req.header("X-Amz-Security-Token")
    url = "%s://%s%s" % (scheme, req.header("Host"), req.target)
    aws_request = AWSRequest(method=req.method, url=url, headers=headers, data=req.body)
    signer = _RecordingSigV4(Credentials(access_key_id, secret_access_key, token),
                             SERVICE, region)
    with botocore_clock(amz_date):
        signer.add_auth(aws_request)
    return signer.canonical, aws_request.headers["Authorization"]


def scheme_of(endpoint_url):
    return urlsplit(endpoint_url).scheme.lower() if endpoint_url else "https"


def check_signature(req, endpoint_url, access_key_id, secret_access_key, region, amz_date):
    """eic's signature must be botocore's over the same bytes. Returns the
    canonical request botocore built."""
    canonical, authorization = botocore_sign(req, scheme_of(endpoint_url), access_key_id,
                                             secret_access_key, region, amz_date)
    ours = parse_authorization(req.header("Authorization"))
    theirs = parse_authorization(authorization)
    if ours["signed_headers"] != theirs["signed_headers"]:
        raise Mismatch("SignedHeaders %s, botocore over the same bytes: %s"
                       % (ours["signed_headers"], theirs["signed_headers"]))
    if ours["signature"] != theirs["signature"]:
        raise Mismatch("signature %s, botocore over eic's bytes: %s\n"
                       "botocore's canonical request:\n%s"
                       % (ours["signature"], theirs["signature"], canonical))
    return canonical


def expected_credential(access_key_id, amz_date, region):
    return "%s/%s/%s/%s/aws4_request" % (access_key_id, amz_date[:8], region, SERVICE)


def check_header_layout(req, has_body_method, session_token, amz_date):
    """The headers eic documents, in its documented order, and nothing else;
    Content-Length equal to the body."""
    wanted = ["Host", "X-Amz-Date", "Authorization"]
    if has_body_method:
        wanted += ["Content-Type", "Content-Length"]
    if req.method == "DELETE":
        wanted.append("Content-Length")
    if session_token is not None:
        wanted.append("X-Amz-Security-Token")
    wanted = [h for h in HEADER_ORDER if h in wanted]
    if [n.lower() for n in req.names()] != [h.lower() for h in wanted]:
        raise Mismatch("headers %s, expected %s" % (req.names(), wanted))
    if has_body_method and req.header("Content-Type") != "application/json":
        raise Mismatch("Content-Type %r" % req.header("Content-Type"))
    length = req.header("Content-Length")
    if length is not None and length != str(len(req.body)):
        raise Mismatch("Content-Length %s but the body has %d bytes" % (length, len(req.body)))
    if length is None and req.body:
        raise Mismatch("a %d-byte body without Content-Length" % len(req.body))
    if req.header("X-Amz-Date") != amz_date:
        raise Mismatch("X-Amz-Date %r, expected %r" % (req.header("X-Amz-Date"), amz_date))
    if session_token is not None and req.header("X-Amz-Security-Token") != session_token:
        raise Mismatch("X-Amz-Security-Token %r, expected %r"
                       % (req.header("X-Amz-Security-Token"), session_token))
