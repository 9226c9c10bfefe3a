#!/usr/bin/env bash
# The main job: build eic on a fresh Debian machine, start a local Lambda
# endpoint (moto_server), create an IAM role and a function in it with the
# AWS CLI, then configure the function's asynchronous invocation with eic:
# Put, Get, Update, List, Delete — printing each result as the AWS CLI would.
#
# Against real AWS instead: export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
# (and AWS_SESSION_TOKEN) and AWS_DEFAULT_REGION, drop --endpoint-url, and
# name one of your functions: eic then talks https to
# lambda.<region>.amazonaws.com, verifying its certificate against
# /etc/ssl/certs/ca-certificates.crt (or --ca-bundle FILE).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${EIC_SKIP_APT:-0}" != 1 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        build-essential cmake libmbedtls-dev libjsmn-dev python3 ca-certificates >/dev/null
fi
for tool in moto_server aws; do
    command -v "$tool" >/dev/null || { echo "demo: $tool not found (pip install moto[server] awscli)"; exit 1; }
done

cmake -S . -B build >/dev/null
cmake --build build -j2 --target eic-cli >/dev/null
eic=build/bin/eic

# A local endpoint on a free port, stopped whatever happens.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint=http://127.0.0.1:$port
work=$(mktemp -d)
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
done

export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-west-2
aws() { command aws --endpoint-url "$endpoint" "$@"; }

echo "== setup with the AWS CLI: an IAM role and a function (moto at $endpoint)"
python3 - "$work/function.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("app.py", "def handler(event, context):\n    return event\n")
PY
aws iam create-role --role-name eic-demo --query Role.Arn --output text \
    --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
aws lambda create-function --function-name eic-demo --runtime python3.11 --handler app.handler \
    --role arn:aws:iam::123456789012:role/eic-demo --zip-file "fileb://$work/function.zip" \
    --query FunctionArn --output text

run() { echo; echo "== eic $1"; "$eic" "$@" --endpoint-url "$endpoint"; }
run put-function-event-invoke-config --function-name eic-demo --maximum-retry-attempts 0 \
    --maximum-event-age-in-seconds 3600 \
    --destination-config '{"OnFailure":{"Destination":"arn:aws:sqs:us-west-2:123456789012:dlq"}}'
run get-function-event-invoke-config --function-name eic-demo
run update-function-event-invoke-config --function-name eic-demo --maximum-retry-attempts 2
run list-function-event-invoke-configs --function-name eic-demo --max-items 10
run delete-function-event-invoke-config --function-name eic-demo
echo "(deleted)"
echo
echo "== eic get-function-event-invoke-config after the delete: a service error, exit status 254"
"$eic" get-function-event-invoke-config --function-name eic-demo --endpoint-url "$endpoint" \
    || echo "exit status $?"
