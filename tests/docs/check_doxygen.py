#!/usr/bin/env python3
"""docs.doxygen: builds the API reference with docs/Doxyfile and fails on any warning.

Why: the public headers are eic's contract; Doxygen with every warning turned
on (undocumented members, parameters without @param, functions without
@return) keeps each public symbol documented. The exit status alone is not
enough (some Doxygen versions exit 0 after warnings), so the warning log must
be empty too. On top, every public function that returns eic_status must list
the statuses it can return with @retval, which Doxygen does not check itself.
"""
import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


def run_doxygen(doxygen, source_dir, out_dir):
    """Runs Doxygen into a fresh out_dir; returns its exit status and warning log."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    env = dict(os.environ, EIC_SOURCE_DIR=source_dir, EIC_DOCS_OUT=out_dir)
    proc = subprocess.run([doxygen, os.path.join(source_dir, "docs", "Doxyfile")],
                          cwd=source_dir, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    log_path = os.path.join(out_dir, "doxygen-warnings.log")
    log = open(log_path).read() if os.path.exists(log_path) else ""
    return proc.returncode, proc.stdout, log


def functions_without_retval(xml_dir):
    """Names of documented functions returning eic_status that have no @retval list."""
    missing = []
    checked = 0
    for name in sorted(os.listdir(xml_dir)):
        if not name.endswith("_8h.xml"):
            continue
        for member in ET.parse(os.path.join(xml_dir, name)).iter("memberdef"):
            if member.get("kind") != "function":
                continue
            if "".join(member.find("type").itertext()).strip() != "eic_status":
                continue
            checked += 1
            if member.find(".//parameterlist[@kind='retval']") is None:
                missing.append(member.findtext("name"))
    return checked, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doxygen", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--out-dir", required=True)
    args = ap.parse_args()
    if not args.doxygen or args.doxygen.endswith("NOTFOUND"):
        sys.exit("doxygen not found: install it (Debian: apt-get install doxygen)")

    rc, output, log = run_doxygen(args.doxygen, os.path.abspath(args.source_dir),
                                  os.path.abspath(args.out_dir))
    failures = []
    if rc != 0:
        failures.append("doxygen exited %d" % rc)
    if log.strip():
        failures.append("doxygen warned:\n" + log)
    index = os.path.join(args.out_dir, "html", "index.html")
    if not os.path.exists(index):
        failures.append("no %s" % index)
    checked, missing = functions_without_retval(os.path.join(args.out_dir, "xml"))
    if checked == 0:
        failures.append("no function returning eic_status found in the XML output")
    for name in missing:
        failures.append("%s returns eic_status but documents no @retval" % name)
    if failures:
        sys.stdout.write(output)
        sys.exit("\n".join(failures))
    print("docs.doxygen: no warning; %d functions returning eic_status, each with @retval; "
          "reference in %s" % (checked, index))


if __name__ == "__main__":
    main()
