"""eic over HTTPS against `moto_server -s` with a test CA made by openssl at
test time (issue 4, test c).

Scenarios (one per ctest entry):
  ok_localhost     certificate for DNS:localhost and IP:127.0.0.1, eic to
                   https://localhost:PORT --ca-bundle CA: put and get work, the
                   AWS CLI reads back the same bytes;
  ok_ip            the same certificate, eic to https://127.0.0.1:PORT (the IP
                   address SAN must match);
  untrusted_ca     --ca-bundle of another CA, and no --ca-bundle at all (the
                   system store does not know the test CA): 255, and no request
                   reached moto, by name and by IP address (a matching IP SAN
                   must not excuse an untrusted chain); the right CA works
                   (control);
  wrong_host_ip    certificate for DNS:localhost only, eic to 127.0.0.1: 255;
                   to localhost it works (control);
  wrong_host_name  certificate for IP:127.0.0.1 only, eic to localhost: 255;
                   to 127.0.0.1 it works (control);
  wrong_ip         certificate for DNS:localhost and IP:127.0.0.2, eic to
                   127.0.0.1: 255 (another address is no match); to localhost
                   it works (control).
Every 255 is checked to be a TLS refusal: nothing on stdout, a message on
stderr, and no request logged by moto.
"""
import sys

import moto_fixture
import rig
from rig import check, check_equal, say

FUNCTION = "eic-https"
PUT = ["--function-name", FUNCTION, "--maximum-retry-attempts", "2",
       "--maximum-event-age-in-seconds", "600"]
GET = ["--function-name", FUNCTION]


def eic_calls(eic, env, endpoint, ca):
    return (rig.run_eic(eic, "put-function-event-invoke-config", PUT, endpoint, env, ca_bundle=ca),
            rig.run_eic(eic, "get-function-event-invoke-config", GET, endpoint, env,
                        ca_bundle=ca))


def expect_works(eic, moto, lam, env, host, ca, readback=True):
    endpoint = moto.endpoint(host)
    put, get = eic_calls(eic, env, endpoint, ca)
    rig.expect_rc(put, 0, "eic put over %s" % endpoint)
    check_equal(put.json().get("MaximumEventAgeInSeconds"), 600, "Put result over HTTPS")
    rig.expect_rc(get, 0, "eic get over %s" % endpoint)
    if readback:
        aws = rig.run_aws("get-function-event-invoke-config", GET, endpoint, env, ca_bundle=ca)
        rig.expect_rc(aws, 0, "the AWS CLI over %s" % endpoint)
        check(get.out == aws.out, "eic get prints the AWS CLI's bytes over HTTPS",
              "  eic: %r\n  aws: %r" % (get.out, aws.out))


def expect_refused(eic, moto, env, host, ca, why):
    endpoint = moto.endpoint(host)
    before = len(moto.requests())
    result = rig.run_eic(eic, "get-function-event-invoke-config", GET, endpoint, env,
                         ca_bundle=ca)
    rig.expect_rc(result, 255, "%s: eic get over %s" % (why, endpoint))
    check_equal(result.out, b"", "%s: nothing on stdout" % why)
    check(result.err.strip() != b"", "%s: a message on stderr: %r"
          % (why, result.err.strip()[:200]))
    check_equal(moto.requests()[before:], [], "%s: no request reached moto" % why)


def scenario_ok_localhost(eic, d, ca):
    run_with(eic, d, ca.server_cert("server"), ca.cert,
             lambda moto, lam, env: expect_works(eic, moto, lam, env, "localhost", ca.cert))


def scenario_ok_ip(eic, d, ca):
    run_with(eic, d, ca.server_cert("server"), ca.cert,
             lambda moto, lam, env: expect_works(eic, moto, lam, env, "127.0.0.1", ca.cert))


def scenario_untrusted_ca(eic, d, ca):
    other = moto_fixture.TestCA(d, "other-ca")

    def body(moto, lam, env):
        expect_refused(eic, moto, env, "localhost", other.cert, "a CA that did not sign it")
        expect_refused(eic, moto, env, "127.0.0.1", other.cert,
                       "a CA that did not sign it, reached by IP address")
        expect_refused(eic, moto, env, "localhost", None, "the system CA store")
        say("  control: the CA that signed it")
        expect_works(eic, moto, lam, env, "localhost", ca.cert, readback=False)
    run_with(eic, d, ca.server_cert("server"), ca.cert, body)


# A certificate that does not name the host eic reaches it by:
# case: ((file name, DNS SANs, IP SANs), host refused, why, control host).
MISMATCHES = {
    "wrong_host_ip": (("localhost-only", ("localhost",), ()), "127.0.0.1",
                      "certificate for DNS:localhost only, reached as 127.0.0.1", "localhost"),
    "wrong_host_name": (("ip-only", (), ("127.0.0.1",)), "localhost",
                        "certificate for IP:127.0.0.1 only, reached as localhost", "127.0.0.1"),
    "wrong_ip": (("other-ip", ("localhost",), ("127.0.0.2",)), "127.0.0.1",
                 "certificate for DNS:localhost and IP:127.0.0.2, reached as 127.0.0.1",
                 "localhost"),
}


def scenario_mismatch(case):
    (name, dns, ips), refused_host, why, control_host = MISMATCHES[case]

    def scenario(eic, d, ca):
        def body(moto, lam, env):
            expect_refused(eic, moto, env, refused_host, ca.cert, why)
            say("  control: the same certificate reached as %s" % control_host)
            expect_works(eic, moto, lam, env, control_host, ca.cert, readback=False)
        run_with(eic, d, ca.server_cert(name, dns=dns, ips=ips), ca.cert, body,
                 setup_host=control_host)
    return scenario


def run_with(eic, d, cert, ca_file, body, setup_host="localhost"):
    moto = moto_fixture.MotoServer(d, tls=cert)
    try:
        say("  moto_server -s on %s with %s" % (moto.endpoint(), cert[0]))
        lam = moto_fixture.setup_lambda(moto, [FUNCTION], ca_bundle=ca_file, host=setup_host)
        body(moto, lam, rig.eic_env(lam.key, lam.secret))
    finally:
        moto.stop()


SCENARIOS = {
    "ok_localhost": scenario_ok_localhost,
    "ok_ip": scenario_ok_ip,
    "untrusted_ca": scenario_untrusted_ca,
}
SCENARIOS.update({case: scenario_mismatch(case) for case in MISMATCHES})


def with_test_ca(scenario):
    def run(eic):
        d = rig.work_dir("https")
        scenario(eic, d, moto_fixture.TestCA(d))
    return run


if __name__ == "__main__":
    sys.exit(rig.scenario_main(
        "e2e.https", {name: with_test_ca(fn) for name, fn in SCENARIOS.items()}, __doc__))
