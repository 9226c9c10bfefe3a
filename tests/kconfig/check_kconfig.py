#!/usr/bin/python3
"""check_kconfig.py (tests/kconfig): the top-level Kconfig and eic_config.h are one configuration.

Why: eic's options live twice, as `#ifndef EIC_X` defaults in core/include/eic/eic_config.h (the
host, any toolchain) and as CONFIG_EIC_X in the top-level Kconfig (ESP-IDF, Zephyr). Nothing but
this test stops the two from drifting apart, or a Kconfig value from silently not reaching the code.

Steps (each failure names what is wrong):
  1. kconfiglib parses Kconfig with every warning on (undefined symbols included); any warning
     fails. The file also keeps ESP-IDF's format (4-space indentation, no tabs or trailing
     blanks, at most 120 columns) and every int option has a prompt, help, one default and one
     range that holds the default.
  2. The int options of Kconfig and the `#ifndef EIC_X / #define EIC_X N` defaults of
     eic_config.h are the same set with the same defaults, each default preceded by its
     CONFIG_EIC_X mapping; kconfig_values.c lists the same set.
  3. A .config with non-default values (and the port and TLS choices changed) is loaded without
     a warning and fed to kconfiglib's genconfig, which writes a header.
  4. Zephyr's way: the project is configured in a nested build with that header in front of
     every file (-imacros, as Zephyr does with autoconf.h), the unit tests are built and run
     there with ctest, and kconfig_values (built there too) prints the values the code sees:
     every option must equal the .config's value.
  5. ESP-IDF's way: kconfig_values is compiled once more with -DESP_PLATFORM and the header,
     named sdkconfig.h, only on the include path (eic_config.h includes it), and checked alike.

Usage: check_kconfig.py --source-dir DIR --build-dir DIR [--generator G] [--c-compiler CC]
                        [--cmake CMAKE] [--ctest CTEST]
Needs kconfiglib for this interpreter (Debian 12: apt-get install python3-kconfiglib).
"""
import argparse
import os
import re
import subprocess
import sys
import time

# Non-default values written to the .config: limits that size public arrays, the JSON reserve
# and the retry policy, each different from its default and inside its range. EIC_MARKER_MAX
# stays under 1023: tests/unit/test_validate.c builds its longest marker in a 1024-byte buffer.
NON_DEFAULTS = {
    "EIC_MARKER_MAX": 768,
    "EIC_ERROR_MESSAGE_MAX": 200,
    "EIC_RETRY_MAX_ATTEMPTS": 5,
    "EIC_JSON_SPARE_TOKENS": 24,
    "EIC_SESSION_TOKEN_MAX": 4096,
    "EIC_CONNECT_TIMEOUT_MS": 5000,
    "EIC_RETRY_QUOTA": 300,
    "EIC_WITH_BOTOCORE_ERROR_TEXT": 1,
    "EIC_WITH_ISO8601_TIMESTAMPS": 1,
}
# Bool and choice settings written beside them (and checked in the generated header).
BOOL_SETTINGS = {"EIC_PORT_NONE": True, "EIC_TLS": False}

ESP_IDF_MAX_LINE = 120
ESP_IDF_MAX_NAME = 50


class Failure(Exception):
    pass


def step(msg):
    print("kconfig: " + msg, flush=True)


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def import_kconfiglib():
    try:
        import kconfiglib  # noqa: F401 (imported for the caller)
    except ImportError:
        raise Failure("kconfiglib is not importable by %s: apt-get install python3-kconfiglib"
                      % sys.executable)
    return kconfiglib


# ---------------------------------------------------------------- 1. Kconfig parses cleanly


def check_format(path):
    """ESP-IDF's Kconfig format, the stricter of the two hosts."""
    problems = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            where = "%s:%d: " % (os.path.basename(path), n)
            if "\t" in line:
                problems.append(where + "tab (ESP-IDF indents with 4 spaces)")
            if line != line.rstrip():
                problems.append(where + "trailing whitespace")
            if len(line) > ESP_IDF_MAX_LINE:
                problems.append(where + "longer than %d columns" % ESP_IDF_MAX_LINE)
            indent = len(line) - len(line.lstrip(" "))
            if line.strip() and indent % 4 != 0:
                problems.append(where + "indentation of %d is not a multiple of 4" % indent)
            m = re.match(r"\s*(?:config|menuconfig|choice)\s+(\S+)", line)
            if m and len(m.group(1)) > ESP_IDF_MAX_NAME:
                problems.append(where + "name longer than %d characters" % ESP_IDF_MAX_NAME)
    check(not problems, "Kconfig format:\n  " + "\n  ".join(problems))


def load_kconfig(kconfiglib, path):
    os.environ["KCONFIG_WARN_UNDEF"] = "y"  # references to undefined symbols warn too
    try:
        kconf = kconfiglib.Kconfig(path, warn=True, warn_to_stderr=False)
    except kconfiglib.KconfigError as e:
        raise Failure("kconfiglib cannot parse %s: %s" % (path, e))
    check(not kconf.warnings, "kconfiglib warnings:\n  " + "\n  ".join(kconf.warnings))
    return kconf


def int_options(kconfiglib, kconf):
    """{name: default} of the int symbols, checking prompt, help, default and range."""
    options = {}
    problems = []
    # A default or range may depend on nothing but the `if EIC` the options sit in.
    plain = (kconf.y, kconf.syms.get("EIC"))
    for sym in kconf.unique_defined_syms:
        if sym.type != kconfiglib.INT:
            continue
        name = sym.name
        node = sym.nodes[0]
        if len(sym.nodes) != 1:
            problems.append(name + ": defined more than once")
        if not name.startswith("EIC_"):
            problems.append(name + ": not in the EIC_ namespace")
        if node.prompt is None:
            problems.append(name + ": no prompt (menuconfig would hide it)")
        if not (node.help or "").strip():
            problems.append(name + ": no help")
        if len(sym.defaults) != 1 or sym.defaults[0][1] not in plain:
            problems.append(name + ": needs exactly one unconditional default")
            continue
        if len(sym.ranges) != 1 or sym.ranges[0][2] not in plain:
            problems.append(name + ": needs exactly one unconditional range")
            continue
        default = int(sym.defaults[0][0].str_value, 0)
        low = int(sym.ranges[0][0].str_value, 0)
        high = int(sym.ranges[0][1].str_value, 0)
        if not low <= default <= high:
            problems.append("%s: default %d outside its range %d..%d" % (name, default, low, high))
        options[name] = default
    check(not problems, "Kconfig options:\n  " + "\n  ".join(problems))
    return options


def check_bools(kconfiglib, kconf):
    syms = kconf.syms
    for name in ("EIC", "EIC_TLS", "EIC_PORT_POSIX", "EIC_PORT_LWIP", "EIC_PORT_NONE"):
        check(name in syms and syms[name].nodes and syms[name].type == kconfiglib.BOOL,
              "Kconfig lacks the bool " + name)
    choice = syms["EIC_PORT_POSIX"].choice
    check(choice is not None and choice.name == "EIC_PORT",
          "EIC_PORT_POSIX is not in `choice EIC_PORT`")
    check(sorted(s.name for s in choice.syms) ==
          ["EIC_PORT_LWIP", "EIC_PORT_NONE", "EIC_PORT_POSIX"],
          "choice EIC_PORT holds %s" % [s.name for s in choice.syms])
    check(choice.selection is syms["EIC_PORT_POSIX"], "EIC_PORT does not default to POSIX")
    check(syms["EIC_TLS"].str_value == "y", "EIC_TLS does not default to y")
    menus = [n.prompt[0] for n in kconf.node_iter() if n.item is kconfiglib.MENU and n.prompt]
    check("eic" in menus, 'Kconfig has no `menu "eic"`')


# ---------------------------------------------------------------- 2. Kconfig == eic_config.h

DEFAULT_RE = re.compile(r"^#ifndef (EIC_\w+)\n#define \1 (.+)\n#endif\n", re.M)
MAPPING_RE = re.compile(r"^#if !defined\((EIC_\w+)\) && defined\(CONFIG_\1\)\n"
                        r"#define \1 CONFIG_\1\n#endif\n(?=#ifndef \1\n)", re.M)


def header_options(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    options = {}
    for m in DEFAULT_RE.finditer(text):
        name, value = m.group(1), m.group(2).strip()
        check(re.fullmatch(r"\d+", value),
              "%s: default `%s` is not a decimal integer (Kconfig cannot mirror it)"
              % (name, value))
        check(name not in options, name + ": two defaults in eic_config.h")
        options[name] = int(value)
    check(options, "no `#ifndef EIC_X / #define EIC_X N` defaults found in " + path)
    mapped = set(MAPPING_RE.findall(text))
    unmapped = sorted(set(options) - mapped)
    check(not unmapped, "eic_config.h: no CONFIG_ mapping right before the default of: "
          + ", ".join(unmapped))
    return options


def compare(kconfig_opts, header_opts):
    problems = []
    for name in sorted(set(header_opts) - set(kconfig_opts)):
        problems.append("%s: in eic_config.h, missing from Kconfig" % name)
    for name in sorted(set(kconfig_opts) - set(header_opts)):
        problems.append("%s: in Kconfig, missing from eic_config.h" % name)
    for name in sorted(set(kconfig_opts) & set(header_opts)):
        if kconfig_opts[name] != header_opts[name]:
            problems.append("%s: Kconfig default %d, eic_config.h default %d"
                            % (name, kconfig_opts[name], header_opts[name]))
    check(not problems, "Kconfig and eic_config.h disagree:\n  " + "\n  ".join(problems))


def printer_options(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r"^\s*X\((EIC_\w+)\)", f.read(), re.M))


# ---------------------------------------------------------------- 3. .config -> genconfig


def write_dotconfig(kconf, path, header_opts):
    for name, value in NON_DEFAULTS.items():
        check(name in header_opts, "NON_DEFAULTS names an unknown option " + name)
        check(value != header_opts[name], "%s=%d is its default" % (name, value))
    lines = ["# tests/kconfig: non-default values for the kconfig test\n"]
    lines += ["CONFIG_%s=%d\n" % (n, v) for n, v in sorted(NON_DEFAULTS.items())]
    lines += ["CONFIG_%s=y\n" % n if v else "# CONFIG_%s is not set\n" % n
              for n, v in sorted(BOOL_SETTINGS.items())]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    kconf.warn_assign_undef = True
    kconf.warn_assign_override = True
    kconf.warn_assign_redun = True
    kconf.load_config(path)
    check(not kconf.warnings, "loading the .config warned:\n  " + "\n  ".join(kconf.warnings))
    expected = {}
    for name in header_opts:
        expected[name] = int(kconf.syms[name].str_value, 0)
        want = NON_DEFAULTS.get(name, header_opts[name])
        check(expected[name] == want,
              "%s is %d after loading the .config, not %d (out of range?)"
              % (name, expected[name], want))
    return expected


def run(cmd, what, **kw):
    t = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, **kw)
    if p.returncode != 0:
        raise Failure("%s failed (exit %d): %s\n%s" % (what, p.returncode, " ".join(cmd),
                                                       p.stdout))
    step("%s: ok (%.1f s)" % (what, time.monotonic() - t))
    return p.stdout


def genconfig(kconfig_path, dotconfig, header, src):
    env = dict(os.environ, KCONFIG_CONFIG=dotconfig, KCONFIG_WARN_UNDEF="y",
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, "-m", "genconfig", "--header-path", header, kconfig_path],
                       cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    check(p.returncode == 0 and not p.stderr.strip(),
          "genconfig failed or warned (exit %d):\n%s%s" % (p.returncode, p.stdout, p.stderr))
    with open(header, encoding="utf-8") as f:
        text = f.read()
    defines = dict(re.findall(r"^#define CONFIG_(\w+) (\S+)$", text, re.M))
    for name, value in NON_DEFAULTS.items():
        check(defines.get(name) == str(value),
              "generated header: CONFIG_%s is %s, not %d" % (name, defines.get(name), value))
    for name, on in BOOL_SETTINGS.items():
        check((defines.get(name) == "1") == on,
              "generated header: CONFIG_%s is %s" % (name, defines.get(name, "undefined")))
    step("genconfig: %s (%d CONFIG_ defines)" % (header, len(defines)))


# ---------------------------------------------------------------- 4. nested build


def check_values(output, expected, how):
    """kconfig_values' output against the .config's values."""
    seen = dict(line.split("=", 1) for line in output.split())
    problems = []
    for name, want in sorted(expected.items()):
        got = seen.get(name)
        if got != str(want):
            problems.append("%s: the code sees %s, the .config says %d" % (name, got, want))
    derived = {"array.eic_list_result.next_marker": expected["EIC_MARKER_MAX"],
               "array.eic_error.message": expected["EIC_ERROR_MESSAGE_MAX"],
               "array.eic_error.code": expected["EIC_ERROR_CODE_MAX"]}
    for name, want in derived.items():
        if seen.get(name) != str(want):
            problems.append("%s is %s, not %d" % (name, seen.get(name), want))
    check(not problems, "values did not reach the code (%s):\n  " % how + "\n  ".join(problems))
    step("kconfig_values (%s): all %d options as configured (%s)" % (
        how, len(expected), ", ".join("%s=%s" % (n, seen[n]) for n in sorted(NON_DEFAULTS))))


def cache_value(bld, name):
    with open(os.path.join(bld, "CMakeCache.txt"), encoding="utf-8") as f:
        m = re.search(r"^%s:\w+=(.*)$" % re.escape(name), f.read(), re.M)
    check(m, "%s not in the nested build's CMakeCache.txt" % name)
    return m.group(1)


def nested_build(args, header, expected):
    bld = args.build_dir
    check(" " not in header, "the generated header's path has a space: " + header)
    configure = [args.cmake, "-S", args.source_dir, "-B", bld,
                 "-DCMAKE_C_FLAGS=-imacros " + header,
                 "-DEIC_BUILD_TESTS=ON",
                 # The feature options come from the header here, not from the host's -D.
                 "-DEIC_AWS_CLI_PARITY=OFF"]
    if args.generator:
        configure += ["-G", args.generator]
    if args.c_compiler:
        configure += ["-DCMAKE_C_COMPILER=" + args.c_compiler]
    run(configure, "configure the nested build")

    # The unit tests as the project registers them (tests/unit: unit.<target>).
    listing = run([args.ctest, "--test-dir", bld, "-N", "-R", r"^unit\."], "list unit tests")
    units = re.findall(r"Test\s+#\d+: unit\.(\w+)", listing)
    check(units, "the nested build registers no unit.* test")
    jobs = str(os.cpu_count() or 2)
    run([args.cmake, "--build", bld, "-j", jobs, "--target", "kconfig_values"] + units,
        "build %d unit tests and kconfig_values" % len(units))
    out = run([args.ctest, "--test-dir", bld, "-R", r"^unit\.", "-j", jobs,
               "--output-on-failure", "--no-tests=error"],
              "run the %d unit tests with the generated header" % len(units))
    summary = [l for l in out.splitlines() if "tests passed" in l]
    step("nested unit tests: " + (summary[-1].strip() if summary else "passed"))

    printer = os.path.join(bld, "tests", "kconfig_values")
    check_values(run([printer], "run kconfig_values"), expected, "-imacros, as Zephyr")


# ---------------------------------------------------------------- 5. ESP-IDF route


def esp_idf_route(args, header, expected):
    """sdkconfig.h reached through eic_config.h's own #include, as on ESP-IDF."""
    bld = args.build_dir
    inc = os.path.join(bld, "esp-idf")
    os.makedirs(inc, exist_ok=True)
    with open(header, encoding="utf-8") as src, \
            open(os.path.join(inc, "sdkconfig.h"), "w", encoding="utf-8") as dst:
        dst.write(src.read())
    exe = os.path.join(inc, "kconfig_values")
    here = os.path.dirname(os.path.abspath(__file__))
    run([args.c_compiler or "cc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
         "-DESP_PLATFORM", "-I" + inc, "-I" + os.path.join(args.source_dir, "core", "include"),
         "-I" + cache_value(bld, "EIC_JSMN_INCLUDE_DIR"),
         "-I" + cache_value(bld, "EIC_MBEDTLS_INCLUDE_DIR"),
         os.path.join(here, "kconfig_values.c"), "-o", exe],
        "compile kconfig_values with -DESP_PLATFORM and sdkconfig.h")
    check_values(run([exe], "run it"), expected, "sdkconfig.h, as ESP-IDF")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--generator")
    ap.add_argument("--c-compiler")
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("--ctest", default="ctest")
    args = ap.parse_args()
    args.source_dir = os.path.abspath(args.source_dir)
    args.build_dir = os.path.abspath(args.build_dir)

    kconfig_path = os.path.join(args.source_dir, "Kconfig")
    header_path = os.path.join(args.source_dir, "core", "include", "eic", "eic_config.h")
    printer_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kconfig_values.c")
    t0 = time.monotonic()
    try:
        kconfiglib = import_kconfiglib()
        step("kconfiglib %s on %s" % (".".join(map(str, kconfiglib.VERSION)), sys.executable))

        check_format(kconfig_path)
        kconf = load_kconfig(kconfiglib, kconfig_path)
        kconfig_opts = int_options(kconfiglib, kconf)
        check_bools(kconfiglib, kconf)
        step("Kconfig parses without a warning: %d int options, port choice, TLS"
             % len(kconfig_opts))

        header_opts = header_options(header_path)
        compare(kconfig_opts, header_opts)
        printed = printer_options(printer_path)
        check(printed == set(header_opts), "kconfig_values.c and eic_config.h differ in: "
              + ", ".join(sorted(printed ^ set(header_opts))))
        step("Kconfig == eic_config.h: %d options, same defaults, each mapped from CONFIG_"
             % len(header_opts))

        os.makedirs(args.build_dir, exist_ok=True)
        dotconfig = os.path.join(args.build_dir, "kconfig.config")
        header = os.path.join(args.build_dir, "eic_kconfig.h")
        expected = write_dotconfig(kconf, dotconfig, header_opts)
        genconfig(kconfig_path, dotconfig, header, args.source_dir)

        nested_build(args, header, expected)
        esp_idf_route(args, header, expected)
    except Failure as e:
        print("kconfig: FAIL: %s" % e, flush=True)
        return 1
    step("PASS (%.1f s)" % (time.monotonic() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
