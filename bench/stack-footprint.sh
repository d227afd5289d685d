#!/usr/bin/env bash
# Time-to-ready and resident memory of every process of the local stack, as ./zsync up starts it.
# Report, not a test: prints a table (Markdown) to stdout. Needs the build (./mvnw -B install -DskipTests).
# Usage: bench/stack-footprint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
home=$(mktemp -d)
log="$home/up.log"
setsid ./zsync up --home "$home" > "$log" 2>&1 &
pid=$!
trap 'kill -TERM -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
start=$(date +%s.%N)
for _ in $(seq 1 600); do
  [ -f "$home/stack.env" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "zsync up failed" >&2; exit 1; }
  sleep 0.5
done
total=$(echo "$(date +%s.%N) - $start" | bc)
# let JIT and caches settle a little before reading RSS
sleep 5
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo
echo "| process | time to ready (s) | RSS (MB) |"
echo "|---|---|---|"
grep -E "ready at" "$log" | while read -r name rest; do
  secs=$(echo "$rest" | sed -n 's/.*(\([0-9.]*\) s).*/\1/p')
  case "$name" in
    Kafka) label="Kafka broker";;
    schema) label="schema registry";;
    SMTP) continue;;
    *) label="$name";;
  esac
  rss=""
  case "$label" in
    "Kafka broker") rss=$(ps -eo rss,args | grep "kafka.Kafka" | grep -v grep | awk '{print int($1/1024)}' | head -1);;
    "schema registry") rss=$(ps -eo rss,args | grep "apicurio-registry" | grep -v grep | awk '{print int($1/1024)}' | head -1);;
    *) rss=$(ps -eo rss,args | grep -E "/$label/target/(classes|original-$label|$label-)" | grep -v grep | awk '{print int($1/1024)}' | head -1);;
  esac
  echo "| $label | ${secs:-?} | ${rss:-?} |"
done
echo
echo "Whole stack ready in $(printf '%.1f' "$total") s (launcher start to stack.env)."
