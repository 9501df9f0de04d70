#!/usr/bin/env bash
# bench/http.sh - the HTTP load part of `make bench`: hustings-serve on
# 127.0.0.1, 32 connections for 10 s of /api/search over a mix of queries
# (wrk, Debian's package), then one connection for as long (what one reader
# waits for a page).  Reports requests/s, p50 and p99 latency, errors
# (non-2xx and socket errors: must be 0) and the server's RSS before and
# after the load (it must not grow), and writes bench/http-results.md.
#
#   bash bench/http.sh            (from the repository root, after make)
# Knobs: BENCH_BUILDDIR (default .), BENCH_CORPUS (../shared/corpora/bbc-news),
# BENCH_OUT (bench), HTTP_SECONDS (10), HTTP_CONNECTIONS (32).
set -euo pipefail

builddir=${BENCH_BUILDDIR:-.}
corpus=${BENCH_CORPUS:-../shared/corpora/bbc-news}
out=${BENCH_OUT:-bench}
seconds=${HTTP_SECONDS:-10}
conns=${HTTP_CONNECTIONS:-32}

die() { echo "bench/http.sh: $*" >&2; exit 2; }
[ -d "$corpus" ] || die "no corpus at $corpus"
[ -x "$builddir/server/hustings-serve" ] || die "build first (make): no $builddir/server/hustings-serve"
if ! command -v wrk >/dev/null; then
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/hustings-http.XXXXXX")
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT

"$builddir/indexer/hustings-index" -q -d "$scratch/idx" "$corpus" || [ $? -eq 1 ]

# a mix of queries: words, phrases, operators, fields, facets
cat >"$scratch/mix.lua" <<'LUA'
local queries = {
  "q=election", "q=general+election+Blair", "q=%22tuition+fees%22",
  "q=hunting+ban&facets=year,source", "q=Labour+AND+manifesto", "q=tax+NEAR/3+rise",
  "q=immigra*", "q=Brown+-Blair&limit=20", "q=mobile+phone+viruses&offset=10",
  "q=council+tax&sort=-date", "q=self-nomination", "q=electoin",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?" .. queries[(i % #queries) + 1])
end
LUA

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$builddir/server/hustings-serve" -d "$scratch/idx" --listen "127.0.0.1:$port" 2>"$scratch/serve.err" &
server=$!
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null && break
    sleep 0.2
done
pid=$server
[ -r "/proc/$pid/status" ] || die "hustings-serve did not start: $(cat "$scratch/serve.err")"
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }

# warm up, then measure
wrk -t2 -c"$conns" -d2s -s "$scratch/mix.lua" "http://127.0.0.1:$port" >/dev/null
rss_before=$(rss)
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$scratch/mix.lua" "http://127.0.0.1:$port" >"$scratch/wrk.txt"
rss_after=$(rss)
wrk -t1 -c1 -d"${seconds}s" --latency -s "$scratch/mix.lua" "http://127.0.0.1:$port" >"$scratch/wrk1.txt"
rps1=$(awk '/^Requests\/sec:/ { print $2 }' "$scratch/wrk1.txt")
p50_1=$(awk '$1 == "50%" { print $2 }' "$scratch/wrk1.txt")
p99_1=$(awk '$1 == "99%" { print $2 }' "$scratch/wrk1.txt")

rps=$(awk '/^Requests\/sec:/ { print $2 }' "$scratch/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$scratch/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$scratch/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$scratch/wrk.txt")
sockerr=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$scratch/wrk.txt")
errors=$(( ${non2xx:-0} + ${sockerr:-0} ))
growth=$(( rss_after - rss_before ))
verdict_err=PASS; [ "$errors" -eq 0 ] || verdict_err=MISS
# a few hundred KiB of allocator slack is not growth; a leak grows with load
verdict_rss=PASS; [ "$growth" -le 1024 ] || verdict_rss=MISS

mkdir -p "$out"
{
    echo "# hustings-serve under load"
    echo
    echo "Written by bench/http.sh on $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; index of $(find "$corpus" -name '*.txt' | wc -l) files."
    echo "wrk, $conns connections, 2 threads, ${seconds} s, 12 queries in turn (words, phrases, AND/NEAR/prefix, facets, paging, sort, a misspelling)."
    echo
    echo "| measure | value | target | |"
    echo "|---|---:|---|---|"
    echo "| requests/s | $rps | — | |"
    echo "| latency p50 | $p50 | — | |"
    echo "| latency p99 | $p99 | — | |"
    echo "| errors (non-2xx + socket) | $errors | 0 | $verdict_err |"
    echo "| server RSS before / after (KiB) | $rss_before / $rss_after | no growth | $verdict_rss |"
    echo "| one connection: requests/s | $rps1 | — | |"
    echo "| one connection: latency p50 / p99 | $p50_1 / $p99_1 | — | |"
} >"$out/http-results.md"
cat "$out/http-results.md"
[ "$verdict_err" = PASS ]
