#!/usr/bin/env bash
# The benchmark harness (issue 5). Two commands:
#   bench/bench.sh generate [scale]             a fresh database with municipality-scale data (scale 1.0 = 1 million persons)
#   bench/bench.sh run [seconds] [repetitions]  the load run, the pgbench ceiling and the other figures, into target/bench/
# and two for the messaging inbox (issue 6), on generate's data:
#   bench/bench.sh generate-messages [messages]      10 million messages by default, bench-inbox with 1 % of them
#   bench/bench.sh messages [seconds] [repetitions]  the inbox's first and next page against their pgbench ceiling
# and two for nursing-home placement (issue 7), on generate's data:
#   bench/bench.sh generate-placement [scale]         120 homes, 6,000 apartments, ten years of history, 3,000 queued at 1.0
#   bench/bench.sh placement [seconds] [repetitions]  the matching (and statistics) page against the matching page's pgbench ceiling
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

jar() { # the packaged application, rebuilt when a source is newer than it
  local j
  j=$(ls target/omsorgsnav-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$j" ] || [ -n "$(find src pom.xml -newer "$j" -type f | head -1)" ]; then
    ./mvnw -q -B -ntp -DskipTests package >&2; j=$(ls target/omsorgsnav-*.jar | grep -v plain | head -1)
  fi
  echo "$j"
}

app_pid=
# start_app [healthy|answering] [java options...]: starts the packaged application (or, with
# BENCH_CDS set, the extracted one with the CDS archive) and waits until health is UP, or until it
# answers at all (health is DOWN while millions of generated events wait for the sealer).
start_app() {
  local wait_for=${1:-healthy}; shift || true
  local command
  if [ -n "${BENCH_CDS:-}" ]; then command=(-XX:SharedArchiveFile="$out/cds/app.jsa" -Xlog:cds=off -Xshare:auto "$@" -jar "$out/cds/app/$(basename "$(jar)")")
  else command=("$@" -jar "$(jar)"); fi
  local started
  started=$(date +%s%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=omsorgsnav_app SPRING_DATASOURCE_PASSWORD=$app_password \
  SPRING_FLYWAY_USER=omsorgsnav_owner SPRING_FLYWAY_PASSWORD=$owner_password OMSORGSNAV_AUDIT_CHECKPOINT_KEY=bench-checkpoint-key SPRING_PROFILES_ACTIVE=bench \
    java ${BENCH_JAVA_OPTS:--Xmx1g} "${command[@]}" --server.port="$port" --logging.level.root=WARN > "$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1200); do
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" 2>/dev/null || true)
    if [ "$status" = 200 ] || { [ "$wait_for" = answering ] && [ "$status" = 503 ]; }; then
      start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
      return
    fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log"; echo "the application did not start"; exit 1; }
    sleep 0.05
  done
  echo "the application did not become healthy"; exit 1
}
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
raw_pid=
stop_raw() { if [ -n "$raw_pid" ]; then kill "$raw_pid" 2>/dev/null || true; wait "$raw_pid" 2>/dev/null || true; raw_pid=; fi; }
trap 'stop_app; stop_raw' EXIT

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
  psql_owner -q -v scale="$scale" ${BENCH_USERS:+-v users_min="$BENCH_USERS"} ${BENCH_UNITS:+-v units_min="$BENCH_UNITS"} -f bench/generate.sql | tee "$out/generate.log"
  echo "generated in $(( $(date +%s) - t0 )) s" | tee -a "$out/generate.log"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
spread() { sort -g | awk '{a[NR]=$1} END {printf "%s–%s", a[1], a[NR]}'; }
field() { sed -n "s/.*[ ^]$1=\([0-9.]*\).*/\1/p"; }
# "median (min–max)" of a field over the report lines that start with a label
summary() { local values; values=$(grep "^$1 " "$report" | sed 's/^/ /' | field "$2"); echo "$(echo "$values" | median) ($(echo "$values" | spread))"; }
ratio() { awk -v a="$1" -v c="$2" 'BEGIN {printf "%.2f", a / c}'; }
timed() { # median milliseconds of five calls of curl with these arguments
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | awk '{print $1 * 1000}' | median
}

# wrk_closed label clients seconds [env...]: one closed-loop measurement after a warm-up
wrk_closed() {
  local label=$1 clients=$2 seconds=$3; shift 3
  env "$@" WRK_LABEL=warmup wrk -t2 -c"$clients" -d"${warmup}s" -s bench/load.lua "$target" > /dev/null
  env "$@" WRK_LABEL="$label clients=$clients" wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s bench/load.lua "$target" | grep "^$label " | tee -a "$report"
}

# where the two cores go while the closed loop runs: %CPU per command, summed over its processes
cores() {
  pidstat -u -h 1 "$1" | awk '$1 ~ /^[0-9:]+$/ && NF >= 10 {cpu[$NF] += $(NF-2)} END {for (c in cpu) if (cpu[c] / n > 1) printf "%s=%.0f%% ", c, cpu[c] / n; print ""}' n="$1"
}

run() {
  local seconds=${1:-30} reps=${2:-3} clients=${BENCH_CLIENTS:-16}
  warmup=${BENCH_WARMUP:-30}
  report="$out/report.txt"
  target="http://127.0.0.1:$port"
  : > "$report"
  command -v wrk >/dev/null && command -v pidstat >/dev/null \
    || { echo "== installing wrk and sysstat"; as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sysstat >/dev/null; }
  local app_jar; app_jar=$(jar)
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null
  ./mvnw -q -B -ntp test-compile >/dev/null
  local cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"
  psql_app -Atc "select category || chr(9) || personal_identity_number from bench.lookup order by n" > "$out/lookups.tsv"
  local lookups officer person basic
  lookups=$(wc -l < "$out/lookups.tsv")
  officer=$(psql_app -Atc "select id from app_user where username = 'bench10'")
  person=$(psql_app -Atc "select person_id from bench.lookup where category = 'protected-authorised' order by n limit 1")
  basic=$(printf 'bench10:Bench2026!' | base64)
  {
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql_app -Atc 'show server_version')"
    echo "data: $(psql_app -Atc "select (select count(*) from person) || ' persons, ' || (select count(*) from care_case) || ' cases, ' || (select count(*) from app_user) || ' users, ' || (select count(*) from case_authorization) || ' authorisations, ' || (select count(*) from audit_event) || ' audit events'")"
  } | tee -a "$report"

  echo "== sealing what the generator left pending" | tee -a "$report"
  # Progress is read from the last checkpoint's sequence number (one index probe): counting the
  # queue every second would compete with the sealer for the database.
  local pending events t0
  pending=$(psql_app -Atc "select count(*) from audit_pending")
  events=$(psql_app -Atc "select count(*) from audit_event")
  start_app answering
  t0=$(date +%s%N)
  while [ "$(psql_app -Atc 'select coalesce(max(last_seq), 0) from audit_checkpoint')" -lt "$events" ]; do sleep 2; done
  local sealing_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "sealing: $pending events in $sealing_ms ms = $(awk -v n="$pending" -v ms="$sealing_ms" 'BEGIN {printf "%.0f", n / (ms / 1000 + 0.001)}') events/s" | tee -a "$report"
  stop_app
  # What autovacuum does in production (it is off on these machines): without it the emptied
  # queue's index keeps millions of dead entries that every sealer poll walks through.
  psql_owner -q -c "vacuum analyze audit_pending" -c "vacuum analyze audit_seal" -c "vacuum analyze audit_event"

  echo "== cold start to healthy and resident memory idle, $reps starts each without and with a CDS archive" | tee -a "$report"
  rm -rf "$out/cds"; mkdir -p "$out/cds"
  java -Djarmode=tools -jar "$app_jar" extract --destination "$out/cds/app" >/dev/null
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=omsorgsnav_app SPRING_DATASOURCE_PASSWORD=$app_password \
  SPRING_FLYWAY_USER=omsorgsnav_owner SPRING_FLYWAY_PASSWORD=$owner_password OMSORGSNAV_AUDIT_CHECKPOINT_KEY=bench-checkpoint-key SPRING_PROFILES_ACTIVE=bench \
    java -XX:ArchiveClassesAtExit="$out/cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$out/cds/app/$(basename "$app_jar")" \
      --server.port="$port" --logging.level.root=WARN > "$out/cds/training.log" 2>&1 || true
  for r in $(seq 1 "$reps"); do
    start_app healthy; echo "start plain=${start_ms}ms" | tee -a "$report"
    sleep 5; echo "memory plain rss=$(( $(ps -o rss= -p "$app_pid") / 1024 ))MB" | tee -a "$report"; stop_app
    if [ -f "$out/cds/app.jsa" ]; then
      BENCH_CDS=1 start_app healthy; echo "start cds=${start_ms}ms" | tee -a "$report"
      sleep 5; echo "memory cds rss=$(( $(ps -o rss= -p "$app_pid") / 1024 ))MB" | tee -a "$report"; BENCH_CDS= stop_app
    fi
  done

  start_app healthy
  echo "== lookup, closed loop (wrk), $clients connections, ${seconds}s after ${warmup}s warm-up, $reps repetitions" | tee -a "$report"
  for r in $(seq 1 "$reps"); do
    local cores_pid=
    if [ "$r" = 1 ]; then cores "$(( warmup + seconds ))" > "$out/cores.txt" & cores_pid=$!; fi
    wrk_closed closed "$clients" "$seconds" WRK_LOOKUPS="$out/lookups.tsv" WRK_HEADERS="Authorization: Basic $basic"
    if [ -n "$cores_pid" ]; then wait "$cores_pid" || true; fi
  done
  echo "cores during the first closed loop (%CPU of one core, summed per command): $(cat "$out/cores.txt")" | tee -a "$report"
  local max
  max=$(grep '^closed ' "$report" | sed 's/^/ /' | field rps | median)
  for share in 0.5 0.8; do
    local rate
    rate=$(awk -v m="$max" -v s="$share" 'BEGIN {printf "%.0f", m * s}')
    echo "== lookup, open loop (HdrHistogram, latency from the intended send time) at $share of $max/s, $reps repetitions" | tee -a "$report"
    for r in $(seq 1 "$reps"); do
      java -cp "$cp" se.omsorgsnav.bench.LoadClient "$target" bench10 Bench2026! "$out/lookups.tsv" open 64 "$warmup" "$seconds" "$rate" \
        | sed "s/^open@\\([0-9]*\\)\\/s/open$share rate=\\1\\/s/" | tee -a "$report"
    done
  done

  echo "== audit search for one person, verification of the whole chain, search page for a common surname" | tee -a "$report"
  echo "audit search, one person, first page: $(timed -u bench97:Bench2026! "$target/api/v1/audit?person=$person&limit=100") ms median of 5" | tee -a "$report"
  # Each of the five opens its own review: a creating call takes an idempotency key, and the same key again would only
  # read the first review back (issue 15).
  local review_ms
  review_ms=$(for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -u bench97:Bench2026! -H 'Content-Type: application/json' \
      -d '{"idempotencyKey": "bench-'"$(cat /proc/sys/kernel/random/uuid)"'", "person": "'$person'", "from": "'$(date -d '2 years ago' +%F)'", "to": "'$(date +%F)'", "sampleSize": 20}' \
      "$target/api/v1/audit/reviews"
  done | awk '{print $1 * 1000}' | median)
  echo "audit review, one person, two years: $review_ms ms median of 5" | tee -a "$report"
  local events
  events=$(psql_app -Atc "select count(*) from audit_seal")
  local verify_ms
  verify_ms=$(timed -u bench97:Bench2026! "$target/api/v1/audit/verification")
  echo "verification of $events events: $verify_ms ms median of 5 = $(awk -v ms="$verify_ms" -v n="$events" 'BEGIN {printf "%.0f", ms / (n / 1e6)}') ms per million events" | tee -a "$report"
  local jar_cookies="$out/cookies.txt" csrf hits
  rm -f "$jar_cookies"
  csrf=$(curl -s -c "$jar_cookies" "$target/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null --data-urlencode "username=bench10" --data-urlencode "password=Bench2026!" --data-urlencode "_csrf=$csrf" "$target/login"
  csrf=$(curl -s -b "$jar_cookies" "$target/persons/search" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  local session
  session=$(awk '$6 == "OMSORGSNAV_SESSION" {print $7}' "$jar_cookies")
  hits=$(curl -s -b "$jar_cookies" -H 'HX-Request: true' --data-urlencode "q=Andersson" --data-urlencode "_csrf=$csrf" "$target/persons/search" | grep -c 'href="/persons/' || true)
  echo "search page, surname Andersson ($hits hits shown): $(timed -b "$jar_cookies" -H 'HX-Request: true' --data-urlencode q=Andersson --data-urlencode "_csrf=$csrf" "$target/persons/search") ms median of 5" | tee -a "$report"
  wrk_closed search "$clients" "$(( seconds < 10 ? seconds : 10 ))" WRK_PATH=/persons/search WRK_BODY="q=Andersson&_csrf=$csrf" \
    WRK_HEADERS="Cookie: OMSORGSNAV_SESSION=$session|HX-Request: true|Content-Type: application/x-www-form-urlencoded"
  stop_app

  echo "== raw baseline: JDK HttpServer + Hikari + the same SQL, closed loop (wrk), $reps repetitions" | tee -a "$report"
  java -Xmx1g -cp "$cp" se.omsorgsnav.bench.RawBaseline "$port" "jdbc:postgresql://127.0.0.1:5432/$db" omsorgsnav_app "$app_password" 10 > "$out/raw.log" 2>&1 &
  raw_pid=$!
  for _ in $(seq 1 100); do curl -fs "$target/health" >/dev/null 2>&1 && break; sleep 0.1; done
  for r in $(seq 1 "$reps"); do
    wrk_closed raw "$clients" "$seconds" WRK_LOOKUPS="$out/lookups.tsv" WRK_HEADERS="Authorization: Basic $basic"
  done
  stop_raw

  echo "== pgbench ceiling, $clients clients, ${seconds}s, $reps repetitions (nothing else running)" | tee -a "$report"
  for r in $(seq 1 "$reps"); do
    PGPASSWORD=$app_password pgbench -h 127.0.0.1 -U omsorgsnav_app -n -M prepared -c "$clients" -j 2 -T "$seconds" \
      -D lookups="$lookups" -D officer="$officer" -f bench/ceiling.sql "$db" 2>&1 \
      | awk '/latency average/ {lat=$4} /tps =/ {tps=$3} END {printf "ceiling tps=%s latency_avg=%sms\n", tps, lat}' | tee -a "$report"
  done

  local ceiling raw
  ceiling=$(grep '^ceiling ' "$report" | sed 's/^/ /' | field tps | median)
  raw=$(grep '^raw ' "$report" | sed 's/^/ /' | field rps | median)
  {
    echo "== summary: median (min–max) of $reps"
    echo "| figure | value | target |"
    echo "|---|---|---|"
    echo "| cold start to healthy, \`java -jar\` | $(summary start plain) ms | ≤ 8,000 ms |"
    echo "| cold start to healthy, with a CDS archive | $(summary start cds) ms | ≤ 4,000 ms |"
    echo "| resident memory idle | $(summary "memory plain" rss) MB; with CDS $(summary "memory cds" rss) MB | ≤ 400 MB |"
    echo "| lookup, closed loop, $clients connections | $(summary closed rps) req/s; p50 $(summary closed p50) ms, p99 $(summary closed p99) ms | p99 ≤ 25 ms |"
    echo "| lookup, open loop at 0.5 × maximum | p50 $(summary open0.5 p50) ms, p99 $(summary open0.5 p99) ms | p99 ≤ 10 ms |"
    echo "| lookup, open loop at 0.8 × maximum | p50 $(summary open0.8 p50) ms, p99 $(summary open0.8 p99) ms | |"
    echo "| raw baseline (JDK HttpServer + Hikari), closed loop | $(summary raw rps) req/s; p99 $(summary raw p99) ms | |"
    echo "| pgbench ceiling, same statements | $(summary ceiling tps) tps | |"
    echo "| **application / ceiling** | **$(ratio "$max" "$ceiling")** | ≥ 0.5 (stretch 0.65) |"
    echo "| **application / raw baseline** | **$(ratio "$max" "$raw")** | ≥ 0.6 |"
    echo "| audit review of one person over all events | $(sed -n 's/^audit review, one person, two years: \([0-9.]*\) ms.*/\1/p' "$report") ms | ≤ 50 ms |"
    echo "| verification | $(sed -n 's/^verification of \([0-9]*\) events: \([0-9.]*\) ms .*= \([0-9]*\) ms per million.*/\2 ms for \1 events = \3 ms per million/p' "$report") | ≤ 2,000 ms per million |"
    echo "| search page, common surname, $clients connections | $(summary search rps) req/s; p50 $(summary search p50) ms, p99 $(summary search p99) ms | |"
  } | tee -a "$report"
}

# Messaging (issue 6): bench/generate-messages.sql on top of generate's data, bench-inbox with 1 % of them.
generate_messages() {
  local messages=${1:-10000000}
  echo "== generating $messages messages"
  local t0=$(date +%s)
  psql_owner -q -v messages="$messages" -f bench/generate-messages.sql | tee "$out/generate-messages.log"
  echo "generated in $(( $(date +%s) - t0 )) s" | tee -a "$out/generate-messages.log"
}

# Placement (issue 7): bench/generate-placement.sql on top of generate's data (1.0 = 120 homes, 6,000 apartments, 3,000 queued).
generate_placement() {
  local scale=${1:-1.0}
  echo "== generating placement at scale $scale"
  local t0=$(date +%s)
  psql_owner -q -v scale="$scale" -f bench/generate-placement.sql | tee "$out/generate-placement.log"
  echo "generated in $(( $(date +%s) - t0 )) s" | tee -a "$out/generate-placement.log"
}

# inbox_page_facts me keyset: "npids pids nlocked locked" of the page's 20 rows, as the gate sees them
inbox_page_facts() {
  psql_app -At -F ' ' -v me="$1" <<SQL
with page as (select m.person_id from message_delivery d join message m on m.id = d.message_id
              where d.user_id = :'me' and d.archived = false $2 order by d.sent_at desc, d.message_id desc limit 20),
p as (select distinct person_id as id from page where person_id is not null),
links as (select r.person_id as a, r.related_person_id as b from person_relation r join person q on q.id = r.related_person_id
          where r.person_id in (select id from p) and q.protection_level <> 'NONE'
          union all select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
          where r.related_person_id in (select id from p) and q.protection_level <> 'NONE'),
locked as (select id from person where id in (select id from p) and protection_level <> 'NONE' union select a from links union select b from links)
select (select count(*) from p), '{' || coalesce((select string_agg(id::text, ',') from p), '') || '}',
       (select count(*) from locked), '{' || coalesce((select string_agg(id::text, ',') from locked), '') || '}';
SQL
}

# bench/bench.sh messages [seconds] [repetitions]: the inbox's first and next page for bench-inbox,
# closed loop (wrk), then the same statements with pgbench; report in target/bench/messages-report.txt.
messages() {
  local seconds=${1:-30} reps=${2:-3} clients=${BENCH_CLIENTS:-16}
  warmup=${BENCH_WARMUP:-30}
  report="$out/messages-report.txt"
  target="http://127.0.0.1:$port"
  : > "$report"
  command -v wrk >/dev/null && command -v pidstat >/dev/null \
    || { echo "== installing wrk and sysstat"; as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sysstat >/dev/null; }
  jar > /dev/null
  local me unit basic
  me=$(psql_app -Atc "select user_id from bench.inbox")
  unit=$(psql_app -Atc "select unit_id from app_user where id = '$me'")
  basic=$(printf 'bench-inbox:Bench2026!' | base64)
  {
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql_app -Atc 'show server_version'), shared_buffers $(psql_app -Atc 'show shared_buffers')"
    echo "data: $(psql_app -Atc "select (select count(*) from message) || ' messages, ' || (select count(*) from message_delivery) || ' deliveries, ' || (select count(*) from message_group) || ' groups, ' || (select count(*) from app_user) || ' users, ' || (select count(*) from person) || ' persons, ' || (select count(*) from audit_event) || ' audit events'")"
    echo "reader: $(psql_app -Atc "select username || ': ' || deliveries || ' deliveries, ' || in_inbox || ' not archived, ' || unread || ' unread' from bench.inbox")"
  } | tee -a "$report"

  echo "== sealing what the generator left pending, then vacuum (autovacuum is off on these machines)" | tee -a "$report"
  local events
  events=$(psql_app -Atc "select count(*) from audit_event")
  start_app answering
  while [ "$(psql_app -Atc 'select coalesce(max(last_seq), 0) from audit_checkpoint')" -lt "$events" ]; do sleep 2; done
  stop_app
  psql_owner -q -c "vacuum analyze audit_pending" -c "vacuum analyze audit_seal" -c "vacuum analyze audit_event"
  start_app healthy

  local first cursor at after
  first=$(curl -s -f -u 'bench-inbox:Bench2026!' "$target/api/v1/messages/inbox?limit=20") || { echo "the inbox did not answer"; exit 1; }
  cursor=$(echo "$first" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
  [ -n "$cursor" ] || { echo "no next page in: $first"; exit 1; }
  # The cursor is base64url("sentAt|id"): the keyset the next page's SQL gets.
  local padded=$(printf '%s' "$cursor" | tr '_-' '/+'); while [ $(( ${#padded} % 4 )) -ne 0 ]; do padded="$padded="; done
  IFS='|' read -r at after < <(printf '%s' "$padded" | base64 -d; echo)
  echo "first page: $(echo "$first" | grep -o '"id":' | wc -l) items, $(echo "$first" | grep -o '"masked":true' | wc -l) persons masked, $(echo "$first" | grep -o '"masked":false' | wc -l) shown; cursor $at $after" | tee -a "$report"

  # The pages alternate, so that both see the JIT equally warm (it warms for minutes on two shared cores).
  echo "== inbox first and next page alternately, closed loop (wrk), $clients connections, ${seconds}s after ${warmup}s warm-up each, $reps repetitions" | tee -a "$report"
  local page
  for r in $(seq 1 "$reps"); do
    for page in first next; do
      local path="/api/v1/messages/inbox?limit=20"
      [ "$page" = next ] && path="$path&cursor=$cursor"
      local cores_pid=
      if [ "$r" = "$reps" ]; then cores "$(( warmup + seconds ))" > "$out/messages-cores-$page.txt" & cores_pid=$!; fi
      wrk_closed "$page" "$clients" "$seconds" WRK_METHOD=GET WRK_PATH="$path" WRK_HEADERS="Authorization: Basic $basic"
      if [ -n "$cores_pid" ]; then wait "$cores_pid" || true; fi
    done
  done
  for page in first next; do
    echo "cores during the last $page page loop (%CPU of one core, summed per command): $(cat "$out/messages-cores-$page.txt")" | tee -a "$report"
  done
  stop_app

  echo "== pgbench ceiling (bench/inbox-ceiling.sql), $clients clients, ${seconds}s, $reps repetitions each (nothing else running)" | tee -a "$report"
  local facts_first facts_next
  facts_first=$(inbox_page_facts "$me" "")
  facts_next=$(inbox_page_facts "$me" "and (d.sent_at < '$at' or (d.sent_at = '$at' and d.message_id < '$after'))")
  echo "gate: first page $(echo "$facts_first" | awk '{print $1}') persons, $(echo "$facts_first" | awk '{print $3}') locked candidates; next page $(echo "$facts_next" | awk '{print $1}') persons, $(echo "$facts_next" | awk '{print $3}') locked candidates" | tee -a "$report"
  for page in first next; do
    local facts=$facts_first next=0
    [ "$page" = next ] && { facts=$facts_next; next=1; }
    for r in $(seq 1 "$reps"); do
      rm -f "$out"/pgbench-log.*
      PGPASSWORD=$app_password pgbench -h 127.0.0.1 -U omsorgsnav_app -n -M prepared -c "$clients" -j 2 -T "$seconds" -r -l --log-prefix="$out/pgbench-log" \
        -D me="$me" -D unit="$unit" -D next="$next" -D at="$at" -D after="$after" \
        -D npids="$(echo "$facts" | awk '{print $1}')" -D pids="$(echo "$facts" | awk '{print $2}')" \
        -D nlocked="$(echo "$facts" | awk '{print $3}')" -D locked="$(echo "$facts" | awk '{print $4}')" \
        -f bench/inbox-ceiling.sql "$db" > "$out/pgbench-$page-$r.txt" 2>&1 || { cat "$out/pgbench-$page-$r.txt"; exit 1; }
      # Percentiles of the transactions' latencies (third column of pgbench's log, microseconds).
      local pcts
      pcts=$(cat "$out"/pgbench-log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50=%.2fms p95=%.2fms p99=%.2fms", a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000}')
      rm -f "$out"/pgbench-log.*
      awk -v page="$page" -v pcts="$pcts" '/latency average/ {lat=$4} /tps =/ {tps=$3} END {printf "ceiling-%s tps=%s latency_avg=%sms %s\n", page, tps, lat, pcts}' "$out/pgbench-$page-$r.txt" | tee -a "$report"
    done
  done

  echo "== EXPLAIN (ANALYZE, BUFFERS) of the page's statements, in a transaction rolled back: $out/messages-explain.txt" | tee -a "$report"
  psql_app -q -v me="$me" -v unit="$unit" -v at="$at" -v after="$after" \
    -v pids="$(echo "$facts_first" | awk '{print $2}')" -v locked="$(echo "$facts_first" | awk '{print $4}')" > "$out/messages-explain.txt" 2>&1 <<'SQL' || true
begin;
\echo '-- first page'
explain (analyze, buffers) select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, s.full_name
  from message_delivery d join message m on m.id = d.message_id join app_user s on s.id = m.sender_id
 where d.user_id = :'me' and d.archived = false order by d.sent_at desc, d.message_id desc limit 21;
\echo '-- next page'
explain (analyze, buffers) select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, s.full_name
  from message_delivery d join message m on m.id = d.message_id join app_user s on s.id = m.sender_id
 where d.user_id = :'me' and d.archived = false and (d.sent_at < :'at' or (d.sent_at = :'at' and d.message_id < :'after'))
 order by d.sent_at desc, d.message_id desc limit 21;
\echo '-- unread count'
explain (analyze, buffers) select count(*) from message_delivery where user_id = :'me' and archived = false and read_at is null;
\echo '-- gate: persons, protected links, authorisation (first page)'
explain (analyze, buffers) select p.* from person p where p.id = any(:'pids'::uuid[]);
explain (analyze, buffers) select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
 where r.person_id = any(:'pids'::uuid[]) and q.protection_level <> 'NONE'
union all select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
 where r.related_person_id = any(:'pids'::uuid[]) and q.protection_level <> 'NONE';
explain (analyze, buffers) select distinct person_id from case_authorization
 where user_id = :'me' and person_id = any(:'locked'::uuid[]) and revoked_at is null and valid_from <= current_date and valid_to >= current_date;
\echo '-- the audit events of the page'
explain (analyze, buffers) with e as (
  insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id, action, purpose, outcome, client_address)
  select gen_random_uuid(), now(), :'me', 'bench-inbox', 'CASE_OFFICER', :'unit', p, null, 'LIST', 'MESSAGE_INBOX', 'ALLOWED', '127.0.0.1'
    from unnest(:'pids'::uuid[]) p returning id)
insert into audit_pending (event_id) select id from e;
rollback;
SQL

  local ratio_first ratio_next
  ratio_first=$(ratio "$(grep '^first ' "$report" | sed 's/^/ /' | field rps | median)" "$(grep '^ceiling-first ' "$report" | sed 's/^/ /' | field tps | median)")
  ratio_next=$(ratio "$(grep '^next ' "$report" | sed 's/^/ /' | field rps | median)" "$(grep '^ceiling-next ' "$report" | sed 's/^/ /' | field tps | median)")
  met() { awk -v p95="$1" -v r="$2" 'BEGIN {print (p95 < 30 && r >= 0.5) ? "met" : "missed"}'; }
  {
    echo "== summary: median (min–max) of $reps, $clients connections / clients"
    echo "| page | p50 ms | p95 ms | p99 ms | req/s | ceiling tps | ceiling p50 / p95 ms | app / ceiling | target (p95 < 30 ms, ≥ 0.5) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for page in first next; do
      local r=$ratio_first; [ "$page" = next ] && r=$ratio_next
      echo "| $page | $(summary "$page" p50) | $(summary "$page" p95) | $(summary "$page" p99) | $(summary "$page" rps) | $(summary "ceiling-$page" tps) | $(summary "ceiling-$page" p50) / $(summary "ceiling-$page" p95) | **$r** | $(met "$(grep "^$page " "$report" | sed 's/^/ /' | field p95 | median)" "$r") |"
    done
  } | tee -a "$report"
}

# login_users prefix count file: logs bench-<prefix>1..count in through the form, one "Cookie:" value per line in file
login_users() {
  local prefix=$1 count=$2 file=$3 jar="$out/login-cookies.txt" csrf
  : > "$file"
  for n in $(seq 1 "$count"); do
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "$target/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=bench-$prefix$n" --data-urlencode "password=Bench2026!" --data-urlencode "_csrf=$csrf" "$target/login"
    echo "OMSORGSNAV_SESSION=$(awk '$6 == "OMSORGSNAV_SESSION" {print $7}' "$jar")" >> "$file"
  done
}

# placement_gate_facts page.html: what the first matching page the application served sends to the database,
# as pgbench variables: "nconsidered considered shown npids pids nlocked locked cases"
placement_gate_facts() {
  local shown
  shown=$(grep -o 'name="decisionId" value="[0-9a-f-]*"' "$1" | sed 's/.*value="\(.*\)"/\1/' | sort -u | paste -sd, -)
  psql_app -At -F ' ' <<SQL
with oldest as (select person_id from (select d.person_id, row_number() over (partition by d.care_profile order by d.decided_on, d.id) as k
                                       from placement_decision d where d.status = 'QUEUED') o where k <= 6),
shown as (select id, person_id from placement_decision where id = any('{$shown}'::uuid[])),
considered as (select person_id as id from oldest union select person_id from shown),
p as (select distinct person_id as id from shown),
links as (select r.person_id as a, r.related_person_id as b from person_relation r join person q on q.id = r.related_person_id
          where r.person_id in (select id from p) and q.protection_level <> 'NONE'
          union all select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
          where r.related_person_id in (select id from p) and q.protection_level <> 'NONE'),
locked as (select id from person where id in (select id from p) and protection_level <> 'NONE' union select a from links union select b from links)
select (select count(*) from considered), '{' || coalesce((select string_agg(id::text, ',') from considered), '') || '}',
       '{' || coalesce((select string_agg(id::text, ',') from shown), '') || '}',
       (select count(*) from p), '{' || coalesce((select string_agg(id::text, ',') from p), '') || '}',
       (select count(*) from locked), '{' || coalesce((select string_agg(id::text, ',') from locked), '') || '}',
       '{' || coalesce((select string_agg(distinct d.case_id::text, ',') from placement_decision d where d.id in (select id from shown)), '') || '}';
SQL
}

# bench/bench.sh placement [seconds] [repetitions]: the coordinator's matching page and (when it exists) the
# statistics page, 16 logged-in users, closed loop (wrk), then the matching page's statements with pgbench;
# report in target/bench/placement-report.txt.
placement() {
  local seconds=${1:-30} reps=${2:-3} clients=${BENCH_CLIENTS:-16}
  warmup=${BENCH_WARMUP:-30}
  report="$out/placement-report.txt"
  target="http://127.0.0.1:$port"
  : > "$report"
  command -v wrk >/dev/null && command -v pidstat >/dev/null \
    || { echo "== installing wrk and sysstat"; as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk sysstat >/dev/null; }
  jar > /dev/null
  local me unit
  me=$(psql_app -Atc "select id from app_user where username = 'bench-plc1'")
  unit=$(psql_app -Atc "select unit_id from app_user where id = '$me'")
  [ -n "$me" ] || { echo "no placement data: run bench/bench.sh generate-placement first"; exit 1; }
  {
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql_app -Atc 'show server_version'), shared_buffers $(psql_app -Atc 'show shared_buffers')"
    echo "data: $(psql_app -Atc "select (select count(*) from unit where kind = 'NURSING_HOME') || ' nursing homes, ' || (select count(*) from apartment) || ' apartments, ' || (select count(*) from placement_decision) || ' decisions (' || (select count(*) from placement_decision where status = 'QUEUED') || ' queued), ' || (select count(*) from allocation) || ' allocations, ' || (select count(*) from vacancy) || ' vacancies since ' || (select min(event_date) from vacancy) || ', ' || (select count(*) from person) || ' persons, ' || (select count(*) from audit_event) || ' audit events'")"
  } | tee -a "$report"

  # A large backlog (generate's, or an earlier run's) is sealed first and then vacuumed (autovacuum is off on these
  # machines); a small one the application seals before it reports healthy (one start less in the smoke run).
  local events pending
  events=$(psql_app -Atc "select count(*) from audit_event")
  pending=$(psql_app -Atc "select count(*) from audit_pending")
  if [ "$pending" -gt 50000 ]; then
    echo "== sealing $pending pending audit events, then vacuum" | tee -a "$report"
    start_app answering
    while [ "$(psql_app -Atc 'select coalesce(max(last_seq), 0) from audit_checkpoint')" -lt "$events" ]; do sleep 2; done
    stop_app
    psql_owner -q -c "vacuum analyze audit_pending" -c "vacuum analyze audit_seal" -c "vacuum analyze audit_event"
  fi
  start_app healthy

  echo "== logging in $clients placement coordinators (and $clients operations leads) through the form" | tee -a "$report"
  login_users plc "$clients" "$out/placement-cookies-plc.txt"
  login_users vl "$clients" "$out/placement-cookies-vl.txt"
  local first status
  first=$(head -1 "$out/placement-cookies-plc.txt")
  status=$(curl -s -H "Cookie: $first" -o "$out/placement-matching.html" -w '%{http_code}' "$target/placement/matching")
  [ "$status" = 200 ] || { echo "the matching page answered $status"; exit 1; }
  echo "matching page: $(grep -c '<section' "$out/placement-matching.html") apartments shown, $(grep -o 'name="decisionId"' "$out/placement-matching.html" | wc -l) candidate rows, $(grep -o 'class="masked"' "$out/placement-matching.html" | wc -l) masked, $(wc -c < "$out/placement-matching.html") bytes; $(grep -o '<span>[0-9]*</span> beslut väntar' "$out/placement-matching.html" | sed 's/<[^>]*>//g')" | tee -a "$report"

  # The statistics page is built on another branch: measured when it answers, skipped (and said so) when not.
  local pages="matching" stats_cookies=""
  status=$(curl -s -H "Cookie: $first" -o /dev/null -w '%{http_code}' "$target/placement/statistics")
  if [ "$status" = 200 ]; then stats_cookies="$out/placement-cookies-plc.txt"
  elif [ "$status" = 403 ] && [ "$(curl -s -H "Cookie: $(head -1 "$out/placement-cookies-vl.txt")" -o /dev/null -w '%{http_code}' "$target/placement/statistics")" = 200 ]; then
    stats_cookies="$out/placement-cookies-vl.txt"
  fi
  if [ -n "$stats_cookies" ]; then
    pages="matching statistics"
    echo "statistics page: measured as $(basename "$stats_cookies" .txt | sed 's/.*-//') users" | tee -a "$report"
  else
    echo "statistics page: GET /placement/statistics answered $status to a coordinator (and not 200 to an operations lead): not measured" | tee -a "$report"
  fi

  echo "== $pages alternately, closed loop (wrk), $clients connections over $clients logged-in users, ${seconds}s after ${warmup}s warm-up each, $reps repetitions" | tee -a "$report"
  local page r
  for r in $(seq 1 "$reps"); do
    for page in $pages; do
      local cookies="$out/placement-cookies-plc.txt"
      [ "$page" = statistics ] && cookies=$stats_cookies
      local cores_pid=
      if [ "$r" = "$reps" ]; then cores "$(( warmup + seconds ))" > "$out/placement-cores-$page.txt" & cores_pid=$!; fi
      wrk_closed "$page" "$clients" "$seconds" WRK_METHOD=GET WRK_PATH="/placement/$page" WRK_COOKIES="$cookies"
      if [ -n "$cores_pid" ]; then wait "$cores_pid" || true; fi
    done
  done
  for page in $pages; do
    echo "cores during the last $page loop (%CPU of one core, summed per command): $(cat "$out/placement-cores-$page.txt")" | tee -a "$report"
  done
  stop_app

  echo "== pgbench ceiling (bench/placement-ceiling.sql), $clients clients, ${seconds}s, $reps repetitions (nothing else running)" | tee -a "$report"
  local facts
  facts=$(placement_gate_facts "$out/placement-matching.html")
  f() { echo "$facts" | awk -v n="$1" '{print $n}'; }
  echo "gate: lock check of $(f 1) persons (the oldest and the wishers picked), $(f 4) persons shown, $(f 6) locked candidates among them" | tee -a "$report"
  for r in $(seq 1 "$reps"); do
    rm -f "$out"/pgbench-log.*
    PGPASSWORD=$app_password pgbench -h 127.0.0.1 -U omsorgsnav_app -n -M prepared -c "$clients" -j 2 -T "$seconds" -r -l --log-prefix="$out/pgbench-log" \
      -D me="$me" -D unit="$unit" -D nconsidered="$(f 1)" -D considered="$(f 2)" -D shown="$(f 3)" \
      -D npids="$(f 4)" -D pids="$(f 5)" -D nlocked="$(f 6)" -D locked="$(f 7)" -D cases="$(f 8)" \
      -f bench/placement-ceiling.sql "$db" > "$out/pgbench-placement-$r.txt" 2>&1 || { cat "$out/pgbench-placement-$r.txt"; exit 1; }
    local pcts
    pcts=$(cat "$out"/pgbench-log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50=%.2fms p95=%.2fms p99=%.2fms", a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000}')
    rm -f "$out"/pgbench-log.*
    awk -v pcts="$pcts" '/latency average/ {lat=$4} /tps =/ {tps=$3} END {printf "ceiling-matching tps=%s latency_avg=%sms %s\n", tps, lat, pcts}' "$out/pgbench-placement-$r.txt" | tee -a "$report"
  done
  echo "per statement (ms, last repetition):" >> "$report"
  sed -n '/statement latencies/,$p' "$out/pgbench-placement-$reps.txt" | awk 'NR > 1 {printf "  %s ", $1; $1 = ""; print substr($0, 1, 110)}' >> "$report"

  local ratio_matching
  ratio_matching=$(ratio "$(grep '^matching ' "$report" | sed 's/^/ /' | field rps | median)" "$(grep '^ceiling-matching ' "$report" | sed 's/^/ /' | field tps | median)")
  met() { awk -v p95="$1" 'BEGIN {print (p95 < 100) ? "met" : "missed"}'; }
  {
    echo "== summary: median (min–max) of $reps, $clients connections / clients"
    echo "| page | p50 ms | p95 ms | p99 ms | req/s | ceiling tps | ceiling p50 / p95 ms | app / ceiling | target (p95 < 100 ms) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    echo "| matching | $(summary matching p50) | $(summary matching p95) | $(summary matching p99) | $(summary matching rps) | $(summary ceiling-matching tps) | $(summary ceiling-matching p50) / $(summary ceiling-matching p95) | **$ratio_matching** | $(met "$(grep '^matching ' "$report" | sed 's/^/ /' | field p95 | median)") |"
    if [ -n "$stats_cookies" ]; then
      echo "| statistics | $(summary statistics p50) | $(summary statistics p95) | $(summary statistics p99) | $(summary statistics rps) | – | – | – | $(met "$(grep '^statistics ' "$report" | sed 's/^/ /' | field p95 | median)") |"
    else
      echo "| statistics | not measured: /placement/statistics answered $status | | | | | | | |"
    fi
  } | tee -a "$report"
}

case "${1:-}" in
  generate) shift; generate "$@" ;;
  run) shift; run "$@" ;;
  generate-messages) shift; generate_messages "$@" ;;
  messages) shift; messages "$@" ;;
  generate-placement) shift; generate_placement "$@" ;;
  placement) shift; placement "$@" ;;
  *) echo "usage: bench/bench.sh generate [scale] | run [seconds] [repetitions] | generate-messages [messages] | messages [seconds] [repetitions] | generate-placement [scale] | placement [seconds] [repetitions]"; exit 2 ;;
esac
