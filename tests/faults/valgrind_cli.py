"""valgrind memcheck on the eic CLI: a success and a failure path, no leak and
no invalid access (issue 4).

Scenarios (one per ctest entry):
  http  put against moto_server -> exit 0; get against fault_server.py's 404
        -> exit 254 (one attempt);
  tls   the same put over HTTPS (moto_server -s, test CA) -> exit 0; and a
        refused handshake (a CA that did not sign the server's certificate)
        -> exit 255. The TLS port allocates through mbedTLS: everything it
        takes must be given back on both paths.

Each run: valgrind --leak-check=full --error-exitcode=99
--errors-for-leak-kinds=definite,indirect,possible, the CLI's exit code as
expected (99 would mean valgrind found errors), and its log's ERROR SUMMARY
at 0 errors. valgrind missing is a failure (Debian package: valgrind).
"""
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import fault_server  # noqa: E402
import moto_fixture  # noqa: E402
import rig  # noqa: E402
from rig import check, say  # noqa: E402

FUNCTION = "eic-valgrind"
PUT = ["--function-name", FUNCTION, "--maximum-retry-attempts", "1",
       "--maximum-event-age-in-seconds", "300",
       "--destination-config", '{"OnFailure":{"Destination":"arn:aws:sqs:us-west-2:'
                               '123456789012:dlq"}}']


def valgrind_run(eic, d, label, operation, options, endpoint, env, expected_rc, ca=None):
    log = os.path.join(d, "valgrind-%s.log" % label)
    argv = ["valgrind", "--leak-check=full", "--error-exitcode=99",
            "--errors-for-leak-kinds=definite,indirect,possible", "--track-fds=no",
            "--log-file=%s" % log, eic, operation] + options + [
        "--region", rig.REGION, "--endpoint-url", endpoint]
    if ca is not None:
        argv += ["--ca-bundle", ca]
    say("  valgrind: %s" % label)
    result = rig.run(argv, env, timeout=120)
    with open(log) as f:
        text = f.read()
    summary = re.findall(r"ERROR SUMMARY: (\d+) errors", text)
    check(result.rc == expected_rc,
          "%s: the CLI exits %d under valgrind (99 = valgrind found errors)"
          % (label, expected_rc), result.describe() + "\n" + text[-4000:])
    check(summary and summary[-1] == "0", "%s: valgrind ERROR SUMMARY: 0 errors" % label,
          text[-4000:])
    leaks = re.findall(r"(definitely|indirectly|possibly) lost: ([\d,]+) bytes", text)
    if leaks:
        check(all(n == "0" for _, n in leaks), "%s: nothing definitely/indirectly/possibly "
              "lost %s" % (label, leaks), text[-4000:])
    else:
        check("All heap blocks were freed" in text, "%s: all heap blocks were freed" % label,
              text[-4000:])


def scenario_http(eic, d):
    moto = moto_fixture.MotoServer(d)
    try:
        lam = moto_fixture.setup_lambda(moto, [FUNCTION])
        env = rig.eic_env(lam.key, lam.secret)
        valgrind_run(eic, d, "success: put against moto", "put-function-event-invoke-config",
                     PUT, moto.endpoint(), env, 0)
    finally:
        moto.stop()
    server = fault_server.FaultServer("not_found").start()
    try:
        valgrind_run(eic, d, "failure: get answered 404", "get-function-event-invoke-config",
                     ["--function-name", "my-function"], server.endpoint,
                     rig.eic_env("AKIDEXAMPLE", "secret"), 254)
        check(server.attempts == 1, "the 404 took exactly one attempt (%d)" % server.attempts)
    finally:
        server.stop()


def scenario_tls(eic, d):
    ca = moto_fixture.TestCA(d)
    other = moto_fixture.TestCA(d, "other-ca")
    moto = moto_fixture.MotoServer(d, tls=ca.server_cert("server"))
    try:
        lam = moto_fixture.setup_lambda(moto, [FUNCTION], ca_bundle=ca.cert, host="localhost")
        env = rig.eic_env(lam.key, lam.secret)
        valgrind_run(eic, d, "success: put over HTTPS", "put-function-event-invoke-config",
                     PUT, moto.endpoint("localhost"), env, 0, ca=ca.cert)
        valgrind_run(eic, d, "failure: untrusted certificate", "get-function-event-invoke-config",
                     ["--function-name", FUNCTION], moto.endpoint("localhost"), env, 255,
                     ca=other.cert)
    finally:
        moto.stop()


SCENARIOS = {"http": scenario_http, "tls": scenario_tls}


def needs_valgrind(scenario):
    def run(eic):
        if shutil.which("valgrind") is None:
            raise rig.TestFailure("valgrind not found: install the Debian package valgrind")
        scenario(eic, rig.work_dir("valgrind"))
    return run


if __name__ == "__main__":
    sys.exit(rig.scenario_main("faults.valgrind_cli",
                               {name: needs_valgrind(fn) for name, fn in SCENARIOS.items()},
                               __doc__))
