#!/usr/bin/env bash
# run_fuzz: one fuzz.<target> test: the target fuzzes for a fixed time from its seed corpus.
#
# Why: a short run on every ctest catches what a change broke on the paths the seeds and a few
# minutes' worth of mutations reach; long campaigns (README.md) go further. The seeds are copied
# into the build directory first: libFuzzer adds the inputs it finds to its corpus directory, and
# the source tree is never written. A crash, a sanitizer report, a failed check, a timeout or an
# out-of-memory fails the test; the input that did it is kept next to the work corpus.
#
# Usage: run_fuzz.sh TARGET SEED_DIR WORK_DIR SECONDS
set -euo pipefail

target=${1:?usage: $0 TARGET SEED_DIR WORK_DIR SECONDS}
seeds=${2:?} work=${3:?} seconds=${4:?}
name=fuzz.$(basename "$target" | sed 's/^fuzz_//')

rm -rf "$work"
mkdir -p "$work"
cp "$seeds"/* "$work"/
log=$work.log
status=0
"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work.artifact-" "$work" >"$log" 2>&1 || status=$?

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "$name: FAIL (exit $status after ${execs:-?} executions; input: $(ls "$work".artifact-* 2>/dev/null))"
    exit 1
fi
echo "$name: $execs executions in $seconds s, corpus $(ls "$seeds" | wc -l) seeds -> $(ls "$work" | wc -l) inputs"
