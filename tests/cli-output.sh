#!/bin/sh
# hustings-query's output: JSON fields, text for people, exit codes, help.
. "${top_srcdir:-.}/tests/lib.sh"

run "$INDEX" -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0
n=$(ls "$CORPUS"/*.txt | wc -l)
check "the summary counts every article of corpus/" grep -q "^hustings-index: $n new, .*; $n articles, " "$tmp/err"

# JSON Lines: every field, with its type
run "$QUERY" -d "$tmp/idx" --json --limit 5 self-nomination
check "exit 0 with results" test "$rc" -eq 0
check "five JSON objects" json_true 'len(rows) == 5'
check "every field is there with its type" json_true '
all(set(r) == {"rank", "score", "path", "title", "date", "source", "byline", "lang", "site",
               "passage", "paragraph", "text", "highlights", "copies", "suggestion"}
    and r["copies"] == 1 and r["suggestion"] is None
    and isinstance(r["rank"], int) and isinstance(r["score"], float)
    and isinstance(r["passage"], int) and isinstance(r["paragraph"], int)
    and r["path"].endswith(".txt") and r["title"] and r["text"]
    and (r["date"] is None or len(r["date"]) == 10)
    and (r["source"] is None or r["source"].startswith("https://"))
    for r in rows)'
check "ranks count from 1" json_true '[r["rank"] for r in rows] == [1, 2, 3, 4, 5]'
check "highlights are byte ranges of matched words in text" json_true '
all(r["highlights"] and all(r["text"].encode()[s:e].decode().lower().startswith("self") for s, e in r["highlights"])
    for r in rows)'

# an article without a date or a Source line gives nulls
run "$QUERY" -d "$tmp/idx" --json --limit 50 "youth voters"
check "undated articles have a null date" json_true 'any(r["date"] is None for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 50 maslikhat
check "articles without a Source line have a null source" json_true 'any(r["source"] is None for r in rows)'

# the exact word form ranks above its relatives, other things equal
mkdir "$tmp/forms"
printf 'Candidates\n\nThe bloc backs self-nominated people.\n' >"$tmp/forms/a.txt"
printf 'Candidates\n\nThe bloc backs self-nomination people.\n' >"$tmp/forms/b.txt"
run "$INDEX" -d "$tmp/forms.idx" "$tmp/forms"
run "$QUERY" -d "$tmp/forms.idx" --json self-nomination
check "'self-nomination' ranks the exact form first" \
    json_true 'len(rows) == 2 and rows[0]["path"].endswith("/b.txt") and rows[0]["score"] > rows[1]["score"]'
run "$QUERY" -d "$tmp/forms.idx" --json self-nominated
check "'self-nominated' ranks the exact form first" \
    json_true 'len(rows) == 2 and rows[0]["path"].endswith("/a.txt") and rows[0]["score"] > rows[1]["score"]'

# passages with every word rank above partial matches
run "$QUERY" -d "$tmp/idx" --json --limit 40 "deposit signatures"
check "passages with both words come before those with one" json_true '
(lambda both: both == sorted(both, reverse=True) and True in both and False in both)(
    [("deposit" in r["text"].lower() and "signature" in r["text"].lower()) for r in rows])'

# Russian: a word finds its forms
run "$QUERY" -d "$tmp/idx" --json выборы
check "выборы finds выборах" json_true 'any("выборах" in r["text"] for r in rows)'
run "$QUERY" -d "$tmp/idx" --json самовыдвижение
check "самовыдвижение finds the Russian article" json_true 'rows and "/ru-" in rows[0]["path"]'

# text for people: plain when piped, bold when asked, never with NO_COLOR
run "$QUERY" -d "$tmp/idx" --limit 2 self-nomination
check "text output has rank and title lines" grep -q "^1\. " "$tmp/out"
check "text output names the file" grep -q "corpus/en-" "$tmp/out"
check "no escape codes when piped" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"
run "$QUERY" -d "$tmp/idx" --limit 2 --color=always self-nomination
check "--color=always marks matches in bold" grep -q "$(printf '\033\\[1m')[Ss]elf-nomination" "$tmp/out"
NO_COLOR=1 run "$QUERY" -d "$tmp/idx" --limit 2 --color=auto self-nomination
check "NO_COLOR keeps text plain" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"

# exit codes: 0 found, 1 none, 2 error
run "$QUERY" -d "$tmp/idx" zzyzxqwv
check "exit 1 when nothing matches" test "$rc" -eq 1
check "and prints nothing" test ! -s "$tmp/out"
run "$QUERY" -d "$tmp/nope" election
check "exit 2 for a missing index" test "$rc" -eq 2
check "naming the index" grep -q "$tmp/nope" "$tmp/err"
run "$QUERY" -d "$tmp/idx" --limit x election
check "exit 2 for a bad option value" test "$rc" -eq 2
check "saying what was wrong" grep -q "invalid limit 'x'" "$tmp/err"
run "$QUERY" -d "$tmp/idx"
check "exit 2 without a query" test "$rc" -eq 2
run "$QUERY" --bogus
check "exit 2 for an unknown option" test "$rc" -eq 2

# --help and --version, GNU style, on both programs
for prog in "$INDEX" "$QUERY"; do
    name=$(basename "$prog")
    run "$prog" --help
    check "$name --help exits 0" test "$rc" -eq 0
    check "$name --help starts with Usage" grep -q "^Usage: $name " "$tmp/out"
    run "$prog" --version
    check "$name --version names the package" grep -q "^$name (hustings) [0-9]" "$tmp/out"
done
finish
