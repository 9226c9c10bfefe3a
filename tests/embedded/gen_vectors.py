#!/usr/bin/env python3
"""Turns the signing vectors of tests/vectors/ into C data for the Cortex-M vector image.

  gen_vectors.py VECTORS_DIR OUT.c

The target has no file system, so the requests are parsed here, on the host, exactly as
examples/posix/eic_sigv4_tool.c parses them (and as tests/vectors/check_vector.py feeds them to
it), and written out as ready eic_sigv4_request values with the expected canonical request,
string to sign and Authorization value of each case:

- sigv4/: every case of the AWS SigV4 suite (T.req); credentials, region, service and time are the
  suite's; the session token is the one the expected T.creq signs, added as X-Amz-Security-Token
  when the request carries none; expected texts have their CRs removed;
- lambda/: every botocore request (T.json, T.req head with T.body as the body).

As in eic-sigv4, a request line's target runs from the first space to the last one, lines end in
LF or CRLF, and the headers that are never signed (Authorization, Content-Length, ...) are left out.
"""
import json
import os
import re
import sys

SUITE = {
    "access_key_id": "AKIDEXAMPLE",
    "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "region": "us-east-1",
    "service": "service",
    "time": "20150830T123600Z",
    "session_token": None,
}

# The same list as is_unsigned_header() in examples/posix/eic_sigv4_tool.c.
NEVER_SIGNED = {
    "authorization", "content-length", "user-agent", "expect", "transfer-encoding",
    "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-authorization",
    "x-amzn-trace-id",
}

# ISO C99 compilers need only accept string literals of 4095 characters (-pedantic warns past
# that); longer texts are written as byte arrays.
LITERAL_MAX = 4000


def read(path):
    with open(path, "rb") as f:
        return f.read()


def next_line(text, pos):
    """(line without its LF or CRLF, next position), or (None, pos) at the end."""
    if pos >= len(text):
        return None, pos
    nl = text.find(b"\n", pos)
    end = nl if nl >= 0 else len(text)
    line = text[pos:end]
    pos = end + 1 if nl >= 0 else len(text)
    if line.endswith(b"\r"):
        line = line[:-1]
    return line, pos


def parse_request(text, session_token):
    line, pos = next_line(text, 0)
    if line is None:
        raise ValueError("no request line")
    first = line.find(b" ")
    last = line.rfind(b" ")
    if first < 0 or last <= first:
        raise ValueError("bad request line %r" % line)
    method = line[:first]
    target = line[first + 1:last]
    path, sep, query = target.partition(b"?")
    headers = []
    while True:
        line, pos = next_line(text, pos)
        if line is None or line == b"":
            break
        name, colon, value = line.partition(b":")
        if not colon:
            raise ValueError("bad header line %r" % line)
        if name.decode("latin-1").lower() not in NEVER_SIGNED:
            headers.append((name, value))
    if session_token is not None and not any(
            n.lower() == b"x-amz-security-token" for n, _ in headers):
        headers.append((b"X-Amz-Security-Token", session_token.encode()))
    return {
        "method": method,
        "path": path,
        "query": query if sep else None,
        "headers": headers,
        "payload": text[pos:] if pos < len(text) else b"",
    }


def suite_cases(root):
    cases = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".req"):
                continue
            name = f[:-4]
            base = os.path.join(dirpath, name)
            params = dict(SUITE)
            for line in read(base + ".creq").decode().split("\n"):
                if line.startswith("x-amz-security-token:"):
                    params["session_token"] = line.split(":", 1)[1]
            expect = {a: read(base + "." + a).replace(b"\r", b"") for a in ("creq", "sts", "authz")}
            cases.append(("sigv4/" + name, params,
                          parse_request(read(base + ".req"), params["session_token"]), expect))
    return cases


def lambda_cases(root):
    cases = []
    for name in os.listdir(root):
        base = os.path.join(root, name, name)
        if not os.path.isfile(base + ".json"):
            continue
        spec = json.loads(read(base + ".json"))
        params = {
            "access_key_id": spec["access_key_id"],
            "secret_access_key": spec["secret_access_key"],
            "session_token": spec["session_token"],
            "region": spec["region"],
            "service": "lambda",
            "time": spec["signing_time"],
        }
        head = re.split(rb"\r?\n\r?\n", read(base + ".req"), maxsplit=1)[0]
        request = head + b"\r\n\r\n" + read(base + ".body")
        expect = {a: read(base + "." + a) for a in ("creq", "sts", "authz")}
        cases.append(("lambda/" + name, params,
                      parse_request(request, params["session_token"]), expect))
    return cases


def c_literal(data):
    """A C string literal holding exactly data: printable ASCII as is (but \\, " and ?, which
    could start a trigraph), every other byte as a three-digit octal escape."""
    out = []
    for b in data:
        c = chr(b)
        if c in '\\"?':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7f:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    text = "".join(out)
    # Break long literals into lines of about 96 characters, never inside an escape.
    pieces, cur = [], ""
    i = 0
    while i < len(text):
        step = 4 if text[i] == "\\" and text[i + 1:i + 2].isdigit() else (
            2 if text[i] == "\\" else 1)
        cur += text[i:i + step]
        i += step
        if len(cur) >= 96:
            pieces.append(cur)
            cur = ""
    if cur or not pieces:
        pieces.append(cur)
    return "\n        ".join('"%s"' % p for p in pieces)


class Emitter:
    def __init__(self):
        self.lines = []
        self.count = 0

    def text(self, data):
        """Defines data as a static array; returns an expression for its first byte."""
        self.count += 1
        name = "t%d" % self.count
        if len(data) <= LITERAL_MAX:
            self.lines.append("static const char %s[] =\n        %s;" % (name, c_literal(data)))
        else:
            body = ",".join("0x%02x" % b for b in data)
            self.lines.append("static const char %s[%d] = {%s};" % (name, len(data), body))
        return name

    def span(self, data):
        """`pointer, length` for a text member pair."""
        return "%s, %du" % (self.text(data), len(data))


def c_string(value):
    return "NULL" if value is None else c_literal(value.encode())


def generate(vectors_dir):
    cases = sorted(suite_cases(os.path.join(vectors_dir, "sigv4")), key=lambda c: c[0])
    cases += sorted(lambda_cases(os.path.join(vectors_dir, "lambda")), key=lambda c: c[0])
    if not cases:
        raise ValueError("no vectors under %s" % vectors_dir)
    em = Emitter()
    entries = []
    for index, (name, params, req, expect) in enumerate(cases):
        headers = ["    {%s, %s}," % (em.span(n), em.span(v)) for n, v in req["headers"]]
        em.lines.append("static const eic_sigv4_header h%d[] = {\n%s\n};" % (index, "\n".join(headers)))
        query = em.span(req["query"]) if req["query"] is not None else "NULL, 0u"
        payload = ("(const uint8_t *)%s" % em.span(req["payload"])) if req["payload"] else "NULL, 0u"
        entries.append("""    {
        %s,
        %s, %s,
        %s, %s,
        %s, %s,
        {%s, %s, %s, h%d, %du, %s},
        {%s}, {%s}, {%s},
    },""" % (c_literal(name.encode()),
             c_string(params["access_key_id"]), c_string(params["secret_access_key"]),
             c_string(params["region"]), c_string(params["service"]),
             c_string(params["time"]), c_string(params["session_token"]),
             em.span(req["method"]), em.span(req["path"]), query, index, len(req["headers"]),
             payload,
             em.span(expect["creq"]), em.span(expect["sts"]), em.span(expect["authz"])))
    out = [
        "/* Generated by tests/embedded/gen_vectors.py from tests/vectors/: do not edit. */",
        '#include "eic_embedded_vectors.h"',
        "",
        "#include <stddef.h>",
        "#include <stdint.h>",
        "",
    ]
    out += em.lines
    out += [
        "",
        "const eic_embedded_vector eic_embedded_vectors[] = {",
    ]
    out += entries
    out += [
        "};",
        "",
        "const size_t eic_embedded_vector_count = %du;" % len(cases),
        "",
    ]
    return "\n".join(out), len(cases)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: gen_vectors.py VECTORS_DIR OUT.c\n")
        return 2
    text, count = generate(sys.argv[1])
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    os.replace(tmp, sys.argv[2])
    print("gen_vectors: %d vectors -> %s" % (count, sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
