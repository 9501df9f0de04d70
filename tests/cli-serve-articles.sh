#!/bin/sh
# hustings-serve's article total (/api/search?articles=1) on real news: the
# politics section of the BBC corpus (397 articles).  It is counted
# exactly: the articles that hustings-query lists for every match.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/serve-lib.sh"
need_shared

run "$INDEX" -d "$tmp/idx" "$SHARED/corpora/bbc-news/politics"
check "indexing the politics of bbc-news succeeds" test "$rc" -eq 0
if ! start_server -d "$tmp/idx" --listen 127.0.0.1:0; then
    check "the server starts" false
    finish
    exit 1
fi

# QUERY: its passages and the distinct articles of every match, as
# hustings-query counts and lists them (not collapsed)
tally() {
    printf '%s %s' "$("$QUERY" -d "$tmp/idx" --count -- "$1")" \
        "$("$QUERY" -d "$tmp/idx" --json --no-collapse --limit 5000 -- "$1" |
           "$PYTHON" -c 'import json, sys; print(len({json.loads(l)["path"] for l in sys.stdin}))')"
}
for case in 'Blair|Blair|454 154' 'general+election|general election|613 219' \
            'tuition+fees|tuition fees|34 23' 'said|said|1142 372'; do
    param=${case%%|*}
    rest=${case#*|}
    words=${rest%%|*}
    want=${rest#*|}
    got=$(tally "$words")
    check "hustings-query: $words, $want (passages, articles)" test "$got" = "$want"
    expect "$words: $want, the same" 200 "/api/search?q=$param&limit=1&articles=1&facets=" \
        "(d['total'], d['articles']) == tuple(int(n) for n in '$got'.split())"
done
expect "with the facets too, the same count of articles" 200 \
    '/api/search?q=Blair&limit=1&articles=1&facets=year,lang' \
    "d['articles'] == 154 and d['facets']['lang'] == {'en': 454}"
expect "not asked for: null" 200 '/api/search?q=Blair&limit=1' "d['articles'] is None"
run_expected
stop_server "$pid"
check "the server stops cleanly" test "$rc" -eq 0
finish
