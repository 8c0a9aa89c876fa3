# Sourced by the scripts beside it: start_emulator WORK [--setting=value ...] starts the packaged jar on a port the
# system picks, waits until it is ready (its port file appears), stops it when the script exits, and sets PORT.
# Output goes to WORK/emulator.log, printed if the emulator dies before it is ready.
start_emulator() {
  local work="$1"
  shift
  rm -f "$work/emulator.port"
  java -jar "$ROOT/emulator/target/usagekit-emulator-exec.jar" --server.port=0 --server.address=127.0.0.1 \
    --emulator.port-file="$work/emulator.port" "$@" >"$work/emulator.log" 2>&1 &
  EMULATOR=$!
  trap 'kill $EMULATOR 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    [[ -s "$work/emulator.port" ]] && break
    kill -0 $EMULATOR 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
    sleep 0.1
  done
  PORT="$(head -1 "$work/emulator.port")"
}
