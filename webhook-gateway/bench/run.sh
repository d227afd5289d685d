#!/usr/bin/env bash
# Gateway benchmark: accepted webhooks/s and p50/p99 latency of POST /webhooks/zoho/crm/dev/notifications
# (token check, normalization, durable publish with acks=all to a real broker) against a bare Micronaut
# endpoint in the same process that answers 200 with no work (POST /bench/bare). Same load tool (wrk), same
# script, same machine, loopback only. Usage: webhook-gateway/bench/run.sh [seconds-per-run]
# BENCH_PIN=1 puts the broker and registry on CPU 1 and the gateway and wrk on CPU 0 (taskset), the nearest this
# two-core machine comes to a broker on a host of its own: both endpoints then get the same single core.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
OUT="webhook-gateway/target/bench"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
REGISTRY_PORT="${BENCH_REGISTRY_PORT:-18081}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18080}"
# 128 connections keep both endpoints near saturation; with 32 the gateway, which answers only after the broker's
# acknowledgement, was bound by its latency while the machine idled. At 128 the gateway still leaves 5-12 % of the
# machine idle, but 256 did not raise its rate (interleaved runs: 11,204 and 12,211 /s at 128, 10,670 and 11,614 at
# 256; its CPU per request rose instead). Every run prints the machine's busy and steal shares (/proc/stat).
CONNECTIONS="${BENCH_CONNECTIONS:-128}"
mkdir -p "$OUT"
rm -rf "$OUT/stack"
PIN_INFRA=()
PIN_APP=()
if [ "${BENCH_PIN:-0}" = 1 ]; then
  command -v taskset >/dev/null || { echo "bench: BENCH_PIN=1 needs taskset (util-linux)" >&2; exit 1; }
  [ "$(nproc)" -ge 2 ] || { echo "bench: BENCH_PIN=1 needs two CPUs" >&2; exit 1; }
  PIN_INFRA=(taskset -c 1)
  PIN_APP=(taskset -c 0)
fi

command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
for module in local-stack webhook-gateway; do
  if [ ! -f "$module/target/classpath.txt" ]; then
    flock /tmp/zsync-mvn.lock ./mvnw -B -q -pl webhook-gateway -am install -DskipTests
  fi
done

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "bench: starting broker and registry"
"${PIN_INFRA[@]}" java -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" io.zsync.stack.LocalStack up --infra-only \
  --home "$OUT/stack" --kafka-port "$KAFKA_PORT" --registry-port "$REGISTRY_PORT" > "$OUT/stack.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do [ -f "$OUT/stack/stack.env" ] && break; sleep 1; done
[ -f "$OUT/stack/stack.env" ] || { echo "bench: the stack did not start; see $OUT/stack.log" >&2; exit 1; }
# shellcheck disable=SC1090
set -a; . "$OUT/stack/stack.env"; set +a

echo "bench: starting the gateway on 127.0.0.1:$GATEWAY_PORT"
"${PIN_APP[@]}" java -Xmx512m ${BENCH_GATEWAY_JAVA_OPTS:-} -Dlogback.configurationFile=logback-text.xml \
  -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port="$GATEWAY_PORT" \
  -Dkafka.bootstrap.servers="$KAFKA_BOOTSTRAP_SERVERS" -Dzsync.schema-registry.url="$SCHEMA_REGISTRY_URL" \
  -Dzsync.gateway.bare-endpoint=true -Dzsync.gateway.channels.enabled=false -Dzsync.gateway.reconciliation.enabled=false \
  -cp "webhook-gateway/target/classes:$(cat webhook-gateway/target/classpath.txt)" io.zsync.gateway.GatewayApplication \
  > "$OUT/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/health" && break; sleep 1; done

BASE="http://127.0.0.1:$GATEWAY_PORT"
LUA="webhook-gateway/bench/crm-notification.lua"
PACED="webhook-gateway/bench/paced.lua"
# busy (user+nice+system+irq+softirq), idle (idle+iowait) and steal ticks of the whole machine; %.0f, as awk would
# print a large sum in exponent form
cpu_ticks() { awk '/^cpu / { printf "%.0f %.0f %.0f\n", $2 + $3 + $4 + $7 + $8, $5 + $6, $9 }' /proc/stat; }
CPUS=$(grep -c '^cpu[0-9]' /proc/stat) # all of them, as /proc/stat counts them (nproc follows taskset)
run() { # name url connections seconds script
  local line b0 i0 s0 b1 i1 s1
  read -r b0 i0 s0 < <(cpu_ticks)
  # exit, not return: pair() runs in an if, where set -e does not stop the script
  line=$("${PIN_APP[@]}" wrk -t2 -c"$3" -d"$4"s --latency -s "$5" "$2" | grep '^RESULT' | sed 's/^RESULT //') \
    || { echo "bench: wrk gave no result for $1" >&2; exit 1; }
  read -r b1 i1 s1 < <(cpu_ticks)
  # busy as top counts it (2 cores = 200 %); steal as a share of all the machine's CPU time (0-100 %)
  line="$line $(awk -v b=$((b1 - b0)) -v i=$((i1 - i0)) -v s=$((s1 - s0)) -v n="$CPUS" \
    'BEGIN { t = b + i + s; printf "busy_pct=%.0f steal_pct=%.1f", 100 * n * b / t, 100 * s / t }')"
  echo "$1 $line" | tee -a "$OUT/results.txt"
}
: > "$OUT/results.txt"
# The gateway's path (Kafka producer, Avro, normalization) has far more code for the JIT to compile than the bare
# answer: with a 10 s warm-up its C2 compiler still took a third to half of a core during the measurement.
WARMUP="${BENCH_WARMUP:-60}"
echo "bench: warm-up, ${WARMUP}s per endpoint at $CONNECTIONS connections (JIT, producer metadata, schema id)"
"${PIN_APP[@]}" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP"s -s "$LUA" "$BASE/webhooks/zoho/crm/dev/notifications" > /dev/null
"${PIN_APP[@]}" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP"s -s "$LUA" "$BASE/bench/bare" > /dev/null

ROUNDS="${BENCH_ROUNDS:-3}"
# This machine is a VM: its host at times takes a tenth of the machine's CPU time from one 20 s run (steal,
# /proc/stat), which measures the neighbours, not the code. A round in which either run lost more than MAX_STEAL %
# of the machine's CPU time is recorded as discarded and measured again, at most ROUNDS extra times; the summary
# counts the discarded rounds, and the script fails when fewer than ROUNDS rounds were kept.
MAX_STEAL="${BENCH_MAX_STEAL:-5}"
echo "bench: saturation, $CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds of bare then gateway"
# pair BARE-NAME GATEWAY-NAME CONNECTIONS SCRIPT: runs both endpoints; fails, and marks both results discarded,
# when either run lost more than MAX_STEAL % to the host
pair() {
  run "$1" "$BASE/bench/bare" "$3" "$DURATION" "$4"
  run "$2" "$BASE/webhooks/zoho/crm/dev/notifications" "$3" "$DURATION" "$4"
  if tail -2 "$OUT/results.txt" | grep -o 'steal_pct=[0-9.]*' | cut -d= -f2 \
      | awk -v max="$MAX_STEAL" '$1 > max + 0 { bad = 1 } END { exit !bad }'; then
    echo "bench: $1 / $2 lost more than $MAX_STEAL % to the host; discarded"
    sed -i -e "s/^$1 /discarded-$1 /" -e "s/^$2 /discarded-$2 /" "$OUT/results.txt"
    return 1
  fi
}
# Alternating rounds, summed per endpoint: a drift of the machine during the run (another process, a late
# compilation) falls on both endpoints instead of on whichever was measured second.
kept=0
for attempt in $(seq 1 $((2 * ROUNDS))); do
  [ "$kept" -lt "$ROUNDS" ] || break
  if pair "bare-max-$attempt" "gateway-max-$attempt" "$CONNECTIONS" "$LUA"; then
    kept=$((kept + 1))
  fi
done
PACED_CONNECTIONS="${BENCH_PACED_CONNECTIONS:-30}"
echo "bench: paced near 1,000 requests/s ($PACED_CONNECTIONS connections, each pausing 20 ms before every request)"
# No steal rule here: at this light load the host takes 5-15 % of the machine's time in most runs, bare ones
# included, so the rule would refuse nearly every pair; the steal share is printed with the p99 instead.
run bare-1000 "$BASE/bench/bare" "$PACED_CONNECTIONS" "$DURATION" "$PACED"
run gateway-1000 "$BASE/webhooks/zoho/crm/dev/notifications" "$PACED_CONNECTIONS" "$DURATION" "$PACED"

awk -v cores="$CPUS" -v rounds="$ROUNDS" '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[$1, kv[1]] = kv[2] } }
  /^bare-max-/ { bare += v[$1, "requests"]; bareSeconds += v[$1, "duration_s"]; bareBusy += v[$1, "busy_pct"]; bareRuns++; steal += v[$1, "steal_pct"] }
  /^gateway-max-/ { gateway += v[$1, "requests"]; gatewaySeconds += v[$1, "duration_s"]; non2xx += v[$1, "non2xx"]
                    gatewayBusy += v[$1, "busy_pct"]; gatewayRuns++; steal += v[$1, "steal_pct"] }
  /^discarded-gateway-max-/ { discarded++ }
  END {
    if (gatewayRuns < rounds || bareRuns < rounds) {
      printf "bench: only %d of %d rounds kept (%d discarded for steal); no ratio\n", gatewayRuns, rounds, discarded > "/dev/stderr"
      exit 1
    }
    printf "\nratio of accepted/s, gateway vs bare at saturation: %.3f (gateway %.0f /s, bare %.0f /s, gateway non-2xx %d)\n",
      (gateway / gatewaySeconds) / (bare / bareSeconds), gateway / gatewaySeconds, bare / bareSeconds, non2xx
    printf "machine busy during the saturation runs (of %d %%): bare %.0f %%, gateway %.0f %%; stolen by the host %.1f %% of its CPU time\n",
      cores * 100, bareBusy / bareRuns, gatewayBusy / gatewayRuns, steal / (bareRuns + gatewayRuns)
    printf "rounds kept: %d; discarded for steal over the limit: %d\n", gatewayRuns, discarded
    printf "gateway at ~1,000/s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, stolen by the host %.1f %%\n",
      v["gateway-1000", "rps"], v["gateway-1000", "p50_ms"], v["gateway-1000", "p99_ms"], v["gateway-1000", "non2xx"],
      v["gateway-1000", "steal_pct"]
  }' "$OUT/results.txt" | tee -a "$OUT/results.txt"
echo "bench: pinned: ${BENCH_PIN:-0}; machine: $CPUS cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
