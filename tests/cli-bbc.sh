#!/bin/sh
# The BBC news corpus: 2,095 real articles.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared

run "$INDEX" -d "$tmp/idx" "$SHARED/corpora/bbc-news"
check "indexing bbc-news succeeds" test "$rc" -eq 0
check "every article is indexed, in 12467 passages" \
    grep -q "2095 new, 0 changed, 0 removed, 0 unchanged, 0 skipped; 2095 articles, 12467 passages written" "$tmp/err"

run "$QUERY" -d "$tmp/idx" --json --limit 10 '"general election" Blair'
check "the query succeeds" test "$rc" -eq 0
check "10 passages, each with the phrase and the name" \
    json_true 'len(rows) == 10 and all(__import__("re").search(r"general\s+election", r["text"], __import__("re").I) and "blair" in r["text"].lower() for r in rows)'
check "they come from politics articles of the corpus" \
    json_true 'all("/bbc-news/" in r["path"] for r in rows)'
check "scores never rise" \
    json_true 'all(a["score"] >= b["score"] for a, b in zip(rows, rows[1:]))'

# the phrase, excluded, leaves no passage with it
run "$QUERY" -d "$tmp/idx" --json --limit 20 'Blair -"general election"'
check "an excluded phrase is absent from every result" \
    json_true 'len(rows) == 20 and not any(__import__("re").search(r"general\s+election", r["text"], __import__("re").I) for r in rows)'
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
check "text output mentions the copies" grep -q "(2 copies of this story" "$tmp/out"

# did you mean
run "$QUERY" -d "$tmp/idx" 'electoin'
check "a misspelt query that finds little gets a suggestion on stderr" grep -q "did you mean: election" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --json 'goverment'
check "and in JSON, on each passage" json_true 'rows and all(r["suggestion"] == "government" for r in rows)'
run "$QUERY" -d "$tmp/idx" --json 'electoin'
check "and as the only line when nothing matched" json_true 'rows == [{"suggestion": "election"}]'
run "$QUERY" -d "$tmp/idx" --json 'general election'
check "a query that finds plenty gets none" json_true 'rows and all(r["suggestion"] is None for r in rows)'
finish
