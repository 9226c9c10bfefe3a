#!/usr/bin/env bash
# gate_no_global_state: no object in the core library holds mutable static storage.
#
# Why: DESIGN.md principle 1 says the core keeps no global or static mutable state, so two
# clients in two threads never interfere and the core costs no RAM of its own. Any such variable
# (a `static` counter, a cache, a pointer table that needs relocating) lands in a writable
# section or becomes a COMMON symbol, so checking the objects finds every one, on any target.
#
# Per object, this fails on:
#   - a non-empty section named .data*, .bss*, .sdata*, .sbss*, .tdata*, .tbss*, .ldata*,
#     .lbss* or .noinit* (this includes .data.rel.ro*, which position-independent builds use
#     for tables of pointers),
#   - any other non-empty section that is allocated and writable (objdump shows ALLOC without
#     READONLY),
#   - a symbol that nm types as data, bss, small data or COMMON (d D b B g G s S C).
#
# Usage: gate_no_global_state.sh ARCHIVE_OR_OBJECT...
# Environment: OBJDUMP (default: objdump), NM (default: nm), for the archive's target.
# Exit status: 0 clean, 1 mutable state found, 2 usage or tool error.
set -euo pipefail

OBJDUMP=${OBJDUMP:-objdump}
NM=${NM:-nm}

GATE=gate_no_global_state
# shellcheck source=gate_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/gate_lib.sh"
require_inputs "$@"
require_tools "$OBJDUMP" "$NM"

echo "gate_no_global_state: no object may hold mutable static storage"
echo "  objdump: $(command -v "$OBJDUMP")"
echo "  nm:      $(command -v "$NM")"

named_rw='^\.(s|t|l)?(data|bss)|^\.noinit'
status=0

for input in "$@"; do
    echo "  checking: $input"
    dump=$("$OBJDUMP" -h "$input") || gate_error "$OBJDUMP -h failed on $input"
    syms=$("$NM" -A -P "$input") || gate_error "$NM failed on $input"

    # Section headers: "<obj>:     file format <fmt>" starts an object; each section is a line
    # "  <idx> <name> <size hex> <vma> <lma> <off> <align>" followed by a line of flags.
    members=()
    declare -A problems=()
    obj=""
    sec=""
    size=0
    while IFS= read -r line; do
        if [[ $line =~ ^([^[:space:]]+):[[:space:]]+file\ format ]]; then
            obj=${BASH_REMATCH[1]}
            members+=("$obj")
            sec=""
            continue
        fi
        if [[ $line =~ ^[[:space:]]*[0-9]+[[:space:]]+([^[:space:]]+)[[:space:]]+([0-9a-fA-F]+)[[:space:]] ]]; then
            sec=${BASH_REMATCH[1]}
            size=$((16#${BASH_REMATCH[2]}))
            continue
        fi
        if [ -n "$sec" ] && [[ $line =~ ^[[:space:]]+[A-Z] ]]; then
            flags=$line
            if [ "$size" -gt 0 ]; then
                why=""
                if [[ $sec =~ $named_rw ]]; then
                    why="data/bss section"
                elif [[ $flags == *ALLOC* && $flags != *READONLY* ]]; then
                    why="allocated and writable"
                fi
                if [ -n "$why" ]; then
                    problems[$obj]+="    section $sec: $size byte(s), $why"$'\n'
                fi
            fi
            sec=""
        fi
    done <<<"$dump"

    [ "${#members[@]}" -gt 0 ] || gate_error "$input holds no object: nothing to check"

    # Symbols: "lib.a[member.o]: name TYPE [value size]" or "file.o: name TYPE ...".
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        where=${line%%: *}
        rest=${line#*: }
        read -r name type _ <<<"$rest"
        case "$type" in
            C) why="COMMON symbol" ;;
            b | B) why="bss symbol" ;;
            d | D) why="data symbol" ;;
            g | G | s | S) why="small data/bss symbol" ;;
            *) continue ;;
        esac
        # nm names archive members "lib.a[member.o]"; objdump names them "member.o".
        if [[ $where =~ \[(.*)\]$ ]]; then where=${BASH_REMATCH[1]}; fi
        problems[$where]+="    symbol $name ($type): $why"$'\n'
    done <<<"$syms"

    for m in "${members[@]}"; do
        if [ -n "${problems[$m]:-}" ]; then
            echo "  FAIL $m: mutable static storage"
            printf '%s' "${problems[$m]}"
            status=1
        else
            echo "  ok   $m: no data/bss/writable sections, no data/bss/COMMON symbols"
        fi
    done
    # A symbol reported for a name objdump did not list (should not happen) still fails.
    for k in "${!problems[@]}"; do
        found=0
        for m in "${members[@]}"; do [ "$m" = "$k" ] && found=1; done
        if [ "$found" -eq 0 ]; then
            echo "  FAIL $k: mutable static storage"
            printf '%s' "${problems[$k]}"
            status=1
        fi
    done
    echo "  ${#members[@]} object(s) checked in $input"
    unset problems
done

report_status "$status" "no mutable static storage" \
    "the core must keep no mutable static state: see DESIGN.md, principle 1"
