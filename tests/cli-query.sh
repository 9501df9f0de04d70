#!/bin/sh
# The query language and the output options of hustings-query, on corpus/.
. "${top_srcdir:-.}/tests/lib.sh"

run "$INDEX" -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0
q() { run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 "$@"; }
# true when every row satisfies the expression; `t` is the passage text
# and the headline (which also answers for the passage), lower-cased
# (of the result lines: a warning may follow them)
has() { json_true "(lambda res: len(res) > 0 and all((lambda t: $1)((r['text'] + ' || ' + r['title']).lower()) for r in res))([r for r in rows if r['type'] == 'result'])"; }

q 'deposit AND signatures'
check "AND: every passage (or its headline) has both words" has '"deposit" in t and "signature" in t'
q 'deposit OR observers'
check "OR: every passage has one of them" has '"deposit" in t or "observer" in t'
check "OR: both kinds are found" json_true 'any("deposit" in r["text"].lower() for r in rows) and any("observer" in r["text"].lower() for r in rows)'
q 'signatures NOT deposit'
check "NOT: the excluded word is absent" has '"signature" in t and "deposit" not in t'
q '(deposit OR signatures) -party'
check "brackets and -word" has '("deposit" in t or "signature" in t) and "party" not in t and "parties" not in t'
q 'election NEAR/2 commission'
check "NEAR/2: the words at most two apart" has '__import__("re").search(r"election\w*\W+(\w+\W+){0,2}commission|commission\w*\W+(\w+\W+){0,2}election", t)'
run "$QUERY" -d "$tmp/idx" --json --limit 1000 --per-article 0 --no-collapse 'election NEAR/2 commission'
n=$(wc -l <"$tmp/out")
run "$QUERY" -d "$tmp/idx" --count --per-article 0 --no-collapse 'election NEAR/2 commission'
check "NEAR/2: --count is the number of passages listed" test "$(cat "$tmp/out")" = "$n"
q 'deposi*'
check "prefix*: words starting with it" has '"deposi" in t'
check "prefix*: whole words are highlighted" json_true 'all(r["text"].encode()[s:e].decode().lower().startswith("deposi") for r in rows for s, e in r["highlights"])'
q '=nominated'
check "=word: only that form" has '__import__("re").search(r"\bnominated\b", t)'
q '=vote'
check "=word: a word that is its own stem, only that form" has '__import__("re").search(r"\bvote\b", t)'
q '=votes'
check "=word: a form that is not its own stem, only that form" has '__import__("re").search(r"\bvotes\b", t)'
q '=vote OR =voted'
check "=word in an OR: only those forms" has '__import__("re").search(r"\bvot(e|ed)\b", t)'
q '=vote deposit'
check "=word beside another word: that form, or the other word" has '__import__("re").search(r"\bvote\b", t) or "deposit" in t'
run "$QUERY" -d "$tmp/idx" --count --per-article 0 --no-collapse '=vote'
exact=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --count --per-article 0 --no-collapse 'vote'
check "=word: fewer passages than all its forms (votes, voted)" test "$exact" -gt 0 -a "$exact" -lt "$(cat "$tmp/out")"
q 'nominated'
check "without =, other forms too" json_true 'any("nomination" in r["text"].lower() and not __import__("re").search(r"\bnominated\b", r["text"].lower()) for r in rows)'
q '"party lists"'
check "a phrase is stem-aware" json_true 'any("party list" in r["text"].lower() and "party lists" not in r["text"].lower() for r in rows)'
q '"day of silence"'
check "a phrase steps over its stop words, which have no positions" has '"day of silence" in t'
xapian-delve -t Zthe "$tmp/idx" >"$tmp/delve" 2>&1
check "a stop word has no term, only its place" grep -qx "term 'Zthe' not in database" "$tmp/delve"
run "$QUERY" -d "$tmp/idx" --count 'the of'
check "a query of stop words only finds nothing" test "$rc" -eq 1 -a "$(cat "$tmp/out")" = 0
xapian-delve -r 1 -t Zelect "$tmp/idx" >"$tmp/delve" 2>&1
check "another word's stem has its positions" grep -q "^Position List for term 'Zelect', record #1: [0-9]" "$tmp/delve"
q 'title:observers'
check "title: the headline has the word" has '"observer" in r["title"].lower()'
q 'source:example.kz turnout'
check "source: a host" has 'r["source"] and "example.kz" in r["source"]'
q 'source:other.org turnout'
check "source: another host finds nothing" test "$rc" -eq 1
q 'deposit (lang:ru OR lang:kk)'
check "an OR of fields still constrains" test "$rc" -eq 1
q 'path:corpus self-nomination'
check "path: a folder name" has '"/corpus/" in r["path"]'
q 'date:2023-03 turnout'
check "date:YYYY-MM" has 'r["date"].startswith("2023-03")'
q 'date:2023-02-01..2023-02-28 candidates'
check "date:FROM..TO" has '"2023-02-01" <= r["date"] <= "2023-02-28"'
q 'date:..2023-01-31 candidates'
check "date:..TO" has 'r["date"] <= "2023-01-31"'
q --since 2023-03-15 --until 2023-03 candidates
check "--since and --until" has '"2023-03-15" <= r["date"] <= "2023-03-31"'
run "$QUERY" -d "$tmp/idx" --since 'March 2023' candidates
check "a bad --since is an error" test "$rc" -eq 2
q --since 2023-03 turnout Almaty
cp "$tmp/out" "$tmp/since"
q '(turnout Almaty) date:2023-03..'
check "--since narrows as date: does, same passages in the same order" cmp -s "$tmp/out" "$tmp/since"
check "--since leaves the words wanted as without it (not all required)" \
    json_true 'len([r for r in rows if r["type"] == "result"]) == 25'
q --lang ru выборы
cp "$tmp/out" "$tmp/lang"
check "--lang: only passages in that language" json_true 'len(rows) > 0 and all(r["lang"] == "ru" for r in rows)'
q '(выборы) lang:russian'
check "--lang is lang:" cmp -s "$tmp/out" "$tmp/lang"
q --source example.kz --lang en election
cp "$tmp/out" "$tmp/source"
check "--source: a host" json_true 'len(rows) > 0 and all("example.kz" in r["source"] for r in rows)'
q '(election) (source:example.kz OR site:"example.kz") lang:en'
check "--source with a dot is the host or the site name" cmp -s "$tmp/out" "$tmp/source"
run "$QUERY" -d "$tmp/idx" --dump --lang en
check "--dump refuses a filter rather than ignore it" \
    sh -c '[ "$1" -eq 2 ] && grep -q "takes no --since, --until, --lang or --source" "$2"' - "$rc" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --lang zz election
check "--lang zz is an error that says what a language is" \
    sh -c '[ "$1" -eq 2 ] && [ "$(cat "$2")" = "hustings-query: lang: needs a language code, e.g. lang:en, lang:ru or lang:kk" ]' - "$rc" "$tmp/err"

# plain queries never fail; advanced ones point at the mistake
run "$QUERY" -d "$tmp/idx" 'Blair (Labour'
check "a stray bracket in plain words is no error" test "$rc" -le 1
run "$QUERY" -d "$tmp/idx" 'turnout AND (Almaty'
check "an unclosed bracket with AND is an error" test "$rc" -eq 2
check "the message points at the bracket" grep -q "query error at column 13: this '(' has no matching ')'" "$tmp/err"
check "and shows where" grep -q "^              \\^" "$tmp/err"
run "$QUERY" -d "$tmp/idx" 'date:2023-13'
check "a bad date is an error" test "$rc" -eq 2

# sorting, limits per article, counts, formats, facets
q --sort date candidates
check "--sort date: oldest first, undated last" json_true '[r["date"] or "~" for r in rows] == sorted(r["date"] or "~" for r in rows) and rows[0]["date"] and not rows[-1]["date"]'
q --sort -date candidates
check "--sort -date: newest first, undated last" json_true '[r["date"] or "" for r in rows] == sorted((r["date"] or "" for r in rows), reverse=True) and not rows[-1]["date"]'
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 1 candidates
check "--per-article 1: one passage per article" json_true 'len(rows) == len({r["path"] for r in rows})'
run "$QUERY" -d "$tmp/idx" --json --limit 50 candidates
cp "$tmp/out" "$tmp/default.json"
check "by default an article shows every passage that ranks" json_true 'max(__import__("collections").Counter(r["path"] for r in rows).values()) > 3'
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 candidates
check "as --per-article 0 does" cmp -s "$tmp/out" "$tmp/default.json"
run "$QUERY" -d "$tmp/idx" --count candidates
n=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --json --limit 1000 --per-article 0 candidates
check "--count counts every matching passage" test "$(wc -l <"$tmp/out")" -eq "$n"
run "$QUERY" -d "$tmp/idx" --count zzyzxqwv
check "--count of nothing prints 0 and exits 1" sh -c "[ $rc -eq 1 ] && [ \"\$(cat '$tmp/out')\" = 0 ]"
run "$QUERY" -d "$tmp/idx" --format tsv --limit 3 turnout
check "--format tsv: 7 tab-separated fields" sh -c "awk -F'\t' 'NF != 7 { bad = 1 } END { exit bad }' '$tmp/out' && [ \$(wc -l <'$tmp/out') -eq 3 ]"
run "$QUERY" -d "$tmp/idx" --limit 1 --facets year,month,source turnout
check "--facets in text" grep -q "^month: 2023-03 (" "$tmp/out"
check "--facets source" grep -q "^source: example.kz (" "$tmp/out"
run "$QUERY" -d "$tmp/idx" --json --limit 1 --facets month turnout
check "--facets in JSON: a last line" json_true 'rows[-1]["facet"] == "month" and sum(rows[-1]["counts"].values()) > 0'
run "$QUERY" -d "$tmp/idx" -n 0 --facets year,month candidates
check "the year and month facets count undated matches as 'undated'" test "$(cat "$tmp/out")" = "
year: 2023 (44), undated (3)
month: 2023-02 (26), 2023-03 (14), 2023-01 (4), undated (3)"
run "$QUERY" -d "$tmp/idx" --count candidates
check "and add up to the count" test "$(cat "$tmp/out")" = 47
run "$QUERY" -d "$tmp/idx" --facets colour turnout
check "an unknown facet is an error" test "$rc" -eq 2
# many copies of every story: collapsing them still fills the page
for i in 1 2 3 4 5 6; do mkdir -p "$tmp/copies/c$i" && cp "$CORPUS"/en-*.txt "$tmp/copies/c$i/"; done
run "$INDEX" -q -d "$tmp/copies.idx" "$tmp/copies"
run "$QUERY" -d "$tmp/copies.idx" --json --limit 8 'candidates campaign'
check "six copies of each story: still 8 results, each standing for 6" \
    json_true 'len(rows) == 8 and all(r["copies"] == 6 for r in rows) and len({r["path"].rsplit("/", 1)[1] + str(r["passage"]) for r in rows}) == 8'

# synonyms, from --synonyms or $HUSTINGS_SYNONYMS
printf '# campaign words\nself-nomination = independent candidacy\n' >"$tmp/syn"
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus 'independent candidacy'
plain=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus --synonyms "$tmp/syn" 'independent candidacy'
check "--synonyms widens the query" test "$(cat "$tmp/out")" -gt "$plain"
HUSTINGS_SYNONYMS="$tmp/syn" run "$QUERY" -d "$tmp/idx" --no-thesaurus --json --limit 50 'independent candidacy'
check "\$HUSTINGS_SYNONYMS works too, and finds self-nomination" json_true 'any("self-nomination" in r["text"].lower() for r in rows)'
# quoted, a phrase asks for itself: neither a synonyms file nor the
# thesaurus widens it (here it is in no passage: self-nomination would be)
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus '"independent candidacy"'
quoted=$(cat "$tmp/out")
check "the quoted phrase alone matches nothing here" test "$quoted" -eq 0
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus --synonyms "$tmp/syn" '"independent candidacy"'
check "a quoted phrase takes no synonym from a file" test "$(cat "$tmp/out")" -eq "$quoted"
run "$QUERY" -d "$tmp/idx" --count '"independent candidacy"'
check "nor from the thesaurus" test "$(cat "$tmp/out")" -eq "$quoted"
# the built-in thesaurus (data/thesaurus.txt), on unless --no-thesaurus
run "$QUERY" -d "$tmp/idx" --count 'independent candidacy'
check "the thesaurus knows independent candidacy = self-nomination" \
    test "$(cat "$tmp/out")" -gt "$plain"
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus 'ОСК OR "Орталық сайлау комиссиясы"'
both=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --count --no-thesaurus 'ОСК'
check "ОСК alone finds fewer than with its full name" test "$(cat "$tmp/out")" -lt "$both"
run "$QUERY" -d "$tmp/idx" --count 'ОСК'
check "with the thesaurus, ОСК finds its full name too" test "$(cat "$tmp/out")" -eq "$both"
printf 'good = fine\nbroken line\n' >"$tmp/badsyn"
run "$QUERY" -d "$tmp/idx" --synonyms "$tmp/badsyn" vote
check "a malformed synonyms file is an error" test "$rc" -eq 2
check "naming the file and the line" grep -q "$tmp/badsyn: line 2: " "$tmp/err"
run "$QUERY" -d "$tmp/idx" --format xml turnout
check "an unknown format is an error" test "$rc" -eq 2

# British and American spellings meet, when the index holds the other one
mkdir "$tmp/spell"
printf 'Defense budget\n\nThe organization said the defense program at the center was criticized.\n' >"$tmp/spell/us.txt"
printf 'Defence budget\n\nThe organisation said the defence programme at the centre was criticised.\n' >"$tmp/spell/uk.txt"
printf 'Fencing\n\nA fence was painted in four colours.\n' >"$tmp/spell/other.txt"
run "$INDEX" -d "$tmp/spell.idx" "$tmp/spell"
for w in defence defense organisation organization programme program centre center criticised criticized; do
    run "$QUERY" -d "$tmp/spell.idx" --json --no-collapse "$w"
    check "'$w' finds both spellings" json_true 'sorted(r["path"].rsplit("/", 1)[1] for r in rows) == ["uk.txt", "us.txt"]'
done
run "$QUERY" -d "$tmp/spell.idx" --json --no-collapse defence
check "each spelling highlighted where it stands" \
    json_true 'sorted((r["path"].rsplit("/", 1)[1], r["text"][r["highlights"][0][0]:r["highlights"][0][1]]) for r in rows) == [("uk.txt", "defence"), ("us.txt", "defense")]'
run "$QUERY" -d "$tmp/spell.idx" --count colors
check "a respelling the index lacks finds nothing new (colours: 1)" test "$(cat "$tmp/out")" = 1
run "$QUERY" -d "$tmp/spell.idx" --count for
check "short words are not respelled (for is no four)" test "$rc" -eq 1

# pages follow one order: ten pages of 5 are the first 50
run "$QUERY" -d "$tmp/idx" --json --limit 50 candidates
cp "$tmp/out" "$tmp/all50.json"
: >"$tmp/paged.json"
for off in 0 5 10 15 20 25 30 35 40 45; do
    "$QUERY" -d "$tmp/idx" --json --limit 5 --offset $off candidates >>"$tmp/paged.json"
done
check "pages of 5 at offsets 0..45 are the first 50, in order" "$PYTHON" -c '
import json, sys
key = lambda f: [(r["path"], r["passage"]) for r in map(json.loads, open(f))]
a, b = key(sys.argv[1]), key(sys.argv[2])
sys.exit(0 if len(a) > 40 and a == b else 1)' "$tmp/all50.json" "$tmp/paged.json"

# every candidate's article counts, whatever its rank among all articles:
# forty articles with the same passage rank it the same
mkdir "$tmp/same"
for i in $(seq 10 49); do
    printf 'Bulletin %s\n\nThe zebra crossing on Abai avenue was repainted before the vote.\n' "$i" >"$tmp/same/f$i.txt"
done
run "$INDEX" -d "$tmp/same.idx" "$tmp/same"
run "$QUERY" -d "$tmp/same.idx" --json --no-collapse --limit 40 zebra
check "forty equal passages, forty equal scores" \
    json_true 'len(rows) == 40 and max(r["score"] for r in rows) - min(r["score"] for r in rows) < 1e-9'
finish
