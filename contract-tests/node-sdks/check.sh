#!/usr/bin/env bash
# Runs the official Node.js SDKs of both clouds (versions pinned in package-lock.json) against the emulator jar as
# the README starts it: strict signatures, the real clock, QPS limits on. Not part of `mvn verify`: it needs Node.js
# 18+ and npm, and fetches the SDKs from the npm registry.
#
#   mvn -B -DskipTests package && contract-tests/node-sdks/check.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/contract-tests/target/node-sdks"
command -v npm >/dev/null || { echo "needs Node.js 18+ and npm" >&2; exit 1; }
mkdir -p "$WORK"
cp "$HERE/check.js" "$HERE/package.json" "$HERE/package-lock.json" "$WORK/"
(cd "$WORK" && npm ci --ignore-scripts --no-audit --no-fund --silent)
rm -f "$WORK/emulator.port"
java -jar "$ROOT/emulator/target/usagekit-emulator-exec.jar" --server.port=0 --server.address=127.0.0.1 \
  --emulator.port-file="$WORK/emulator.port" \
  >"$WORK/emulator.log" 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [[ -s "$WORK/emulator.port" ]] && break
  kill -0 $EMULATOR 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  sleep 0.1
done
PORT="$(head -1 "$WORK/emulator.port")"
node "$WORK/check.js" "http://127.0.0.1:$PORT"
