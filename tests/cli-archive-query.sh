#!/bin/sh
# hustings-query on archives as newsrooms keep them: a warning where a
# query finds nothing (or less than it seems to ask) for a reason the user
# cannot see, undated articles in facets and date filters, dates counted
# back from today, a typo beside a right word, and output for scripts (a
# type on every JSON line, CSV).  On corpus/, a folder dated relative to
# today, and ../shared/corpora/bbc-news, which has no dates.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared

run "$INDEX" -q -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0
# The query's stderr is exactly the lines given, and its exit status $1.
says() {
    want_rc=$1
    shift
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi >"$tmp/want"
    [ "$rc" -eq "$want_rc" ] && cmp -s "$tmp/err" "$tmp/want"
}
W="hustings-query: warning:"

# ---- warnings: the silent zeros of a newcomer's probe
run "$QUERY" -d "$tmp/idx" titel:observers
check "titel:observers: exit 1, a warning with the nearest field" \
    says 1 "$W titel: is not a field; did you mean title:?"
run "$QUERY" -d "$tmp/idx" 'NOT election'
check "NOT election: exit 1, it only leaves words out" \
    says 1 "$W the query only leaves words out: NOT and -word take away from what the rest of a query finds, and this one has nothing else to search for"
run "$QUERY" -d "$tmp/idx" 'a*'
check "a*: exit 1, the prefix is too short" \
    says 1 "$W a*: a prefix* needs two letters or more; it was left out of the query"
run "$QUERY" -d "$tmp/idx" ''
check "an empty query: exit 1, it is empty" says 1 "$W the query is empty: there is nothing to search for"
run "$QUERY" -d "$tmp/idx" 'the of'
check "stop words only: exit 1, they are not searched for" \
    says 1 "$W very common words (the, of) are not searched for, and the query has no other words"
run "$QUERY" -d "$tmp/idx" colour:candidates
check "a field far from any: the fields listed" \
    says 1 "$W colour: is not a field (the fields are title:, source:, site:, author:, lang:, path:, date:)"
# a short prefix beside words is left out, and the words are searched
run "$QUERY" -d "$tmp/idx" --count 'a* candidates'
check "a* candidates: the count of candidates, with the warning" \
    sh -c '[ "$(cat "$1")" = 47 ] && [ "$(cat "$2")" = "$3" ]' sh "$tmp/out" "$tmp/err" \
    "$W a*: a prefix* needs two letters or more; it was left out of the query"
run "$QUERY" -d "$tmp/idx" --count candidates
check "candidates alone: 47, no warning" test "$(cat "$tmp/out")" = 47 -a ! -s "$tmp/err"
# what means what it says warns of nothing
for q in 'title:observers' 'turnout 10:30' 'source:https://example.kz/news turnout' 'the election'; do
    run "$QUERY" -d "$tmp/idx" --count "$q"
    check "'$q': no warning" test "$rc" -eq 0 -a ! -s "$tmp/err"
done
# a filter gives a query that leaves words out something to take them from
run "$QUERY" -d "$tmp/idx" --count --lang en -- -election
check "--lang en -- -election: the English passages without election, no warning" \
    test "$(cat "$tmp/out")" = 56 -a ! -s "$tmp/err"
run "$QUERY" -d "$tmp/idx" --count 'NOT election lang:en'
check "as NOT election lang:en" test "$(cat "$tmp/out")" = 56
# JSON: a line of its own, after the results; nothing on stderr
run "$QUERY" -d "$tmp/idx" --json titel:observers
check "--json: the warning is a line of type warning" \
    test "$rc" -eq 1 -a "$(cat "$tmp/out")" = '{"type":"warning","message":"titel: is not a field; did you mean title:?"}' -a ! -s "$tmp/err"
run "$QUERY" -d "$tmp/idx" --json -n 3 --facets lang 'sorce:x candidates'
check "--json: results, then facets, then warnings" json_true '(
[r["type"] for r in rows] == ["result", "result", "result", "facet", "warning"]
and rows[-1]["message"] == "sorce: is not a field; did you mean source:?")'
run "$QUERY" -d "$tmp/idx" --format csv 'NOT election'
check "CSV: the warning on stderr, the header alone on stdout" \
    sh -c '[ "$(cat "$1")" = "$(printf "rank,score,path,title,date,source,lang,passage,paragraph,text\r")" ]' sh "$tmp/out"
check "CSV: exit 1 and the warning" \
    says 1 "$W the query only leaves words out: NOT and -word take away from what the rest of a query finds, and this one has nothing else to search for"

# ---- undated articles: date filters leave them out, and say how many
run "$QUERY" -d "$tmp/idx" --count --since 2023-03 candidates
check "--since: 14 passages, and the one undated article left out" \
    sh -c '[ "$(cat "$1")" = 14 ] && [ "$(cat "$2")" = "$3" ]' sh "$tmp/out" "$tmp/err" \
    "$W 1 undated article matched but is not in the date range"
run "$QUERY" -d "$tmp/idx" --count 'candidates date:2023'
check "date: too" says 0 "$W 1 undated article matched but is not in the date range"
run "$QUERY" -d "$tmp/idx" --count 'candidates OR date:2023'
check "not when the undated ones match anyway" says 0
run "$QUERY" -d "$tmp/idx" -n 0 --facets year,month candidates
check "the date facets count undated passages as 'undated'" test "$(cat "$tmp/out")" = "
year: 2023 (44), undated (3)
month: 2023-02 (26), 2023-03 (14), 2023-01 (4), undated (3)"

# ---- dates counted back from today (UTC): a folder dated so
mkdir "$tmp/ago"
day() { date -u -d "$1 days ago" +%Y-%m-%d; }
printf 'Polling day moved\n\n%s\n\nThe polling day was moved by the commission.\n' "$(day 3)" >"$tmp/ago/a.txt"
printf 'Polling stations close early\n\n%s\n\nSeveral polling stations closed early.\n' "$(day 20)" >"$tmp/ago/b.txt"
printf 'Polling reform debated\n\n%s\n\nA polling reform was debated a year ago.\n' "$(day 400)" >"$tmp/ago/c.txt"
printf 'Polling notes\n\nPolling notes from a desk that keeps no dates.\n' >"$tmp/ago/d.txt"
run "$INDEX" -q -d "$tmp/ago.idx" "$tmp/ago"
check "indexing the dated folder succeeds" test "$rc" -eq 0
# The files (a b c d) whose passages the query finds, sorted.
files() {
    "$QUERY" -d "$tmp/ago.idx" --json -n 100 "$@" 2>/dev/null | "$PYTHON" -c '
import json, sys
print(" ".join(sorted({json.loads(l)["path"].rsplit("/", 1)[1][0] for l in sys.stdin if json.loads(l)["type"] == "result"})))'
}
check "--since 3d: the day three days ago is in" test "$(files --since 3d polling)" = a
check "--since 2d: not" test "$(files --since 2d polling)" = ""
check "--since 3w" test "$(files --since 3w polling)" = "a b"
check "--since 1m (20 days ago is within a month)" test "$(files --since 1m polling)" = "a b"
check "--since 2y" test "$(files --since 2y polling)" = "a b c"
check "--until 3d: up to the day three days ago, included" test "$(files --until 3d polling)" = "a b c"
check "--until 4d" test "$(files --until 4d polling)" = "b c"
check "--until 1y" test "$(files --until 1y polling)" = c
check "--since 3w --until 1w" test "$(files --since 3w --until 1w polling)" = b
check "date:..2w" test "$(files 'polling date:..2w')" = "b c"
check "date:1m..1w" test "$(files 'polling date:1m..1w')" = b
check "date:3d, one day" test "$(files 'polling date:3d')" = a
check "a time ago and a date together: date:$(day 400)..1w" test "$(files "polling date:$(day 400)..1w")" = "b c"
run "$QUERY" -d "$tmp/ago.idx" --count --since 1m polling
check "the undated one is counted as left out" says 0 "$W 1 undated article matched but is not in the date range"
run "$QUERY" -d "$tmp/ago.idx" --since 7x polling
check "a bad time ago is refused, naming the forms" \
    says 2 "hustings-query: invalid --since '7x': YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)"
run "$QUERY" -d "$tmp/ago.idx" 'polling date:7days..'
check "as in date:" says 2 "hustings-query: query error at column 9: a date is YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y), or a range FROM..TO
  polling date:7days..
          ^"
run "$QUERY" --help
check "--help names the forms" grep -q "time ago: 7d, 2w, 3m, 1y (days, weeks, months, years" "$tmp/out"

# ---- output for scripts: CSV (RFC 4180)
mkdir "$tmp/csv"
printf 'Turnout, "record" low\n\nTurnout fell, officials said; the "record" low\nwas blamed on queues.\n' >"$tmp/csv/e.txt"
printf 'Turnout up\n\n2023-03-20\n\nTurnout rose in Astana.\n' >"$tmp/csv/f.txt"
run "$INDEX" -q -d "$tmp/csv.idx" "$tmp/csv"
run "$QUERY" -d "$tmp/csv.idx" --format csv turnout
cp "$tmp/out" "$tmp/csv.out"
check "CSV: exit 0" test "$rc" -eq 0
check "CSV: the header row, first, ended by CRLF" \
    sh -c 'head -n 1 "$1" | cmp -s - "$2"' sh "$tmp/csv.out" "$(printf 'rank,score,path,title,date,source,lang,passage,paragraph,text\r\n' >"$tmp/head" && echo "$tmp/head")"
check "CSV: the quoted field with a comma, quotes doubled and a line break, as RFC 4180 writes it" \
    grep -q "^2,[0-9.]*,$tmp/csv/e.txt,\"Turnout, \"\"record\"\" low\",,,en,0,1,\"Turnout fell, officials said; the \"\"record\"\" low\$" "$tmp/csv.out"
"$QUERY" -d "$tmp/csv.idx" --json turnout >"$tmp/csv.json"
check "CSV: every row is the JSON result, field for field, read back by Python's csv" "$PYTHON" -c '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
res = [r for r in map(json.loads, open(sys.argv[2], encoding="utf-8")) if r["type"] == "result"]
want = [["rank", "score", "path", "title", "date", "source", "lang", "passage", "paragraph", "text"]]
want += [[str(r["rank"]), "%.6f" % r["score"], r["path"], r["title"], r["date"] or "", r["source"] or "",
          r["lang"] or "", str(r["passage"]), str(r["paragraph"]), r["text"]] for r in res]
raw = open(sys.argv[1], "rb").read()
sys.exit(0 if rows == want and len(res) == 2 and raw.count(b"\r\n") == 3 else 1)' "$tmp/csv.out" "$tmp/csv.json"
# text that begins as a formula stays text in a spreadsheet: a ' before it
mkdir "$tmp/formula"
printf 'Zebra notes\n\n=HYPERLINK("http://evil.example","x") zebra\n\n-zebra, minus\n\n@cmd zebra\n' \
    >"$tmp/formula/z.txt"
run "$INDEX" -q -d "$tmp/formula.idx" "$tmp/formula"
run "$QUERY" -d "$tmp/formula.idx" --format csv --sort date zebra
check "CSV: fields that begin like formulas are quoted, with a ' before them" "$PYTHON" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[1:]
texts = sorted(r[9] for r in rows)
sys.exit(0 if texts == ["'"'"'-zebra, minus", "'"'"'=HYPERLINK(\"http://evil.example\",\"x\") zebra",
                        "'"'"'@cmd zebra"] and all(r[3] == "Zebra notes" for r in rows) else 1)' "$tmp/out"
run "$QUERY" -d "$tmp/csv.idx" --format csv --facets year turnout
check "CSV refuses --facets, saying why" \
    says 2 "hustings-query: --facets cannot go with --format csv, whose rows are passages; use --format json"
run "$QUERY" -d "$tmp/csv.idx" --format json turnout
check "--format json is --json" cmp -s "$tmp/out" "$tmp/csv.json"

# ---- bbc-news: undated, and typos beside right words
BBC="$SHARED/corpora/bbc-news"
run "$INDEX" -q -d "$tmp/bbc.idx" "$BBC"
check "indexing bbc-news succeeds" test "$rc" -eq 0
for args in "-n 1" "-n 10" "-n 1000" "--offset 5000"; do
    # shellcheck disable=SC2086 # the options, split
    run "$QUERY" -d "$tmp/bbc.idx" $args 'immigraton Howard'
    check "immigraton Howard ($args): the suggestion, whatever the page" \
        sh -c '[ "$(cat "$1")" = "hustings-query: did you mean: immigration Howard" ]' sh "$tmp/err"
done
run "$QUERY" -d "$tmp/bbc.idx" --json -n 3 'immigraton Howard'
check "it finds Howard's passages, and each carries the suggestion" \
    json_true 'len(rows) == 3 and all(r["type"] == "result" and "Howard" in r["text"] + r["title"] and r["suggestion"] == "immigration Howard" for r in rows)'
for q in Annan 'Arafat peace' Allawi '="goverment spending"' '=goverment' 'Labour election manifesto' 'titel:observers'; do
    run "$QUERY" -d "$tmp/bbc.idx" -n 1 "$q"
    check "'$q': no suggestion (a name the index holds, exact words, right words, a field)" \
        sh -c '! grep -q "did you mean:" "$1"' sh "$tmp/err"
done
run "$QUERY" -d "$tmp/bbc.idx" -n 1 'goverment spending'
check "but goverment spending: government spending" \
    sh -c '[ "$(cat "$1")" = "hustings-query: did you mean: government spending" ]' sh "$tmp/err"
# an archive without dates: a date filter leaves out every match, and says so
run "$QUERY" -d "$tmp/bbc.idx" --since 2005 election
check "--since on bbc-news: nothing, and the 257 articles left out" \
    says 1 "$W 257 undated articles matched but are not in the date range"
run "$QUERY" -d "$tmp/bbc.idx" --json -n 100000 --no-collapse election
check "257 is how many articles election finds" json_true 'len({r["path"] for r in rows if r["type"] == "result"}) == 257'
run "$QUERY" -d "$tmp/bbc.idx" -n 0 --facets year,month,lang election
check "its date facets: all undated" test "$(cat "$tmp/out")" = "
year: undated (666)
month: undated (666)
lang: en (666)"
# every JSON line says what it is, so a script takes the results alone
run "$QUERY" -d "$tmp/bbc.idx" --json -n 5 --facets year,lang --since 2005 election
check "--json --facets --since: facet and warning lines, each with its type" json_true '(
[r["type"] for r in rows] == ["facet", "facet", "warning"]
and rows[0] == {"type": "facet", "facet": "year", "counts": {}})'
run "$QUERY" -d "$tmp/bbc.idx" --json -n 5 --facets year,lang election
check "--json --facets: 5 results with titles, then 2 facets" json_true '(
[r["type"] for r in rows] == ["result"] * 5 + ["facet"] * 2
and all(r["title"] for r in rows if r["type"] == "result")
and rows[5] == {"type": "facet", "facet": "year", "counts": {"undated": 666}})'
check "a result's date_source follows its date: null, undated" json_true \
    'all(list(r)[5:7] == ["date", "date_source"] and r["date_source"] is None for r in rows if r["type"] == "result")'
finish
