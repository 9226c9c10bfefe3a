"""Shared parts of the end-to-end (tests/e2e) and fault (tests/faults) tests:
checks that print what they check, child processes that are always stopped,
and runners for `eic` and for the reference client (the AWS CLI).

Why one module: every test of the rig must read the same way (a line per
check, then one PASS or FAIL line naming the test), must stop every server it
started even when it fails, and must run eic the same way (a clean
environment: credentials from the three variables only, the EIC_* delays made
short), so that a failure can be replayed from the shell line it prints.
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback


class TestFailure(Exception):
    """A check that did not hold; its text says what was expected and seen."""


def say(text):
    print(text, flush=True)


def check(condition, what, detail=None):
    """Prints `ok: what`, or fails with what and the detail."""
    if not condition:
        raise TestFailure(what if detail is None else "%s\n%s" % (what, detail))
    say("  ok: %s" % what)


def check_equal(actual, expected, what):
    check(actual == expected, what,
          "expected: %r\n  actual: %r" % (expected, actual))


def run_test(name, body):
    """Runs body(), prints the final PASS/FAIL line, returns the exit status
    for sys.exit. Anything unexpected (a missing tool, a crash) is a FAIL,
    never a skip."""
    say("== %s" % name)
    start = time.monotonic()
    try:
        body()
    except TestFailure as exc:
        _clean_work_dirs(False)
        say("FAIL: %s (%.1f s): %s" % (name, time.monotonic() - start, exc))
        return 1
    except BaseException as exc:  # noqa: B902 - a crash of the test is a failure too
        traceback.print_exc()
        _clean_work_dirs(False)
        say("FAIL: %s (%.1f s): %s: %s" % (name, time.monotonic() - start,
                                          type(exc).__name__, exc))
        return 1
    _clean_work_dirs(True)
    say("PASS: %s (%.1f s)" % (name, time.monotonic() - start))
    return 0


def scenario_main(prefix, scenarios, doc):
    """The command line every scenario script shares: --eic PATH --scenario
    NAME; runs scenarios[NAME](eic) as the test PREFIX.NAME and returns its
    exit status."""
    parser = argparse.ArgumentParser(description=doc.strip().split("\n")[0])
    parser.add_argument("--eic", required=True, help="the eic CLI (build/bin/eic)")
    parser.add_argument("--scenario", required=True, choices=sorted(scenarios))
    args = parser.parse_args()

    def body():
        require_executable(args.eic, "the eic CLI")
        scenarios[args.scenario](os.path.abspath(args.eic))

    return run_test("%s.%s" % (prefix, args.scenario), body)


def serve_until_interrupted(server):
    """For the servers' own command lines: says where server listens, waits
    for Ctrl-C or SIGTERM, stops it."""
    say("listening on %s" % server.endpoint)
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def write_json_atomic(path, data):
    """Rewrites a JSON file so that a reader never sees half of it."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


# --------------------------------------------------------------------------
# Child processes


def _die_with_parent():
    """In the child, before exec: be sent SIGTERM when the test process dies,
    even by SIGKILL (a ctest timeout), so no server outlives its test."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _terminate_as_exception(signum, frame):
    raise KeyboardInterrupt("signal %d" % signum)


# A test stopped with SIGTERM (ctest, a shell) unwinds its finally blocks and
# stops its servers like a failing one.
signal.signal(signal.SIGTERM, _terminate_as_exception)


class Child:
    """A child process in its own process group, its output in a log file.
    stop() ends the whole group (TERM, then KILL), so nothing outlives the
    test, whatever the child started."""

    def __init__(self, argv, log_path, env=None, cwd=None):
        self.argv = list(argv)
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                     start_new_session=True, preexec_fn=_die_with_parent)

    def alive(self):
        return self.proc.poll() is None

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 3)):
                try:
                    os.killpg(self.proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            # The leader is gone; end anything it left in its group.
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.log.close()


def free_port(host="127.0.0.1"):
    """A TCP port nobody listens on right now (bound, then released)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


_work_dirs = []


def work_dir(prefix):
    """A fresh temporary directory for one test's files (logs, certificates):
    removed when the test passes, kept (and named) when it fails."""
    path = tempfile.mkdtemp(prefix="eic-%s-" % prefix)
    _work_dirs.append(path)
    return path


def _clean_work_dirs(passed):
    for path in _work_dirs:
        if passed:
            shutil.rmtree(path, ignore_errors=True)
        else:
            say("  files of this run kept in %s" % path)


# --------------------------------------------------------------------------
# Running eic

REGION = "us-west-2"

# Short delays so that every retry path runs in well under a second: the CLI
# reads these (connect and read timeouts, backoff base, cap on Retry-After).
FAST = {
    "EIC_CONNECT_TIMEOUT_MS": "2000",
    "EIC_READ_TIMEOUT_MS": "5000",
    "EIC_RETRY_BASE_MS": "20",
    "EIC_RETRY_AFTER_MAX_MS": "500",
}


def clean_env(access_key_id, secret_access_key, session_token=None, **extra):
    """Credentials from the three variables only: no profile, config file,
    region or endpoint leaking in from the machine. extra: more variables
    (e.g. the EIC_* tunables)."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": "/nonexistent",
           "AWS_CONFIG_FILE": "/nonexistent/config",
           "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
           "LC_ALL": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("PYENV_ROOT", "PYENV_VERSION"):
        if name in os.environ:
            env[name] = os.environ[name]
    if access_key_id is not None:
        env["AWS_ACCESS_KEY_ID"] = access_key_id
    if secret_access_key is not None:
        env["AWS_SECRET_ACCESS_KEY"] = secret_access_key
    if session_token is not None:
        env["AWS_SESSION_TOKEN"] = session_token
    env.update({k: str(v) for k, v in extra.items()})
    return env


def eic_env(access_key_id, secret_access_key, session_token=None, **tunables):
    """clean_env with the fast EIC_* delays; tunables override them."""
    values = dict(FAST)
    values.update(tunables)
    return clean_env(access_key_id, secret_access_key, session_token, **values)


class Run:
    """One finished run of a command: exit code, output, time taken."""

    def __init__(self, argv, env, rc, out, err, elapsed):
        self.argv, self.env, self.rc = argv, env, rc
        self.out, self.err, self.elapsed = out, err, elapsed

    def reproducer(self):
        keep = sorted(k for k in self.env
                      if k.startswith(("AWS_", "EIC_")) and k not in
                      ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"))
        prefix = " ".join("%s=%s" % (k, shlex.quote(self.env[k])) for k in keep)
        return "env -i PATH=\"$PATH\" HOME=/nonexistent %s %s" % (
            prefix, " ".join(shlex.quote(a) for a in self.argv))

    def describe(self):
        return ("  command: %s\n  exit: %s after %.2f s\n  stdout: %r\n  stderr: %r"
                % (self.reproducer(), self.rc, self.elapsed, self.out[:2000], self.err[:2000]))

    def json(self):
        try:
            return json.loads(self.out.decode("utf-8"))
        except ValueError as exc:
            raise TestFailure("stdout is not JSON (%s)\n%s" % (exc, self.describe()))


def require_executable(path, what):
    if not path or not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise TestFailure("%s not found or not executable: %s (build it first)" % (what, path))


def run(argv, env, timeout=60):
    start = time.monotonic()
    try:
        done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise TestFailure("%s did not finish within %d s\n  command: %s\n  stdout: %r\n"
                          "  stderr: %r" % (argv[0], timeout,
                                            " ".join(shlex.quote(a) for a in argv),
                                            exc.stdout, exc.stderr))
    return Run(argv, env, done.returncode, done.stdout, done.stderr, time.monotonic() - start)


def run_eic(eic, operation, options, endpoint, env, region=REGION, ca_bundle=None, timeout=60):
    """eic OPERATION [options] --region R --endpoint-url E [--ca-bundle F].
    options: a list of argv words."""
    require_executable(eic, "the eic CLI")
    argv = [eic, operation] + list(options) + ["--region", region, "--endpoint-url", endpoint]
    if ca_bundle is not None:
        argv += ["--ca-bundle", ca_bundle]
    return run(argv, env, timeout)


def run_aws(operation, options, endpoint, env, region=REGION, ca_bundle=None, timeout=60):
    """The reference client, on this python3: aws lambda OPERATION [options]
    --output json, retrying as eic does (botocore's standard mode, 3
    attempts), so that its error wording is the one eic must match."""
    argv = [sys.executable, "-m", "awscli", "lambda", operation] + list(options) + [
        "--region", region, "--endpoint-url", endpoint, "--output", "json"]
    if ca_bundle is not None:
        argv += ["--ca-bundle", ca_bundle]
    env = dict(env)
    env.update({"AWS_RETRY_MODE": "standard", "AWS_MAX_ATTEMPTS": "3"})
    for name in [k for k in env if k.startswith("EIC_")]:
        del env[name]
    return run(argv, env, timeout)


def expect_rc(result, rc, what):
    check(result.rc == rc, "%s: exit %d" % (what, rc), result.describe())


def error_line(code, operation, message, retries=None):
    """The text eic (like the AWS CLI) prints on stderr for a service error."""
    reached = "" if retries is None else " (reached max retries: %d)" % retries
    return "\nAn error occurred (%s) when calling the %s operation%s: %s\n" % (
        code, operation, reached, message)
