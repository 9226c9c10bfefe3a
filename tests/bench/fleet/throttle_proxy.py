"""A throttling HTTP proxy, as Lambda throttles: a token bucket (RATE
requests per second, BURST at most) in front of an upstream; a request
that finds a token is forwarded and its answer relayed, one that finds none
gets Lambda's 429 (TooManyRequestsException in x-amzn-ErrorType and the JSON
body, Retry-After in seconds). Every request's arrival time and status is
kept, for the fleet figures.

Why a proxy, not a fake: served requests are real answers of moto_server
(checking signatures), so a throttled client must still sign and parse a
real Lambda exchange on each retry. Why a listen backlog of 1024: 200
clients connect at the same instant, and the default backlog of 5 would
drop their SYNs, which the kernel retransmits after a second, all together:
a synchronisation made by the test rig, not by the clients.

As a module: ThrottleProxy(upstream, rate, burst).start() ... .stop();
.arrivals() -> [(arrival, status, answering, connection)]. The connection
(the client's address and port) tells a client's retry apart from others'
requests: eic keeps its connection open across a 429.
"""
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e"))
import verify_proxy  # noqa: E402 - its server, framing and forwarding are reused

THROTTLED_BODY = json.dumps({"Reason": "CallerRateLimitExceeded", "Type": "User",
                             "message": "Rate exceeded"}).encode()


class TokenBucket:
    def __init__(self, rate, burst):
        self.rate, self.burst = float(rate), float(burst)
        self.tokens = self.burst
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.tokens >= 1.0:
                self.tokens -= 1.0
                return True
            return False


class _Handler(verify_proxy.ProxyHandler):
    def _handle(self):
        proxy = self.server.proxy
        arrived = time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if proxy.bucket.take():
            status, headers, reply = proxy.forward(self.command, self.path,
                                                   list(self.headers.items()), body)
        else:
            status, reply = 429, THROTTLED_BODY
            headers = [("Content-Type", "application/json"),
                       ("x-amzn-ErrorType", "TooManyRequestsException"),
                       ("x-amzn-RequestId", "throttle-proxy-%d" % proxy.count()),
                       ("Retry-After", str(proxy.retry_after_s))]
        # Stamped before the answer goes out: the client cannot have it
        # earlier, so a wait measured from here is never shorter than the
        # client's own (a late stamp after the write would make it look so
        # on a loaded machine).
        answering = time.monotonic()
        self._respond(status, headers, reply)
        proxy.record(self.client_address, arrived, status, answering)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

    def log_message(self, fmt, *args):
        pass


class ThrottleProxy(verify_proxy.ForwardingProxy):
    def __init__(self, upstream, rate, burst, retry_after_s=1, host="127.0.0.1"):
        super().__init__(upstream, _Handler, host=host, backlog=1024)
        self.bucket = TokenBucket(rate, burst)
        self.retry_after_s = retry_after_s
        self.lock = threading.Lock()
        self.entries = []
        self.started = time.monotonic()

    def count(self):
        with self.lock:
            return len(self.entries)

    def record(self, connection, arrived, status, answering):
        with self.lock:
            self.entries.append((arrived - self.started, status, answering - self.started,
                                 connection))

    def arrivals(self):
        """[(arrival, status, start of the answer, connection)], times in
        seconds since the proxy was made, in arrival order."""
        with self.lock:
            return sorted(self.entries)
