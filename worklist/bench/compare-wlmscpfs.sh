#!/usr/bin/env bash
# Opaline's worklist SCP against DCMTK's wlmscpfs, on the same scheduled steps and the same
# queries. Needs dcmtk (dump2dcm, wlmscpfs, findscu, echoscu).
#
#   worklist/bench/compare-wlmscpfs.sh [ITEMS] [QUERIES] [CLIENTS] [FINDSCU_RUNS]
#   WARMUP=n (default 200) unmeasured queries before each measure. wlmscpfs reads every .wl file
#   for each query (seconds per query with 10,000 files): keep QUERIES small there.
#
# 1. opaline bench worklist seeds ITEMS steps in a throwaway H2 file database, measures Opaline
#    with QUERIES C-FIND from CLIENTS clients (one association per query), and exports the
#    worklist (dump2dcm text) and the queries;
# 2. dump2dcm turns the export into the .wl files wlmscpfs serves;
# 3. the same bench, same queries, against wlmscpfs;
# 4. findscu, one process per query, FINDSCU_RUNS queries in sequence against each SCP.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
items=${1:-10000}
queries=${2:-2000}
clients=${3:-4}
runs=${4:-200}
port_wlm=${PORT_WLMSCPFS:-11301}
port_opl=${PORT_OPALINE:-11302}
work="$(mktemp -d /tmp/opaline-worklist-bench.XXXXXX)"
db="jdbc:h2:file:$work/db/bench"
opaline="${OPALINE:-$root/opaline}" # OPALINE="java -jar …/opaline.jar" to run a fixed build
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

echo "== 1. Opaline ($items examens, $queries requêtes, $clients clients) — $work"
$opaline --home "$work/home" bench worklist --items "$items" --queries "$queries" --clients "$clients" \
  --warmup "${WARMUP:-200}" --db-url "$db" --export "$work/export"

echo "== 2. dump2dcm → .wl"
find "$work/export/OPALINE" -name '*.dump' -print0 \
  | xargs -0 -n 250 -P 2 sh -c 'for f; do dump2dcm -q "$f" "${f%.dump}.wl"; done' sh
echo "   $(find "$work/export/OPALINE" -name '*.wl' | wc -l) fichiers .wl"

echo "== 3. wlmscpfs, mêmes requêtes"
wlmscpfs -dfp "$work/export" "$port_wlm" > "$work/wlmscpfs.log" 2>&1 &
pids+=($!)
until echoscu -aec OPALINE 127.0.0.1 "$port_wlm" > /dev/null 2>&1; do sleep 0.2; done
$opaline --home "$work/home" bench worklist --queries "$queries" --clients "$clients" \
  --warmup "${WARMUP:-200}" --db-url "$db" --reuse --peer "127.0.0.1:$port_wlm"

echo "== 4. findscu, $runs requêtes l'une après l'autre, un processus findscu chacune"
mkdir -p "$work/findscu"
for q in $(ls "$work/export/queries"/*.dump | head -n "$runs"); do
  dump2dcm -q "$q" "$work/findscu/$(basename "${q%.dump}").dcm"
done
OPALINE_DB_URL="$db" OPALINE_WORKLIST_BINDADDRESS=127.0.0.1 OPALINE_WORKLIST_ACCEPTEDCALLINGAETITLES=ECHOSCU,FINDSCU \
  $opaline --home "$work/home" worklist serve --port "$port_opl" > "$work/opaline.log" 2>&1 &
pids+=($!)
until echoscu -aec OPALINE 127.0.0.1 "$port_opl" > /dev/null 2>&1; do sleep 0.2; done

findscu_series() { # name port
  local name=$1 port=$2 out="$work/findscu-$1.txt" answers=0 start end
  : > "$out"
  for f in "$work/findscu"/*.dcm; do findscu -W -aec OPALINE 127.0.0.1 "$port" "$f" > /dev/null 2>&1; done # warm-up
  start=$(date +%s%N)
  for f in "$work/findscu"/*.dcm; do
    local t0 t1 n
    t0=$(date +%s%N)
    n=$(findscu -W -aec OPALINE 127.0.0.1 "$port" "$f" 2>&1 | grep -ac 'Find Response: [0-9]' || true)
    t1=$(date +%s%N)
    answers=$((answers + n))
    echo $(( (t1 - t0) / 1000 )) >> "$out"
  done
  end=$(date +%s%N)
  sort -n "$out" | awk -v name="$name" -v answers="$answers" -v total=$(( (end - start) / 1000 )) '
    { v[NR] = $1 }
    END {
      printf "findscu → %-8s : %d requêtes, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms ; %.1f requêtes/s ; %d réponses\n",
        name, NR, v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.95) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000,
        NR / (total / 1e6), answers
    }'
}
findscu_series opaline "$port_opl"
findscu_series wlmscpfs "$port_wlm"
