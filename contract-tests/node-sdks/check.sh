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
source "$HERE/../start-emulator.sh"
start_emulator "$WORK"
node "$WORK/check.js" "http://127.0.0.1:$PORT"
