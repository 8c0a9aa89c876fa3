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
rm -f "$WORK/emulator.port"
java -jar "$ROOT/emulator/target/usagekit-emulator-exec.jar" --server.port=0 --server.address=127.0.0.1 \
  --emulator.port-file="$WORK/emulator.port" \
  --emulator.signature-mode=off --emulator.clock.fixed=2026-11-20T12:00:00Z --emulator.clock.frozen=true \
  >"$WORK/emulator.log" 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [[ -s "$WORK/emulator.port" ]] && break
  kill -0 $EMULATOR 2>/dev/null || { cat "$WORK/emulator.log" >&2; exit 1; }
  sleep 0.1
done
PORT="$(head -1 "$WORK/emulator.port")"
node "$WORK/verify.js" "http://127.0.0.1:$PORT" "$ROOT/contract-tests/pacts" teardown
node "$WORK/verify.js" "http://127.0.0.1:$PORT" "$ROOT/contract-tests/pacts" no-teardown
