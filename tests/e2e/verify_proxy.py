"""A signature-verifying HTTP proxy: recomputes the SigV4 signature of every
request with botocore and refuses a wrong one, else forwards the request to
an upstream (a moto_server with signature checking off) and relays the answer.

Why: moto's own check rejects every GET and DELETE, even correctly signed
ones (protocol.md, "Peers"), so bodyless requests need another verifier. The
proxy signs with botocore's SigV4Auth exactly the bytes that arrived: the
request's method, its raw path and query (botocore encodes the path again
for the canonical URI), the headers the request lists in SignedHeaders with
the values it sent, its body, at its own X-Amz-Date, with the credentials
registered for its access key id. It also refuses a request whose scope
(date, region, service) is wrong, or that carries a header it does not sign
(other than those botocore never signs). A refusal is a 403
InvalidSignatureException (not a clock-skew error, so a client does not
retry it) and is logged with botocore's canonical request.

Keep-alive friendly: HTTP/1.1, every response framed by Content-Length (none
on 204/304), the client's connection kept open; each request goes to the
upstream on a fresh connection (moto closes after every answer anyway).

As a module: VerifyProxy(upstream, region, {key: secret}).start() ... .stop();
.stats(). ForwardingProxy and ProxyHandler, the server, its framing and its
forwarding without the check, are the base of other proxies (the fleet's
throttle_proxy.py). As a program:

    python3 verify_proxy.py --upstream http://127.0.0.1:PORT --region us-west-2 \
        --credentials AKID:SECRET [--credentials ...] [--stats FILE]

prints `listening on http://127.0.0.1:PORT`; with --stats the counts are
rewritten to FILE (JSON) after every request, and printed at exit.
"""
import http.client
import http.server
import json
import re
import socket
import ssl
import sys
import threading
from urllib.parse import urlsplit

import rig

try:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as exc:  # must fail, not skip, without botocore
    raise SystemExit("FAIL: botocore is required by verify_proxy.py (%s)" % exc)

SERVICE = "lambda"
# Headers botocore never signs, and hop-by-hop headers: a request may carry
# them unsigned. Every other header it sends must be signed.
UNSIGNED_OK = {"authorization", "content-length", "user-agent", "expect", "connection",
               "keep-alive", "te", "transfer-encoding", "upgrade", "x-amzn-trace-id",
               "accept-encoding",
               # botocore's own, added after signing (lets botocore be the control)
               "amz-sdk-invocation-id", "amz-sdk-request"}
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer",
              "transfer-encoding", "upgrade", "content-length"}
_AUTH = re.compile(r"^AWS4-HMAC-SHA256 Credential=([^/,]+)/(\d{8})/([^/,]+)/([^/,]+)/aws4_request, "
                   r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$")


class Refusal(Exception):
    pass


def verify(method, target, headers, body, region, secrets):
    """Checks one request. headers: [(name, value)] as received. Returns a
    one-line summary; raises Refusal with the reason (and botocore's
    canonical request when the signature differs)."""
    lower = {}
    for name, value in headers:
        if name.lower() in lower:
            raise Refusal("header %s appears twice" % name)
        lower[name.lower()] = value
    match = _AUTH.match(lower.get("authorization", ""))
    if not match:
        raise Refusal("Authorization missing or malformed: %r" % lower.get("authorization"))
    key, date, scope_region, service, signed, signature = match.groups()
    amz_date = lower.get("x-amz-date", "")
    if not re.match(r"^\d{8}T\d{6}Z$", amz_date):
        raise Refusal("X-Amz-Date missing or malformed: %r" % amz_date)
    if key not in secrets:
        raise Refusal("unknown access key id %r" % key)
    if date != amz_date[:8] or scope_region != region or service != SERVICE:
        raise Refusal("credential scope %s/%s/%s, expected %s/%s/%s"
                      % (date, scope_region, service, amz_date[:8], region, SERVICE))
    signed_names = signed.split(";")
    if signed_names != sorted(signed_names):
        raise Refusal("SignedHeaders not sorted: %s" % signed)
    for name in signed_names:
        if name not in lower:
            raise Refusal("signed header %s was not sent" % name)
    unsigned = sorted(n for n in lower if n not in signed_names and n not in UNSIGNED_OK)
    if unsigned:
        raise Refusal("headers sent but not signed: %s" % unsigned)
    if "host" not in signed_names or "x-amz-date" not in signed_names:
        raise Refusal("host and x-amz-date must be signed: %s" % signed)

    request = AWSRequest(method=method, url="http://%s%s" % (lower["host"], target),
                         headers={n: lower[n] for n in signed_names}, data=body)
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(key, secrets[key], lower.get("x-amz-security-token")),
                       SERVICE, region)
    theirs = sorted(signer.headers_to_sign(request).keys())
    if theirs != signed_names:
        raise Refusal("botocore would sign %s, the request signs %s" % (theirs, signed_names))
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if expected != signature:
        raise Refusal("signature %s, botocore computes %s over the same bytes; botocore's "
                      "canonical request:\n%s" % (signature, expected, canonical))
    return "%s %s signed %s by %s: verified" % (method, target, signed, key)


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    """The keep-alive framing of a proxy's answers; a subclass handles the
    requests, its server's proxy is self.server.proxy."""
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection is dropped after this

    def _respond(self, status, headers, body):
        self.send_response_only(status)
        for name, value in headers:
            self.send_header(name, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status not in (204, 304) and self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()


class _Handler(ProxyHandler):
    def log_message(self, fmt, *args):
        self.server.proxy.log("access: " + fmt % args)

    def _handle(self):
        proxy = self.server.proxy
        if self.headers.get("Transfer-Encoding"):
            body = b""
            refusal = "a request body with Transfer-Encoding (eic sends Content-Length)"
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            refusal = None
        headers = list(self.headers.items())
        try:
            if refusal:
                raise Refusal(refusal)
            summary = verify(self.command, self.path, headers, body, proxy.region, proxy.secrets)
        except Refusal as exc:
            proxy.record(self.command, self.path, False, str(exc))
            message = "The request signature we calculated does not match the signature " \
                      "you provided (verify_proxy: %s)" % str(exc).split("\n")[0]
            self._respond(403, [("Content-Type", "application/json"),
                                ("x-amzn-ErrorType", "InvalidSignatureException"),
                                ("x-amzn-RequestId", "verify-proxy-refusal")],
                          json.dumps({"message": message}).encode())
            return
        status, reply_headers, reply = proxy.forward(self.command, self.path, headers, body)
        proxy.record(self.command, self.path, True, summary, status)
        self._respond(status, reply_headers, reply)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class _Server6(_Server):
    address_family = socket.AF_INET6


class ForwardingProxy:
    """A threaded HTTP/1.1 server on host:port whose handler (a ProxyHandler
    subclass) forwards requests to the upstream with forward(); backlog is
    its listen queue; with tls_cert, (certificate file, key file), it
    speaks HTTPS."""

    def __init__(self, upstream, handler, host="127.0.0.1", port=0, backlog=5, tls_cert=None):
        parts = urlsplit(upstream)
        if parts.scheme != "http":
            raise ValueError("upstream must be http://host:port, not %r" % upstream)
        self.upstream = (parts.hostname, parts.port or 80)
        self.server = (_Server6 if ":" in host else _Server)((host, port), handler,
                                                             bind_and_activate=False)
        self.server.request_queue_size = backlog
        try:
            self.server.server_bind()
            self.server.server_activate()
            if tls_cert is not None:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(*tls_cert)
                self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        except BaseException:
            self.server.server_close()
            raise
        self.server.proxy = self
        self.port = self.server.server_address[1]
        self.endpoint = "%s://%s:%d" % ("http" if tls_cert is None else "https",
                                        "[%s]" % host if ":" in host else host, self.port)
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def forward(self, method, target, headers, body):
        """Sends the request to the upstream on a fresh connection (hop-by-hop
        headers dropped, Content-Length set); returns (status, headers, body)."""
        conn = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP:
                    conn.putheader(name, value)
            conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            reply = conn.getresponse()
            data = reply.read()
            reply_headers = [(n, v) for n, v in reply.getheaders()
                             if n.lower() not in HOP_BY_HOP]
            return reply.status, reply_headers, data
        finally:
            conn.close()


class VerifyProxy(ForwardingProxy):
    def __init__(self, upstream, region, secrets, host="127.0.0.1", port=0, stats_path=None,
                 log=None, tls_cert=None):
        super().__init__(upstream, _Handler, host=host, port=port, tls_cert=tls_cert)
        self.region = region
        self.secrets = dict(secrets)
        self.stats_path = stats_path
        self._log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.lock = threading.Lock()
        self.entries = []

    def log(self, line):
        self._log("verify_proxy: " + line)

    def record(self, method, target, verified, detail, status=None):
        with self.lock:
            self.entries.append({"method": method, "target": target, "verified": verified,
                                 "status": status, "detail": detail})
        self.log(("%s -> %s" % (detail, status)) if verified else
                 ("REFUSED %s %s: %s" % (method, target, detail)))
        if self.stats_path:
            rig.write_json_atomic(self.stats_path, self.stats())

    def stats(self):
        with self.lock:
            entries = list(self.entries)
        by_method = {}
        for e in entries:
            if e["verified"]:
                by_method[e["method"]] = by_method.get(e["method"], 0) + 1
        return {"requests": len(entries),
                "verified": sum(1 for e in entries if e["verified"]),
                "refused": sum(1 for e in entries if not e["verified"]),
                "verified_by_method": by_method,
                "entries": entries}


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upstream", required=True, help="http://host:port of moto_server")
    parser.add_argument("--region", required=True)
    parser.add_argument("--credentials", action="append", required=True,
                        help="ACCESS_KEY_ID:SECRET (repeatable)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (::1 too)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stats", help="rewrite the counts to this JSON file")
    args = parser.parse_args()
    secrets = dict(c.split(":", 1) for c in args.credentials)
    proxy = VerifyProxy(args.upstream, args.region, secrets, host=args.host, port=args.port,
                        stats_path=args.stats).start()
    rig.serve_until_interrupted(proxy)
    stats = proxy.stats()
    print("verify_proxy: %d request(s), %d verified, %d refused"
          % (stats["requests"], stats["verified"], stats["refused"]), flush=True)


if __name__ == "__main__":
    sys.exit(main())
