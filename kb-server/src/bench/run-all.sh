#!/usr/bin/env bash
# The whole benchmark suite behind docs/performance.md. From the repository root:
#
#   kb-server/src/bench/run-all.sh                 # 10,000 and 100,000 entries, everything
#   SIZES=10000 STEPS="load wrk" kb-server/src/bench/run-all.sh
#
# Steps (STEPS, default all): build, corpus, load, wrk, latency, scopes, rebuild, xmx, hybrid, postgres, jmh; and
# curve (only when named: unique searches/s per 10 s window from a fresh start, CURVE_WINDOWS of them, 15; CURVE_ARGS
# are more server arguments, CURVE_SEMANTIC=true runs it on the hybrid step's seeded data directory).
# Settings: SIZES ("10000 100000"), DURATION (wrk seconds per run, 15), RUNS (wrk runs per endpoint, 2),
# WARMUP (seconds of 16-connection searches before unique searches are measured, 90; see warm_up),
# SEED_VECTORS (1: the hybrid step seeds vectors from the base entries instead of embedding every entry),
# PG_SECONDS (15), PG_QUERIES (300 per set for relevance), JMH_OPTS (extra JMH options, e.g. "-wi 1 -i 2 -r 3s"), HYBRID_SIZES ("10000"), EMBED_WAIT (900 s), EVAL_DIR (../shared/eval), JAVA (a JDK >= 21), OUT (kb-server/target/bench), PORT (18180).
# HYBRID_ARGS: more arguments for the hybrid step's server, e.g. "--embedding-threads 1" to alternate a setting.
# Needs wrk (apt-get install -y wrk). Network traffic stays on 127.0.0.1. Every loop and wait is bounded;
# on an idle 2-core machine the suite takes about 25 minutes, most of it loading 100,000 entries (the loaded
# data directory is kept in $OUT and reused while the corpus is unchanged).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
SIZES=${SIZES:-"10000 100000"}
STEPS=${STEPS:-"build corpus load wrk latency scopes rebuild xmx hybrid postgres jmh"}
DURATION=${DURATION:-15}
RUNS=${RUNS:-2}
WARMUP=${WARMUP:-90}
PG_SECONDS=${PG_SECONDS:-15}
HYBRID_SIZES=${HYBRID_SIZES:-"10000"}   # embedding 100,000 entries takes far longer than the rest of the suite
EMBED_WAIT=${EMBED_WAIT:-900}
EVAL_DIR=$(cd "${EVAL_DIR:-$ROOT/../shared/eval}" 2>/dev/null && pwd || echo "")
export EVAL_DIR
OUT=${OUT:-$ROOT/kb-server/target/bench}
PORT=${PORT:-18180}
BASE=http://127.0.0.1:$PORT
WAR=$ROOT/kb-server/target/kb-server.war
export REPLYBOOK_ADMIN_TOKEN=${REPLYBOOK_ADMIN_TOKEN:-bench-admin-token-0123456789abcdef}
LUA=$ROOT/kb-server/src/bench/wrk/rotate.lua
RENDER_BODY='{"tone":"warm","channel":"chat","context":{"customer":{"name":"王女士"},"order":{"id":"E1024","amount":"199.00"},"tracking":{"no":"SF1234567890","carrier":"顺丰"},"coupon":{"amount":"10"},"refund":{"amount":"199.00"}}}'

find_java() {
  if [[ -n "${JAVA:-}" ]]; then echo "$JAVA"; return; fi
  for j in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java; do
    [[ -x "$j" ]] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
    [[ "${v%%.*}" -ge 21 ]] 2>/dev/null && { echo "$j"; return; }
  done
  echo "No JDK >= 21 found; set JAVA" >&2; exit 1
}
JAVA=$(find_java)
JCMD=$(dirname "$JAVA")/jcmd
# shellcheck source=../../../scripts/server-jvm-options.sh
source "$ROOT/scripts/server-jvm-options.sh"
mapfile -t JVM_OPTIONS < <(server_jvm_options)   # the server as ./replybook runs it
step() { [[ " $STEPS " == *" $1 "* ]]; }
say() { echo "== $*" | tee -a "$OUT/summary.txt"; }
cp_bench() { echo "kb-server/target/classes:kb-server/target/test-classes:$(cat kb-server/target/bench.classpath)"; }
tool() { # tool <class, in com.replybook.kb.bench unless qualified> <args...>
  local class=$1; shift
  [[ $class == *.* ]] || class=com.replybook.kb.bench.$class
  "$JAVA" --enable-native-access=ALL-UNNAMED -Djava.util.logging.config.file=kb-server/src/test/resources/logging.properties \
    -cp "$(cp_bench)" "$class" "$@"; }

SERVER_PID=
start_server() { # start_server <data-dir> <extra args...>; waits (at most 600 s) for /api/v1/health = 200
  local dir=$1; shift
  local heap=${HEAP:-}
  "$JAVA" "${JVM_OPTIONS[@]}" ${heap:+-Xmx$heap} -jar "$WAR" --port "$PORT" --data-dir "$dir" \
    --no-sample-data "$@" >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local start=$(date +%s.%N)
  for _ in $(seq 1 3000); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/health" || true) == 200 ]]; then
      READY_SECONDS=$(echo "$(date +%s.%N) - $start" | bc); return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$dir/server.log"; echo "server died" >&2; exit 1; }
    sleep 0.2
  done
  echo "server not ready after 600 s" >&2; stop_server; exit 1
}
stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
trap stop_server EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
wrk_run() { # wrk_run <label> <paths file> [POST body]
  local label=$1 paths=$2 body=${3:-}
  local t0=$(cpu_ticks)
  local line
  line=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s "$LUA" "$BASE" -- "$paths" ${body:+"$body"} | tee -a "$OUT/wrk-raw.txt" | grep '^RESULT')
  local t1=$(cpu_ticks)
  local reqs=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$line")
  local cpu_ms=$(echo "scale=3; ($t1 - $t0) * 1000 / $(getconf CLK_TCK) / $reqs" | bc)
  say "$label ${line#RESULT } server_cpu_ms_per_req=$cpu_ms"
}
# On 2 vCPUs the JIT takes a minute or more of traffic to compile the search path (single C2 compilations of
# Lucene's scoring loops take over a second there): unique searches/s over consecutive 10 s windows after a start
# rose from 360-560 to 1,700-1,900 in 70-90 s, then held. A 5 s warm-up measured that compilation, not the
# server; this one reports the first WARMUP seconds' throughput, then the runs measure the warmed server.
warm_up() { # warm_up <label> <paths file>
  local line
  line=$(wrk -t2 -c16 -d"${WARMUP}s" -s "$LUA" "$BASE" -- "$2" | grep '^RESULT')
  say "$1 first ${WARMUP} s after the start (warm-up): $(sed -E 's/.*(rps=[0-9.]+).*/\1/' <<<"$line")"
}
heap_info() { "$JCMD" "$SERVER_PID" GC.heap_info | grep -E 'garbage-first heap|region size|Metaspace' | sed 's/^ */    /' | tee -a "$OUT/summary.txt"; }

mkdir -p "$OUT"
say "run $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg); java $("$JAVA" -version 2>&1 | head -1); server JVM options: ${JVM_OPTIONS[*]}"

if step build; then
  ./mvnw -q -Pbench -pl kb-server -am package -DskipTests
  say "WAR size: $(stat -c %s "$WAR") bytes ($(du -h "$WAR" | cut -f1)); langchain4j jars: $(unzip -l "$WAR" | grep -c 'langchain4j' || true)"
fi

for SIZE in $SIZES; do
  CORPUS=$OUT/corpus-$SIZE.ndjson
  DATA=$OUT/data-$SIZE
  step corpus && tool CorpusGenerator --size "$SIZE" --out "$CORPUS" ${EVAL_DIR:+--eval-dir "$EVAL_DIR"} | tee -a "$OUT/summary.txt"
  SUM=$(sha1sum "$CORPUS" | cut -c1-40)
  if step load && [[ "$(cat "$DATA/.corpus" 2>/dev/null || true)" != "$SUM" ]]; then
    rm -rf "$DATA"; mkdir -p "$DATA"
    start_server "$DATA" --semantic-search false
    say "[$SIZE] $(tool CorpusLoader --url "$BASE" --file "$CORPUS")"
    stop_server
    echo "$SUM" >"$DATA/.corpus"
  fi
  tool WrkQueries --out "$OUT/wrk-$SIZE" --corpus "$CORPUS" ${EVAL_DIR:+--eval-dir "$EVAL_DIR"} >/dev/null

  if step wrk; then
    # Every search ranked: the result cache off.
    start_server "$DATA" --semantic-search false --search-cache-entries 0
    warm_up "[$SIZE] lexical search, cache off," "$OUT/wrk-$SIZE/search.paths"
    for run in $(seq 1 "$RUNS"); do wrk_run "[$SIZE] lexical search, cache off, run $run:" "$OUT/wrk-$SIZE/search.paths"; done
    stop_server
    # As deployed (result cache on): the 2,037 texts repeat, as agents' searches do.
    start_server "$DATA" --semantic-search false
    wrk -t1 -c4 -d5s -s "$LUA" "$BASE" -- "$OUT/wrk-$SIZE/search.paths" >/dev/null   # warm-up
    for run in $(seq 1 "$RUNS"); do
      wrk_run "[$SIZE] lexical search  run $run:" "$OUT/wrk-$SIZE/search.paths"
      wrk_run "[$SIZE] suggest         run $run:" "$OUT/wrk-$SIZE/suggest.paths"
      wrk_run "[$SIZE] render          run $run:" "$OUT/wrk-$SIZE/render.paths" "$RENDER_BODY"
    done
    say "[$SIZE] heap after the runs (lexical, default -Xmx):"; heap_info
    "$JCMD" "$SERVER_PID" GC.run >/dev/null
    say "[$SIZE] heap after a full GC:"; heap_info
    stop_server
  fi

  if step curve; then
    # Not in the default steps: unique searches/s in consecutive 10 s windows from a fresh start (the JIT warm-up and
    # the start-up replay of --search-warm-up-seconds, which health waits for; "health 200 after" includes it).
    # CURVE_ARGS: more server arguments, e.g. "--search-warm-up-seconds 0" for the same build without the replay.
    # CURVE_SEMANTIC=true: the hybrid server over the data directory the hybrid step seeded (-Xmx768m, as there).
    CDATA=$DATA; CHEAP=; [[ ${CURVE_SEMANTIC:-false} == true ]] && { CDATA=$OUT/data-$SIZE-hybrid; CHEAP=768m; }
    # shellcheck disable=SC2086
    HEAP=$CHEAP start_server "$CDATA" --semantic-search "${CURVE_SEMANTIC:-false}" --search-cache-entries 0 ${CURVE_ARGS:-}
    rates=""
    for _ in $(seq 1 "${CURVE_WINDOWS:-15}"); do
      rates="$rates $(wrk -t2 -c16 -d10s -s "$LUA" "$BASE" -- "$OUT/wrk-$SIZE/search.paths" | grep '^RESULT' | sed -E 's/.*rps=([0-9]+).*/\1/')"
    done
    say "[$SIZE] unique searches/s per 10 s window from the start (cache off, semantic ${CURVE_SEMANTIC:-false}${CURVE_ARGS:+, $CURVE_ARGS}; health 200 after $READY_SECONDS s):$rates"
    stop_server
  fi

  if step latency; then
    # Server-side latency without HTTP or queueing: the server's index, synonyms and locale filters, no cache.
    "$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$(cp_bench)" \
      -Djava.util.logging.config.file=kb-server/src/test/resources/logging.properties \
      com.replybook.kb.search.SearchLatency --data-dir "$DATA" 3 2>/dev/null | sed "s/^/[$SIZE] /" | tee -a "$OUT/summary.txt"
  fi

  if step scopes; then
    # Issue 20: the same corpus as the library of the whole team and spread over 20 shops (with personal snippets),
    # each query timed unscoped on the first (today's search) and scoped on the second; p99 ratios, target <= 1.10.
    "$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx768m -cp "$(cp_bench)" \
      -Djava.util.logging.config.file=kb-server/src/test/resources/logging.properties \
      com.replybook.kb.search.ShopScopeLatency "$SIZE" "$OUT/scopes-$SIZE" 3 2>/dev/null | tee -a "$OUT/summary.txt"
  fi

  if step rebuild; then
    rm -rf "$DATA/index"
    start_server "$DATA" --semantic-search false
    say "[$SIZE] full lexical index rebuild: health 200 after $READY_SECONDS s (start included); server log: $(grep -o 'Search index MISSING.*' "$DATA/server.log" | head -1)"
    stop_server
  fi

  if step xmx; then
    HEAP=768m start_server "$DATA" --semantic-search false
    warm_up "[$SIZE] lexical search -Xmx768m," "$OUT/wrk-$SIZE/search.paths"
    wrk_run "[$SIZE] lexical search  -Xmx768m:" "$OUT/wrk-$SIZE/search.paths"
    say "[$SIZE] heap with -Xmx768m:"; heap_info
    stop_server
  fi

  if step hybrid && [[ " $HYBRID_SIZES " == *" $SIZE "* ]]; then
    if [[ $(unzip -l "$WAR" | grep -c langchain4j) -gt 0 ]]; then
      HDATA=$DATA
      if [[ ${SEED_VECTORS:-} == 1 ]]; then
        # Embedding every entry takes hours at 100k on 2 cores: SeedVectors embeds each base entry once and stores
        # its vectors, moved slightly, for its variants, in a copy of the data directory (the index is rebuilt).
        HDATA=$OUT/data-$SIZE-hybrid; rm -rf "$HDATA"; mkdir -p "$HDATA"; cp "$DATA"/replybook.db* "$HDATA/"
        say "[$SIZE] $(tool com.replybook.kb.search.semantic.SeedVectors --data-dir "$HDATA")"
      fi
      # shellcheck disable=SC2086
      HEAP=768m start_server "$HDATA" --semantic-search true --search-cache-entries 0 ${HYBRID_ARGS:-}
      say "[$SIZE] hybrid server${HYBRID_ARGS:+ ($HYBRID_ARGS)} ready (index built with the stored vectors) after $READY_SECONDS s"
      # Entries were imported with semantic search off: the server embeds them in the background first.
      say "[$SIZE] $(tool AwaitVectors --db "$HDATA/replybook.db" --expect "$SIZE" --timeout "$EMBED_WAIT" || echo "vectors: not all stored within $EMBED_WAIT s; hybrid figures below are over a partly embedded corpus")"
      # Every text is embedded on first sight (then its vector is cached): the warm-up embeds them all.
      warm_up "[$SIZE] hybrid search, cache off," "$OUT/wrk-$SIZE/search.paths"
      for run in $(seq 1 "$RUNS"); do wrk_run "[$SIZE] hybrid search, cache off, run $run (-Xmx768m):" "$OUT/wrk-$SIZE/search.paths"; done
      # Texts never seen before: the same searches with an order number of their own ("… #1000123"), so every
      # request embeds its text first; each run has its own numbers (three per search, more than a run asks for).
      for run in $(seq 1 "$RUNS"); do
        awk -v run="$run" '{ p[NR] = $0 } END { for (k = 0; k < 3; k++) for (i = 1; i <= NR; i++)
          printf "%s%%20%%23%d\n", p[i], run * 1000000 + k * 100000 + i }' \
          "$OUT/wrk-$SIZE/search.paths" > "$OUT/wrk-$SIZE/search-new-$run.paths"
        wrk_run "[$SIZE] hybrid search, new texts, cache off, run $run (-Xmx768m):" "$OUT/wrk-$SIZE/search-new-$run.paths"
      done
      say "[$SIZE] heap with the models loaded (-Xmx768m):"; heap_info
      stop_server
    else
      say "[$SIZE] hybrid search: not measured, this WAR has no embedding models (semantic search not on this branch yet)"
    fi
  fi

  if step postgres; then
    start_server "$DATA" --semantic-search false
    tool SideBySide --url "$BASE" --corpus "$CORPUS" --pg-dir "$OUT/pg-$SIZE" --seconds "$PG_SECONDS" --max-queries "${PG_QUERIES:-300}" \
      ${EVAL_DIR:+--eval-dir "$EVAL_DIR"} 2>&1 | sed "s/^/[$SIZE] /" | tee -a "$OUT/summary.txt"
    stop_server
  fi
done

if step jmh; then
  rm -rf "${TMPDIR:-/tmp}"/replybook-search-bench-*
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(cp_bench)" org.openjdk.jmh.Main \
    -p size="$(tr ' ' ',' <<<"$SIZES")" ${JMH_OPTS:-} -rf text -rff "$OUT/jmh.txt" 'AnalysisBench|RenderBench|SearchBench' \
    | tee "$OUT/jmh-raw.txt" | grep -E '^\[index\]|^Benchmark|^[A-Z][A-Za-z]+Bench\.' || true
  grep -E '^\[index\]' "$OUT/jmh-raw.txt" >>"$OUT/summary.txt" || true
  cat "$OUT/jmh.txt" >>"$OUT/summary.txt"
fi
say "done $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
