"""valgrind memcheck on the eic CLI: the README demo's whole lifecycle and a
failure path, no leak and no invalid access (issues 4 and 6).

Scenarios (one per ctest entry), both against moto_server behind
verify_proxy.py, which checks every signature with botocore (moto's own check
refuses correct GETs and DELETEs); the proxy must have accepted all five:
  http  put, get, update, list, delete (each exit 0, output checked) ->
        get against fault_server.py's 404 -> exit 254 (one attempt);
  tls   the same lifecycle over HTTPS (moto_server -s, test CA), then a
        refused handshake (a CA that did not sign the server's certificate)
        -> exit 255. The TLS port allocates through mbedTLS: everything it
        takes must be given back on every path.

Each run: valgrind --leak-check=full --error-exitcode=99
--errors-for-leak-kinds=definite,indirect,possible, the CLI's exit code as
expected (99 would mean valgrind found errors), its log's ERROR SUMMARY at 0
errors, and its stdout: put, get and update print the configuration with the
values sent, list prints it in its page, delete prints nothing. valgrind
missing is a failure (Debian package: valgrind).
"""
import contextlib
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
DLQ = "arn:aws:sqs:us-west-2:123456789012:dlq"
NAMING = ["--function-name", FUNCTION]
PUT = NAMING + ["--maximum-retry-attempts", "1", "--maximum-event-age-in-seconds", "300",
                "--destination-config", '{"OnFailure":{"Destination":"%s"}}' % DLQ]
UPDATE = NAMING + ["--maximum-event-age-in-seconds", "600"]


def check_config(result, label):
    """The configuration put and get print: the Put's values."""
    config = result.json()
    check(config.get("FunctionArn") == moto_fixture.function_arn(FUNCTION)
          and config.get("MaximumRetryAttempts") == 1
          and config.get("MaximumEventAgeInSeconds") == 300
          and config.get("DestinationConfig", {}).get("OnFailure") == {"Destination": DLQ},
          "%s: prints the configuration put" % label, result.describe())


def check_update(result, label):
    """moto answers an Update with the members it was sent."""
    config = result.json()
    check(config.get("FunctionArn") == moto_fixture.function_arn(FUNCTION)
          and config.get("MaximumEventAgeInSeconds") == 600,
          "%s: prints the member updated" % label, result.describe())


def check_list(result, label):
    configs = result.json().get("FunctionEventInvokeConfigs")
    check(isinstance(configs, list) and len(configs) == 1
          and configs[0].get("FunctionArn") == moto_fixture.function_arn(FUNCTION),
          "%s: prints a page of the one configuration" % label, result.describe())


def check_empty(result, label):
    check(result.out == b"", "%s: prints nothing" % label, result.describe())


# The README demo's sequence: (label, operation, options, output check).
LIFECYCLE = [
    ("put", "put-function-event-invoke-config", PUT, check_config),
    ("get", "get-function-event-invoke-config", NAMING, check_config),
    ("update", "update-function-event-invoke-config", UPDATE, check_update),
    ("list", "list-function-event-invoke-configs", NAMING, check_list),
    ("delete", "delete-function-event-invoke-config", NAMING, check_empty),
]


def valgrind_run(eic, d, label, operation, options, endpoint, env, expected_rc, ca=None):
    """Runs the CLI under memcheck, checks the exit code and the log; returns the run."""
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
    return result


@contextlib.contextmanager
def checking_moto(tls_cert=None):
    """moto_server (its own checking off: it refuses every correctly signed GET
    and DELETE) with FUNCTION, behind verify_proxy.py, which checks every
    signature with botocore; with tls_cert the proxy speaks HTTPS on
    localhost. Yields (endpoint, env, proxy)."""
    with moto_fixture.proxied_moto("valgrind-moto", [FUNCTION], host="localhost",
                                   tls_cert=tls_cert) as (_, lam, proxy):
        yield proxy.endpoint, rig.eic_env(lam.key, lam.secret), proxy


def lifecycle(eic, d, transport, endpoint, env, proxy, ca=None):
    for label, operation, options, check_output in LIFECYCLE:
        label = "%s over %s" % (label, transport)
        result = valgrind_run(eic, d, label, operation, options, endpoint, env, 0, ca=ca)
        check_output(result, label)
    stats = proxy.stats()
    check(stats["verified"] == len(LIFECYCLE) and stats["refused"] == 0,
          "verify_proxy checked and accepted the %d signatures of the lifecycle over %s (%d "
          "verified, %d refused)" % (len(LIFECYCLE), transport, stats["verified"],
                                     stats["refused"]))


def scenario_http(eic, d):
    with checking_moto() as (endpoint, env, proxy):
        lifecycle(eic, d, "HTTP", endpoint, env, proxy)
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
    with checking_moto(tls_cert=ca.server_cert("server")) as (endpoint, env, proxy):
        lifecycle(eic, d, "HTTPS", endpoint, env, proxy, ca=ca.cert)
        valgrind_run(eic, d, "failure: untrusted certificate", "get-function-event-invoke-config",
                     NAMING, endpoint, env, 255, ca=other.cert)


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
