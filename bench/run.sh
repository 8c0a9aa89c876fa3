#!/usr/bin/env bash
# Benchmarks the emulator side by side with WireMock (static stub) and nginx (static file, the transport limit),
# on loopback, with the same load generators and settings. Appends one results table to bench/results.md.
#
#   bench/run.sh            full run (~10-12 minutes)
#   bench/run.sh --quick    short runs (~2-3 minutes), for a smoke test of the script
#
# Installs what it needs (wrk and nginx from Debian, WireMock standalone from Maven Central), builds the emulator and
# benchmark jars if missing. The emulator runs twice: as plain `java -jar` with the JVM's defaults, the README's way
# without bash (startup, RSS), then through bin/usagekit-emulator, the README's run command (recommended flags of
# bin/emulator-jvm.options, AOT, CDS), for everything;
# WireMock gets the same JVM flags. Environment: BENCH_OUT (work directory, default bench/out), NO_APPEND=1 (print
# the table only).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1

DURATION=10          # seconds per measured wrk run
WARMUP_MIN=60        # at least this many seconds of wrk warm-up: a JIT on two cores can level off for a while, then jump (WireMock: ~50 s)
WARMUP_MAX=120       # at most this many seconds of wrk warm-up before the measured runs of each server
THREADS=2
CONNECTIONS=32
OPEN_LOOP_CONNECTIONS=16
STARTUP_LAUNCHES=5   # launches per startup figure, median reported: one launch on a shared two-core VM swings by 0.5 s or more
ROUNDS=3             # measured rounds; within each the three servers take turns, so a slow spell of the VM hits all three
if ((QUICK)); then DURATION=3; WARMUP_MIN=6; WARMUP_MAX=10; STARTUP_LAUNCHES=1; ROUNDS=1; fi

WIREMOCK_VERSION=3.13.2
VIRTUAL_TIME=2026-11-20T12:00:00Z   # the emulator's frozen clock; requests are signed at this time
EMU_PORT=18080
WM_PORT=18081
NGX_PORT=18082
EMULATOR_JAR="$ROOT/emulator/target/usagekit-emulator-exec.jar"
BENCH_JAR="$ROOT/benchmarks/target/usagekit-benchmarks.jar"
LAUNCHER="$ROOT/bin/usagekit-emulator"
RECOMMENDED_OPTS="$(grep -v '^#' "$ROOT/bin/emulator-jvm.options" | xargs)"
LAUNCHER_JAVA="$("$LAUNCHER" --print-java | sed -n 's/^java=//p')" # WireMock runs on the emulator's JVM
EMULATOR_ARGS=(--server.port=$EMU_PORT --server.address=127.0.0.1 --emulator.clock.fixed=$VIRTUAL_TIME
  --emulator.clock.frozen=true --emulator.limits.enabled=false)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------------------------------------------- processes
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done
  [[ -f "$OUT/nginx/nginx.pid" ]] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

stop() { # pid (the launcher execs java, so this is the JVM)
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}


# ---------------------------------------------------------------------------------------------------- install
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  mkdir -p "$OUT/tools"
  WIREMOCK_JAR="$OUT/tools/wiremock-standalone-$WIREMOCK_VERSION.jar"
  if [[ ! -f "$WIREMOCK_JAR" ]]; then
    log "fetching WireMock $WIREMOCK_VERSION from Maven Central"
    mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION \
      -DoutputDirectory="$OUT/tools" -Dmdep.overWriteIfNewer=true >/dev/null
  fi
  if [[ ! -f "$EMULATOR_JAR" || ! -f "$BENCH_JAR" ]]; then
    log "building the emulator and benchmark jars"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl emulator,benchmarks -am package >/dev/null)
  fi
}

# ---------------------------------------------------------------------------------------------------- requests
# curl one line of a requests file; prints the status, writes the body to $3
send_line() { # port line body-out
  local method path body rest
  IFS=$'\t' read -r method path body rest <<<"$2"
  local args=(-s -o "$3" -w '%{http_code}' -X "$method" "http://127.0.0.1:$1$path")
  local header
  IFS=$'\t' read -ra headers <<<"$rest"
  for header in "${headers[@]}"; do args+=(-H "$header"); done
  [[ -n "$body" ]] && args+=(--data-binary "$body")
  curl "${args[@]}" 2>/dev/null || echo 000
}

make_requests() {
  local aliyun=$((QUICK ? 40000 : 250000)) # each wrk thread gets half: 12,500 req/s per thread for 10 s
  java -cp "$BENCH_JAR" dev.usagekit.benchmarks.SignedRequests "127.0.0.1:$EMU_PORT" "$VIRTUAL_TIME" \
    "$OUT/requests" "$aliyun"
}

# ---------------------------------------------------------------------------------------------------- servers
# Starts the emulator with the given command; sets EMU_PID and STARTUP_MS (launch to first 200 of a signed call).
# bench/startup.py launches it and probes with a bare TCP connect every 5 ms: a curl process every few milliseconds,
# or a Python interpreter starting beside the JVM (about 0.3 s of CPU here), would compete with the JVM for the two
# cores it is being timed on.
start_emulator() { # command...
  : >"$OUT/emulator.log"
  if ! STARTUP_MS=$(python3 "$ROOT/bench/startup.py" --launch --pid-file "$OUT/emulator.pid" --log "$OUT/emulator.log" \
    --port $EMU_PORT --request "$OUT/requests/bandwidth.req" -- "$@" "${EMULATOR_ARGS[@]}"); then
    log "the emulator did not answer within 60 s, or its port was taken"
    cat "$OUT/emulator.log" >&2
    exit 1
  fi
  EMU_PID=$(cat "$OUT/emulator.pid")
  PIDS+=("$EMU_PID")
}

# Launches the emulator STARTUP_LAUNCHES times with the given command, stopping each but the last (which keeps
# running as EMU_PID); sets STARTUP_MS to the median launch-to-first-200 and STARTUP_ALL to every launch's, in order.
start_emulator_timed() { # command...
  local times=() i
  for ((i = 1; i <= STARTUP_LAUNCHES; i++)); do
    ((i == 1)) || stop "$EMU_PID"
    start_emulator "$@"
    times+=("$STARTUP_MS")
  done
  STARTUP_ALL=$(IFS=,; echo "${times[*]}")
  STARTUP_MS=$(printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
}

# A server left running on one of the ports would answer in place of the one being measured.
require_free_ports() {
  local port
  for port in $EMU_PORT $WM_PORT $NGX_PORT; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port already answers: stop what runs there, then run the bench again"
      exit 1
    fi
  done
}

start_wiremock() {
  local root="$OUT/wiremock"
  mkdir -p "$root/mappings" "$root/__files"
  cp "$OUT/www/bandwidth.json" "$root/__files/bandwidth.json"
  cat >"$root/mappings/bandwidth.json" <<'JSON'
{"request": {"method": "ANY", "urlPattern": "/.*"},
 "response": {"status": 200, "bodyFileName": "bandwidth.json", "headers": {"Content-Type": "application/json"}}}
JSON
  # its own advice for speed: no request journal, no request logging
  # shellcheck disable=SC2086
  "$LAUNCHER_JAVA" $RECOMMENDED_OPTS -jar "$WIREMOCK_JAR" --port $WM_PORT --bind-address 127.0.0.1 --root-dir "$root" \
    --no-request-journal --disable-request-logging --disable-banner >"$OUT/wiremock.log" 2>&1 &
  WM_PID=$!
  PIDS+=("$WM_PID")
  for _ in $(seq 1 600); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$WM_PORT/" 2>/dev/null)" == 200 ]] && return 0
    sleep 0.1
  done
  log "WireMock did not start"; cat "$OUT/wiremock.log" >&2; exit 1
}

start_nginx() {
  mkdir -p "$OUT/nginx"
  cat >"$OUT/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon on;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
user root;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/body;
  proxy_temp_path $OUT/nginx/proxy;
  fastcgi_temp_path $OUT/nginx/fastcgi;
  uwsgi_temp_path $OUT/nginx/uwsgi;
  scgi_temp_path $OUT/nginx/scgi;
  server {
    listen 127.0.0.1:$NGX_PORT;
    root $OUT/www;
    default_type application/json;
    # the static module refuses POST; serve the file as a GET after the 405
    error_page 405 =200 \$uri;
    location / { try_files /bandwidth.json =404; }
  }
}
CONF
  nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"
  for _ in $(seq 1 50); do [[ -s "$OUT/nginx/nginx.pid" ]] && break; sleep 0.1; done
  NGX_PID=$(cat "$OUT/nginx/nginx.pid")
}

stop_nginx() {
  [[ -f "$OUT/nginx/nginx.pid" ]] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  rm -f "$OUT/nginx/nginx.pid"
}

# ---------------------------------------------------------------------------------------------------- measuring
# Max resident set size (kB) of a process and its children while a command runs. The sampler forks nothing while it
# runs: a pgrep, an awk and a sleep every 200 ms took 1.1 s of CPU in 17 s, in bursts of 5-10 ms, right beside the
# server being measured (perf sched, 2026-12-01), which showed in the half-load tail.
RSS_MAX_KB=0
sample_rss() { # pid
  local max=0 kb pid key value children tick
  exec {tick}<> <(:) # a pipe that nobody writes: read -t on it waits without a sleep process
  trap 'echo "$max" >"$OUT/rss.max"; exit 0' TERM
  while [[ -e /proc/$1 ]]; do # a server that has ended leaves its maximum
    kb=0
    children=""
    { read -r children <"/proc/$1/task/$1/children"; } 2>/dev/null || true
    for pid in $1 $children; do
      { while read -r key value _; do
        if [[ $key == VmRSS: ]]; then kb=$((kb + value)); break; fi
      done <"/proc/$pid/status"; } 2>/dev/null || true
    done
    ((kb > max)) && max=$kb
    read -r -t 0.2 -u "$tick" _ || true
  done
  echo "$max" >"$OUT/rss.max"
}

with_rss() { # pid command...
  local pid=$1; shift
  echo 0 >"$OUT/rss.max"
  sample_rss "$pid" &
  local sampler=$!
  "$@"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  RSS_MAX_KB=$(cat "$OUT/rss.max")
}

# CPU time (clock ticks) used so far by a process and its children: robust where wall-clock rates are noisy.
cpu_ticks() { # pid
  local pid total=0
  for pid in $1 $(pgrep -P "$1" 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $total
}

# wrk at max load (closed loop). Sets RPS P50 P99 ERRORS (ms) and, with a server pid, CPU_US (server CPU per request).
run_wrk() { # port requests-file seconds [connections] [server-pid]
  local out="$OUT/wrk.txt" before=0
  [[ -n "${5:-}" ]] && before=$(cpu_ticks "$5")
  REQUESTS="$2" WRK_THREADS=$THREADS wrk -t$THREADS -c"${4:-$CONNECTIONS}" -d"$3"s --latency --timeout 10s \
    -s "$ROOT/bench/requests.lua" "http://127.0.0.1:$1/" >"$out" 2>&1
  if [[ -n "${5:-}" ]]; then
    CPU_US=$(awk -v a="$before" -v b="$(cpu_ticks "$5")" -v hz="$(getconf CLK_TCK)" \
      '/requests in/ {printf "%.0f", (b - a) * 1e6 / hz / $1}' "$out")
  fi
  RPS=$(awk '/Requests\/sec/ {print $2}' "$out")
  P50=$(awk '$1=="50%" {print $2}' "$out" | to_ms)
  P99=$(awk '$1=="99%" {print $2}' "$out" | to_ms)
  ERRORS=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",",""); n+=$4+$6+$8+$10} END {print n+0}' "$out")
}

to_ms() { # wrk durations: 512.00us 1.23ms 2.00s
  awk '{v=$1; if (v ~ /us$/) {sub("us","",v); v/=1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v*=1000}; printf "%.2f", v}'
}

# JIT warm-up: 5 s wrk runs until req/s stops rising by more than 10 % (at least WARMUP_MIN s, at most WARMUP_MAX s).
# A JVM on a busy machine can need half a minute to compile its hot paths; every server gets the same treatment.
warm_up() { # port requests-file
  local previous=0 elapsed=0 chunk=$((QUICK ? 2 : 5))
  while ((elapsed < WARMUP_MAX)); do
    run_wrk "$1" "$2" $chunk
    elapsed=$((elapsed + chunk))
    if ((elapsed >= WARMUP_MIN)) && awk -v r="$RPS" -v p="$previous" 'BEGIN {exit !(r <= p * 1.1)}'; then
      break
    fi
    previous=$RPS
  done
  log "  warmed up in ${elapsed} s (last ${RPS} req/s)"
}

# Constant-rate run. Sets OL_RPS OL_P50 OL_P99 OL_ERRORS OL_GEN_CPU (the generator's CPU per request, µs). With a
# trace file, OpenLoopLoad writes every request's due time and latency there (for bench/tail.py).
run_open_loop() { # port requests-file rate seconds [trace-file]
  local line
  line=$(java -Xmx64m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.usagekit.benchmarks.OpenLoopLoad 127.0.0.1 "$1" "$2" \
    "$3" "$4" $OPEN_LOOP_CONNECTIONS ${5:-})
  OL_RPS=$(field achieved_rps "$line"); OL_P50=$(field p50_ms "$line"); OL_P99=$(field p99_ms "$line")
  OL_ERRORS=$(field errors "$line"); OL_GEN_CPU=$(field generator_cpu_us "$line")
}

field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1==k {printf "%.2f", $2}'; }

R="$OUT/results.env"
put() { echo "$1=$2" >>"$R"; }

# Each measured figure is kept per round (ROUND_VALUES[key] = "r1,r2,..."); the table takes medians.
declare -A ROUND_VALUES
record() { # key value
  ROUND_VALUES[$1]+="${ROUND_VALUES[$1]:+,}$2"
}
median() { # values...
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
rounds_of() { # key: the recorded values, one per argument
  tr ',' ' ' <<<"${ROUND_VALUES[$1]:-}"
}

declare -A PORT_OF PID_OF
# One server's measured max-load run in a round.
max_load_round() { # server requests-file
  with_rss "${PID_OF[$1]}" run_wrk "${PORT_OF[$1]}" "$2" $DURATION $CONNECTIONS "${PID_OF[$1]}"
  record "$1_rps" "$RPS"; record "$1_cpu_us" "$CPU_US"; record "$1_p50" "$P50"; record "$1_p99" "$P99"
  record "$1_errors" "$ERRORS"; record "$1_rss_mb" $((RSS_MAX_KB / 1024))
}

# One server's open-loop run at the emulator's half rate in a round; the emulator's writes a trace for bench/tail.py.
half_load_round() { # server requests-file round
  local trace=""
  [[ $1 == emu ]] && trace="$OUT/emulator-half-load-$3.trace"
  with_rss "${PID_OF[$1]}" run_open_loop "${PORT_OF[$1]}" "$2" "$HALF" $DURATION $trace
  record "$1_half_rps" "$OL_RPS"; record "$1_half_p50" "$OL_P50"; record "$1_half_p99" "$OL_P99"
  record "$1_half_errors" "$OL_ERRORS"; record "$1_half_gen_cpu_us" "$OL_GEN_CPU"
  [[ $1 == emu ]] && record emu_rss_mb $((RSS_MAX_KB / 1024))
  return 0
}

# The servers in turn, ROUNDS times; each round starts with the next server, so none always runs first or last.
take_turns() { # round-function requests-file
  local r i k servers=(emu wm ngx)
  for ((r = 1; r <= ROUNDS; r++)); do
    for ((i = 0; i < 3; i++)); do
      k=${servers[$(((r - 1 + i) % 3))]}
      "$1" "$k" "$2" "$r"
    done
  done
}

# One ratio of two recorded figures, round by round (KEY_rounds), and the median of those (KEY).
put_ratio() { # key numerator-key denominator-key
  local numerators denominators ratios=() r
  read -ra numerators <<<"$(rounds_of "$2")"
  read -ra denominators <<<"$(rounds_of "$3")"
  for ((r = 0; r < ${#numerators[@]}; r++)); do
    ratios+=("$(awk -v a="${numerators[r]}" -v b="${denominators[r]}" 'BEGIN {printf "%.3f", a / b}')")
  done
  put "$1_rounds" "$(IFS=,; echo "${ratios[*]}")"
  put "$1" "$(median "${ratios[@]}")"
}

# Medians of the rounds under the keys of a single run, every round's values under KEY_rounds, and the ratios of
# the emulator to the others taken round by round (same minutes of the machine), then their median.
put_rounds() {
  local key values=()
  for key in "${!ROUND_VALUES[@]}"; do
    read -ra values <<<"$(rounds_of "$key")"
    put "${key}_rounds" "${ROUND_VALUES[$key]}"
    case "$key" in
      *errors) put "$key" "$(printf '%s\n' "${values[@]}" | awk '{n += $1} END {print n + 0}')" ;;
      *rss_mb) put "$key" "$(printf '%s\n' "${values[@]}" | sort -n | tail -1)" ;;
      *) put "$key" "$(median "${values[@]}")" ;;
    esac
  done
  put_ratio vs_wm emu_rps wm_rps
  put_ratio vs_ngx emu_rps ngx_rps
  put_ratio cpu_vs_wm wm_cpu_us emu_cpu_us
  put_ratio cpu_vs_ngx ngx_cpu_us emu_cpu_us
}

# ---------------------------------------------------------------------------------------------------- the run
main() {
  mkdir -p "$OUT"
  : >"$R"
  install_tools
  require_free_ports
  make_requests
  local bw="$OUT/requests/bandwidth.req"

  # 1. plain java -jar with the JVM's defaults (the README's way without bash): startup and RSS under one load
  log "emulator, java -jar with JVM defaults: startup and RSS under load"
  start_emulator_timed java -jar "$EMULATOR_JAR"
  put default_startup_ms "$STARTUP_MS"; put default_startup_all "$STARTUP_ALL"
  with_rss "$EMU_PID" run_wrk $EMU_PORT "$bw" $((2 * DURATION))
  put default_rss_mb $((RSS_MAX_KB / 1024))
  put default_rps "$RPS"
  stop "$EMU_PID"

  # 2. the README's run command, the fast launcher (recommended flags, AOT, CDS): startup, then the headline query
  log "emulator, bin/usagekit-emulator ($RECOMMENDED_OPTS, AOT, lazy init, CDS)"
  "$LAUNCHER" --prepare
  # its young collections are logged, to tell how much of the half-load tail they explain (bench/tail.py)
  start_emulator_timed env JAVA_OPTS="-Xlog:gc:file=$OUT/emulator-gc.log:time:filecount=0" "$LAUNCHER"
  put startup_ms "$STARTUP_MS"; put startup_all "$STARTUP_ALL"
  # the flags its JVM runs with, what the launcher adds for this JDK included (the cache, logs and properties left out)
  put emulator_opts "$(tr '\0' '\n' <"/proc/$EMU_PID/cmdline" | sed '1d;/^-jar$/,$d' |
    grep -Ev '^-D|^-XX:(AOTCache|SharedArchiveFile)=|^-Xlog' | xargs)"
  mkdir -p "$OUT/www"
  [[ "$(send_line $EMU_PORT "$(head -1 "$bw")" "$OUT/www/bandwidth.json")" == 200 ]] || { log "capture failed"; exit 1; }
  chmod -R a+rX "$OUT/www"
  put response_bytes "$(stat -c %s "$OUT/www/bandwidth.json")"
  warm_up $EMU_PORT "$bw"
  PORT_OF[emu]=$EMU_PORT PID_OF[emu]=$EMU_PID

  # 3. WireMock and nginx serving the captured bytes, beside it, each warmed up the same way
  log "WireMock $WIREMOCK_VERSION"
  start_wiremock
  warm_up $WM_PORT "$bw"
  PORT_OF[wm]=$WM_PORT PID_OF[wm]=$WM_PID
  log "nginx $(nginx -v 2>&1 | sed 's/.*\///')"
  start_nginx
  warm_up $NGX_PORT "$bw"
  PORT_OF[ngx]=$NGX_PORT PID_OF[ngx]=$NGX_PID

  # 4. the three take turns: max load, then the emulator's half rate (open loop)
  log "max load, $ROUNDS rounds taking turns"
  take_turns max_load_round "$bw"
  HALF=$(median $(rounds_of emu_rps) | awk '{printf "%d", $1 / 2}')
  put half_rate "$HALF"
  log "half load ($HALF req/s), $ROUNDS rounds taking turns"
  take_turns half_load_round "$bw"
  put_rounds
  # the tail of the round whose p99 is the median one
  local p99s=() median_p99 median_round=1 r
  read -ra p99s <<<"$(rounds_of emu_half_p99)"
  median_p99=$(median "${p99s[@]}")
  for ((r = 0; r < ${#p99s[@]}; r++)); do
    awk -v a="${p99s[r]}" -v b="$median_p99" 'BEGIN {exit !(a == b)}' && median_round=$((r + 1))
  done
  put half_tail_round "$median_round"
  python3 "$ROOT/bench/tail.py" "$OUT/emulator-half-load-$median_round.trace" "$OUT/emulator-gc.log" | tr ' ' '\n' \
    | sed 's/^/emu_half_/' >>"$R"
  stop "$WM_PID"
  stop_nginx

  # 5. every other action, and the largest legal query, on the emulator alone
  for action in transcode rtc producer; do
    log "emulator: $action"
    local warmup="$OUT/requests/$action.req"
    [[ -f "$OUT/requests/$action-warmup.req" ]] && warmup="$OUT/requests/$action-warmup.req"
    run_wrk $EMU_PORT "$warmup" $((QUICK ? 2 : 5))   # warm-up of this action's own code, then measured
    with_rss "$EMU_PID" run_wrk $EMU_PORT "$OUT/requests/$action.req" $DURATION
    put "${action}_rps" "$RPS"; put "${action}_p50" "$P50"; put "${action}_p99" "$P99"; put "${action}_errors" "$ERRORS"
  done
  log "emulator: the largest legal query (31 days at 300 s, 3 groups split)"
  put largest_bytes "$(send_line $EMU_PORT "$(head -1 "$OUT/requests/bandwidth-31d-split.req")" "$OUT/largest.json" >/dev/null; stat -c %s "$OUT/largest.json")"
  with_rss "$EMU_PID" run_wrk $EMU_PORT "$OUT/requests/bandwidth-31d-split.req" $DURATION 4
  put largest_rps "$RPS"; put largest_p50 "$P50"; put largest_p99 "$P99"; put largest_errors "$ERRORS"; put largest_rss_mb $((RSS_MAX_KB / 1024))
  stop "$EMU_PID"

  # 6. the machine, then the table
  put machine_cpu "$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"
  put machine_nproc "$(nproc)"
  put machine_mem "$(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  put machine_java "$(java -version 2>&1 | head -1)"
  put launcher_java "$("$LAUNCHER" --print-java | awk -F= '/^version=/ {v = $2} /^mode=/ {m = $2}
    END {print "java " v ", " (m == "aot" ? "AOT cache" : "CDS archive")}')"
  put machine_wrk "$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
  put machine_nginx "$(nginx -v 2>&1 | sed 's/.*: //')"
  put machine_wiremock "$WIREMOCK_VERSION"
  put settings "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after a warm-up of at least ${WARMUP_MIN}s until req/s settles (at most ${WARMUP_MAX}s); half load: open loop, one NIO thread, a pool of $OPEN_LOOP_CONNECTIONS connections; measured in $ROUNDS round(s), the three servers taking turns in each, medians reported"
  put quick "$QUICK"
  local table
  table=$(python3 "$ROOT/bench/report.py" "$R")
  echo "$table"
  if [[ "${NO_APPEND:-0}" != 1 ]]; then
    printf '\n%s\n' "$table" >>"$ROOT/bench/results.md"
    log "appended to bench/results.md"
  fi
}

main
