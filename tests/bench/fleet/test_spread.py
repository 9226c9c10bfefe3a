"""ctest bench.fleet.spread: the library's defaults do not synchronise
retries. A small fleet (50 clients, one Put each, released together) against
moto_server (checking signatures) behind throttle_proxy.py (10/s, burst
10): most first attempts get a 429 with Retry-After: 1. Run with the
defaults (jitter on) and with a port whose random() is constant (jitter
off, the control).

What it asserts, in both modes: every call ended, in success or in the
clear status of a throttled call (service error TooManyRequestsException);
the endpoint answered 429s and moto accepted every request it was sent;
the attempts the clients counted are the requests the endpoint saw, at most
3 per call; no retry came before the Retry-After asked. With the defaults:
the clients' waits after a 429, as the endpoint sees them on each
connection, are spread (their interquartile range at least 200 ms, where
full jitter over the 1 s the library adds gives 500 ms), at least twice as
wide as without jitter, and the retries' peak in any 100 ms window is lower
than without jitter.

Why waits and not only arrival peaks: a loaded CI machine delays the 429s
themselves, which smears the jitter-off wave at the endpoint; a wait is
measured from the moment its own 429 started out, so load only adds noise
to both modes, and full jitter's spread (hundreds of ms) stays far above
it.
No duration is asserted: the 1 s floor is a lower bound the client keeps
by sleeping, whatever the load.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e"))
import rig  # noqa: E402
import run_fleet  # noqa: E402

CLIENTS, CALLS, RATE, BURST = 50, 1, 10, 10
THROTTLED = "service error TooManyRequestsException"


def iqr(values):
    return run_fleet.quantile(values, 0.75) - run_fleet.quantile(values, 0.25)


def check_mode(f):
    name = "jitter %s" % f["jitter"]
    rig.check(f["ok"] + f["failed"] == f["calls"] == CLIENTS * CALLS,
              "%s: every call ended (%d ok, %d failed)" % (name, f["ok"], f["failed"]))
    rig.check(set(f["failures"]) <= {THROTTLED},
              "%s: every failed call ended in %s" % (name, THROTTLED), f["failures"])
    rig.check(f["throttled"] > 0, "%s: the endpoint answered %d requests with 429"
              % (name, f["throttled"]))
    rig.check(set(f["served"]) == {200}, "%s: moto accepted every request it was sent (%s)"
              % (name, dict(f["served"])))
    rig.check(f["attempts"] == f["requests"] <= 3 * f["calls"],
              "%s: the clients counted the %d requests the endpoint saw, at most 3 a call"
              % (name, f["requests"]), "attempts %d" % f["attempts"])
    rig.check(f["waits"] and f["waits"][0] >= 1.0,
              "%s: no retry before Retry-After (%d retries, shortest wait %.3f s)"
              % (name, len(f["waits"]), f["waits"][0] if f["waits"] else 0))


def body(binary):
    rig.require_executable(binary, "the fleet program")
    moto, lam = run_fleet.started_moto("fleet-spread")
    try:
        on, off = [run_fleet.run_mode(binary, moto, lam, CLIENTS, CALLS, jitter, RATE, BURST,
                                      timeout=40) for jitter in (True, False)]
    finally:
        moto.stop()
    run_fleet.print_table([on, off])
    check_mode(on)
    check_mode(off)
    rig.check(iqr(on["waits"]) >= 0.2, "defaults: waits after a 429 spread (interquartile "
              "range %.0f ms)" % (1000 * iqr(on["waits"])))
    rig.check(iqr(on["waits"]) >= 2 * iqr(off["waits"]),
              "defaults: waits at least twice as spread as without jitter (%.0f ms vs %.0f ms)"
              % (1000 * iqr(on["waits"]), 1000 * iqr(off["waits"])))
    rig.check(on["retry_peak_100ms"] < off["retry_peak_100ms"],
              "defaults: retries' peak per 100 ms below jitter off's (%d vs %d)"
              % (on["retry_peak_100ms"], off["retry_peak_100ms"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the fleet program")
    args = parser.parse_args()
    return rig.run_test("bench.fleet.spread", lambda: body(os.path.abspath(args.binary)))


if __name__ == "__main__":
    sys.exit(main())
