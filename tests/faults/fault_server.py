"""A fault-injecting HTTP/1.1 server on raw sockets, one scenario per run.

Why raw sockets: the faults must be exact, which no HTTP server library
allows: a reset (RST, not FIN) before, inside or after the response head, a
Content-Length the body never reaches, a stall, chunk sizes and extensions
chosen byte by byte, a body delimited only by the close, a Date three hours
off. The server counts what it saw: connections accepted and requests
(attempts) whose head arrived complete, each with its X-Amz-Date, so that a
test can assert the exact number of attempts the client made.

As a module: FaultServer(scenario).start() ... .stop(); .attempts,
.connections, .requests. As a program (to replay a failure by hand):

    python3 fault_server.py --scenario not_found [--stats FILE]

prints `listening on 127.0.0.1:PORT` and serves until Ctrl-C; with --stats
the counts are rewritten to FILE (JSON) after every request.
"""
import calendar
import email.utils
import json
import os
import select
import socket
import struct
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import rig  # noqa: E402  (tests/e2e/rig.py: the shared helpers)

FUNCTION_ARN = "arn:aws:lambda:us-west-2:123456789012:function:my-function"

# A FunctionEventInvokeConfig as the service sends it, members in the model's
# order (so the AWS CLI prints them in this order too).
CONFIG = {
    "LastModified": 1573687896.493,
    "FunctionArn": FUNCTION_ARN,
    "MaximumRetryAttempts": 1,
    "MaximumEventAgeInSeconds": 3600,
    "DestinationConfig": {
        "OnSuccess": {},
        "OnFailure": {"Destination": "arn:aws:sqs:us-west-2:123456789012:dlq"},
    },
}
CONFIG_BODY = json.dumps(CONFIG, separators=(",", ":")).encode()

LIST = {
    "FunctionEventInvokeConfigs": [
        CONFIG,
        {"LastModified": 1573687900.5, "FunctionArn": FUNCTION_ARN + ":live",
         "MaximumRetryAttempts": 0, "DestinationConfig": {"OnSuccess": {}, "OnFailure": {}}},
    ],
    "NextMarker": "c2Vjb25kLXBhZ2U=",
}
LIST_BODY = json.dumps(LIST, separators=(",", ":")).encode()

NOT_FOUND_BODY = json.dumps({"Message": "Function not found: %s" % FUNCTION_ARN,
                             "Type": "User"}).encode()
THROTTLED_BODY = json.dumps({"Reason": "CallerRateLimitExceeded", "Type": "User",
                             "message": "Rate exceeded"}).encode()
UNAVAILABLE_BODY = (b"<html><head><title>503 Service Temporarily Unavailable</title></head>"
                    b"<body><h1>503 Service Temporarily Unavailable</h1></body></html>\n")

OVERSIZE_BYTES = 200 * 1024  # the CLI's receive buffer is 64 KiB

CLOCK_SKEW_S = 3 * 3600
SKEW_LIMIT_S = 5 * 60

KEEP, CLOSED = "keep", "closed"


class Request:
    def __init__(self, method, target, headers, body, connection, received_at):
        self.method, self.target, self.headers, self.body = method, target, headers, body
        self.connection = connection  # 1-based index of the connection it came on
        self.received_at = received_at  # time.time() when its head was complete

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def summary(self):
        return {"method": self.method, "target": self.target,
                "x_amz_date": self.header("X-Amz-Date"), "connection": self.connection,
                "received_at": self.received_at, "body_bytes": len(self.body)}


def amz_date_epoch(value):
    """Seconds since 1970 of an X-Amz-Date (YYYYMMDDTHHMMSSZ), or None."""
    try:
        return calendar.timegm(time.strptime(value, "%Y%m%dT%H%M%SZ"))
    except (TypeError, ValueError):
        return None


def amz_date(epoch):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


# --------------------------------------------------------------------------
# Writing responses


def head(status, reason, headers, date_epoch=None):
    lines = ["HTTP/1.1 %d %s" % (status, reason),
             "Date: %s" % email.utils.formatdate(date_epoch if date_epoch is not None
                                                 else time.time(), usegmt=True),
             "x-amzn-RequestId: 7b9e4a1c-0000-4000-8000-%012d" % (int(time.time()) % 10**12)]
    lines += ["%s: %s" % kv for kv in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(conn, status, reason, body, headers=(), close=False, date_epoch=None):
    """A complete response with Content-Length (and Connection: close when asked)."""
    hdrs = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    hdrs += list(headers)
    if close:
        hdrs.append(("Connection", "close"))
    conn.sendall(head(status, reason, hdrs, date_epoch) + body)
    return CLOSED if close else KEEP


def reset(conn):
    """Closes with RST instead of FIN (SO_LINGER with a zero timeout)."""
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    conn.close()
    return CLOSED


def close_orderly(conn):
    try:
        conn.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    conn.close()
    return CLOSED


def wait_for_client_close(conn, limit_s):
    """Waits until the client closes its side (or limit_s passes)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        ready, _, _ = select.select([conn], [], [], 0.05)
        if ready:
            try:
                if conn.recv(4096) == b"":
                    return
            except OSError:
                return


def chunked(body, sizes, extensions=(), trailer=b"", upper_hex=False):
    """body as chunks of the given sizes (the rest in one last chunk);
    extensions[i] is appended to the i-th size line (";name=value")."""
    out, pos, i = [], 0, 0
    while pos < len(body):
        size = sizes[i] if i < len(sizes) else len(body) - pos
        piece = body[pos:pos + size]
        hex_size = ("%X" if upper_hex and i % 2 else "%x") % len(piece)
        ext = extensions[i] if i < len(extensions) else b""
        out.append(hex_size.encode() + ext + b"\r\n" + piece + b"\r\n")
        pos += len(piece)
        i += 1
    out.append(b"0" + (extensions[i] if i < len(extensions) else b"") + b"\r\n" + trailer + b"\r\n")
    return b"".join(out)


# --------------------------------------------------------------------------
# Scenarios: each answers one request (n: the 1-based attempt number) and
# says whether the connection stays open.


def ok(server, conn, req, n):
    return respond(conn, 200, "OK", LIST_BODY if req.target.split("?")[0].endswith("/list")
                   else CONFIG_BODY)


def reset_before_headers(server, conn, req, n):
    return reset(conn)


def reset_within_headers(server, conn, req, n):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len")
    time.sleep(0.05)  # let the bytes reach the client before the RST
    return reset(conn)


def reset_after_headers(server, conn, req, n):
    conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                  ("Content-Length", str(len(CONFIG_BODY)))])
                 + CONFIG_BODY[:len(CONFIG_BODY) // 2])
    time.sleep(0.05)
    return reset(conn)


def truncated_body(server, conn, req, n):
    conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                  ("Content-Length", str(len(CONFIG_BODY) + 100))])
                 + CONFIG_BODY)
    return close_orderly(conn)


def stall(server, conn, req, n):
    # Never answer; hold the connection until the client gives up.
    wait_for_client_close(conn, 30)
    conn.close()
    return CLOSED


def stall_mid_body(server, conn, req, n):
    # The head and half the body, then silence until the client gives up.
    conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                  ("Content-Length", str(len(CONFIG_BODY)))])
                 + CONFIG_BODY[:len(CONFIG_BODY) // 2])
    wait_for_client_close(conn, 30)
    conn.close()
    return CLOSED


def _throttle_then_ok(retry_after):
    def scenario(server, conn, req, n):
        if n == 1:
            return respond(conn, 429, "Too Many Requests", THROTTLED_BODY,
                           [("x-amzn-ErrorType", "TooManyRequestsException"),
                            ("Retry-After", retry_after)])
        return ok(server, conn, req, n)
    return scenario


def storm_503(server, conn, req, n):
    return respond(conn, 503, "Service Unavailable", UNAVAILABLE_BODY,
                   [("Content-Type", "text/html")])


def not_found(server, conn, req, n):
    return respond(conn, 404, "Not Found", NOT_FOUND_BODY,
                   [("x-amzn-ErrorType", "ResourceNotFoundException")])


def _chunked_scenario(body, sizes, extensions=(), trailer=b"", upper_hex=False):
    def scenario(server, conn, req, n):
        conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                      ("Transfer-Encoding", "chunked")])
                     + chunked(body, sizes, extensions, trailer, upper_hex))
        return KEEP
    return scenario


def no_content_keepalive(server, conn, req, n):
    """Delete's 204 as a keep-alive connection carries it: no Content-Length,
    no body, the connection left open. The response ends with its head; a
    client that waits for more (or for the close) stalls until its timeout."""
    conn.sendall(head(204, "No Content", []))
    return KEEP


def byte_by_byte(server, conn, req, n):
    """The whole response one byte per TCP segment: every read is partial."""
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    data = head(200, "OK", [("Content-Type", "application/json"),
                            ("Content-Length", str(len(CONFIG_BODY)))]) + CONFIG_BODY
    for i in range(len(data)):
        conn.sendall(data[i:i + 1])
        time.sleep(0.0005)
    return KEEP


def header_case(server, conn, req, n):
    """Header names in odd case, a chunked body announced as "Chunked"."""
    data = ("HTTP/1.1 200 OK\r\ndate: %s\r\nCONTENT-TYPE: application/json\r\n"
            "x-AMZN-requestid: 1\r\ntransfer-ENCODING: Chunked\r\n\r\n"
            % email.utils.formatdate(time.time(), usegmt=True)).encode()
    conn.sendall(data + chunked(CONFIG_BODY, [0x10, 0x20]))
    return KEEP


def close_delimited(server, conn, req, n):
    conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                  ("Connection", "close")]))
    time.sleep(0.02)
    conn.sendall(CONFIG_BODY[:40])
    time.sleep(0.02)
    conn.sendall(CONFIG_BODY[40:])
    return close_orderly(conn)


def _oversize_body():
    # Valid JSON of the API's shape, padded with an unknown member.
    padding = "x" * (OVERSIZE_BYTES - len(CONFIG_BODY) - 20)
    body = dict(CONFIG)
    body["Padding"] = padding
    return json.dumps(body, separators=(",", ":")).encode()


def oversize(server, conn, req, n):
    try:
        return respond(conn, 200, "OK", _oversize_body())
    except OSError:
        conn.close()  # the client stopped reading: that is its right
        return CLOSED


def oversize_chunked(server, conn, req, n):
    try:
        conn.sendall(head(200, "OK", [("Content-Type", "application/json"),
                                      ("Transfer-Encoding", "chunked")])
                     + chunked(_oversize_body(), [4096] * 100))
        return KEEP
    except OSError:
        conn.close()
        return CLOSED


def _clock_skew(offset_s):
    """A server whose clock is offset_s off: a request signed more than 5
    minutes off that clock is refused as AWS refuses it, with the server's
    Date ("Signature expired" when the request is early, "Signature not yet
    current" when it is late)."""
    def scenario(server, conn, req, n):
        now = time.time() + offset_s
        signed = amz_date_epoch(req.header("X-Amz-Date"))
        if signed is None or abs(signed - now) > SKEW_LIMIT_S:
            if signed is not None and signed > now:
                message = "Signature not yet current: %s is still later than %s (%s + 5 min.)" % (
                    req.header("X-Amz-Date"), amz_date(now + SKEW_LIMIT_S), amz_date(now))
            else:
                message = "Signature expired: %s is now earlier than %s (%s - 5 min.)" % (
                    req.header("X-Amz-Date"), amz_date(now - SKEW_LIMIT_S), amz_date(now))
            body = json.dumps({"__type": "InvalidSignatureException",
                               "message": message}).encode()
            return respond(conn, 403, "Forbidden", body,
                           [("x-amzn-ErrorType", "InvalidSignatureException")], date_epoch=now)
        return respond(conn, 200, "OK", CONFIG_BODY, date_epoch=now)
    scenario.offset_s = offset_s
    return scenario


def keepalive_close(server, conn, req, n):
    """Answers with a keep-alive response, then closes the connection after
    a short delay, as an idle-timeout on a load balancer does."""
    respond(conn, 200, "OK", CONFIG_BODY)
    time.sleep(server.options.get("close_after_s", 0.1))
    return close_orderly(conn)


SCENARIOS = {
    "ok": ok,
    "reset_before_headers": reset_before_headers,
    "reset_within_headers": reset_within_headers,
    "reset_after_headers": reset_after_headers,
    "truncated_body": truncated_body,
    "stall": stall,
    "stall_mid_body": stall_mid_body,
    "retry_after": _throttle_then_ok("1"),
    "retry_after_capped": _throttle_then_ok("30"),
    "storm_503": storm_503,
    "not_found": not_found,
    "chunked_odd_sizes": _chunked_scenario(CONFIG_BODY, [1, 7, 0x1f, 2, 0x1f], upper_hex=True),
    "chunked_extensions": _chunked_scenario(
        CONFIG_BODY, [1, 7, 0x1f], [b";a=1", b';name="quoted;value"', b";flag", b";last"]),
    "chunked_trailer": _chunked_scenario(
        LIST_BODY, [1, 7, 0x1f], trailer=b"X-Checksum: 0123abcd\r\nX-Other: yes\r\n"),
    "close_delimited": close_delimited,
    "no_content_keepalive": no_content_keepalive,
    "byte_by_byte": byte_by_byte,
    "header_case": header_case,
    "oversize": oversize,
    "oversize_chunked": oversize_chunked,
    "clock_skew": _clock_skew(CLOCK_SKEW_S),
    "clock_skew_behind": _clock_skew(-CLOCK_SKEW_S),
    "keepalive_close": keepalive_close,
}


# --------------------------------------------------------------------------
# The server


class FaultServer:
    def __init__(self, scenario, host="127.0.0.1", port=0, stats_path=None, **options):
        if scenario not in SCENARIOS:
            raise ValueError("unknown scenario %r (known: %s)" % (scenario, ", ".join(SCENARIOS)))
        self.scenario = scenario
        self.handler = SCENARIOS[scenario]
        self.options = options
        self.stats_path = stats_path
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.listener = socket.socket(family, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((host, port))
        self.listener.listen(64)
        self.host = host
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.connections = 0
        self.requests = []
        self.errors = []
        self.open = set()
        self.stopping = threading.Event()
        self.threads = []
        self.acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def endpoint(self):
        host = "[%s]" % self.host if ":" in self.host else self.host
        return "http://%s:%d" % (host, self.port)

    @property
    def attempts(self):
        with self.lock:
            return len(self.requests)

    def start(self):
        self.acceptor.start()
        return self

    def stop(self):
        self.stopping.set()
        self.acceptor.join(5)
        self.listener.close()
        with self.lock:
            conns = list(self.open)
        for conn in conns:
            try:
                conn.close()
            except OSError:
                pass
        for t in self.threads:
            t.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def stats(self):
        with self.lock:
            return {"scenario": self.scenario, "connections": self.connections,
                    "attempts": len(self.requests),
                    "requests": [r.summary() for r in self.requests],
                    "errors": list(self.errors)}

    def _write_stats(self):
        if self.stats_path:
            rig.write_json_atomic(self.stats_path, self.stats())

    def _accept_loop(self):
        while not self.stopping.is_set():
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready:
                continue
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            with self.lock:
                self.connections += 1
                index = self.connections
                self.open.add(conn)
            self._write_stats()
            t = threading.Thread(target=self._serve, args=(conn, index), daemon=True)
            self.threads.append(t)
            t.start()

    def _read_request(self, conn, buf, index):
        """One request from conn: (Request, leftover bytes), or (None, b"") at
        the end of the connection."""
        conn.settimeout(30)
        while b"\r\n\r\n" not in buf:
            data = conn.recv(65536)
            if not data:
                return None, b""
            buf += data
        head_bytes, _, rest = buf.partition(b"\r\n\r\n")
        received_at = time.time()
        lines = head_bytes.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = []
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers.append((name.strip(), value.strip()))
        req = Request(method, target, headers, b"", index, received_at)
        length = int(req.header("Content-Length") or 0)
        while len(rest) < length:
            data = conn.recv(65536)
            if not data:
                break
            rest += data
        req.body, leftover = rest[:length], rest[length:]
        return req, leftover

    def _serve(self, conn, index):
        buf = b""
        try:
            while not self.stopping.is_set():
                try:
                    req, buf = self._read_request(conn, buf, index)
                except (OSError, ValueError):
                    break
                if req is None:
                    break
                with self.lock:
                    self.requests.append(req)
                    n = len(self.requests)
                self._write_stats()
                try:
                    if self.handler(self, conn, req, n) == CLOSED:
                        break
                except (OSError, ValueError) as exc:
                    with self.lock:
                        self.errors.append("attempt %d: %s" % (n, exc))
                    break
        finally:
            with self.lock:
                self.open.discard(conn)
            try:
                conn.close()
            except OSError:
                pass
            self._write_stats()


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stats", help="rewrite the counts to this JSON file")
    args = parser.parse_args()
    server = FaultServer(args.scenario, args.host, args.port, args.stats).start()
    rig.serve_until_interrupted(server)
    print(json.dumps({k: v for k, v in server.stats().items() if k != "requests"}))


if __name__ == "__main__":
    sys.exit(main())
