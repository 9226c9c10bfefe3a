"""Every eic request's signature recomputed by botocore (issue 4, test d):
eic -> verify_proxy.py -> moto_server (checking off).

moto cannot check GET and DELETE signatures (protocol.md), so the proxy
re-signs each request with botocore over the exact bytes that arrived and
refuses a mismatch with a 403. Scenarios (one per ctest entry):

  all_operations  every operation, with the encodings that break clients (a
                  full ARN: ':' becomes %3A on the wire and %253A in the
                  canonical URI; Qualifier $LATEST: %24; a Marker with space,
                  slash, '=' and '+'), without and then with a session token;
                  the proxy verified every request and refused none. Controls
                  first: botocore through the proxy is verified, and a wrong
                  secret (botocore's, then eic's) is refused, so the proxy is
                  known to be checking;
  ipv6            the proxy on ::1, eic to http://[::1]:PORT: an IPv6 literal
                  endpoint, its bracketed Host header signed, every operation
                  verified.
"""
import sys

import boto3
import botocore.config
import botocore.exceptions

import moto_fixture
import rig
from rig import check, check_equal, say

FUNCTION = "eic-proxy"
TOKEN = "FQoGZXIvYXdzEJr//////////wEaDEXAMPLEsessionTOKEN+/="


def calls(arn):
    """(operation, options, method, expected exit) of each eic call."""
    return [
        ("put-function-event-invoke-config",
         ["--function-name", FUNCTION, "--maximum-retry-attempts", "1",
          "--maximum-event-age-in-seconds", "120",
          "--destination-config", '{"OnFailure":{"Destination":"arn:aws:sqs:us-west-2:'
                                  '123456789012:q"}}'], "PUT", 0),
        ("get-function-event-invoke-config", ["--function-name", FUNCTION], "GET", 0),
        ("get-function-event-invoke-config", ["--function-name", arn, "--qualifier", "$LATEST"],
         "GET", 0),
        ("update-function-event-invoke-config",
         ["--function-name", arn, "--maximum-event-age-in-seconds", "240"], "POST", 0),
        ("list-function-event-invoke-configs", ["--function-name", FUNCTION], "GET", 0),
        ("list-function-event-invoke-configs",
         ["--function-name", arn, "--max-items", "5", "--marker", "a b/c=d+e"], "GET", 0),
        ("delete-function-event-invoke-config",
         ["--function-name", FUNCTION, "--qualifier", "$LATEST"], "DELETE", 0),
        # Deleted already: moto's 404 passes through the proxy, verified too.
        ("delete-function-event-invoke-config", ["--function-name", FUNCTION], "DELETE", 254),
    ]


def run_every_operation(eic, proxy, lam, session_token=None):
    """Runs calls() with eic through the proxy; returns the count per method."""
    env = rig.eic_env(lam.key, lam.secret, session_token=session_token)
    methods = {}
    for operation, options, method, rc in calls(lam.functions[FUNCTION]):
        result = rig.run_eic(eic, operation, options, proxy.endpoint, env)
        shown = options[:2] + (["..."] if len(options) > 2 else [])
        rig.expect_rc(result, rc, "%s %s" % (operation, " ".join(shown)))
        methods[method] = methods.get(method, 0) + 1
    return methods


def controls(proxy, lam):
    def client(secret):
        return boto3.client("lambda", region_name=rig.REGION, endpoint_url=proxy.endpoint,
                            aws_access_key_id=lam.key, aws_secret_access_key=secret,
                            config=botocore.config.Config(retries={"max_attempts": 1,
                                                                   "mode": "standard"}))
    say("  control: botocore through the proxy, right and wrong secret")
    try:
        client(lam.secret).list_function_event_invoke_configs(FunctionName=FUNCTION)
    except botocore.exceptions.ClientError as exc:
        raise rig.TestFailure("the proxy refused botocore's own request: %s" % exc)
    try:
        client("not-the-secret").get_function_event_invoke_config(FunctionName=FUNCTION)
        raise rig.TestFailure("the proxy accepted a request signed with a wrong secret")
    except botocore.exceptions.ClientError as exc:
        check_equal(exc.response["Error"]["Code"], "InvalidSignatureException",
                    "the proxy refuses a wrong signature")
    stats = proxy.stats()
    check_equal((stats["verified"], stats["refused"]), (1, 1),
                "the proxy counted one verified and one refused request")


def scenario_all_operations(eic):
    with moto_fixture.proxied_moto("proxy", [FUNCTION]) as (moto, lam, proxy):
        controls(proxy, lam)
        say("  eic with a wrong secret through the proxy")
        result = rig.run_eic(eic, "get-function-event-invoke-config",
                             ["--function-name", FUNCTION], proxy.endpoint,
                             rig.eic_env(lam.key, "not-the-secret"))
        rig.expect_rc(result, 254, "eic with a wrong secret is refused by the proxy")
        check(b"(InvalidSignatureException)" in result.err, "stderr names the refusal",
              result.describe())
        base = proxy.stats()
        check_equal(base["refused"], 2, "the proxy counted eic's bad signature (1 attempt)")

        expected = {}
        for token in (None, TOKEN):
            say("  eic, every operation%s" % (" with a session token" if token else ""))
            for method, n in run_every_operation(eic, proxy, lam, token).items():
                expected[method] = expected.get(method, 0) + n
        stats = proxy.stats()
        refused = stats["entries"][len(base["entries"]):]
        refused = [e for e in refused if not e["verified"]]
        check(not refused, "the proxy refused none of eic's correctly signed requests",
              "\n".join("%s %s: %s" % (e["method"], e["target"], e["detail"]) for e in refused))
        verified = {m: n - base["verified_by_method"].get(m, 0)
                    for m, n in stats["verified_by_method"].items()}
        check_equal({m: n for m, n in verified.items() if n}, expected,
                    "the proxy verified every eic request, by method (one attempt each)")
        with_token = [e for e in stats["entries"][len(base["entries"]):]
                      if "x-amz-security-token" in e["detail"]]
        check_equal(len(with_token), len(calls(lam.functions[FUNCTION])),
                    "with a session token, x-amz-security-token was signed in every request")
        targets = [e["target"] for e in stats["entries"]]
        check(any("arn%3Aaws%3Alambda" in t and "Qualifier=%24LATEST" in t for t in targets),
              "a full ARN with Qualifier $LATEST went through verified (%3A, %24)")
        check(any("Marker=a%20b%2Fc%3Dd%2Be" in t for t in targets),
              "a Marker needing encoding went through verified")


def scenario_ipv6(eic):
    with moto_fixture.proxied_moto("proxy6", [FUNCTION], host="::1") as (moto, lam, proxy):
        expected = run_every_operation(eic, proxy, lam)
        stats = proxy.stats()
        check_equal(stats["refused"], 0, "the proxy refused none of eic's requests")
        check_equal(stats["verified_by_method"], expected,
                    "the proxy verified every request (Host [::1]:PORT signed)")


if __name__ == "__main__":
    sys.exit(rig.scenario_main("e2e.verify_proxy", {"all_operations": scenario_all_operations,
                                                    "ipv6": scenario_ipv6}, __doc__))
