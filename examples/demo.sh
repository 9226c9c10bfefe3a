#!/usr/bin/env bash
# The main job, for now: build eic on a fresh Debian machine and sign a sample
# Lambda PutFunctionEventInvokeConfig request with AWS's documentation
# credentials, printing the request as it would go on the wire.
# (Sending it for real comes with the network layer.)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${EIC_SKIP_APT:-0}" != 1 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq cmake gcc make libmbedtls-dev python3 >/dev/null
fi

cmake -S . -B build >/dev/null
cmake --build build -j2 --target eic-sigv4 >/dev/null

now=$(date -u +%Y%m%dT%H%M%SZ)
body='{"MaximumRetryAttempts":0,"MaximumEventAgeInSeconds":3600}'
request=$(printf '%s\n' \
    "PUT /2019-09-25/functions/my-function/event-invoke-config HTTP/1.1" \
    "Host: lambda.us-west-2.amazonaws.com" \
    "Content-Type: application/json" \
    "X-Amz-Date: $now" \
    "" \
    "$body")

echo "Signed request (documentation credentials AKIDEXAMPLE, us-west-2, $now):"
echo
printf '%s' "$request" | build/bin/eic-sigv4 --sreq \
    --access-key-id AKIDEXAMPLE --secret-access-key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY \
    --region us-west-2 --service lambda --time "$now"
echo
