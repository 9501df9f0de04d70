#!/bin/sh
# The BBC news corpus: 2,095 real articles.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared

run "$INDEX" -d "$tmp/idx" "$SHARED/corpora/bbc-news"
check "indexing bbc-news succeeds" test "$rc" -eq 0
check "every article is indexed, in 10307 passages" \
    grep -q "2095 new, 0 changed, 0 removed, 0 unchanged, 0 skipped; 2095 articles, 10307 passages written" "$tmp/err"

run "$QUERY" -d "$tmp/idx" --json --limit 10 '"general election" Blair'
check "the query succeeds" test "$rc" -eq 0
check "10 passages, each with the phrase and the name" \
    json_true 'len(rows) == 10 and all(__import__("re").search(r"general\s+election", r["text"], __import__("re").I) and "blair" in r["text"].lower() for r in rows)'
check "they come from politics articles of the corpus" \
    json_true 'all("/bbc-news/" in r["path"] for r in rows)'
check "scores never rise" \
    json_true 'all(a["score"] >= b["score"] for a, b in zip(rows, rows[1:]))'

# a passage comes once
run "$QUERY" -d "$tmp/idx" --json --limit 300 --per-article 0 'Blair budget'
check "300 passages, none twice" \
    json_true 'len(rows) == 300 and len({(r["path"], r["passage"]) for r in rows}) == 300'
check "the first ten hold both words, in the passage or its headline" \
    json_true 'all("blair" in (r["text"] + r["title"]).lower() and "budget" in (r["text"] + r["title"]).lower() for r in rows[:10])'

# stop words have no terms: at a phrase's ends they are left out, by the
# match and the highlighter alike; an exact phrase with them is checked on
# the text; joined by AND, one is passed over
run "$QUERY" -d "$tmp/idx" --count '"the united nations"'
n_the=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --count '"united nations"'
check "a phrase's stop words at its ends are left out" test "$n_the" -gt 0 -a "$n_the" = "$(cat "$tmp/out")"
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 '"the united nations"'
check "... and each result is highlighted" \
    json_true 'len(rows) >= 10 and all(r["highlights"] or "united nation" in r["title"].lower() for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 '="date of the election"'
check "an exact phrase holds its stop words as written" \
    json_true 'len(rows) >= 1 and all("date of the election" in (r["text"] + " || " + r["title"]).lower() for r in rows)'
run "$QUERY" -d "$tmp/idx" --count 'vote AND the'
n_and=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/idx" --count 'vote'
check "AND a stop word is AND nothing" test "$n_and" -gt 0 -a "$n_and" = "$(cat "$tmp/out")"
run "$QUERY" -d "$tmp/idx" --count 'vote AND (the OR of)'
check "AND stop words in brackets too" test "$(cat "$tmp/out")" = "$n_and"
run "$QUERY" -d "$tmp/idx" --count 'cans'
check "a word that stems like a stop word is found as itself" test "$rc" -eq 0 -a "$(cat "$tmp/out")" -ge 1
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 'IT'
check "an acronym that spells a stop word, typed so, finds it written so" \
    json_true 'len(rows) >= 10 and all(__import__("re").search(r"\bIT\b", r["text"] + " " + r["title"]) for r in rows)'
run "$QUERY" -d "$tmp/idx" --count 'it'
check "... and in lower case, nothing" test "$rc" -eq 1

# the phrase, excluded, leaves no passage with it
run "$QUERY" -d "$tmp/idx" --json --limit 20 'Blair -"general election"'
check "an excluded phrase is absent from every result" \
    json_true 'len(rows) == 20 and not any(__import__("re").search(r"general\s+election", r["text"], __import__("re").I) for r in rows)'
# an exact phrase: the exact words in order, in the text or the headline,
# though the index keeps positions for stems only; counts and facets agree
run "$QUERY" -d "$tmp/idx" --json --limit 50 --per-article 0 --no-collapse '="general elections"'
check "=\"general elections\": only the 2 passages with those words in order" \
    json_true 'len(rows) == 2 and all("general elections" in r["text"].lower() for r in rows)'
run "$QUERY" -d "$tmp/idx" --count '="general elections"'
check "and --count says 2" test "$(cat "$tmp/out")" = 2
run "$QUERY" -d "$tmp/idx" --limit 0 --facets lang '="general elections"'
check "and so does a facet" grep -q "lang: en (2)" "$tmp/out"
run "$QUERY" -d "$tmp/idx" --json --limit 200 --per-article 0 --no-collapse '="general election" AND Blair'
check "an exact phrase under AND holds in every passage or headline" \
    json_true 'len(rows) > 10 and all(__import__("re").search(r"\bgeneral election\b", (r["text"] + " " + r["title"]).lower()) for r in rows)'
# near-duplicates (revised wire copy) collapse into one result that counts them
run "$QUERY" -d "$tmp/idx" --json --limit 5 'phone viruses Cabir'
check "a story with a revised copy is shown once" \
    json_true 'sum(1 for r in rows if "/fast-moving-phone-" in r["path"]) >= 1 and len({r["path"] for r in rows if "/fast-moving-phone-" in r["path"]}) == 1'
check "and says there are 2 copies" \
    json_true 'all(r["copies"] == 2 for r in rows if "/fast-moving-phone-" in r["path"])'
run "$QUERY" -d "$tmp/idx" --json --limit 10 --no-collapse 'phone viruses Cabir'
check "--no-collapse shows both copies" \
    json_true 'len({r["path"] for r in rows if "/fast-moving-phone-" in r["path"]}) == 2'
run "$QUERY" -d "$tmp/idx" --limit 3 'phone viruses Cabir'
check "text output mentions the copies" grep -q "(2 copies of this story; --no-collapse shows them all)" "$tmp/out"
run "$QUERY" -d "$tmp/idx" --limit 10 --no-collapse 'phone viruses Cabir'
check "and with --no-collapse says each is one of them, not to use --no-collapse" \
    sh -c 'grep -q "(one of 2 copies of this story)" "$1" && ! grep -q "shows them all" "$1"' sh "$tmp/out"

# did you mean
run "$QUERY" -d "$tmp/idx" 'electoin'
check "a misspelt query that finds little gets a suggestion on stderr" grep -q "did you mean: election" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --json 'goverment'
check "and in JSON, on each passage" json_true 'rows and all(r["suggestion"] == "government" for r in rows)'
run "$QUERY" -d "$tmp/idx" --json 'electoin'
check "and as the only line when nothing matched" json_true 'rows == [{"type": "suggestion", "suggestion": "election"}]'
run "$QUERY" -d "$tmp/idx" --json 'general election'
check "a query that finds plenty gets none" json_true 'rows and all(r["suggestion"] is None for r in rows)'

# threads change how fast, not what: one thread and three give the same index
run "$INDEX" -j 1 -d "$tmp/idx1" "$SHARED/corpora/bbc-news"
check "indexing with --jobs 1 succeeds" test "$rc" -eq 0
run "$INDEX" -j 3 -d "$tmp/idx3" "$SHARED/corpora/bbc-news"
check "indexing with --jobs 3 succeeds" test "$rc" -eq 0
for i in idx idx1 idx3; do "$QUERY" -d "$tmp/$i" --dump >"$tmp/$i.dump"; done
check "the dump is 10307 passages" test "$(wc -l <"$tmp/idx1.dump")" -eq 10307
check "--jobs 1 and 3 write the same passages, terms and clusters" cmp -s "$tmp/idx1.dump" "$tmp/idx3.dump"
check "and so does the default" cmp -s "$tmp/idx1.dump" "$tmp/idx.dump"
# every term and how many passages hold it (near-duplicate clusters included)
for i in idx idx1 idx3; do xapian-delve -a -v "$tmp/$i" >"$tmp/$i.terms"; done
check "--jobs 1 and 3 index the same terms in as many passages" cmp -s "$tmp/idx1.terms" "$tmp/idx3.terms"
check "and so does the default" cmp -s "$tmp/idx1.terms" "$tmp/idx.terms"
check "with the 38 near-duplicate pairs in clusters of 2" \
    test "$(tr ' ' '\n' <"$tmp/idx1.terms" | grep -A1 '^XCA' | grep -cx 2)" -ge 38
run "$INDEX" -j 0 -d "$tmp/idx1" "$SHARED/corpora/bbc-news"
check "--jobs 0 is refused" test "$rc" -eq 2
# Costly queries are bounded: the wildcards of a query share one budget of
# terms (a query with more is refused at once, saying why), and a search
# that runs past its time limit stops and says so.
wild=$("$PYTHON" -c "print(' OR '.join(a + b + '*' for a in 'abcdefghijklmnopqrstuvw' for b in 'aeiou')[:661].rsplit(' OR ', 1)[0])")
run "$QUERY" -d "$tmp/idx" "$wild"
check "a 655-byte query of 94 two-letter wildcards is refused at once, saying why" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-query: too many wildcards in one query (94 words ending in \*; at most 20 here)" "$2"' \
    sh "$rc" "$tmp/err"
wild20=$("$PYTHON" -c "print(' OR '.join(a + b + '*' for a in 'abcdefghijklmnopqrstuvw' for b in 'aeiou')[:140].rsplit(' OR ', 1)[0])")
run "$QUERY" -d "$tmp/idx" --count "$wild20"
check "20 wildcards are answered" sh -c '[ "$1" -eq 0 ] && [ "$(cat "$2")" -gt 9000 ]' sh "$rc" "$tmp/out"
run "$QUERY" -d "$tmp/idx" --time-limit 0.001 "$wild20"
check "past its time limit a search stops and says it was cut short" \
    sh -c '[ "$1" -eq 2 ] && [ ! -s "$2" ] && grep -q "^hustings-query: the search was cut short: it took longer than its time limit of 0.001 s; narrow it" "$3"' \
    sh "$rc" "$tmp/out" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --time-limit 0.001 --count "$wild20"
check "a count too" sh -c '[ "$1" -eq 2 ] && grep -q "cut short" "$2"' sh "$rc" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --time-limit soon election
check "an invalid --time-limit is refused" \
    grep -qx "hustings-query: invalid --time-limit 'soon': seconds from 0 to 86400 (0: no limit)" "$tmp/err"

# Pages follow one order: ten pages of ten are the first hundred results,
# also where collapsing sets copies aside (BBC republished Howard stories:
# copies of a story passed over on page 5 came back on page 6)
results_of() {
    "$PYTHON" -c 'import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if d["type"] == "result": print("%s#%d" % (d["path"], d["passage"]))'
}
for sort in relevance -date; do
    "$QUERY" -d "$tmp/idx" --json -n 100 --sort "$sort" Howard | results_of >"$tmp/one"
    : >"$tmp/paged"
    for page in 0 1 2 3 4 5 6 7 8 9; do
        "$QUERY" -d "$tmp/idx" --json -n 10 --offset $((page * 10)) --sort "$sort" Howard |
            results_of >>"$tmp/paged"
    done
    check "Howard, by $sort: 100 results, in ten pages the same" \
        sh -c '[ "$(wc -l <"$1")" -eq 100 ] && cmp -s "$1" "$2"' sh "$tmp/one" "$tmp/paged"
    check "... and none twice" test "$(sort "$tmp/one" | uniq -d | wc -l)" -eq 0
done
finish
