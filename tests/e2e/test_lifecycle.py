"""The whole lifecycle against moto_server (no signature checking), eic
beside the AWS CLI (issue 4, test b).

One scenario per ctest entry, each a way to name the function:
  name       --function-name eic-name
  alias      --function-name eic-alias:live          (alias `live` -> version 1)
  qualifier  --function-name eic-qualifier --qualifier live
  arn        --function-name arn:aws:lambda:us-west-2:123456789012:function:eic-arn
  arn_alias  --function-name arn:aws:lambda:...:function:eic-arn-alias:live

Each runs: eic put -> the AWS CLI reads back what eic wrote -> eic get prints
exactly what `aws ... --output json` prints (parsed JSON equal AND the same
bytes) -> eic update -> get again (both clients) -> list with --max-items,
then with a marker (eic's request target equal to the AWS CLI's, from moto's
log, and the same output) -> eic delete -> get after delete: 254 and the AWS
CLI's error text -> delete again: the same -> list: empty, as the AWS CLI.

moto quirks (protocol.md) shape what is asserted: it keeps the first of
several configurations (so after an Update both clients still read the Put's
values: asserted equal to each other, not to the Update), it ignores Qualifier
and Marker, and never sends NextMarker. The AWS CLI (v1) exits 255 on a
service error where eic, like AWS CLI v2, exits 254 (documented).
"""
import json
import sys

import moto_fixture
import rig
from rig import check, check_equal, say

# Non-ASCII (2, 3 and 4 UTF-8 bytes; sent as \u escapes, a surrogate pair for
# the emoji), a quote, a backslash and a slash: moto stores what it is given,
# so both clients must print it back the same way (real Lambda would refuse
# this queue name; the point is the JSON in and out).
DLQ = "arn:aws:sqs:us-west-2:123456789012:eic-dlq-\u00fc\u20ac\U0001F600-\"q\"\\x/"
ON_SUCCESS = "arn:aws:sns:us-west-2:123456789012:eic-done"
MARKER = "page 2/next=+~"


def scenario_names(scenario):
    """(function to create, alias or None, options naming it, expected FunctionArn)."""
    fn = "eic-%s" % scenario.replace("_", "-")
    if scenario == "name":
        return fn, False, ["--function-name", fn], moto_fixture.function_arn(fn)
    if scenario == "alias":
        return fn, True, ["--function-name", fn + ":live"], moto_fixture.function_arn(fn, "1")
    if scenario == "qualifier":
        # moto ignores Qualifier: the unqualified function's configuration.
        return fn, True, ["--function-name", fn, "--qualifier", "live"], \
            moto_fixture.function_arn(fn)
    if scenario == "arn":
        return fn, False, ["--function-name", moto_fixture.function_arn(fn)], \
            moto_fixture.function_arn(fn)
    if scenario == "arn_alias":
        return fn, True, ["--function-name", moto_fixture.function_arn(fn, "live")], \
            moto_fixture.function_arn(fn, "1")
    raise ValueError(scenario)


SCENARIOS = ["name", "alias", "qualifier", "arn", "arn_alias"]


class Lifecycle:
    def __init__(self, eic, moto, lam, naming, expected_arn):
        self.eic_binary, self.moto = eic, moto
        self.naming, self.expected_arn = naming, expected_arn
        self.env = rig.eic_env(lam.key, lam.secret)
        self.endpoint = moto.endpoint()
        # list takes --function-name only (no --qualifier)
        self.list_naming = naming[:2]

    def eic(self, operation, extra=()):
        naming = self.list_naming if operation.startswith("list") else self.naming
        return rig.run_eic(self.eic_binary, operation, naming + list(extra), self.endpoint,
                           self.env)

    def aws(self, operation, extra=()):
        naming = self.list_naming if operation.startswith("list") else self.naming
        return rig.run_aws(operation, naming + list(extra), self.endpoint, self.env)

    def last_target(self, method):
        """The last request target moto logged for method, as (path, sorted
        raw query pairs): the order of query parameters on the wire is free
        (botocore follows the caller's order, eic sorts them; the signature
        sorts anyway), their encoding is not."""
        targets = [t for m, t, s in self.moto.requests() if m == method]
        if not targets:
            return None
        path, _, query = targets[-1].partition("?")
        return path, sorted(query.split("&")) if query else []

    def same_output(self, ours, theirs, what):
        check_equal(ours.json(), theirs.json(), "%s: eic's JSON equals the AWS CLI's" % what)
        check(ours.out == theirs.out, "%s: eic prints the AWS CLI's bytes exactly" % what,
              "  eic:\n%s\n  aws:\n%s" % (ours.out.decode("utf-8", "replace"),
                                         theirs.out.decode("utf-8", "replace")))

    def same_error(self, ours, theirs, what):
        rig.expect_rc(ours, 254, "%s: eic" % what)
        check(theirs.rc == 255, "%s: the AWS CLI (v1) fails too (exit 255)" % what,
              theirs.describe())
        check_equal(ours.err.decode("utf-8", "replace"), theirs.err.decode("utf-8", "replace"),
                    "%s: eic's stderr is the AWS CLI's, byte for byte" % what)
        check_equal(ours.out, b"", "%s: nothing on stdout" % what)

    def run(self):
        say("-- put with eic")
        put = self.eic("put-function-event-invoke-config", [
            "--maximum-retry-attempts", "0", "--maximum-event-age-in-seconds", "3600",
            "--destination-config", json.dumps({"OnFailure": {"Destination": DLQ}})])
        rig.expect_rc(put, 0, "eic put")
        written = put.json()
        check_equal(written.get("FunctionArn"), self.expected_arn, "Put result: FunctionArn")
        check(written.get("MaximumRetryAttempts") == 0 and
              type(written.get("MaximumRetryAttempts")) is int,
              "Put result: MaximumRetryAttempts is the number 0 (absent differs from zero)",
              repr(written))
        check_equal(written.get("MaximumEventAgeInSeconds"), 3600, "Put result: event age")
        check_equal(written.get("DestinationConfig", {}).get("OnFailure"), {"Destination": DLQ},
                    "Put result: OnFailure")

        say("-- the AWS CLI reads back what eic wrote")
        aws_get = self.aws("get-function-event-invoke-config")
        rig.expect_rc(aws_get, 0, "aws get")
        check_equal(aws_get.json(), written, "the AWS CLI reads back eic's Put result")

        say("-- get with eic, beside the AWS CLI")
        get = self.eic("get-function-event-invoke-config")
        rig.expect_rc(get, 0, "eic get")
        self.same_output(get, aws_get, "get")
        targets = [t for m, t, s in self.moto.requests() if m == "GET"][-2:]
        check(len(targets) == 2 and targets[0] == targets[1],
              "eic's GET request target equals the AWS CLI's: %s" % targets[-1], repr(targets))

        say("-- update with eic")
        update = self.eic("update-function-event-invoke-config", [
            "--maximum-event-age-in-seconds", "7200",
            "--destination-config", json.dumps({"OnSuccess": {"Destination": ON_SUCCESS}})])
        rig.expect_rc(update, 0, "eic update")
        updated = update.json()
        check_equal(updated.get("MaximumEventAgeInSeconds"), 7200, "Update result: event age")
        check_equal(updated.get("DestinationConfig", {}).get("OnSuccess"),
                    {"Destination": ON_SUCCESS}, "Update result: OnSuccess")
        check_equal(updated.get("FunctionArn"), self.expected_arn, "Update result: FunctionArn")
        check_equal(self.last_target("POST"), self.last_target("PUT"),
                    "Update went to the same target as Put")
        aws_get = self.aws("get-function-event-invoke-config")
        get = self.eic("get-function-event-invoke-config")
        rig.expect_rc(get, 0, "eic get after update")
        rig.expect_rc(aws_get, 0, "aws get after update")
        self.same_output(get, aws_get, "get after update (moto keeps the first config)")

        say("-- list with --max-items, then with a marker")
        ours = self.eic("list-function-event-invoke-configs", ["--max-items", "1"])
        eic_target = self.last_target("GET")
        theirs = self.aws("list-function-event-invoke-configs", ["--max-items", "1",
                                                                 "--no-paginate"])
        rig.expect_rc(ours, 0, "eic list --max-items 1")
        rig.expect_rc(theirs, 0, "aws list --max-items 1 --no-paginate")
        check_equal(eic_target, self.last_target("GET"),
                    "eic's List target (MaxItems) equals the AWS CLI's: %s" % (eic_target,))
        self.same_output(ours, theirs, "list --max-items 1")
        check_equal(len(ours.json().get("FunctionEventInvokeConfigs", [])), 1,
                    "list shows the one configuration")

        ours = self.eic("list-function-event-invoke-configs",
                        ["--max-items", "1", "--marker", MARKER])
        eic_target = self.last_target("GET")
        theirs = rig.run_aws("list-function-event-invoke-configs", [
            "--cli-input-json", json.dumps({"FunctionName": self.list_naming[1],
                                            "MaxItems": 1, "Marker": MARKER}),
            "--no-paginate"], self.endpoint, self.env)
        rig.expect_rc(ours, 0, "eic list --marker")
        rig.expect_rc(theirs, 0, "aws list with Marker")
        check_equal(eic_target, self.last_target("GET"),
                    "eic's List target (Marker encoded, MaxItems) equals the AWS CLI's "
                    "(query order aside): %s" % (eic_target,))
        self.same_output(ours, theirs, "list with a marker")

        say("-- delete with eic, then get and delete again")
        delete = self.eic("delete-function-event-invoke-config")
        rig.expect_rc(delete, 0, "eic delete")
        check_equal(delete.out, b"", "delete prints nothing (as the AWS CLI)")
        ours = self.eic("get-function-event-invoke-config")
        theirs = self.aws("get-function-event-invoke-config")
        self.same_error(ours, theirs, "get after delete")
        check(b"(ResourceNotFoundException)" in ours.err, "the error is ResourceNotFoundException")
        ours = self.eic("delete-function-event-invoke-config")
        theirs = self.aws("delete-function-event-invoke-config")
        self.same_error(ours, theirs, "delete after delete")

        say("-- list after delete")
        ours = self.eic("list-function-event-invoke-configs")
        theirs = self.aws("list-function-event-invoke-configs", ["--no-paginate"])
        rig.expect_rc(ours, 0, "eic list after delete")
        rig.expect_rc(theirs, 0, "aws list after delete")
        self.same_output(ours, theirs, "list after delete")


def run_scenario(eic, scenario):
    function, alias, naming, arn = scenario_names(scenario)
    moto = moto_fixture.MotoServer(rig.work_dir("lifecycle"))
    try:
        say("  moto_server (no signature checking) on %s" % moto.endpoint())
        lam = moto_fixture.setup_lambda(moto, [function], aliases=[function] if alias else [])
        say("  function %s%s; eic names it: %s" % (lam.functions[function],
                                                   " with alias live" if alias else "",
                                                   " ".join(naming)))
        Lifecycle(eic, moto, lam, naming, arn).run()
    finally:
        moto.stop()


if __name__ == "__main__":
    sys.exit(rig.scenario_main(
        "e2e.lifecycle",
        {name: (lambda eic, name=name: run_scenario(eic, name)) for name in SCENARIOS},
        __doc__))
