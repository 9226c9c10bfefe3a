#!/usr/bin/env python3
"""Footprint of the core on Cortex-M4 -Os: flash and static RAM per module, and
the worst stack depth of every public call.

  footprint.py BUILD_DIR ARCHIVE SIZE_TOOL [CC INCLUDE_DIR...]

With CC (the cross compiler) it also links footprint_firmware.c's entry
points, one at a time, against the archive with --gc-sections and prints
what each firmware keeps of the core: the flash a device pays, where the
archive's total also counts functions no firmware call reaches.

Reads the cross build that gate_cortex_m4.sh made with -fstack-usage and
-fcallgraph-info=su: each function's own frame (.su, via the .ci graph) plus
the deepest chain of calls below it. Calls that leave the core (mbedTLS,
libc, the port's function pointers) are listed, not counted: their frames
belong to the platform. Prints figures; fails only on static RAM (never 0 is
a gate) or a recursion in the core (its depth would be unbounded).
"""
import collections
import glob
import os
import re
import subprocess
import sys

NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
FRAME = re.compile(r'\\n(\d+) bytes \((static|dynamic[^)]*)\)')


def read_graph(build_dir, modules):
    frames, edges, files = {}, collections.defaultdict(set), {}
    for ci in glob.glob(os.path.join(build_dir, "core", "**", "*.ci"), recursive=True):
        module = os.path.basename(ci).split(".")[0]
        if module not in modules:  # another library's, or a stale one of a removed source
            continue
        text = open(ci).read()
        local = {}
        for title, label in NODE.findall(text):
            m = FRAME.search(label)
            if m:  # defined in this file
                key = (module, title)
                frames[key] = int(m.group(1))
                local[title] = key
                files[key] = module
        for src, dst in EDGE.findall(text):
            edges[local.get(src, (None, src))].add(local.get(dst, (None, dst)))
    # A call to a function defined in another file of the core.
    by_name = {}
    for key in frames:
        by_name.setdefault(key[1], key)
    resolved = collections.defaultdict(set)
    for src, dsts in edges.items():
        for d in dsts:
            resolved[src].add(d if d in frames else by_name.get(d[1], d))
    # An indirect call inside a file may reach the file's own functions whose
    # address is taken: those no one calls directly that are not public entry
    # points (eic_ops.c hands each operation's build and parse steps to one
    # loop this way). Calls through the port's pointers leave the core.
    called = {d for dsts in resolved.values() for d in dsts}
    for src, dsts in resolved.items():
        if (None, "__indirect_call") in dsts:
            dsts |= {k for k in frames if k[0] == src[0] and k not in called
                     and not k[1].startswith("eic_")}
    return frames, resolved


def depth(key, frames, edges, memo, stack, outside):
    if key in memo:
        return memo[key]
    if key in stack:
        raise RuntimeError("recursion through %s" % key[1])
    if key not in frames:
        outside.add(key[1])
        return 0
    stack.add(key)
    below = max([depth(d, frames, edges, memo, stack, outside) for d in edges.get(key, ())] or [0])
    stack.discard(key)
    memo[key] = frames[key] + below
    return memo[key]


def public_calls(src_dir):
    names = set()
    for h in glob.glob(os.path.join(src_dir, "core", "include", "eic", "*.h")):
        names |= set(re.findall(r"^\w[\w ]*\*?\s*\b(eic_\w+)\s*\(", open(h).read(), re.M))
    return sorted(names)


# A firmware and the entry point footprint_firmware.c gives it.
FIRMWARES = (("all five operations", "eic_footprint_all_operations"),
             ("Put only", "eic_footprint_put_only"),
             ("build and parse halves (own HTTP client)", "eic_footprint_halves"))
MAP_SECTION = re.compile(r"^ (\.\S+)\s*(?:\n\s+|\s+)0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S+)$", re.M)


def linked(cc, includes, archive, work):
    """{firmware: {module: bytes}} of the core's sections each link keeps."""
    flags = ["-mcpu=cortex-m4", "-mthumb", "-Os", "-ffunction-sections", "-fdata-sections"]
    here = os.path.dirname(os.path.abspath(__file__))
    obj = os.path.join(work, "footprint_firmware.o")
    subprocess.run([cc] + flags + ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"] +
                   ["-I" + d for d in includes] +
                   ["-c", os.path.join(here, "footprint_firmware.c"), "-o", obj], check=True)
    result = {}
    for name, entry in FIRMWARES:
        elf = os.path.join(work, entry + ".elf")
        # -nostdlib and unresolved symbols ignored: mbedTLS and libc are not counted.
        subprocess.run([cc] + flags + ["-nostdlib", "-nostartfiles", "-Wl,-e," + entry,
                                       "-Wl,--gc-sections", "-Wl,--unresolved-symbols=ignore-all",
                                       obj, archive, "-o", elf, "-Wl,-Map=" + elf + ".map"],
                       check=True)
        text = open(elf + ".map").read()
        kept = text[text.index("Linker script and memory map"):]
        modules = collections.Counter()
        for section, size, where in MAP_SECTION.findall(kept):
            m = re.search(r"libeic\.a\((\w+)\.c\.obj\)$", where)
            # Flash is code, read-only data and initialised data (static RAM is checked above).
            if m and section.startswith((".text", ".rodata", ".data")):
                modules[m.group(1)] += int(size, 16)
        result[name] = modules
    return result


def main():
    build_dir, archive, size_tool = sys.argv[1:4]
    cc, includes = (sys.argv[4], sys.argv[5:]) if len(sys.argv) > 4 else (None, [])
    src_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([size_tool, archive], capture_output=True, text=True, check=True).stdout
    rows, total_flash, total_ram = [], 0, 0
    for line in out.splitlines()[1:]:
        text, data, bss = (int(x) for x in line.split()[:3])
        module = line.split()[5].split(".")[0]
        rows.append((module, text + data, data + bss))
        total_flash += text + data
        total_ram += data + bss
    print("| module | flash (text+data) | static RAM |")
    print("|---|---:|---:|")
    for module, flash, ram in sorted(rows, key=lambda r: -r[1]):
        print("| %s | %d | %d |" % (module, flash, ram))
    print("| **core** | **%d** | **%d** |" % (total_flash, total_ram))

    firmware = linked(cc, includes, archive, build_dir) if cc else {}
    if firmware:
        print()
        print("What a firmware links of the core (--gc-sections, Cortex-M4 -Os):")
        print()
        print("| firmware calls | flash |")
        print("|---|---:|")
        for name, _ in FIRMWARES:
            print("| %s | %d |" % (name, sum(firmware[name].values())))

    # The archive's own graphs: the generic eic_sigv4.h calls of libeic_sigv4.a
    # (eic_canonical) are built in the same tree but are not the core.
    modules = {row[0] for row in rows}
    frames, edges = read_graph(build_dir, modules)
    if not frames:
        print("footprint: no .ci call graphs under %s (build with -fcallgraph-info=su)" % build_dir)
        return 1
    memo, worst = {}, (0, "")
    print()
    print("| public call | worst stack (bytes) |")
    print("|---|---:|")
    outside_all = set()
    for name in public_calls(src_dir):
        key = next((k for k in frames if k[1] == name), None)
        if key is None:
            continue
        outside = set()
        d = depth(key, frames, edges, memo, set(), outside)
        outside_all |= outside
        worst = max(worst, (d, name))
        print("| %s | %d |" % (name, d))
    print()
    print("calls leaving the core (frames not counted): %s" % ", ".join(sorted(outside_all)))
    print("footprint: core flash %d B (Cortex-M4 -Os, mbedTLS not counted), "
          "static RAM %d B, worst public-call stack %d B (%s)" % (total_flash, total_ram,
                                                                 worst[0], worst[1]))
    if firmware:
        print("footprint: a firmware calling all five operations links %d B of the core"
              % sum(firmware[FIRMWARES[0][0]].values()))
    return 0 if total_ram == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
