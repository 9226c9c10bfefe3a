#!/usr/bin/env bash
# Calls per second against moto: one keep-alive connection versus a new
# connection per call, and the bytes a Put moves. Prints figures; asserts
# nothing. Run after a build: bash tests/bench/bench_calls.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
python3 tests/bench/moto_keepalive.py "$port" >"$work/moto.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
done
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-west-2
endpoint=http://127.0.0.1:$port
python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').writestr('app.py', 'def handler(e, c):\n    return e\n')" "$work/f.zip"
aws --endpoint-url "$endpoint" iam create-role --role-name bench --assume-role-policy-document '{}' >/dev/null
aws --endpoint-url "$endpoint" lambda create-function --function-name bench --runtime python3.11 \
    --handler app.handler --role arn:aws:iam::123456789012:role/bench \
    --zip-file "fileb://$work/f.zip" >/dev/null
build/bin/eic-bench calls --endpoint-url "$endpoint" --function-name bench --count "$count"
