"""One fault scenario: the eic CLI against fault_server.py, asserting the exact
exit code, the exact number of attempts the server saw, and what the
scenario is about (time taken, output, the re-signed retry).

    python3 run_fault.py --eic build/bin/eic --scenario NAME

Why these expectations (protocol.md, "Retries"; the CLI's documented exit
codes): connection errors, resets, cut bodies and timeouts are retried, 3
attempts in all, and end in 255; a 503 is retried and ends in 254 with
"(reached max retries: 2)"; a 404 is never retried; a response larger than
the receive buffer is not a network fault and is not retried; Retry-After is
waited (up to EIC_RETRY_AFTER_MAX_MS); a clock-skew error is repaired from
the server's Date once, the second attempt signed on the server's clock.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import fault_server  # noqa: E402
import rig  # noqa: E402
from rig import check, check_equal, say  # noqa: E402

KEY, SECRET = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

GET = ("get-function-event-invoke-config", ["--function-name", "my-function"])
PUT = ("put-function-event-invoke-config",
       ["--function-name", "my-function", "--maximum-retry-attempts", "1",
        "--maximum-event-age-in-seconds", "3600", "--destination-config",
        '{"OnFailure":{"Destination":"arn:aws:sqs:us-west-2:123456789012:dlq"}}'])
DELETE = ("delete-function-event-invoke-config", ["--function-name", "my-function"])
LIST = ("list-function-event-invoke-configs",
        ["--function-name", "my-function", "--max-items", "2"])


def aws_cli_text(body):
    """What the AWS CLI prints for this response body (json.dumps with indent
    4 over botocore's parse; the bodies here have the model's member order)."""
    return (json.dumps(json.loads(body), indent=4, ensure_ascii=False) + "\n").encode()


CONFIG_TEXT = aws_cli_text(fault_server.CONFIG_BODY)
LIST_TEXT = aws_cli_text(fault_server.LIST_BODY)


def _expect_stdout(text):
    def extra(result, server):
        check_equal(result.out, text, "stdout is what the AWS CLI prints for this body, "
                                      "byte for byte")
        check_equal(result.err, b"", "nothing on stderr")
    return extra


def _expect_stderr(text):
    def extra(result, server):
        check_equal(result.err.decode("utf-8", "replace"), text,
                    "stderr is the AWS CLI's error text")
        check_equal(result.out, b"", "nothing on stdout")
    return extra


def _expect_failure_reported(result, server):
    check(result.err.strip() != b"", "an error message on stderr", result.describe())
    check_equal(result.out, b"", "nothing on stdout")
    check(b"Traceback" not in result.err and b"Segmentation" not in result.err,
          "no crash text on stderr")


def _elapsed_between(low, high, then=None):
    def extra(result, server):
        check(low <= result.elapsed <= high,
              "took %.2f s, within [%.2f, %.2f] s" % (result.elapsed, low, high),
              result.describe())
        if then is not None:
            then(result, server)
    return extra


def _clock_skew(result, server):
    _expect_stdout(CONFIG_TEXT)(result, server)
    requests = server.requests
    first, second = requests[0], requests[1]
    server_clock = second.received_at + server.handler.offset_s
    signed = fault_server.amz_date_epoch(second.header("X-Amz-Date"))
    check(signed is not None, "the retry carries an X-Amz-Date (%r)" % second.header("X-Amz-Date"))
    check(abs(signed - server_clock) <= fault_server.SKEW_LIMIT_S,
          "the retry is signed within 5 min of the server's clock (X-Amz-Date %s, server %s)"
          % (second.header("X-Amz-Date"), fault_server.amz_date(server_clock)))
    first_signed = fault_server.amz_date_epoch(first.header("X-Amz-Date"))
    check(first_signed is not None and abs(first_signed - first.received_at) <= 60,
          "the first attempt was signed on the local clock (X-Amz-Date %s)"
          % first.header("X-Amz-Date"))


# scenario: (operation, exit code, attempts the server must see (None: no
#            server), EIC_* overrides, the scenario's own checks)
SCENARIOS = {
    # The port is closed: nothing to count server-side, so the time is bounded
    # instead (3 refused connects and two short backoffs).
    "refused": (GET, 255, None, {"EIC_CONNECT_TIMEOUT_MS": "500"},
                _elapsed_between(0.0, 5.0, _expect_failure_reported)),
    "reset_before_headers": (GET, 255, 3, {}, _expect_failure_reported),
    "reset_within_headers": (GET, 255, 3, {}, _expect_failure_reported),
    "reset_after_headers": (PUT, 255, 3, {}, _expect_failure_reported),
    "truncated_body": (GET, 255, 3, {}, _expect_failure_reported),
    # 3 attempts of 300 ms silence each, then give up: about 0.9 s (a little
    # slack for clock granularity), far less than the 30 s the server holds on.
    "stall": (GET, 255, 3, {"EIC_READ_TIMEOUT_MS": "300"},
              _elapsed_between(0.85, 8.0, _expect_failure_reported)),
    # The head and half the body, then silence: the read timeout applies
    # between any two reads, not only to the first byte.
    "stall_mid_body": (GET, 255, 3, {"EIC_READ_TIMEOUT_MS": "300"},
                       _elapsed_between(0.85, 8.0, _expect_failure_reported)),
    "retry_after": (PUT, 0, 2, {"EIC_RETRY_AFTER_MAX_MS": "5000"},
                    _elapsed_between(1.0, 8.0, _expect_stdout(CONFIG_TEXT))),
    # Retry-After: 30 capped at 200 ms: the retry comes early.
    "retry_after_capped": (GET, 0, 2, {"EIC_RETRY_AFTER_MAX_MS": "200"},
                           _elapsed_between(0.0, 5.0, _expect_stdout(CONFIG_TEXT))),
    "storm_503": (GET, 254, 3, {}, _expect_stderr(rig.error_line(
        "503", "GetFunctionEventInvokeConfig", "Service Unavailable", retries=2))),
    "not_found": (GET, 254, 1, {}, _expect_stderr(rig.error_line(
        "ResourceNotFoundException", "GetFunctionEventInvokeConfig",
        "Function not found: %s" % fault_server.FUNCTION_ARN))),
    "chunked_odd_sizes": (GET, 0, 1, {}, _expect_stdout(CONFIG_TEXT)),
    "chunked_extensions": (PUT, 0, 1, {}, _expect_stdout(CONFIG_TEXT)),
    "chunked_trailer": (LIST, 0, 1, {}, _expect_stdout(LIST_TEXT)),
    "close_delimited": (GET, 0, 1, {}, _expect_stdout(CONFIG_TEXT)),
    # 204 without Content-Length on a kept-alive connection: done at the end
    # of the head, long before the 5 s read timeout.
    "no_content_keepalive": (DELETE, 0, 1, {},
                             _elapsed_between(0.0, 2.0, _expect_stdout(b""))),
    "byte_by_byte": (GET, 0, 1, {}, _expect_stdout(CONFIG_TEXT)),
    "header_case": (GET, 0, 1, {}, _expect_stdout(CONFIG_TEXT)),
    "oversize": (GET, 255, 1, {}, _expect_failure_reported),
    "oversize_chunked": (GET, 255, 1, {}, _expect_failure_reported),
    "clock_skew": (GET, 0, 2, {}, _clock_skew),
    "clock_skew_behind": (GET, 0, 2, {}, _clock_skew),
}


def run_scenario(eic, name):
    (operation, options), rc, attempts, tunables, extra = SCENARIOS[name]
    env = rig.eic_env(KEY, SECRET, **tunables)
    server = None
    if attempts is None:
        # Control: the same command reaches a server that answers, so the
        # failure below is the closed port's, not a CLI that cannot send.
        with fault_server.FaultServer("ok") as control:
            result = rig.run_eic(eic, operation, options, control.endpoint, env)
            rig.expect_rc(result, 0, "control: the same command against a working server")
            check_equal(control.attempts, 1, "control: one attempt reached it")
        endpoint = "http://127.0.0.1:%d" % rig.free_port()
        say("  nothing listens on %s" % endpoint)
    else:
        server = fault_server.FaultServer(name).start()
        endpoint = server.endpoint
        say("  fault server %s on %s" % (name, endpoint))
    try:
        say("  running eic %s against it" % operation)
        result = rig.run_eic(eic, operation, options, endpoint, env, timeout=60)
        say("  eic exited %d after %.2f s; server saw %s attempt(s) on %s connection(s)"
            % (result.rc, result.elapsed, server.attempts if server else "-",
               server.connections if server else "-"))
        rig.expect_rc(result, rc, name)
        if attempts is not None:
            check_equal(server.attempts, attempts, "exactly %d attempt(s) reached the server"
                        % attempts)
        extra(result, server)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(rig.scenario_main(
        "faults", {name: (lambda eic, name=name: run_scenario(eic, name)) for name in SCENARIOS},
        __doc__))
