#!/usr/bin/env bash
# The benchmark harness (issue 5). Two commands:
#   bench/bench.sh generate [scale]             a fresh database with municipality-scale data (scale 1.0 = 1 million persons)
#   bench/bench.sh run [seconds] [repetitions]  the load run, the pgbench ceiling and the other figures, into target/bench/
# Needs PostgreSQL on 127.0.0.1:5432 (as .ci/run sets it up) and the packaged application
# (built here if missing). See bench/README.md for what it measures and the last figures.
set -euo pipefail
cd "$(dirname "$0")/.."

db=${BENCH_DB:-omsorgsnav_bench}
port=${BENCH_PORT:-18080}
owner_password=${BENCH_OWNER_PASSWORD:-bench-owner}
app_password=${BENCH_APP_PASSWORD:-bench-app}
out=target/bench
mkdir -p "$out"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
psql_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"
  else
    as_root su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"
  fi
}
psql_owner() { PGPASSWORD=$owner_password psql -h 127.0.0.1 -U omsorgsnav_owner -d "$db" -v ON_ERROR_STOP=1 "$@"; }
psql_app() { PGPASSWORD=$app_password psql -h 127.0.0.1 -U omsorgsnav_app -d "$db" -v ON_ERROR_STOP=1 "$@"; }

jar() {
  local j
  j=$(ls target/omsorgsnav-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$j" ]; then ./mvnw -q -B -ntp -DskipTests package; j=$(ls target/omsorgsnav-*.jar | grep -v plain | head -1); fi
  echo "$j"
}

app_pid=
start_app() {
  local started
  started=$(date +%s%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=omsorgsnav_app SPRING_DATASOURCE_PASSWORD=$app_password \
  SPRING_FLYWAY_USER=omsorgsnav_owner SPRING_FLYWAY_PASSWORD=$owner_password OMSORGSNAV_AUDIT_CHECKPOINT_KEY=bench-checkpoint-key \
    java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$(jar)" --server.port="$port" --logging.level.root=WARN > "$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then
      start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
      return
    fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log"; echo "the application did not start"; exit 1; }
    sleep 0.1
  done
  echo "the application did not become healthy"; exit 1
}
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
trap stop_app EXIT

generate() {
  local scale=${1:-1.0}
  echo "== a fresh database $db"
  psql_admin -d postgres -c "drop database if exists $db"
  psql_admin -d postgres < docs/postgresql-setup.sql
  psql_admin -d postgres -c "alter role omsorgsnav_owner password '$owner_password'" -c "alter role omsorgsnav_app password '$app_password'"
  psql_admin -d postgres -c "create database $db owner omsorgsnav_owner"
  psql_admin -d "$db" -c "alter schema public owner to omsorgsnav_owner"
  echo "== migrating (the application's first start)"
  start_app
  stop_app
  echo "== generating at scale $scale"
  local t0=$(date +%s)
  psql_owner -q -v scale="$scale" -f bench/generate.sql | tee "$out/generate.log"
  echo "generated in $(( $(date +%s) - t0 )) s" | tee -a "$out/generate.log"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
timed_get() { # median milliseconds of five authenticated GETs
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -u "$2" "http://127.0.0.1:$port$1"; done | awk '{print $1 * 1000}' | median
}

run() {
  local seconds=${1:-30} reps=${2:-3} warmup=${BENCH_WARMUP:-10} clients=${BENCH_CLIENTS:-16}
  local report="$out/report.txt"
  : > "$report"
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null
  ./mvnw -q -B -ntp test-compile >/dev/null
  local cp="target/test-classes:$(cat "$out/cp.txt")"
  psql_app -Atc "select category || chr(9) || personal_identity_number from bench.lookup order by n" > "$out/lookups.tsv"
  local lookups officer person
  lookups=$(wc -l < "$out/lookups.tsv")
  officer=$(psql_app -Atc "select id from app_user where username = 'bench10'")
  person=$(psql_app -Atc "select person_id from bench.lookup where category = 'protected-authorised' order by n limit 1")

  echo "== start" | tee -a "$report"
  start_app
  echo "cold start to healthy: $start_ms ms" | tee -a "$report"
  sleep 5
  echo "resident memory idle: $(( $(ps -o rss= -p "$app_pid") / 1024 )) MB" | tee -a "$report"
  local pending t0
  pending=$(psql_app -Atc "select count(*) from audit_pending")
  t0=$(date +%s%N)
  while [ "$(psql_app -Atc 'select count(*) from audit_pending')" -gt 0 ]; do sleep 1; done
  local sealing_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "sealing the pending events: $pending in $sealing_ms ms (after start)" | tee -a "$report"

  echo "== closed loop, $clients clients, ${seconds}s after ${warmup}s warm-up, $reps repetitions" | tee -a "$report"
  for r in $(seq 1 "$reps"); do
    java -cp "$cp" se.omsorgsnav.bench.LoadClient "http://127.0.0.1:$port" bench10 Bench2026! "$out/lookups.tsv" closed "$clients" "$warmup" "$seconds" | tee -a "$report"
  done
  local max
  max=$(grep '^closed' "$report" | field rps | median)
  for share in 0.5 0.8; do
    local rate
    rate=$(awk -v m="$max" -v s="$share" 'BEGIN {printf "%.0f", m * s}')
    echo "== open loop at $share of $max/s" | tee -a "$report"
    java -cp "$cp" se.omsorgsnav.bench.LoadClient "http://127.0.0.1:$port" bench10 Bench2026! "$out/lookups.tsv" open 64 "$warmup" "$seconds" "$rate" | tee -a "$report"
  done

  echo "== audit review of one person, verification" | tee -a "$report"
  echo "audit search for one person (first page): $(timed_get "/api/v1/audit?person=$person&limit=100" bench97:Bench2026!) ms median of 5" | tee -a "$report"
  local events
  events=$(psql_app -Atc "select count(*) from audit_seal")
  echo "verification of $events events: $(timed_get /api/v1/audit/verification bench97:Bench2026!) ms median of 5" | tee -a "$report"
  stop_app

  echo "== pgbench ceiling, $clients clients, ${seconds}s, $reps repetitions (the application stopped)" | tee -a "$report"
  for r in $(seq 1 "$reps"); do
    PGPASSWORD=$app_password pgbench -h 127.0.0.1 -U omsorgsnav_app -n -M prepared -c "$clients" -j 2 -T "$seconds" \
      -D lookups="$lookups" -D officer="$officer" -f bench/ceiling.sql "$db" 2>&1 \
      | awk '/latency average/ {lat=$4} /tps =/ {tps=$3} END {printf "ceiling tps=%s latency_avg=%sms\n", tps, lat}' | tee -a "$report"
  done
  local ceiling
  ceiling=$(grep '^ceiling' "$report" | field tps | median)
  echo "== ratio: application $max/s over ceiling $ceiling/s = $(awk -v a="$max" -v c="$ceiling" 'BEGIN {printf "%.2f", a / c}')" | tee -a "$report"
}

case "${1:-}" in
  generate) shift; generate "$@" ;;
  run) shift; run "$@" ;;
  *) echo "usage: bench/bench.sh generate [scale] | run [seconds] [repetitions]"; exit 2 ;;
esac
