"""moto_server for the end-to-end tests: started on a free port of 127.0.0.1,
over HTTP or HTTPS, optionally checking SigV4 signatures, with an IAM role
and Lambda functions (and aliases) created through boto3; always stopped.

Why these steps (see /work/shared/reference/protocol.md, "Peers"):
  * moto checks signatures only after its first INITIAL_NO_AUTH_ACTION_COUNT
    requests, and only for a known IAM user with a policy allowing the call:
    so the first N=3 requests create that user, its access key and its policy,
    and everything after (role, functions, the tests) is signed with the
    user's key;
  * the event-invoke-config operations need an existing function, and a
    function needs a role and a deployment package (a small zip built here);
  * HTTPS uses a test CA made by openssl at test time (TestCA), so that eic
    verifies a real chain and a real host name.

Used as a module by the tests; `python3 moto_fixture.py [--auth] [--tls]`
starts one for a manual session and prints its endpoint and credentials.
"""
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile

import rig

try:
    import boto3
    import botocore.config
    import botocore.exceptions
except ImportError as exc:  # the tests must fail, not skip, without boto3
    raise SystemExit("FAIL: boto3/botocore are required by the end-to-end tests (%s); "
                     "use the python3 that has moto, boto3 and awscli" % exc)

ACCOUNT = "123456789012"  # moto's default account
REGION = rig.REGION
BOOTSTRAP_KEY = ("AKIDBOOTSTRAPEXAMPLE", "bootstrap-secret")
AUTH_BOOTSTRAP_REQUESTS = 3  # create_user, create_access_key, put_user_policy


def function_arn(name, qualifier=None):
    arn = "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, name)
    return arn if qualifier is None else "%s:%s" % (arn, qualifier)


# --------------------------------------------------------------------------
# Test CA


class TestCA:
    """A CA made with openssl for one test run, and server certificates it
    signs. RSA 2048 and SHA-256, as the real Lambda endpoints use."""

    def __init__(self, directory, name="ca"):
        self.dir = directory
        self.name = name
        self.key = os.path.join(directory, name + ".key")
        self.cert = os.path.join(directory, name + ".pem")
        self._openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                      "-keyout", self.key, "-out", self.cert, "-days", "2",
                      "-subj", "/CN=eic test CA %s" % name,
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,keyCertSign,cRLSign")

    def _openssl(self, *args):
        try:
            done = subprocess.run(("openssl",) + args, capture_output=True, check=False,
                                  timeout=60)
        except FileNotFoundError:
            raise rig.TestFailure("openssl not found: the HTTPS tests need the Debian "
                                  "package openssl")
        if done.returncode != 0:
            raise rig.TestFailure("openssl %s failed: %s" % (" ".join(args[:2]),
                                                             done.stderr.decode()[-2000:]))

    def server_cert(self, name, dns=("localhost",), ips=("127.0.0.1",)):
        """(cert, key) of a server certificate for CN=localhost with these
        subjectAltName entries, signed by this CA."""
        key = os.path.join(self.dir, name + ".key")
        csr = os.path.join(self.dir, name + ".csr")
        cert = os.path.join(self.dir, name + ".pem")
        ext = os.path.join(self.dir, name + ".ext")
        san = ",".join(["DNS:%s" % d for d in dns] + ["IP:%s" % i for i in ips])
        with open(ext, "w") as f:
            f.write("subjectAltName=%s\nbasicConstraints=CA:FALSE\n"
                    "keyUsage=critical,digitalSignature,keyEncipherment\n"
                    "extendedKeyUsage=serverAuth\n" % san)
        self._openssl("req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", key,
                      "-out", csr, "-subj", "/CN=%s" % (dns[0] if dns else ips[0]))
        self._openssl("x509", "-req", "-in", csr, "-CA", self.cert, "-CAkey", self.key,
                      "-CAcreateserial", "-out", cert, "-days", "2", "-sha256",
                      "-extfile", ext)
        return cert, key


# --------------------------------------------------------------------------
# moto_server

_RUNNING = re.compile(r"Running on (https?)://127\.0\.0\.1:(\d+)")
_ACCESS = re.compile(r'"([A-Z]+) (\S+) HTTP/[0-9.]+" (\d{3}) ')


class MotoServer:
    """moto_server on 127.0.0.1 and a port of its choosing (-p 0: no race for
    a free port), its log kept to count the requests it answered."""

    def __init__(self, directory, auth=False, tls=None, name="moto"):
        self.dir = directory
        self.tls = tls
        self.auth = auth
        argv = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", "0"]
        if tls is not None:
            argv += ["-s", "-c", tls[0], "-k", tls[1]]
        env = dict(os.environ)
        env.pop("INITIAL_NO_AUTH_ACTION_COUNT", None)
        if auth:
            env["INITIAL_NO_AUTH_ACTION_COUNT"] = str(AUTH_BOOTSTRAP_REQUESTS)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        self.child = rig.Child(argv, os.path.join(directory, name + ".log"), env=env)
        self.port = self._wait_running()
        self.scheme = "https" if tls is not None else "http"

    def _wait_running(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = _RUNNING.search(self.child.log_text())
            if match:
                return int(match.group(2))
            if not self.child.alive():
                break
            time.sleep(0.05)
        text = self.child.log_text()
        self.child.stop()
        raise rig.TestFailure("moto_server did not start (is moto installed for %s?):\n%s"
                              % (sys.executable, text[-3000:]))

    def endpoint(self, host="127.0.0.1"):
        return "%s://%s:%d" % (self.scheme, host, self.port)

    def requests(self):
        """[(method, raw target, status)] of every request moto answered."""
        return [(m.group(1), m.group(2), int(m.group(3)))
                for m in _ACCESS.finditer(self.child.log_text())]

    def requests_to(self, fragment):
        return [r for r in self.requests() if fragment in r[1]]

    def stop(self):
        self.child.stop()


def _zip_package():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return event\n")
    return data.getvalue()


class Lambda:
    """Credentials and functions set up on a MotoServer."""

    def __init__(self, moto, key, secret, ca_bundle=None):
        self.moto = moto
        self.key, self.secret = key, secret
        self.ca_bundle = ca_bundle
        self.functions = {}

    def client(self, service, host="127.0.0.1", secret=None):
        return boto3.client(
            service, region_name=REGION, endpoint_url=self.moto.endpoint(host),
            aws_access_key_id=self.key, aws_secret_access_key=secret or self.secret,
            verify=self.ca_bundle if self.ca_bundle else True,
            config=botocore.config.Config(retries={"mode": "standard", "max_attempts": 1}))


def setup_lambda(moto, functions, aliases=(), ca_bundle=None, host="127.0.0.1"):
    """Creates the IAM user (when moto checks signatures), a role, the
    functions named, and for each name in aliases version 1 and alias `live`.
    Returns a Lambda with the credentials to use."""
    env_backup = {k: os.environ.pop(k) for k in list(os.environ)
                  if k.startswith("AWS_") and k not in ("AWS_CA_BUNDLE",)}
    try:
        lam = Lambda(moto, BOOTSTRAP_KEY[0], BOOTSTRAP_KEY[1], ca_bundle)
        bootstrap_iam = lam.client("iam", host)
        if moto.auth:
            bootstrap_iam.create_user(UserName="eic-tests")
            key = bootstrap_iam.create_access_key(UserName="eic-tests")["AccessKey"]
            bootstrap_iam.put_user_policy(
                UserName="eic-tests", PolicyName="eic-tests",
                PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": ["lambda:*"], "Resource": "*"},
                    {"Effect": "Allow", "Action": ["iam:CreateRole", "iam:GetRole",
                                                   "iam:PassRole"], "Resource": "*"}]}))
            lam = Lambda(moto, key["AccessKeyId"], key["SecretAccessKey"], ca_bundle)
        iam, aws_lambda = lam.client("iam", host), lam.client("lambda", host)
        role = iam.create_role(
            RoleName="eic-tests-role",
            AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
        package = _zip_package()
        for name in functions:
            created = aws_lambda.create_function(
                FunctionName=name, Runtime="python3.11", Role=role, Handler="index.handler",
                Code={"ZipFile": package})
            lam.functions[name] = created["FunctionArn"]
        for name in aliases:
            version = aws_lambda.publish_version(FunctionName=name)["Version"]
            aws_lambda.create_alias(FunctionName=name, Name="live", FunctionVersion=version)
        return lam
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
        raise rig.TestFailure("setting up moto failed: %s\n%s" % (exc,
                                                                 moto.child.log_text()[-3000:]))
    finally:
        os.environ.update(env_backup)


@contextlib.contextmanager
def proxied_moto(prefix, functions, extra_secrets=None, host="127.0.0.1", tls_cert=None):
    """moto_server (checking off) with the functions, behind verify_proxy.py
    on host (HTTPS with tls_cert, a (certificate, key) pair): yields (moto,
    lam, proxy) and stops both, whatever happens. The proxy knows lam's key
    and extra_secrets {key: secret}."""
    import verify_proxy
    moto = MotoServer(rig.work_dir(prefix))
    proxy = None
    try:
        lam = setup_lambda(moto, functions)
        secrets = {lam.key: lam.secret}
        secrets.update(extra_secrets or {})
        proxy = verify_proxy.VerifyProxy(moto.endpoint(), REGION, secrets, host=host,
                                         log=lambda line: None, tls_cert=tls_cert).start()
        rig.say("  moto_server on %s, verify_proxy on %s" % (moto.endpoint(), proxy.endpoint))
        yield moto, lam, proxy
    finally:
        if proxy is not None:
            proxy.stop()
        moto.stop()


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--auth", action="store_true", help="check signatures")
    parser.add_argument("--tls", action="store_true", help="HTTPS with a fresh test CA")
    parser.add_argument("--function", action="append", default=[], help="create FUNCTION")
    args = parser.parse_args()
    directory = rig.work_dir("moto")
    tls, ca = None, None
    if args.tls:
        ca = TestCA(directory)
        tls = ca.server_cert("server")
    moto = MotoServer(directory, auth=args.auth, tls=tls)
    try:
        lam = setup_lambda(moto, args.function or ["my-function"], aliases=args.function[:1],
                           ca_bundle=ca.cert if ca else None,
                           host="localhost" if args.tls else "127.0.0.1")
        print("endpoint %s\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n%s%s"
              % (moto.endpoint("localhost" if args.tls else "127.0.0.1"), lam.key, lam.secret,
                 "".join("function %s\n" % a for a in lam.functions.values()),
                 "ca-bundle %s\n" % ca.cert if ca else ""), flush=True)
        print("Ctrl-C stops it.", flush=True)
        while moto.child.alive():
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        moto.stop()


if __name__ == "__main__":
    main()
