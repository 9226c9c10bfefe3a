"""Two clients in two threads at once (issue 4): runs two_clients (C, the
library's blocking calls) against moto_server through verify_proxy.py.

Each thread has its own function, its own access key and secret, and its own
values per round; the program checks that every Put and Get result carries
its own thread's values, and the proxy checks that every request is signed
with the secret of the key it names (a signing key cached across clients
would be caught here). Asserts: exit 0, the proxy verified every request
(3 per round per thread: Put, Get, Delete) from both keys, refused none.

With --helgrind (its own ctest entry) the program runs under valgrind's
helgrind with fewer rounds: any data race between the two clients (a shared
static, a cache, errno-style state) is an error, on top of the checks above.
valgrind missing is a failure (Debian package: valgrind).
"""
import argparse
import os
import shutil
import sys

import moto_fixture
import rig
from rig import check, check_equal, say

ROUNDS = 20
HELGRIND_ROUNDS = 5
SECOND = ("AKIDSECONDCLIENTEXAMPLE", "second/client+secret/EXAMPLEKEY")


def scenario(binary, helgrind=False):
    rig.require_executable(binary, "two_clients (tests/e2e/two_clients.c)")
    rounds = HELGRIND_ROUNDS if helgrind else ROUNDS
    if helgrind and shutil.which("valgrind") is None:
        raise rig.TestFailure("valgrind not found: install the Debian package valgrind")
    functions = ["eic-thread-a", "eic-thread-b"]
    with moto_fixture.proxied_moto("two-clients", functions, {SECOND[0]: SECOND[1]}) as (
            moto, lam, proxy):
        say("  %d rounds per thread%s" % (rounds, ", under helgrind" if helgrind else ""))
        argv = [binary, proxy.endpoint, rig.REGION, str(rounds),
                functions[0], lam.key, lam.secret, functions[1], SECOND[0], SECOND[1]]
        log = os.path.join(moto.dir, "helgrind.log")
        if helgrind:
            argv = ["valgrind", "--tool=helgrind", "--error-exitcode=99",
                    "--log-file=%s" % log] + argv
        result = rig.run(argv, rig.clean_env(None, None), timeout=150)
        say(result.out.decode("utf-8", "replace").rstrip())
        if helgrind:
            with open(log) as f:
                text = f.read()
            check(result.rc != 99 and "ERROR SUMMARY: 0 errors" in text,
                  "helgrind: no data race, no lock misuse (ERROR SUMMARY: 0 errors)",
                  text[-4000:])
        rig.expect_rc(result, 0, "two_clients: both threads read back their own values")
        stats = proxy.stats()
        refused = [e for e in stats["entries"] if not e["verified"]]
        check(not refused, "the proxy refused none of the two clients' requests",
              "\n".join("%s %s: %s" % (e["method"], e["target"], e["detail"])
                        for e in refused[:10]))
        check_equal(stats["verified_by_method"],
                    {"PUT": 2 * rounds, "GET": 2 * rounds, "DELETE": 2 * rounds},
                    "the proxy verified every request: Put, Get, Delete per round per thread")
        for key in (lam.key, SECOND[0]):
            n = sum(1 for e in stats["entries"]
                    if e["verified"] and (" by %s:" % key) in e["detail"])
            check_equal(n, 3 * rounds, "requests signed with %s" % key)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the built two_clients program")
    parser.add_argument("--helgrind", action="store_true", help="run it under helgrind")
    args = parser.parse_args()
    return rig.run_test("e2e.two_clients" + (".helgrind" if args.helgrind else ""),
                        lambda: scenario(os.path.abspath(args.binary), args.helgrind))


if __name__ == "__main__":
    sys.exit(main())
