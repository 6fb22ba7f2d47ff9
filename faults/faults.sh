#!/usr/bin/env bash
# The fault harness (issue 15): the packaged application on a PostgreSQL cluster of its own,
# crashed and cut off while writers write through the API. Commands:
#   faults/faults.sh smoke                 3 crashes under load, then the checks (under 2 minutes; .ci/run)
#   faults/faults.sh full [crashes]        30 crashes by default (kill -9 and PostgreSQL immediate stops), then
#                                          the checks, the outage, the slow database and the sealer scenario
#   faults/faults.sh crashes [crashes]     the crash campaign and its checks only
#   faults/faults.sh sealer                kill -9 while the audit sealer seals; sealing must resume within seconds
#   faults/faults.sh outage                PostgreSQL stopped under a running application, then a stalled one
#   faults/faults.sh stop                  stops what a broken run left behind (application and cluster)
# FAULTS_SEED fixes the random moments (printed on every run); FAULTS_WRITERS the writers (8).
# The cluster is initdb'd into target/faults/pgdata (or /tmp/omsorgsnav-faults-<port> when the postgres user cannot enter the checkout) on port FAULTS_PG_PORT (5439), its socket beside it:
# stopping it never touches the machine's PostgreSQL on 5432. See faults/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${FAULTS_OUT:-$PWD/target/faults}
pg_port=${FAULTS_PG_PORT:-5439}
port=${FAULTS_PORT:-18090}
db=omsorgsnav_faults
writers=${FAULTS_WRITERS:-8}
owner_password=faults-owner
app_password=faults-app
base="http://127.0.0.1:$port"
mkdir -p "$out"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"; exit 1; }

seed=${FAULTS_SEED:-$(( $(date +%s) % 100000 ))}
RANDOM=$seed
# r=an integer in [a, b] from the seeded generator (not in a $(...) subshell: bash reseeds RANDOM there)
rand() { r=$(( $1 + RANDOM % ($2 - $1 + 1) )); }

# From /: the postgres user may not be able to enter the working directory (paths here are absolute).
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && su postgres -c "$(printf '%q ' "$@")"); else (cd / && sudo -u postgres "$@"); fi; }
# The cluster's own directory (data, socket, server log) must be reachable by the postgres user. A
# checkout under a directory only its owner may enter (a clone into `mktemp -d`) is not: then the
# cluster lives in a directory of its own under /tmp, named by its port.
cluster=${FAULTS_CLUSTER_DIR:-$out}
if ! as_postgres test -x "$cluster" 2>/dev/null; then
  cluster=/tmp/omsorgsnav-faults-$pg_port
  mkdir -p "$cluster"; chown postgres "$cluster" 2>/dev/null || true
fi
pgdata=$cluster/pgdata
pg_ctl() { as_postgres "$pgbin/pg_ctl" -D "$pgdata" "$@"; }
pg_start() {
  pg_ctl -l "$cluster/postgresql.log" -w -t 60 -o "-p $pg_port -k $cluster -c listen_addresses=127.0.0.1" start >/dev/null
}
pg_stop_immediate() { pg_ctl -m immediate stop >/dev/null 2>&1 || true; }
pg_running() { [ -f "$pgdata/postmaster.pid" ] && kill -0 "$(head -1 "$pgdata/postmaster.pid")" 2>/dev/null; }
psql_admin() { psql -h "$cluster" -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_owner() { PGPASSWORD=$owner_password psql -h 127.0.0.1 -p "$pg_port" -U omsorgsnav_owner -d "$db" -v ON_ERROR_STOP=1 "$@"; }

jar() { # the packaged application, rebuilt when a source is newer than it (as bench/bench.sh)
  local j
  j=$(ls target/omsorgsnav-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$j" ] || [ -n "$(find src pom.xml -newer "$j" -type f | head -1)" ]; then
    ./mvnw -q -B -ntp -DskipTests package >&2; j=$(ls target/omsorgsnav-*.jar | grep -v plain | head -1)
  fi
  echo "$j"
}

app_pid=
app_jar=
health() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$base/actuator/health" 2>/dev/null || true; }
# start_app [healthy|answering]: starts the packaged application; returns when health is UP (or
# when it answers at all: DOWN is what today's application says while the sealer's lock is held).
start_app() {
  local wait_for=${1:-healthy}
  local started=$(date +%s%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" SPRING_DATASOURCE_USERNAME=omsorgsnav_app SPRING_DATASOURCE_PASSWORD=$app_password \
  SPRING_FLYWAY_USER=omsorgsnav_owner SPRING_FLYWAY_PASSWORD=$owner_password OMSORGSNAV_AUDIT_CHECKPOINT_KEY=faults-checkpoint-key SPRING_PROFILES_ACTIVE=bench \
    java ${FAULTS_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1} -jar "$app_jar" --server.port="$port" --logging.level.root=WARN >> "$out/app.log" 2>&1 &
  app_pid=$!
  echo "$app_pid" > "$out/app.pid"
  for _ in $(seq 1 1800); do
    local status; status=$(health)
    if [ "$status" = 200 ] || { [ "$wait_for" = answering ] && [ "$status" = 503 ]; }; then
      start_ms=$(( ($(date +%s%N) - started) / 1000000 )); return
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$out/app.log"; echo "the application did not start"; exit 1; }
    sleep 0.1
  done
  echo "the application did not answer in 3 minutes"; exit 1
}
kill_app() { if [ -n "$app_pid" ]; then kill -9 "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
client_pid=
cleanup() {
  if [ -n "$client_pid" ]; then touch "$out/stop"; kill "$client_pid" 2>/dev/null || true; fi
  stop_app
  pg_stop_immediate
}
trap cleanup EXIT

result=0
verdict() { # verdict NAME ok|fail FIGURES: one line of the report, and the exit status
  local line
  if [ "$2" = ok ]; then line="PASS $1: $3"; else line="FAIL $1: $3"; result=1; fi
  echo "$line" | tee -a "$report"
}

# A fresh cluster and database: owner and application roles from docs/postgresql-setup.sql, as .ci/run does.
fresh_database() {
  pg_stop_immediate
  rm -rf "$pgdata"; mkdir -p "$pgdata"; chown postgres "$cluster" "$pgdata" 2>/dev/null || true
  as_postgres "$pgbin/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  pg_start
  psql_admin -d postgres < docs/postgresql-setup.sql
  psql_admin -d postgres -c "alter role omsorgsnav_owner password '$owner_password'" -c "alter role omsorgsnav_app password '$app_password'"
  psql_admin -d postgres -c "create database $db owner omsorgsnav_owner"
  psql_admin -d "$db" -c "alter schema public owner to omsorgsnav_owner"
  echo "PostgreSQL $(psql_admin -d postgres -Atc 'show server_version') at 127.0.0.1:$pg_port (fsync=$(psql_admin -d postgres -Atc 'show fsync'), synchronous_commit=$(psql_admin -d postgres -Atc 'show synchronous_commit'), full_page_writes=$(psql_admin -d postgres -Atc 'show full_page_writes'))" | tee -a "$report"
  start_app          # the migrations; the seed goes in under the running application, which keeps no copy of it
  psql_owner -q -v writers="$writers" -v apartments="${FAULTS_APARTMENTS:-400}" -v pins=src/test/resources/skatteverket-testpersonnummer.csv -f faults/seed.sql
  {
    psql_owner -Atc "select 'unit' || chr(9) || md5('faults-authority')::uuid"
    psql_owner -Atc "select 'officer' || chr(9) || w || chr(9) || md5('faults-bh' || w)::uuid from generate_series(1, $writers) w"
    psql_owner -Atc "select 'person' || chr(9) || md5('faults-person' || i)::uuid from generate_series(1, 2000) i"
    psql_owner -Atc "select 'apartment' || chr(9) || a.id || chr(9) || a.care_profile || chr(9) || substr(u.name, length('Felprovets boende ') + 1)
                     from apartment a join unit u on u.id = a.unit_id where u.name like 'Felprovets boende %' order by a.number"
  } > "$out/fixtures.tsv"
}

# The crash campaign: writers write while the harness crashes the application or PostgreSQL.
# crashes COUNT MIN_GAP MAX_GAP [random|alternate]: the kind of each crash drawn from the seed, or
# alternating (PostgreSQL first) so that a short run has both kinds.
crashes() {
  local count=$1 min_gap=$2 max_gap=$3 mix=${4:-random}
  rm -f "$out/stop" "$out/ledger.tsv"
  [ -n "$app_pid" ] || start_app
  echo "== $count crashes under $writers writers, seed $seed (FAULTS_SEED=$seed repeats the moments)" | tee -a "$report"
  java faults/Client.java "$base" "$out/fixtures.tsv" "$out/ledger.tsv" "$writers" "$out/stop" "$seed" > "$out/client.log" 2>&1 &
  client_pid=$!
  local app_kills=0 pg_stops=0 t0 restart_ms=()
  t0=$(date +%s)
  for i in $(seq 1 "$count"); do
    rand "$min_gap" "$max_gap"; local gap=$r; rand 0 9; sleep "$gap.$r"
    local kind=$(( RANDOM % 2 ))
    [ "$mix" = alternate ] && kind=$(( i % 2 ))
    if [ "$kind" = 0 ]; then
      kill_app; app_kills=$((app_kills + 1))
      local down; down=$(date +%s%N)
      start_app answering
      echo "crash $i: kill -9 of the application, answering again after $(( ($(date +%s%N) - down) / 1000000 )) ms" >> "$out/crashes.log"
    else
      pg_stop_immediate; pg_stops=$((pg_stops + 1))
      rand 1 4; local away=$r
      sleep "$away"
      pg_start
      echo "crash $i: PostgreSQL stopped in immediate mode for ${away} s" >> "$out/crashes.log"
    fi
  done
  sleep 2
  touch "$out/stop"
  wait "$client_pid" || true; client_pid=
  echo "crashes: $((app_kills + pg_stops)) in $(( $(date +%s) - t0 )) s: application kill -9 $app_kills, PostgreSQL immediate stop $pg_stops" | tee -a "$report"
  cat "$out/client.log" | tee -a "$report"
  # A clean restart and a wait: publications left incomplete by the last crash are republished at start.
  stop_app
  restart_at=$(psql_owner -Atc "select now()")
  start_app answering
  check
}

# check: the ledger against the database, the audit events against the business rows, the event
# publications and the audit chain.
check() {
  echo "== checks" | tee -a "$report"
  local deadline=$(( $(date +%s) + 30 )) incomplete
  # Republished listeners run asynchronously: wait until none is left from before the restart (or 30 s).
  while :; do
    incomplete=$(psql_owner -Atc "select count(*) from event_publication where completion_date is null and publication_date < '$restart_at'")
    [ "$incomplete" = 0 ] || [ "$(date +%s)" -ge "$deadline" ] && break
    sleep 1
  done
  psql_owner -q -At -F ' ' -f faults/check.sql < "$out/ledger.tsv" > "$out/check.txt"
  cat "$out/check.txt" >> "$report"
  local missing duplicates no_event no_row
  missing=$(awk '$1 == "missing" {s += $3} END {print s + 0}' "$out/check.txt")
  duplicates=$(awk '$1 == "duplicates" {s += $3} END {print s + 0}' "$out/check.txt")
  no_event=$(awk '$1 == "audit" {s += $3} END {print s + 0}' "$out/check.txt")
  no_row=$(awk '$1 == "audit" {s += $4} END {print s + 0}' "$out/check.txt")
  local acknowledged; acknowledged=$(wc -l < "$out/ledger.tsv")
  [ "$acknowledged" -gt 0 ] && [ "$missing" = 0 ] && ok=ok || ok=fail
  verdict "acknowledged writes kept" $ok "$acknowledged acknowledged, $missing missing ($(awk '$1 == "missing" {printf "%s %s/%s ", $2, $3, $4}' "$out/check.txt"))"
  [ "$duplicates" = 0 ] && ok=ok || ok=fail
  verdict "one effect per idempotency key" $ok "$duplicates duplicated ($(awk '$1 == "duplicates" {printf "%s %s ", $2, $3}' "$out/check.txt"))"
  [ "$no_event" = 0 ] && [ "$no_row" = 0 ] && ok=ok || ok=fail
  verdict "audit event for every business change and none without one" $ok \
    "$no_event changes without their event, $no_row events without their change ($(awk '$1 == "audit" {printf "%s %s+%s/%s ", $2, $3, $4, $5}' "$out/check.txt"))"
  local total
  total=$(psql_owner -Atc "select count(*) || ' publications, ' || count(*) filter (where completion_date is null) || ' incomplete now' from event_publication")
  [ "$incomplete" = 0 ] && ok=ok || ok=fail
  verdict "no lost event publications" $ok "$incomplete incomplete from before the restart after 30 s ($total)"
  chain
}

chain() { # the audit chain through the API, as a unit manager (AUD-2), once the sealer has caught up
  local deadline=$(( $(date +%s) + 60 )) pending
  while :; do
    pending=$(psql_owner -Atc "select count(*) from audit_pending")
    [ "$pending" = 0 ] || [ "$(date +%s)" -ge "$deadline" ] && break
    sleep 1
  done
  local answer
  answer=$(curl -s -m 60 -u 'faults-ec1:Bench2026!' "$base/api/v1/audit/verification" || true)
  echo "verification: $answer" >> "$report"
  if echo "$answer" | grep -q '"intact":true'; then ok=ok; else ok=fail; fi
  verdict "audit chain verifies" $ok "$(echo "$answer" | sed -n 's/.*"sealedEventsChecked":\([0-9]*\).*"pendingEvents":\([0-9]*\).*/\1 sealed events checked, \2 pending/p'), $pending pending before verifying"
}

ms() { if [ -n "$1" ]; then echo "$1 ms"; else echo "more than 60 s"; fi; }

# The sealer scenario: a backlog for the sealer under the running application, kill -9 once it is
# sealing (the queue shrinks), restart; sealing must resume within seconds of the restart and health
# (DOWN while an event waits over 30 s) be UP within 10 s. Whatever lock the sealer uses: "sealing"
# is seen in the queue, and the ShedLock row is only reported.
sealer() {
  echo "== sealer: kill -9 while the audit sealer seals" | tee -a "$report"
  [ -n "$app_pid" ] || start_app answering
  local backlog=${FAULTS_BACKLOG:-100000}
  # As after an outage: $backlog events at once, pending for the sealer.
  psql_owner -q -c "with e as (insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id,
                                                          case_id, action, purpose, outcome, client_address)
                               select gen_random_uuid(), clock_timestamp(), md5('faults-bh1')::uuid, 'faults-bh1', 'CASE_OFFICER',
                                      md5('faults-authority')::uuid, md5('faults-person' || (e % 2000 + 1))::uuid, null, 'VIEW',
                                      'FAULTS_BACKLOG', 'ALLOWED', '127.0.0.1'
                               from generate_series(1, $backlog) e returning id)
                    insert into audit_pending (event_id) select id from e"
  local sealing=false previous current held
  previous=$(psql_owner -Atc "select count(*) from audit_pending")
  for _ in $(seq 1 300); do
    sleep 0.1
    current=$(psql_owner -Atc "select count(*) from audit_pending")
    if [ "$current" -lt "$previous" ] && [ "$current" -gt 0 ]; then sealing=true; break; fi
    previous=$current
  done
  held=$(psql_owner -Atc "select count(*) from shedlock where name = 'audit-sealer' and lock_until > now()")
  kill_app
  local pending_before lock_left
  pending_before=$(psql_owner -Atc "select count(*) from audit_pending")
  lock_left=$(psql_owner -Atc "select coalesce(greatest(extract(epoch from max(lock_until) - now()), 0)::int, 0) from shedlock where name = 'audit-sealer'")
  echo "killed while sealing: $sealing ($pending_before of $backlog pending; ShedLock row held: $held, for ${lock_left} s more)" | tee -a "$report"
  local t0; t0=$(date +%s%N)
  start_app answering
  local answering_ms=$(( ($(date +%s%N) - t0) / 1000000 )) up_ms= drained_ms= first_ms=
  t0=$(date +%s%N)
  local deadline=$(( $(date +%s) + 60 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local now_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ -z "$up_ms" ] && [ "$(health)" = 200 ] && up_ms=$now_ms
    local pending; pending=$(psql_owner -Atc "select count(*) from audit_pending")
    [ -z "$first_ms" ] && [ "$pending" -lt "$pending_before" ] && first_ms=$now_ms
    [ -z "$drained_ms" ] && [ "$pending" = 0 ] && drained_ms=$now_ms
    [ -n "$up_ms" ] && [ -n "$drained_ms" ] && break
    sleep 0.2
  done
  local figures="restarted application answering after ${answering_ms} ms; from then: sealing resumed after $(ms "$first_ms"), queue empty after $(ms "$drained_ms"), health UP after $(ms "$up_ms"); $(psql_owner -Atc 'select count(*) from audit_pending') pending at the end"
  [ "$sealing" = true ] && [ -n "$first_ms" ] && [ "$first_ms" -le 5000 ] && [ -n "$up_ms" ] && [ "$up_ms" -le 10000 ] && [ -n "$drained_ms" ] && [ "$drained_ms" -le 30000 ] && ok=ok || ok=fail
  verdict "sealing resumes after a kill during sealing" $ok "$figures"
}

# probe LABEL ROUND curl-arguments...: one request during the outage, its "status seconds content-type"
# into target/faults/probe-LABEL-ROUND (the body beside it) and a line into outage.log
probe() {
  local label=$1 round=$2; shift 2
  local file="$out/probe-$label-$round" line
  line=$(curl -s -o "$file.body" -m 10 -w '%{http_code} %{time_total} %{content_type}' "$@" 2>/dev/null) || line="000 10 -"
  echo "$line" > "$file"
  echo "$label $line $(head -c 160 "$file.body" 2>/dev/null | tr -d '\n' | tr -s ' ')" >> "$out/outage.log"
}

# The database outage: PostgreSQL stopped in immediate mode under a running application; every
# answer a 503 within 3 s (problem details on the API, JSON DOWN on health), never a 2xx for a write;
# serving again within 5 s of PostgreSQL's return. Then the slow database: the cluster's processes
# stopped (SIGSTOP) for 8 s.
outage() {
  echo "== database outage: PostgreSQL stopped in immediate mode for 10 s under a running application" | tee -a "$report"
  [ -n "$app_pid" ] || start_app answering
  : > "$out/outage.log"; rm -f "$out"/probe-*
  local csrf cookies="$out/cookies.txt"
  rm -f "$cookies"
  csrf=$(curl -s -c "$cookies" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  pg_stop_immediate
  local t_end=$(( $(date +%s) + 10 )) n=0 slow=0 not503=0 write2xx=0 notproblem=0 healthbad=0 max=0 statuses="" round=0
  while [ "$(date +%s)" -lt "$t_end" ]; do
    # One round: the four requests at once, each answer into its own file.
    round=$((round + 1))
    local probes=()
    probe api-get "$round" -u 'faults-bh1:Bench2026!' -H 'Accept: application/json' "$base/api/v1/messages/inbox" & probes+=($!)
    probe api-post "$round" -u 'faults-bh1:Bench2026!' -H 'Content-Type: application/json' -H 'Accept: application/json' \
      -d '{"idempotencyKey":"outage-'$round'","description":"Felprov under avbrott"}' "$base/api/v1/deviations" & probes+=($!)
    probe login "$round" -b "$cookies" --data-urlencode "username=faults-bh1" --data-urlencode "password=Bench2026!" --data-urlencode "_csrf=$csrf" "$base/login" & probes+=($!)
    probe health "$round" "$base/actuator/health" & probes+=($!)
    wait "${probes[@]}" || true
    local what s t ct
    for what in api-get api-post login health; do
      read -r s t ct < "$out/probe-$what-$round"
      n=$((n + 1)); statuses="$statuses $what:$s"
      awk -v t="$t" 'BEGIN {exit !(t > 3)}' && slow=$((slow + 1))
      max=$(awk -v a="$max" -v b="$t" 'BEGIN {print (b > a) ? b : a}')
      [ "$s" = 503 ] || not503=$((not503 + 1))
      [ "$what" = api-post ] && [ "${s:0:1}" = 2 ] && write2xx=$((write2xx + 1))
      case $what in api-*) [[ "$ct" == application/problem+json* ]] || notproblem=$((notproblem + 1)) ;; esac
      if [ "$what" = health ]; then [[ "$ct" == *json* ]] && grep -q '"DOWN"' "$out/probe-$what-$round.body" || healthbad=$((healthbad + 1)); fi
    done
  done
  local summary; summary=$(echo "$statuses" | tr ' ' '\n' | grep . | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  pg_start
  local back; back=$(date +%s%N) served_ms=
  while [ $(( ($(date +%s%N) - back) / 1000000 )) -lt 30000 ]; do
    if [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' -u 'faults-bh1:Bench2026!' "$base/api/v1/messages/inbox")" = 200 ]; then
      served_ms=$(( ($(date +%s%N) - back) / 1000000 )); break
    fi
    sleep 0.1
  done
  [ "$not503" = 0 ] && ok=ok || ok=fail
  verdict "outage: every answer 503" $ok "$n requests, $not503 not 503 ($summary)"
  [ "$slow" = 0 ] && ok=ok || ok=fail
  verdict "outage: every answer within 3 s" $ok "slowest ${max} s, $slow over 3 s"
  [ "$write2xx" = 0 ] && ok=ok || ok=fail
  verdict "outage: no 2xx for a write" $ok "$write2xx"
  [ "$notproblem" = 0 ] && ok=ok || ok=fail
  verdict "outage: problem details on the API" $ok "$notproblem API answers not application/problem+json"
  [ "$healthbad" = 0 ] && ok=ok || ok=fail
  verdict "outage: health DOWN as JSON" $ok "$healthbad health answers not JSON with DOWN"
  [ -n "$served_ms" ] && [ "$served_ms" -le 5000 ] && ok=ok || ok=fail
  verdict "outage: serving again without a restart" $ok "API 200 ${served_ms:-not within 30 000} ms after PostgreSQL started"

  echo "== slow database: every process of the cluster stopped (SIGSTOP) for 8 s" | tee -a "$report"
  local threads_before; threads_before=$(awk '/^Threads/ {print $2}' "/proc/$app_pid/status")
  # The postmaster first, so that it forks no backend after its children are listed (the pool may
  # still be opening connections after the outage); then every child.
  local pm pids; pm=$(head -1 "$pgdata/postmaster.pid")
  : > "$out/slow.log"
  kill -STOP "$pm"
  pids="$pm $(pgrep -P "$pm" | tr '\n' ' ')"
  kill -STOP $pids
  local stopped; stopped=$(date +%s%N)
  local frozen; frozen=$(ps -o stat= -p "$(echo $pids | tr ' ' ',')" | grep -c '^T' || true)
  local curls=()
  for i in $(seq 1 40); do
    curl -s -o /dev/null -m 20 -w "api %{http_code} %{time_total} $(( ($(date +%s%N) - stopped) / 1000000 ))\n" -u 'faults-bh1:Bench2026!' "$base/api/v1/messages/inbox" >> "$out/slow.log" 2>/dev/null &
    curls+=($!)
  done
  for i in $(seq 1 5); do
    curl -s -o /dev/null -m 20 -w "health %{http_code} %{time_total} $(( ($(date +%s%N) - stopped) / 1000000 ))\n" "$base/actuator/health" >> "$out/slow.log" 2>/dev/null &
    curls+=($!)
  done
  sleep 6
  local threads_during; threads_during=$(awk '/^Threads/ {print $2}' "/proc/$app_pid/status")
  while [ $(( ($(date +%s%N) - stopped) / 1000000 )) -lt 8000 ]; do sleep 0.1; done
  kill -CONT $pids
  local cont; cont=$(date +%s%N) healthy_ms=
  while [ $(( ($(date +%s%N) - cont) / 1000000 )) -lt 20000 ]; do
    if [ "$(health)" = 200 ]; then healthy_ms=$(( ($(date +%s%N) - cont) / 1000000 )); break; fi
    sleep 0.1
  done
  wait "${curls[@]}" || true
  local answered_503 over3 slowest others last_sent
  last_sent=$(awk '{if ($4 > m) m = $4} END {print m + 0}' "$out/slow.log")
  answered_503=$(awk '$2 == 503' "$out/slow.log" | wc -l)
  over3=$(awk '$3 > 3' "$out/slow.log" | wc -l)
  slowest=$(awk '{if ($3 > m) m = $3} END {print m + 0}' "$out/slow.log")
  others=$(awk '{print $1 ":" $2}' "$out/slow.log" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  # A request whose statement was already on a (then frozen) connection waits for the socket
  # timeout (omsorgsnav.database.socket-timeout, 10 s; docs/database-outage.md) or for the database
  # to wake: at most one per pooled connection (10). Every other request must get its 503 within
  # 3 s, and nothing may wait past the socket timeout: that is "timeouts, not a pile-up".
  local pool_max=10 socket_timeout_s=10
  local answered_2xx; answered_2xx=$(awk '$2 ~ /^2/' "$out/slow.log" | wc -l)
  local not_5xx_or_2xx; not_5xx_or_2xx=$(awk '$2 != 503 && $2 !~ /^2/' "$out/slow.log" | wc -l)
  [ "$over3" -le "$pool_max" ] && [ "$not_5xx_or_2xx" = 0 ] && awk -v t="$socket_timeout_s" -v s="$slowest" 'BEGIN {exit !(s <= t + 1)}' \
    && ok=ok || ok=fail
  verdict "slow database: 503 within 3 s unless already on a connection, nothing past the socket timeout" $ok "45 requests during an 8 s stall of $frozen stopped processes (the last sent $last_sent ms into it): $others; $answered_503 × 503, $answered_2xx answered after the stall; $over3 over 3 s (at most $pool_max, one per pooled connection), slowest ${slowest} s (at most ${socket_timeout_s} s + 1); application threads $threads_before before, $threads_during during"
  [ -n "$healthy_ms" ] && [ "$healthy_ms" -le 5000 ] && ok=ok || ok=fail
  verdict "slow database: health UP again after SIGCONT" $ok "after ${healthy_ms:-not within 20 000} ms"
}

command=${1:-}
shift || true
report="$out/report.txt"
case $command in
  smoke|full|crashes|sealer|outage) : > "$report"; app_jar=$(jar); : > "$out/app.log"; : > "$out/crashes.log"
    echo "faults $command, seed $seed, $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$report" ;;
esac
case $command in
  smoke) fresh_database; crashes 3 3 6 alternate; outage ;;
  crashes) fresh_database; crashes "${1:-30}" 4 12 ;;
  full) fresh_database; crashes "${1:-30}" 4 12; outage; sealer ;;
  sealer) fresh_database; sealer ;;
  outage) fresh_database; outage ;;
  stop) [ -f "$out/app.pid" ] && kill -9 "$(cat "$out/app.pid")" 2>/dev/null; exit 0 ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
echo "report: $report"
exit $result
