#!/usr/bin/env bash
# Verifies the reference pacts with Pact's Rust verifier against the emulator jar, using only the state-change URL
# (POST /_emulator/provider-states), once with teardowns and once without. Not part of `mvn verify`: it needs
# Node.js and npm (pact-core's prebuilt pact_ffi for this platform comes from npm).
#
#   mvn -B -DskipTests package && contract-tests/rust-verifier/verify.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/contract-tests/target/rust-verifier"
command -v npm >/dev/null || { echo "needs Node.js and npm" >&2; exit 1; }
mkdir -p "$WORK"
cp "$HERE/verify.js" "$WORK/"
(cd "$WORK" && [[ -d node_modules/@pact-foundation/pact-core ]] || npm install --no-save --silent @pact-foundation/pact-core@20)
source "$HERE/../start-emulator.sh"
start_emulator "$WORK" \
  --emulator.signature-mode=off --emulator.clock.fixed=2026-11-20T12:00:00Z --emulator.clock.frozen=true
node "$WORK/verify.js" "http://127.0.0.1:$PORT" "$ROOT/contract-tests/pacts" teardown
node "$WORK/verify.js" "http://127.0.0.1:$PORT" "$ROOT/contract-tests/pacts" no-teardown
