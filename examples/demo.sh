#!/usr/bin/env bash
# The main job, for now: build eic on a fresh Debian machine, then show what it
# sends: a signed PutFunctionEventInvokeConfig request (the one firmware uses
# most) and a List request, printed byte for byte by `eic --dry-run`, with
# AWS's documentation credentials. No network is touched.
# (Sending for real comes with the network layer.)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${EIC_SKIP_APT:-0}" != 1 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        build-essential cmake libmbedtls-dev libjsmn-dev python3 >/dev/null
fi

cmake -S . -B build >/dev/null
cmake --build build -j2 --target eic-cli >/dev/null

export AWS_ACCESS_KEY_ID=AKIDEXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-west-2

echo "== eic put-function-event-invoke-config --dry-run"
build/bin/eic put-function-event-invoke-config --function-name my-function \
    --maximum-retry-attempts 0 --maximum-event-age-in-seconds 3600 \
    --destination-config '{"OnFailure":{"Destination":"arn:aws:sqs:us-west-2:123456789012:dlq"}}' \
    --dry-run
echo
echo
echo "== eic list-function-event-invoke-configs --dry-run"
build/bin/eic list-function-event-invoke-configs --function-name my-function --max-items 10 \
    --dry-run
echo
echo "== a refused input never reaches the wire (exit 252):"
build/bin/eic put-function-event-invoke-config --function-name my-function \
    --maximum-retry-attempts 3 --dry-run 2>&1 || echo "exit status $?"
