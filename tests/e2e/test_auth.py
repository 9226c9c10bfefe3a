"""eic against a moto_server that checks SigV4 signatures (issue 4, test a).

Scenarios (one per ctest entry):
  put_update    eic Put and Update with the IAM user's key succeed, and moto
                answered both with 200 after checking them;
  wrong_secret  the same Put and Update with a wrong secret exit 254 with
                moto's SignatureDoesNotMatch (a 403 in XML), after exactly one
                attempt each (a 403 is never retried).

moto checks PUT and POST correctly but refuses every GET and DELETE even when
correctly signed (protocol.md), so only Put and Update run here; bodyless
requests are verified by test_verify_proxy.py. A control run with botocore
proves moto really is checking (a wrong secret is refused) before eic is
judged, so neither scenario can pass against a moto that checks nothing.
"""
import sys

import botocore.exceptions

import moto_fixture
import rig
from rig import check, check_equal, say

FUNCTION = "eic-auth"
DLQ = "arn:aws:sqs:us-west-2:123456789012:eic-auth-dlq"


def control_moto_checks(lam):
    say("  control: botocore with a wrong secret must be refused by moto")
    try:
        lam.client("lambda", secret="wrong-secret").put_function_event_invoke_config(
            FunctionName=FUNCTION, MaximumRetryAttempts=1)
    except botocore.exceptions.ClientError as exc:
        check_equal(exc.response["ResponseMetadata"]["HTTPStatusCode"], 403,
                    "moto refuses a wrongly signed request with 403")
        return
    raise rig.TestFailure("moto accepted a request signed with a wrong secret: "
                          "signature checking is not on")


def put_args():
    return ["--function-name", FUNCTION, "--maximum-retry-attempts", "0",
            "--maximum-event-age-in-seconds", "900",
            "--destination-config", '{"OnFailure":{"Destination":"%s"}}' % DLQ]


def update_args():
    return ["--function-name", FUNCTION, "--maximum-event-age-in-seconds", "1800"]


def scenario_put_update(eic, moto, lam):
    env = rig.eic_env(lam.key, lam.secret)
    before = len(moto.requests())
    result = rig.run_eic(eic, "put-function-event-invoke-config", put_args(), moto.endpoint(), env)
    rig.expect_rc(result, 0, "eic put with the user's key")
    out = result.json()
    check_equal(out.get("MaximumRetryAttempts"), 0, "Put result: MaximumRetryAttempts 0")
    check_equal(out.get("MaximumEventAgeInSeconds"), 900, "Put result: MaximumEventAgeInSeconds")
    check_equal(out.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination"), DLQ,
                "Put result: OnFailure destination")
    check_equal(out.get("FunctionArn"), lam.functions[FUNCTION], "Put result: FunctionArn")

    result = rig.run_eic(eic, "update-function-event-invoke-config", update_args(),
                         moto.endpoint(), env)
    rig.expect_rc(result, 0, "eic update with the user's key")
    check_equal(result.json().get("MaximumEventAgeInSeconds"), 1800,
                "Update result: MaximumEventAgeInSeconds")
    seen = [(m, s) for m, t, s in moto.requests()[before:] if "event-invoke-config" in t]
    check_equal(seen, [("PUT", 200), ("POST", 200)],
                "moto checked and accepted exactly one PUT and one POST")


def scenario_wrong_secret(eic, moto, lam):
    env = rig.eic_env(lam.key, "wrong/" + lam.secret[6:])
    for operation, api, args, method in (
            ("put-function-event-invoke-config", "PutFunctionEventInvokeConfig", put_args(),
             "PUT"),
            ("update-function-event-invoke-config", "UpdateFunctionEventInvokeConfig",
             update_args(), "POST")):
        before = len(moto.requests())
        result = rig.run_eic(eic, operation, args, moto.endpoint(), env)
        rig.expect_rc(result, 254, "eic %s with a wrong secret" % operation)
        err = result.err.decode("utf-8", "replace")
        check(err.startswith("\nAn error occurred (SignatureDoesNotMatch) when calling the %s "
                             "operation: " % api),
              "stderr names SignatureDoesNotMatch (moto's XML <Code>) and %s" % api,
              result.describe())
        check_equal(result.out, b"", "nothing on stdout")
        check(lam.secret not in err and "wrong/" not in err, "the secret is not printed")
        seen = [(m, s) for m, t, s in moto.requests()[before:] if "event-invoke-config" in t]
        check_equal(seen, [(method, 403)], "exactly one attempt, answered 403 (not retried)")


def with_checking_moto(scenario):
    """scenario(eic, moto, lam) on a fresh moto that checks signatures."""
    def run(eic):
        moto = moto_fixture.MotoServer(rig.work_dir("auth"), auth=True)
        try:
            say("  moto_server with signature checking on %s" % moto.endpoint())
            lam = moto_fixture.setup_lambda(moto, [FUNCTION])
            say("  IAM user key %s, function %s" % (lam.key, lam.functions[FUNCTION]))
            control_moto_checks(lam)
            scenario(eic, moto, lam)
        finally:
            moto.stop()
    return run


SCENARIOS = {"put_update": with_checking_moto(scenario_put_update),
             "wrong_secret": with_checking_moto(scenario_wrong_secret)}

if __name__ == "__main__":
    sys.exit(rig.scenario_main("e2e.auth", SCENARIOS, __doc__))
