#!/usr/bin/env bash
# run_qemu.sh: runs one Cortex-M3 image under QEMU (mps2-an385, semihosting) and judges it.
#
#   run_qemu.sh pass IMAGE   passes when QEMU exits 0 (the image's main returned 0) and the
#                            output ends with the harness's "N passed, 0 failed" line, N > 0;
#   run_qemu.sh trap IMAGE   (the negative images) passes when QEMU exits 1 and the image
#                            reported a HEAP TRAP: the run-time no-heap proof caught it.
# The image's output is shown either way. A run longer than EIC_EMBEDDED_TIMEOUT seconds
# (default 30) is stopped and fails.
set -uo pipefail

[ "$#" -eq 2 ] || { echo "usage: $0 pass|trap IMAGE" >&2; exit 2; }
mode=$1
image=$2
name=${image##*/}
timeout_s=${EIC_EMBEDDED_TIMEOUT:-30}

command -v qemu-system-arm >/dev/null 2>&1 ||
    { echo "run_qemu: FAIL: qemu-system-arm not found (apt-get install qemu-system-arm)"; exit 1; }
[ -f "$image" ] || { echo "run_qemu: FAIL: no image $image (did embedded.build pass?)"; exit 1; }

cmd=(qemu-system-arm -M mps2-an385 -nographic
     -semihosting-config "enable=on,target=native" -kernel "$image")
echo "run_qemu: timeout $timeout_s ${cmd[*]}"
start=$(date +%s%N)
out=$(timeout "$timeout_s" "${cmd[@]}" </dev/null 2>&1)
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf '%s\n' "$out"
echo "run_qemu: $name: QEMU exit status $rc after $ms ms"

case $mode in
pass)
    [ "$rc" -ne 124 ] || { echo "run_qemu: FAIL: $name timed out after $timeout_s s"; exit 1; }
    [ "$rc" -eq 0 ] || { echo "run_qemu: FAIL: $name exited with status $rc"; exit 1; }
    last=$(printf '%s\n' "$out" | tail -n 1)
    if ! [[ $last =~ ^([0-9]+)\ passed,\ 0\ failed$ ]] || [ "${BASH_REMATCH[1]}" -eq 0 ]; then
        echo "run_qemu: FAIL: $name exited 0 but did not end with 'N passed, 0 failed'"
        exit 1
    fi
    echo "run_qemu: PASS: $name"
    ;;
trap)
    [ "$rc" -eq 1 ] || { echo "run_qemu: FAIL: $name exited with status $rc, want 1 (heap trap)"; exit 1; }
    printf '%s\n' "$out" | grep -q 'eic-embedded: HEAP TRAP: ' ||
        { echo "run_qemu: FAIL: $name exited 1 without a HEAP TRAP report"; exit 1; }
    echo "run_qemu: PASS: the heap trap stopped $name"
    ;;
*)
    echo "usage: $0 pass|trap IMAGE" >&2
    exit 2
    ;;
esac
