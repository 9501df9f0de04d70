#!/bin/sh
# hustings-index and bad input: each problem file is named with its reason,
# and the run goes on.  hustings-query and bad command lines: exit 2, the
# problem named, and nothing printed.
. "${top_srcdir:-.}/tests/lib.sh"

mkdir -p "$tmp/in/sub" "$tmp/in/.hidden"
cp "$CORPUS/en-01-self-nomination-returns.txt" "$tmp/in/good.txt"
cp "$CORPUS/ru-01-samovydvizhentsy.txt" "$tmp/in/sub/good-ru.txt"
: >"$tmp/in/empty.txt"
printf 'Title\n\nbody \000 with NUL\n' >"$tmp/in/binary.txt"
printf 'Only a headline\n' >"$tmp/in/headline.txt"
printf 'Bad \377\376 bytes\n\nText with \303 invalid UTF-8 stays.\n' >"$tmp/in/invalid.txt"
mkfifo "$tmp/in/fifo.txt"
cp "$CORPUS/en-02-signatures-and-deposits.txt" "$tmp/in/.hidden/secret.txt"
cp "$CORPUS/en-03-cec-registration.txt" "$tmp/in/notes.md"
ln -s "$tmp/in/good.txt" "$tmp/in/link.txt"

run "$INDEX" -d "$tmp/idx" "$tmp/in"
check "exit 1 when files were skipped" test "$rc" -eq 1
check "an empty file is named with its reason" grep -qx "hustings-index: $tmp/in/empty.txt: empty file" "$tmp/err"
check "a binary file is named with its reason" \
    grep -qx "hustings-index: $tmp/in/binary.txt: binary file (NUL bytes)" "$tmp/err"
check "a headline-only file is named with its reason" \
    grep -qx "hustings-index: $tmp/in/headline.txt: no text besides the headline" "$tmp/err"
check "a FIFO is named, and does not hang the run" \
    grep -qx "hustings-index: $tmp/in/fifo.txt: not a regular file" "$tmp/err"
check "the summary counts 3 new and 4 skipped" grep -q ": 3 new, 0 changed, 0 removed, 0 unchanged, 4 skipped; 3 articles" "$tmp/err"

run "$QUERY" -d "$tmp/idx" --json --limit 100 'invalid OR text OR self-nomination OR выборы OR bytes'
check "invalid UTF-8 is replaced, and the article indexed" \
    json_true 'any("Text with \ufffd invalid" in r["text"] for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 100 signatures
check "hidden folders are skipped" json_true 'not any(".hidden" in r["path"] for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 100 registration
check "files that are not .txt are skipped in folders" json_true 'not any(r["path"].endswith(".md") for r in rows)'
run "$QUERY" -d "$tmp/idx" --json --limit 100 self-nomination
check "symbolic links are not followed" json_true 'not any(r["path"].endswith("link.txt") for r in rows)'

# a feed cut short inside its last item keeps its complete items, and says so
mkdir -p "$tmp/feeds"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Desk</title>\n<item><title>Polls open early</title><link>https://x.example/1</link>\n<description>Polling stations opened at seven.</description></item>\n<item><title>Turnout at no' >"$tmp/feeds/cut.rss"
printf '<rss version="2.0"><channel><item><title>Broken</item>\n<item><title>Fine</title><description>Text.</description></item></channel></rss>\n' >"$tmp/feeds/broken.rss"
run "$INDEX" -d "$tmp/feed-idx" "$tmp/feeds/cut.rss" "$tmp/feeds/broken.rss"
check "a feed cut short is named, with where it stops" \
    grep -qx "hustings-index: $tmp/feeds/cut.rss: cut short (line 5): read up to there" "$tmp/err"
check "... and its complete items are indexed" test "$("$QUERY" -d "$tmp/feed-idx" --count polling)" = 1
check "a feed malformed before its end is still skipped" \
    grep -q "^hustings-index: $tmp/feeds/broken.rss: malformed XML (line 1)" "$tmp/err"

# re-running replaces articles instead of duplicating them
run "$QUERY" -d "$tmp/idx" --json --limit 1000 the
before=$(wc -l <"$tmp/out")
run "$INDEX" -d "$tmp/idx" "$tmp/in"
run "$QUERY" -d "$tmp/idx" --json --limit 1000 the
check "a second run leaves the same passages" test "$(wc -l <"$tmp/out")" -eq "$before"

# a missing folder is a problem, not the end of the run
run "$INDEX" -d "$tmp/idx2" "$tmp/absent" "$tmp/in/good.txt"
check "exit 1 with a missing folder" test "$rc" -eq 1
check "the missing folder is named" grep -q "$tmp/absent: No such file or directory" "$tmp/err"
check "the other path is still indexed" grep -q "; 1 articles, " "$tmp/err"

# only missing paths: an error, and no empty index is made
run "$INDEX" -d "$tmp/idx-none" "$tmp/absent" "$tmp/absent2"
check "exit 2 when no path given exists" test "$rc" -eq 2
check "each is named, then that there is nothing to index" \
    sh -c 'grep -q "absent2: No such file or directory" "$1" && grep -qx "hustings-index: nothing to index" "$1"' sh "$tmp/err"
check "and no index is created" test ! -e "$tmp/idx-none"
# --dry-run changes nothing, not even by creating the index
run "$INDEX" -d "$tmp/idx-dry" --dry-run "$tmp/in/good.txt"
check "--dry-run on a new index lists the file as new" grep -qx "new $tmp/in/good.txt" "$tmp/out"
check "and creates no index" test ! -e "$tmp/idx-dry"

# an index path that cannot be created is an error
: >"$tmp/plainfile"
run "$INDEX" -d "$tmp/plainfile/idx" "$tmp/in/good.txt"
check "exit 2 when the index cannot be created" test "$rc" -eq 2
check "naming the index" grep -q "$tmp/plainfile/idx" "$tmp/err"
run "$INDEX" -d "$tmp/idx3"
check "exit 2 without a path to index" test "$rc" -eq 2

# Whether the last run exited 2, printed nothing and said exactly $1.
refused_with() {
    [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(cat "$tmp/err")" = "hustings-query: $1" ]
}
run "$QUERY" -d "$tmp/idx" --facets bogus self-nomination
check "an unknown facet is refused before the search" \
    refused_with "unknown facet 'bogus': year, month, source or lang"
run "$QUERY" -d "$tmp/idx" --json --facets year,lang,colour self-nomination
check "an unknown facet after good ones is refused" \
    refused_with "unknown facet 'colour': year, month, source or lang"
run "$QUERY" -d "$tmp/idx" --facets year, self-nomination
check "an empty facet name is refused" refused_with "unknown facet '': year, month, source or lang"
run "$QUERY" -d "$tmp/idx" -n 10000000 self-nomination
check "a limit over the cap names the range" \
    refused_with "invalid limit '10000000': a whole number from 0 to 1000000 is needed"
run "$QUERY" -d "$tmp/idx" --offset -1 self-nomination
check "a negative offset names the range" \
    refused_with "invalid offset '-1': a whole number from 0 to 1000000 is needed"
run "$QUERY" -d "$tmp/idx" --since '' self-nomination
check "an empty --since is refused" refused_with "invalid --since '': YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)"
run "$QUERY" -d "$tmp/idx" --until= self-nomination
check "an empty --until is refused" refused_with "invalid --until '': YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)"
run "$QUERY" -d "$tmp/idx" --dump self-nomination
check "--dump with a query is refused" refused_with "--dump takes no query"
run "$QUERY" -d "$tmp/idx" self-nomination --dump
check "--dump after a query is refused" refused_with "--dump takes no query"
# A damaged index is reported as damage, with the repair, whatever part is
# lost: its passages' data (docdata.glass gone: Xapian then reads every
# document's data as empty) or a table cut short.
cp -r "$tmp/idx" "$tmp/nodata"
rm "$tmp/nodata/docdata.glass"
run "$QUERY" -d "$tmp/nodata" self-nomination
check "an index without its passages' data is reported as corrupt, with the repair" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-query: $2: the index is corrupt; rebuild it with hustings-index" "$3"' \
    sh "$rc" "$tmp/nodata" "$tmp/err"
cp -r "$tmp/idx" "$tmp/cut"
truncate -s 0 "$tmp/cut/docdata.glass"
run "$QUERY" -d "$tmp/cut" self-nomination
check "a table cut short is reported as damage, with the repair" \
    sh -c '[ "$1" -eq 2 ] && grep -q "^hustings-query: $2: index is damaged (.*); rebuild it with hustings-index$" "$3"' \
    sh "$rc" "$tmp/cut" "$tmp/err"
# A query with bytes that are not UTF-8: they count as U+FFFD, so the JSON
# (and the suggestion in it) stays valid UTF-8.
run "$QUERY" -d "$tmp/idx" --json "registraton$(printf '\377')"
check "--json with invalid bytes in the query is valid UTF-8" \
    "$PYTHON" -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8", errors="strict")]; sys.exit(0 if open(sys.argv[1], "rb").read() else 1)' "$tmp/out"

# an index that is not there: the command that builds it, with its path
# when the path pastes into a shell as it is
run "$QUERY" -d "$tmp/not-yet.idx" election
check "a missing index: exit 2, and the command that builds it, with its path" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-query: build it first with: hustings-index -d $2 FOLDER" "$3"' \
    sh "$rc" "$tmp/not-yet.idx" "$tmp/err"
run "$QUERY" -d "$tmp/not yet.idx" election
check "... INDEX where the path would need quoting" \
    grep -qx "hustings-query: build it first with: hustings-index -d INDEX FOLDER" "$tmp/err"
finish
