#!/usr/bin/env bash
# Soak test: start the emulator jar on loopback (strict signatures, documented QPS limits, journal on), drive mixed
# signed traffic for a while (valid, invalid and throttled calls, both vendors), and compare the heap after a full
# GC at start and end. Exits non-zero on any 5xx or transport error, or when the heap grew beyond the threshold.
#
#   scripts/soak.sh [seconds=600] [requests-per-second=300] [max-heap-growth-MB=32]
#
# Needs a JDK (java, jcmd) and Maven. Set SOAK_SKIP_BUILD=1 to reuse emulator/target from an earlier build.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN=${1:-600}
RATE=${2:-300}
MAX_GROWTH_MB=${3:-32}
JAR=emulator/target/usagekit-emulator-exec.jar

if [[ "${SOAK_SKIP_BUILD:-0}" != 1 ]]; then
  echo "soak: building the emulator (mvn -pl emulator -am package -DskipTests)"
  mvn -B -q -pl emulator -am package -DskipTests
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 18480)
LOG=$(mktemp -t usagekit-soak.XXXXXX.log)
# the launcher's JVM flags (192 MB heap, Serial GC): the heap users run, not a roomier one
mapfile -t JVM_FLAGS < <(grep -v '^#' bin/emulator-jvm.options | grep -v '^[[:space:]]*$')
java "${JVM_FLAGS[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --logging.level.dev.usagekit=WARN >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "soak: emulator did not start"; cat "$LOG"; exit 2; }

# heap in use right after a full GC, in KB: every generation's, whichever collector (GC.heap_info's first line is
# the young generation alone under Serial and Parallel)
heap_after_gc() {
  jcmd "$PID" GC.run >/dev/null
  jstat -gc "$PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%d\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }'
}

# resident set of the emulator's process, in MB (Linux; "?" elsewhere)
rss_mb() {
  awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status" 2>/dev/null || echo '?'
}

START_KB=$(heap_after_gc)
START_RSS=$(rss_mb)
echo "soak: emulator pid $PID on port $PORT; heap after GC at start: $((START_KB / 1024)) MB; RSS $START_RSS MB"
echo "soak: driving ${RATE} req/s for ${SECONDS_TO_RUN} s"

set +e
java -cp "$JAR" -Dloader.path=emulator/target/test-classes -Dloader.main=dev.usagekit.emulator.soak.SoakDriver \
  org.springframework.boot.loader.launch.PropertiesLauncher "$PORT" "$SECONDS_TO_RUN" "$RATE" 4
DRIVER=$?
set -e

END_RSS=$(rss_mb)
END_KB=$(heap_after_gc)
GROWTH_KB=$((END_KB - START_KB))
JOURNAL=$(curl -fs "http://127.0.0.1:$PORT/_emulator/journal/count" || echo '?')
HEALTH=$(curl -fs -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || echo '?')
echo "soak: heap after GC at start $((START_KB / 1024)) MB, at end $((END_KB / 1024)) MB, growth $((GROWTH_KB / 1024)) MB (limit ${MAX_GROWTH_MB} MB)"
echo "soak: RSS at start $START_RSS MB, at the end of the traffic $END_RSS MB"
echo "soak: journal count $JOURNAL; health $HEALTH; errors in the emulator log: $(grep -c ' ERROR ' "$LOG" || true)"

STATUS=0
[[ $DRIVER -eq 0 ]] || { echo "soak: FAILED: 5xx answers or transport errors"; STATUS=1; }
[[ $GROWTH_KB -le $((MAX_GROWTH_MB * 1024)) ]] || { echo "soak: FAILED: heap grew beyond ${MAX_GROWTH_MB} MB"; STATUS=1; }
[[ "$HEALTH" == 200 ]] || { echo "soak: FAILED: health is $HEALTH"; STATUS=1; }
[[ $STATUS -eq 0 ]] && echo "soak: PASSED"
exit $STATUS
