"""A keep-alive connection the server closes between two calls on one client
(fault test): runs keepalive (C, the library's blocking calls) against
fault_server.py's keepalive_close scenario.

The server answers the first Get with a keep-alive response (Content-Length,
no Connection: close) and closes the socket 100 ms later; the program waits
400 ms and calls again on the same client. Asserts: both calls succeed
(exit 0), and the server saw exactly 2 connections and 2 requests: the
client noticed the closed connection and opened a new one, sending the
second request once.

Control first, so that "2 connections" cannot come from a client that never
reuses a connection: against a server that keeps the connection open
(scenario ok), the same two calls go over 1 connection.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import fault_server  # noqa: E402
import rig  # noqa: E402
from rig import check_equal, say  # noqa: E402


def scenario(binary):
    rig.require_executable(binary, "keepalive (tests/faults/keepalive.c)")
    server = fault_server.FaultServer("ok").start()
    try:
        say("  control: fault server ok (keeps connections open) on %s" % server.endpoint)
        result = rig.run([binary, server.endpoint, "400"], rig.clean_env(None, None), timeout=30)
        say(result.out.decode("utf-8", "replace").rstrip())
        rig.expect_rc(result, 0, "control: both calls succeed")
        check_equal((server.connections, server.attempts), (1, 2),
                    "control: 2 requests over 1 kept-alive connection (connections, requests)")
    finally:
        server.stop()

    server = fault_server.FaultServer("keepalive_close", close_after_s=0.1).start()
    try:
        say("  fault server keepalive_close on %s" % server.endpoint)
        result = rig.run([binary, server.endpoint, "400"], rig.clean_env(None, None), timeout=30)
        say(result.out.decode("utf-8", "replace").rstrip())
        say("  server saw %d request(s) on %d connection(s)" % (server.attempts,
                                                                server.connections))
        rig.expect_rc(result, 0, "keepalive: both calls on one client succeed")
        check_equal(server.connections, 2, "the server saw 2 connections (a reconnect)")
        check_equal(server.attempts, 2, "the server saw 2 requests (none sent twice)")
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the built keepalive program")
    args = parser.parse_args()
    return rig.run_test("faults.keepalive_closed",
                        lambda: scenario(os.path.abspath(args.binary)))


if __name__ == "__main__":
    sys.exit(main())
