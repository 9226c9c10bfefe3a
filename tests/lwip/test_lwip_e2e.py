"""eic over lwIP, end to end (issue 5, item 1): the lwIP port and the
library's blocking calls over lwIP's own TCP/IP stack, against moto_server.

The rig, all of it inside a network namespace made for this run (so nothing
touches the host's network, and runs in parallel do not meet):
  * tap0, a TAP device: 192.0.2.1/24 and 2001:db8::1/64 on the Linux side
    (documentation ranges), up;
  * moto_server bound to 192.0.2.1, an IAM role and a function made with the
    AWS CLI against it; a Python http.server on [2001:db8::1] for the IPv6
    check of the port;
  * lwip_e2e (lwip_e2e.c), with PRECONFIGURED_TAPIF=tap0: lwIP's tapif driver
    opens tap0 and lwIP takes 192.0.2.2 (and 2001:db8::2), addresses no
    kernel interface has. It checks the port alone (no DNS, refused, connect
    and receive timeouts, raw HTTP over IPv4 and IPv6) and then runs eic Put,
    Get, Delete, Get through the library.
Asserted here, on top of lwip_e2e's exit status: moto saw exactly the
library's PUT, GET, DELETE, GET (200, 200, 2xx, 404) on the function's
event-invoke-config, from 192.0.2.2, i.e. through lwIP; the IPv6 server saw
a request from 2001:db8::2; and the AWS CLI, from the Linux side, finds the
configuration gone.

Everything is undone whatever happens: servers stopped by PID (their whole
process group), the namespace deleted. A namespace left by a run that was
killed outright (its name carries the PID of its creator, now gone) is
deleted at the start of the next run.

Needs root, /dev/net/tun, iproute2, and the python3 that has moto and awscli.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import rig  # noqa: E402
from rig import check, check_equal, say  # noqa: E402

NS_PREFIX = "eic-lwip-"
TAP = "tap0"
SERVER, SERVER6 = "192.0.2.1", "2001:db8::1"
LWIP_ADDR, LWIP_ADDR6 = "192.0.2.2", "2001:db8::2"
SILENT = "192.0.2.3"  # on the subnet, answered by nobody
HTTP6_PORT = 8080      # the namespace is ours: every port is free
FUNCTION = "eic-lwip"
KEY, SECRET = "AKIDLWIPEXAMPLE", "lwip/test+secret"  # moto checks nothing here

_RUNNING = re.compile(r"Running on http://192\.0\.2\.1:(\d+)")
# werkzeug's access log: CLIENT - - [date] "METHOD TARGET HTTP/1.x" STATUS
_ACCESS = re.compile(r'^(\S+) - - \[[^\]]*\] "([A-Z]+) (\S+) HTTP/[0-9.]+" (\d{3})', re.M)


def ip_tool():
    for path in (shutil.which("ip"), "/usr/sbin/ip", "/sbin/ip"):
        if path and os.access(path, os.X_OK):
            return path
    raise rig.TestFailure("ip not found: install the Debian package iproute2")


class Namespace:
    """A network namespace with tap0 in it, deleted on exit."""

    def __init__(self, ip):
        self.ip = ip
        self.name = "%s%d" % (NS_PREFIX, os.getpid())
        self.made = False

    def run(self, *args):
        done = subprocess.run([self.ip] + list(args), capture_output=True, timeout=30)
        if done.returncode != 0:
            raise rig.TestFailure("ip %s failed (%d): %s" % (
                " ".join(args), done.returncode, done.stderr.decode(errors="replace").strip()))
        return done.stdout.decode(errors="replace")

    def exec_argv(self, argv):
        return [self.ip, "netns", "exec", self.name] + list(argv)

    def sweep_stale(self):
        """Deletes namespaces of earlier runs whose creator is gone."""
        for line in self.run("netns", "list").splitlines():
            match = re.match(r"%s(\d+)\b" % re.escape(NS_PREFIX), line)
            if match and not os.path.exists("/proc/%s" % match.group(1)):
                say("  deleting stale namespace %s" % line.split()[0])
                subprocess.run([self.ip, "netns", "del", line.split()[0]],
                               capture_output=True, timeout=30)

    def __enter__(self):
        self.sweep_stale()
        self.run("netns", "add", self.name)
        self.made = True
        n = ("-n", self.name)
        self.run(*n, "link", "set", "lo", "up")  # local delivery to 192.0.2.1 goes through lo
        self.run(*n, "tuntap", "add", "dev", TAP, "mode", "tap")
        self.run(*n, "addr", "add", SERVER + "/24", "dev", TAP)
        self.run(*n, "addr", "add", SERVER6 + "/64", "dev", TAP, "nodad")
        self.run(*n, "link", "set", TAP, "up")  # writes to a down tap fail with EIO
        return self

    def __exit__(self, *exc):
        if self.made:
            subprocess.run([self.ip, "netns", "del", self.name], capture_output=True, timeout=30)
            gone = self.name not in self.run("netns", "list").split()
            say("  namespace %s %s" % (self.name, "deleted" if gone else "NOT deleted"))
        return False


def wait_log(child, pattern, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(pattern, child.log_text())
        if match:
            return match
        if not child.alive():
            break
        time.sleep(0.05)
    raise rig.TestFailure("%s did not start:\n%s" % (what, child.log_text()[-3000:]))


def aws(ns, args, endpoint, env):
    argv = ns.exec_argv([sys.executable, "-m", "awscli"] + args + [
        "--endpoint-url", endpoint, "--region", rig.REGION, "--output", "json"])
    return rig.run(argv, env, timeout=90)


def make_function(ns, endpoint, env, directory):
    role = aws(ns, ["iam", "create-role", "--role-name", "eic-lwip-role",
                    "--assume-role-policy-document", json.dumps({
                        "Version": "2012-10-17", "Statement": [{
                            "Effect": "Allow",
                            "Principal": {"Service": "lambda.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]})], endpoint, env)
    rig.expect_rc(role, 0, "AWS CLI in the namespace: iam create-role")
    package = os.path.join(directory, "function.zip")
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return event\n")
    created = aws(ns, ["lambda", "create-function", "--function-name", FUNCTION,
                       "--runtime", "python3.11", "--handler", "index.handler",
                       "--role", role.json()["Role"]["Arn"],
                       "--zip-file", "fileb://" + package], endpoint, env)
    rig.expect_rc(created, 0, "AWS CLI in the namespace: lambda create-function %s" % FUNCTION)


def scenario(binary):
    rig.require_executable(binary, "lwip_e2e (tests/lwip/lwip_e2e.c)")
    if os.geteuid() != 0:
        raise rig.TestFailure("needs root: network namespaces and a TAP device")
    if not os.path.exists("/dev/net/tun"):
        raise rig.TestFailure("/dev/net/tun is missing: the TAP device needs the tun driver")
    ip = ip_tool()
    directory = rig.work_dir("lwip")
    env = rig.clean_env(KEY, SECRET, PYTHONUNBUFFERED="1")
    children = []
    start = time.monotonic()
    with Namespace(ip) as ns:
        try:
            say("  namespace %s: %s %s/24 %s/64, up" % (ns.name, TAP, SERVER, SERVER6))
            moto = rig.Child(ns.exec_argv([sys.executable, "-m", "moto.server",
                                           "-H", SERVER, "-p", "0"]),
                             os.path.join(directory, "moto.log"), env=env)
            children.append(moto)
            http6 = rig.Child(ns.exec_argv([sys.executable, "-m", "http.server",
                                            "--bind", SERVER6, "--directory", directory,
                                            str(HTTP6_PORT)]),
                              os.path.join(directory, "http6.log"), env=env)
            children.append(http6)
            port = int(wait_log(moto, _RUNNING, "moto_server").group(1))
            wait_log(http6, r"Serving HTTP on", "http.server on [%s]" % SERVER6)
            endpoint = "http://%s:%d" % (SERVER, port)
            say("  moto_server (pid %d) on %s, http.server (pid %d) on [%s]:%d"
                % (moto.proc.pid, endpoint, http6.proc.pid, SERVER6, HTTP6_PORT))
            make_function(ns, endpoint, env, directory)
            say("  role and function %s made (%.1f s so far)" % (FUNCTION,
                                                                  time.monotonic() - start))

            # PRECONFIGURED_TAPIF in argv, not env: the failure report's
            # command line then replays as it ran (inside a namespace of the
            # same setup).
            argv = ["env", "PRECONFIGURED_TAPIF=" + TAP, binary, SERVER, str(port),
                    rig.REGION, FUNCTION, KEY, SECRET, SILENT, "[%s]" % SERVER6, str(HTTP6_PORT)]
            result = rig.run(ns.exec_argv(argv), env, timeout=60)
            say(result.out.decode("utf-8", "replace").rstrip())
            if result.err:
                say("  stderr: %s" % result.err.decode("utf-8", "replace").rstrip())
            rig.expect_rc(result, 0, "lwip_e2e: every check over lwIP passed (%.2f s)"
                          % result.elapsed)

            seen = [(m.group(1), m.group(2), m.group(4)) for m in _ACCESS.finditer(
                moto.log_text()) if "/event-invoke-config" in m.group(3)]
            check(seen and all(client == LWIP_ADDR for client, _, _ in seen),
                  "moto saw every event-invoke-config request come from %s (lwIP)" % LWIP_ADDR,
                  "requests: %r" % seen)
            methods = [(method, status[0] if method == "DELETE" else status)
                       for _, method, status in seen]
            check_equal(methods, [("PUT", "200"), ("GET", "200"), ("DELETE", "2"),
                                  ("GET", "404")],
                        "moto answered Put 200, Get 200, Delete 2xx, Get 404, one attempt each")
            raw = [m.group(1) for m in _ACCESS.finditer(http6.log_text())]
            check(LWIP_ADDR6 in raw, "the IPv6 server saw lwIP's request from %s" % LWIP_ADDR6,
                  http6.log_text()[-1000:])

            after = aws(ns, ["lambda", "get-function-event-invoke-config",
                             "--function-name", FUNCTION], endpoint, env)
            check(after.rc != 0 and b"ResourceNotFoundException" in after.err,
                  "the AWS CLI finds the configuration gone after eic's Delete",
                  after.describe())
        finally:
            for child in children:
                child.stop()
            say("  servers stopped (pids %s)" % ", ".join(str(c.proc.pid) for c in children))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the built lwip_e2e program")
    args = parser.parse_args()
    return rig.run_test("lwip.e2e", lambda: scenario(os.path.abspath(args.binary)))


if __name__ == "__main__":
    sys.exit(main())
