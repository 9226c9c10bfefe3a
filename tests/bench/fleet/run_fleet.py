"""The fleet simulation (benchmark, host): N clients (threads of fleet.c, one
eic_client each) released together against moto_server (checking
signatures) behind throttle_proxy.py, once with the library's defaults
(jitter on) and once with a port whose random() is constant (jitter off);
prints the figures of both as a table. Nothing is timed or asserted here.

    python3 run_fleet.py --binary build/tests/bench/fleet/fleet \
        [--clients 200] [--calls 5] [--rate 50] [--burst 50]

Figures per mode: completion time (barrier to the last call's end), the
requests the endpoint saw and how many it answered 429, calls that
succeeded and failed (with the status and code of the failures), and the
peak number of requests in any 100 ms window: over the whole run (the
opening wave, synchronised by the barrier in both modes) and after the
first second, when every request is a retry or a call that followed one.

Why one moto for both modes: setting up moto (IAM user, role, function)
takes seconds; each mode gets a fresh proxy, so a fresh, full bucket.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e"))
import moto_fixture  # noqa: E402
import rig  # noqa: E402
import throttle_proxy  # noqa: E402

FUNCTION = "fleet"
WINDOW_S = 0.1
OPENING_S = 1.0  # Retry-After is 1 s: before it, no retry can arrive
MAX_ATTEMPTS = 3  # EIC_RETRY_MAX_ATTEMPTS's default


def peak_per_window(times):
    """The most arrivals in any WINDOW_S-long interval (sliding, so no grid
    boundary splits a burst)."""
    peak, first = 0, 0
    for last, t in enumerate(times):
        while t - times[first] >= WINDOW_S:
            first += 1
        peak = max(peak, last - first + 1)
    return peak


def waits_after_429(arrivals):
    """Seconds from each retried 429's start to the retry on that connection:
    the client's backoff as the endpoint sees it, whenever the 429 went out.
    After MAX_ATTEMPTS 429s in a row the call has failed, and the next
    request is the client's next call, not a retry."""
    last = {}
    waits = []
    for arrived, status, answering, connection in arrivals:
        answered_at, streak = last.get(connection, (None, 0))
        if 0 < streak < MAX_ATTEMPTS:
            waits.append(arrived - answered_at)
        last[connection] = (answering, streak + 1 if status == 429 else 0)
    return sorted(waits)


def quantile(values, q):
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def figures(fleet, arrivals, failures):
    times = [a[0] for a in arrivals]
    upstream = sorted(a[2] - a[0] for a in arrivals if a[1] != 429)
    start = times[0] if times else 0.0
    later = [t for t in times if t - start >= OPENING_S]
    return {
        "jitter": fleet["jitter"],
        "completion_s": fleet["completion_ms"] / 1000.0,
        "requests": len(arrivals),
        "throttled": sum(1 for a in arrivals if a[1] == 429),
        "served": collections.Counter(a[1] for a in arrivals if a[1] != 429),
        "moto_ms": (1000 * quantile(upstream, 0.5), 1000 * quantile(upstream, 1.0)),
        "attempts": fleet["attempts"],
        "calls": fleet["calls"],
        "ok": fleet["ok"],
        "failed": fleet["failed"],
        "failures": failures,
        "peak_100ms": peak_per_window(times),
        "retry_peak_100ms": peak_per_window(later),
        "retry_windows": len({int((t - start) / WINDOW_S) for t in later}),
        "retry_requests": len(later),
        "waits": waits_after_429(arrivals),
    }


def run_mode(binary, moto, lam, clients, calls, jitter, rate, burst, timeout=600):
    """One fleet run behind a fresh proxy: its figures."""
    proxy = throttle_proxy.ThrottleProxy(moto.endpoint(), rate, burst).start()
    try:
        argv = [binary, proxy.endpoint, moto_fixture.REGION, FUNCTION, lam.key, lam.secret,
                str(clients), str(calls), "on" if jitter else "off"]
        done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    finally:
        proxy.stop()
    if done.returncode != 0:
        raise rig.TestFailure("fleet exited %d\nstdout: %s\nstderr: %s" % (
            done.returncode, done.stdout.decode()[-2000:], done.stderr.decode()[-2000:]))
    failures = collections.Counter(line[len("failed: "):].rsplit(" ", 1)[0]
                                   for line in done.stderr.decode().splitlines()
                                   if line.startswith("failed: "))
    return figures(json.loads(done.stdout), proxy.arrivals(), failures)


def started_moto(prefix):
    """moto_server checking signatures, with the function: (moto, lam)."""
    moto = moto_fixture.MotoServer(rig.work_dir(prefix), auth=True)
    try:
        return moto, moto_fixture.setup_lambda(moto, [FUNCTION])
    except BaseException:
        moto.stop()
        raise


ROWS = [("completion time (s)", lambda f: "%.2f" % f["completion_s"]),
        ("requests the endpoint saw", lambda f: str(f["requests"])),
        ("  answered 429", lambda f: str(f["throttled"])),
        ("  served by moto", lambda f: ", ".join("%d x %d" % (n, s)
                                                 for s, n in sorted(f["served"].items()))),
        ("  moto's answer, median/max ms", lambda f: "%.0f / %.0f" % f["moto_ms"]),
        ("attempts the clients counted", lambda f: str(f["attempts"])),
        ("calls succeeded", lambda f: "%d of %d" % (f["ok"], f["calls"])),
        ("calls failed", lambda f: str(f["failed"])),
        ("peak requests per 100 ms", lambda f: str(f["peak_100ms"])),
        ("  after the first second", lambda f: str(f["retry_peak_100ms"])),
        ("  100 ms windows used then", lambda f: "%d (%d requests)" % (
            f["retry_windows"], f["retry_requests"])),
        ("wait after a 429, p10/50/90 ms", lambda f: "%.0f/%.0f/%.0f" % tuple(
            1000 * quantile(f["waits"], q) for q in (0.1, 0.5, 0.9)))]


def print_table(results):
    say = rig.say
    say("%-30s %18s %18s" % ("", "jitter on (default)", "jitter off"))
    for name, cell in ROWS:
        say("%-30s %18s %18s" % (name, cell(results[0]), cell(results[1])))
    for f in results:
        for what, n in sorted(f["failures"].items()):
            say("jitter %s: %d calls failed with %s" % (f["jitter"], n, what))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="fleet (build/tests/bench/fleet/fleet)")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--calls", type=int, default=5, help="Puts per client")
    parser.add_argument("--rate", type=float, default=50, help="requests/s moto is sent")
    parser.add_argument("--burst", type=float, default=50, help="the token bucket's size")
    args = parser.parse_args()
    rig.require_executable(args.binary, "the fleet program")
    moto, lam = started_moto("fleet")
    try:
        rig.say("%d clients x %d Puts, endpoint throttled at %g/s (burst %g), Retry-After 1 s"
                % (args.clients, args.calls, args.rate, args.burst))
        results = [run_mode(args.binary, moto, lam, args.clients, args.calls, jitter,
                            args.rate, args.burst) for jitter in (True, False)]
    finally:
        moto.stop()
    print_table(results)


if __name__ == "__main__":
    main()
