#!/bin/sh
# The seed article: self-nomination finds the passages that answer it.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared

run "$INDEX" -d "$tmp/idx" "$SHARED/seeds"
check "indexing the seeds succeeds" test "$rc" -eq 0
check "the summary counts one article and its passages" \
    grep -q "1 new, 0 changed, 0 removed, 0 unchanged, 0 skipped; 1 articles, 13 passages written" "$tmp/err"

run "$QUERY" -d "$tmp/idx" --json self-nomination
check "self-nomination is found" test "$rc" -eq 0
check "the first passage holds 'the right to self-nomination'" \
    json_true '"the right to self-nomination" in rows[0]["text"]'
check "'independent self-nominated candidates' is in the top 3" \
    json_true 'any("independent self-nominated candidates" in r["text"] for r in rows[:3])'
check "the built-in thesaurus highlights its synonym too" \
    json_true '[rows[0]["text"].encode()[s:e].decode() for s, e in rows[0]["highlights"]] == ["independent candidates", "self-nomination"]'
run "$QUERY" -d "$tmp/idx" --json --no-thesaurus self-nomination
check "the whole compound, in the form the passage has, is highlighted in the first passage" \
    json_true '[rows[0]["text"].encode()[s:e].decode() for s, e in rows[0]["highlights"]] in (["self-nomination"], ["self-nominated"])'
check "results carry the article's title, date and source" \
    json_true 'rows[0]["title"].startswith("We Are Not Going to the Elections") and rows[0]["date"] == "2023-02-20" and rows[0]["source"].startswith("https://bes.media/")'

# the three spellings of a compound meet
for q in "self nomination" selfnomination "self-nominated"; do
    run "$QUERY" -d "$tmp/idx" --json "$q"
    check "'$q' finds the self-nomination passages" \
        json_true 'any("self-nomination" in r["text"] for r in rows)'
done
finish
