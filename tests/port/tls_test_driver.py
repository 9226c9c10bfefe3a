#!/usr/bin/env python3
"""Runs test_port_tls against real TLS servers, and always stops them.

Why: the TLS port must be shown to verify real certificates from a real TLS
stack, and to survive what real servers do (close_notify, plain EOF, resets,
a server that stops reading). This script

1. makes a throw-away PKI with the openssl CLI in --work-dir: a test CA, a
   second CA that signs nothing the servers use, a server certificate for
   DNS:localhost, IP:127.0.0.1 and IP:::1, and one for DNS:localhost only;
2. starts, in threads of this process, Python `ssl` servers on ephemeral
   loopback ports: the full certificate on 127.0.0.1 (and ::1 when the host
   has IPv6), the DNS-only certificate on 127.0.0.1, and a server that is not
   TLS at all;
3. runs the test program with the CA files and ports, and exits with its
   status. The servers die with this process, whatever happens.

Usage: tls_test_driver.py --openssl PATH --work-dir DIR -- TEST_PROGRAM
Environment: EIC_PORT_TEST_WRAPPER, e.g. "valgrind --leak-check=full
--error-exitcode=3", is put in front of the test program.
"""

import argparse
import os
import shlex
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time

# Certificates live two days: long enough for any test run, short enough
# that a leaked key is worthless.
DAYS = "2"

OPENSSL_CONFIG = """\
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_full]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
[server_dns_only]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
"""


def run_openssl(openssl, *args):
    proc = subprocess.run([openssl, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("openssl %s failed:\n%s" % (" ".join(args), proc.stderr))


def make_pki(openssl, work):
    """Writes the CAs and server certificates; returns their paths."""
    os.makedirs(work, exist_ok=True)
    cnf = os.path.join(work, "openssl.cnf")
    with open(cnf, "w") as f:
        f.write(OPENSSL_CONFIG)

    def path(name):
        return os.path.join(work, name)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    for ca, cn in (("ca", "eic test CA"), ("other-ca", "eic untrusted CA")):
        run_openssl(openssl, "req", "-config", cnf, "-x509", *ec, "-days", DAYS,
                    "-subj", "/CN=" + cn, "-extensions", "ca",
                    "-keyout", path(ca + ".key"), "-out", path(ca + ".pem"))

    for name, section, serial in (("server", "server_full", "0x1001"),
                                  ("dns-only", "server_dns_only", "0x1002")):
        run_openssl(openssl, "req", "-config", cnf, "-new", *ec, "-subj", "/CN=localhost",
                    "-keyout", path(name + ".key"), "-out", path(name + ".csr"))
        run_openssl(openssl, "x509", "-req", "-in", path(name + ".csr"),
                    "-CA", path("ca.pem"), "-CAkey", path("ca.key"), "-set_serial", serial,
                    "-days", DAYS, "-extfile", cnf, "-extensions", section,
                    "-out", path(name + ".pem"))
    files = {n: path(n + ".pem") for n in ("ca", "other-ca", "server", "dns-only")}
    files["server-key"] = path("server.key")
    files["dns-only-key"] = path("dns-only.key")
    return files


class Conn:
    """The server side of one TLS connection, with a line reader."""

    def __init__(self, tls):
        self.tls = tls
        self.buf = b""

    def fill(self):
        data = self.tls.recv(65536)
        if not data:
            raise EOFError
        self.buf += data

    def line(self):
        while b"\n" not in self.buf:
            self.fill()
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode().split()

    def take(self, n):
        """Up to n bytes: what is buffered, else one read."""
        if not self.buf:
            self.fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out


def serve_commands(conn):
    while True:
        cmd = conn.line()
        if cmd[0] == "ECHO":
            left = int(cmd[1])
            while left > 0:
                chunk = conn.take(left)
                conn.tls.sendall(chunk)
                left -= len(chunk)
        elif cmd[0] == "SINK":
            total, delay_ms = int(cmd[1]), int(cmd[2])
            time.sleep(delay_ms / 1000)
            got = bytearray()
            while len(got) < total:
                got += conn.take(total - len(got))
            expected = (bytes(range(251)) * (total // 251 + 1))[:total]
            if got == expected:
                conn.tls.sendall(b"got %d\n" % total)
            else:
                bad = next(i for i in range(total) if got[i] != expected[i])
                conn.tls.sendall(b"bad at %d\n" % bad)
        elif cmd[0] == "CLOSE":
            conn.tls.sendall(b"bye\n")
            raw = conn.tls.unwrap()  # sends close_notify (and waits for the client's)
            raw.close()
            return
        elif cmd[0] == "EOF":
            conn.tls.sendall(b"bye\n")
            conn.tls.shutdown(socket.SHUT_RDWR)  # TCP FIN, no close_notify
            return
        elif cmd[0] == "RESET":
            conn.tls.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
            conn.tls.close()
            return
        else:
            return


def tls_server(family, host, cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.settimeout(30)
            try:
                tls = context.wrap_socket(self.request, server_side=True)
            except (ssl.SSLError, OSError):
                return  # the client refused our certificate: expected in some tests
            try:
                serve_commands(Conn(tls))
            except (EOFError, ssl.SSLError, OSError):
                pass
            finally:
                tls.close()

    return start_server(family, host, Handler)


def plain_server(family, host):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            # Read the ClientHello first: closing with it unread would reset
            # the connection, and the client must see our bytes, not a reset.
            self.request.settimeout(5)
            try:
                self.request.recv(65536)
                self.request.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                self.request.shutdown(socket.SHUT_WR)
                while self.request.recv(65536):
                    pass
            except OSError:
                pass

    return start_server(family, host, Handler)


def start_server(family, host, handler):
    class Server(socketserver.ThreadingTCPServer):
        address_family = family
        daemon_threads = True
        allow_reuse_address = True

    server = Server((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--openssl", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("program", nargs="+")
    args = parser.parse_args()

    if not args.openssl or args.openssl.endswith("NOTFOUND"):
        sys.exit("the openssl command-line tool is required (Debian package: openssl)")
    pki = make_pki(args.openssl, args.work_dir)

    servers = []
    try:
        full = tls_server(socket.AF_INET, "127.0.0.1", pki["server"], pki["server-key"])
        servers.append(full)
        try:
            full6 = tls_server(socket.AF_INET6, "::1", pki["server"], pki["server-key"])
            servers.append(full6)
            port6 = full6.server_address[1]
        except OSError:
            port6 = 0  # no IPv6 loopback: the test skips its IPv6 case
        dns_only = tls_server(socket.AF_INET, "127.0.0.1", pki["dns-only"], pki["dns-only-key"])
        servers.append(dns_only)
        plain = plain_server(socket.AF_INET, "127.0.0.1")
        servers.append(plain)

        wrapper = shlex.split(os.environ.get("EIC_PORT_TEST_WRAPPER", ""))
        command = wrapper + args.program + [
            "--ca", pki["ca"], "--other-ca", pki["other-ca"],
            "--port", str(full.server_address[1]), "--port6", str(port6),
            "--dns-only-port", str(dns_only.server_address[1]),
            "--plain-port", str(plain.server_address[1])]
        # Exact heap figures for the reconnect test: glibc's per-thread cache
        # would count freed chunks as in use.
        env = dict(os.environ)
        env["GLIBC_TUNABLES"] = ":".join(
            t for t in (env.get("GLIBC_TUNABLES"), "glibc.malloc.tcache_count=0") if t)
        print("running:", " ".join(command), flush=True)
        return subprocess.run(command, env=env).returncode
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    sys.exit(main())
