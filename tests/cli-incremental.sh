#!/bin/sh
# hustings-index re-runs: only what changed is touched, and it says so.
. "${top_srcdir:-.}/tests/lib.sh"

c="$tmp/c"
mkdir -p "$c/sub"

# the passages and scores of a query, in a canonical order: the article's
# own evidence (its document beside its passages) must follow renames and
# removals as the passages do
ranking() {
    "$QUERY" -d "$1" --json --no-collapse --limit 100 "$2" | python3 -c '
import json, sys
for r in sorted((r["path"], r["passage"], round(r["score"], 6)) for r in map(json.loads, sys.stdin)):
    print(*r)'
}
cp "$CORPUS/en-01-self-nomination-returns.txt" "$c/a.txt"
cp "$CORPUS/en-02-signatures-and-deposits.txt" "$c/b.txt"
cp "$CORPUS/en-03-cec-registration.txt" "$c/sub/c.txt"
cp "$CORPUS/ru-01-samovydvizhentsy.txt" "$c/sub/d.txt"

# the same files under folders given twice, or a folder and its subfolder,
# are read once (threads and all)
run "$INDEX" -d "$tmp/twice" "$c" "$c/" "$c/sub"
check "a folder given twice: 4 new" grep -q ": 4 new, 0 changed, 0 removed, 0 unchanged, 0 skipped;" "$tmp/err"
"$QUERY" -d "$tmp/twice" --dump >"$tmp/dump-twice"

run "$INDEX" -d "$tmp/idx" "$c"
check "first run: 4 new" grep -q ": 4 new, 0 changed, 0 removed, 0 unchanged, 0 skipped;" "$tmp/err"
"$QUERY" -d "$tmp/idx" --dump >"$tmp/dump-once"
check "and its index equals one of the folder given once" cmp -s "$tmp/dump-once" "$tmp/dump-twice"
run "$INDEX" -d "$tmp/idx" "$c"
check "second run: 4 unchanged" grep -q ": 0 new, 0 changed, 0 removed, 4 unchanged, 0 skipped;" "$tmp/err"
check "and nothing written" grep -q "; 0 articles, 0 passages written" "$tmp/err"
"$QUERY" -d "$tmp/idx" --dump >"$tmp/dump0"

# a touch is not a change
touch "$c/a.txt"
run "$INDEX" -d "$tmp/idx" "$c"
check "a touched file is unchanged" grep -q ": 0 new, 0 changed, 0 removed, 4 unchanged, 0 skipped;" "$tmp/err"

# a change, a new file, a removal and a rename, seen first by --dry-run
printf '\nA new closing paragraph about turnout.\n' >>"$c/b.txt"
cp "$CORPUS/en-04-party-lists-threshold.txt" "$c/e.txt"
rm "$c/sub/c.txt"
mv "$c/sub/d.txt" "$c/sub/moved.txt"
run "$INDEX" -d "$tmp/idx" --dry-run "$c"
check "--dry-run lists the changed file" grep -qx "changed $c/b.txt" "$tmp/out"
check "--dry-run lists the new file" grep -qx "new $c/e.txt" "$tmp/out"
check "--dry-run lists the removed file" grep -qx "removed $c/sub/c.txt" "$tmp/out"
check "--dry-run lists the rename" grep -qx "renamed $c/sub/d.txt -> $c/sub/moved.txt" "$tmp/out"
check "--dry-run's summary" grep -q ": 1 new, 1 changed, 1 removed, 1 unchanged, 0 skipped, 1 renamed;" "$tmp/err"
"$QUERY" -d "$tmp/idx" --dump >"$tmp/dump1"
check "--dry-run changes nothing" cmp -s "$tmp/dump0" "$tmp/dump1"

run "$INDEX" -d "$tmp/idx" --verbose "$c"
check "the run does what --dry-run said" grep -q ": 1 new, 1 changed, 1 removed, 1 unchanged, 0 skipped, 1 renamed;" "$tmp/err"
check "--verbose prints one line per file" test "$(wc -l <"$tmp/out")" -eq 5
check "--verbose names unchanged files" grep -qx "unchanged $c/a.txt" "$tmp/out"

# the result equals a clean build of the same files
"$QUERY" -d "$tmp/idx" --dump >"$tmp/dump2"
run "$INDEX" -d "$tmp/clean" "$c"
"$QUERY" -d "$tmp/clean" --dump >"$tmp/dump3"
check "incremental and clean builds dump the same" cmp -s "$tmp/dump2" "$tmp/dump3"
for q in "candidates signatures turnout" "candidates self-nomination signatures"; do
    ranking "$tmp/idx" "$q"
done >"$tmp/rank2"
for q in "candidates signatures turnout" "candidates self-nomination signatures"; do
    ranking "$tmp/clean" "$q"
done >"$tmp/rank3"
check "and rank the same, articles' evidence included" \
    sh -c "cmp -s '$tmp/rank2' '$tmp/rank3' && [ \$(wc -l <'$tmp/rank2') -gt 20 ]"
check "the renamed file is found under its new path" grep -q "\"path\":\"$c/sub/moved.txt\"" "$tmp/dump2"
check "the new paragraph is in" grep -q "A new closing paragraph about turnout" "$tmp/dump2"

# a moved file and a copy of it: one is the rename, the other is read
mkdir "$tmp/twins"
cp "$CORPUS/en-05-maslikhat-elections.txt" "$tmp/twins/orig.txt"
run "$INDEX" -d "$tmp/tw" "$tmp/twins"
mv "$tmp/twins/orig.txt" "$tmp/twins/one.txt"
cp "$tmp/twins/one.txt" "$tmp/twins/two.txt"
run "$INDEX" -d "$tmp/tw" "$tmp/twins"
check "a moved file and its copy: 1 renamed, 1 new" \
    grep -q ": 1 new, 0 changed, 0 removed, 0 unchanged, 0 skipped, 1 renamed;" "$tmp/err"
"$QUERY" -d "$tmp/tw" --dump >"$tmp/tw.dump"
check "both are found under their paths" \
    sh -c "grep -q '\"path\":\"$tmp/twins/one.txt\"' '$tmp/tw.dump' && grep -q '\"path\":\"$tmp/twins/two.txt\"' '$tmp/tw.dump' && ! grep -q orig.txt '$tmp/tw.dump'"

# a renamed feed: each item keeps its own id and paragraphs under the new path
mkdir "$tmp/feeds"
cat >"$tmp/feeds/desk.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Election Desk</title><language>en</language>
<item><title>Turnout rises in Astana</title><guid>t1</guid><description>&lt;p&gt;Turnout in Astana rose above sixty percent by evening.&lt;/p&gt;&lt;p&gt;Queues formed at schools in the city centre.&lt;/p&gt;</description></item>
<item><title>Observers publish interim report</title><guid>t2</guid><description>&lt;p&gt;The observers said voting was orderly in most polling stations.&lt;/p&gt;&lt;p&gt;They noted two complaints about ballot boxes.&lt;/p&gt;</description></item>
</channel></rss>
RSS
run "$INDEX" -d "$tmp/fd" "$tmp/feeds"
mv "$tmp/feeds/desk.rss" "$tmp/feeds/moved.rss"
run "$INDEX" -d "$tmp/fd" "$tmp/feeds"
check "a renamed feed is a rename" grep -q ": 0 new, 0 changed, 0 removed, 0 unchanged, 0 skipped, 1 renamed;" "$tmp/err"
"$QUERY" -d "$tmp/fd" --dump >"$tmp/fd.dump"
run "$INDEX" -d "$tmp/fdclean" "$tmp/feeds"
"$QUERY" -d "$tmp/fdclean" --dump >"$tmp/fdclean.dump"
check "a renamed feed dumps as a clean build of it" cmp -s "$tmp/fd.dump" "$tmp/fdclean.dump"
ranking "$tmp/fd" "turnout observers" >"$tmp/fd.rank"
ranking "$tmp/fdclean" "turnout observers" >"$tmp/fdclean.rank"
check "and ranks as it" sh -c "cmp -s '$tmp/fd.rank' '$tmp/fdclean.rank' && [ \$(wc -l <'$tmp/fd.rank') -eq 4 ]"
check "both items, two passages each, under the new path" \
    test "$(grep -c "\"path\":\"$tmp/feeds/moved.rss\"" "$tmp/fd.dump")" -eq 4
run "$QUERY" -d "$tmp/fd" --json 'complaints ballot boxes'
check "a later passage of a renamed feed item has its item's fields" \
    json_true 'rows[0]["title"] == "Observers publish interim report" and rows[0]["path"].endswith("/moved.rss") and rows[0]["passage"] == 1'

# a feed that loses an item, and a text file that becomes a feed, then is
# removed: what was indexed from each file goes with it
sed -i '/<guid>t2<\/guid>/d' "$tmp/feeds/moved.rss"
cp "$tmp/feeds/moved.rss" "$tmp/feeds/plain.txt"
run "$INDEX" -d "$tmp/fd" "$tmp/feeds"
cp "$CORPUS/en-06-almaty-debate.txt" "$tmp/feeds/plain.txt"
run "$INDEX" -d "$tmp/fd" "$tmp/feeds"
"$QUERY" -d "$tmp/fd" --dump >"$tmp/fd.dump"
rm -r "$tmp/fdclean"
run "$INDEX" -d "$tmp/fdclean" "$tmp/feeds"
"$QUERY" -d "$tmp/fdclean" --dump >"$tmp/fdclean.dump"
check "a changed feed and a file that changed kind dump as a clean build" \
    sh -c "cmp -s '$tmp/fd.dump' '$tmp/fdclean.dump' && ! grep -q 'Observers publish' '$tmp/fd.dump' && grep -q 'plain.txt' '$tmp/fd.dump'"
rm "$tmp/feeds/plain.txt"
run "$INDEX" -d "$tmp/fd" "$tmp/feeds"
"$QUERY" -d "$tmp/fd" --dump >"$tmp/fd.dump"
check "a removed file leaves nothing" sh -c "! grep -q 'plain.txt' '$tmp/fd.dump' && grep -q 'moved.rss' '$tmp/fd.dump'"

# --exclude, by name and by path below the folder
run "$INDEX" -d "$tmp/ex" --exclude 'e.*' -x 'sub/*' "$c"
check "--exclude skips what matches" grep -q ": 2 new, " "$tmp/err"
run "$INDEX" -d "$tmp/ex" "$c"
check "without --exclude they are indexed" grep -q ": 2 new, 0 changed, 0 removed, 2 unchanged" "$tmp/err"

# symbolic links: skipped, or followed with --follow, loops caught
mkdir "$tmp/links"
ln -s "$c/a.txt" "$tmp/links/a.txt"
ln -s "$tmp/links" "$tmp/links/loop"
run "$INDEX" -d "$tmp/ln1" "$tmp/links"
check "links are not followed by default" grep -q ": 0 new, .* 0 skipped;" "$tmp/err"
run "$INDEX" -d "$tmp/ln2" --follow "$tmp/links"
check "--follow indexes the linked file" grep -q ": 1 new, " "$tmp/err"
check "--follow reports the loop" grep -q "$tmp/links/loop: symbolic link loop" "$tmp/err"

# a folder that cannot be read keeps its passages
run "$INDEX" -d "$tmp/idx" "$c" "$tmp/absent"
check "an absent folder is named" grep -q "$tmp/absent: No such file or directory" "$tmp/err"
check "an absent folder removes nothing" grep -q ", 0 removed, " "$tmp/err"

# progress: none when stderr is not a terminal, unless --progress
touch -d '2001-01-01' "$c/a.txt"
run "$INDEX" -d "$tmp/idx" "$c"
check "no progress line when not a terminal" sh -c "! grep -q ' files  ' '$tmp/err'"
touch -d '2002-01-01' "$c/a.txt"
run "$INDEX" -d "$tmp/idx" --progress "$c"
check "--progress shows files done, MB/s and ETA" grep -q "^1/1 files  .* MB/s  ETA " "$tmp/err"

# a file whose name is not UTF-8 is changed, renamed and removed like any
# other (its passages are keyed by the name repaired to UTF-8): the index
# equals a clean build each time
nu="$tmp/nu"
mkdir "$nu"
bad=$(printf 'r\351s.txt')
cp "$CORPUS/en-01-self-nomination-returns.txt" "$nu/$bad"
run "$INDEX" -d "$tmp/nuidx" "$nu"
# whether the index equals a clean build of $nu
as_clean() {
    rm -rf "$tmp/nuclean"
    "$INDEX" -q -d "$tmp/nuclean" "$nu" 2>/dev/null
    "$QUERY" -d "$tmp/nuclean" --dump >"$tmp/nu-want"
    "$QUERY" -d "$tmp/nuidx" --dump >"$tmp/nu-got"
    cmp -s "$tmp/nu-want" "$tmp/nu-got"
}
printf '\nA new closing paragraph about turnout.\n' >>"$nu/$bad"
run "$INDEX" -d "$tmp/nuidx" "$nu"
check "a non-UTF-8 name: a change replaces its passages" as_clean
mv "$nu/$bad" "$nu/$(printf 'n\351w.txt')"
run "$INDEX" -d "$tmp/nuidx" "$nu"
check "a rename re-keys them" sh -c 'grep -q "1 renamed" "$1"' sh "$tmp/err"
check "as a clean build would" as_clean
rm "$nu/$(printf 'n\351w.txt')"
run "$INDEX" -d "$tmp/nuidx" "$nu"
check "and a removal removes them" test "$("$QUERY" -d "$tmp/nuidx" --dump | wc -l)" -eq 0

# a file of more passages than are built ahead (1000) is written one
# passage at a time: the same passages, and its copy joins its cluster
big="$tmp/big"
mkdir "$big"
"$PYTHON" -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("A transcript of the count\n\nMarch 20, 2023\n\n")
    for i in range(1500):
        f.write("Paragraph %d of the count in district %d.\n\n" % (i, i % 7))
' "$big/a.txt"
run "$INDEX" -d "$tmp/bigidx" "$big"
check "a file of 1500 paragraphs: 1500 passages" grep -q "; 1 articles, 1500 passages written" "$tmp/err"
run "$QUERY" -d "$tmp/bigidx" --count district
check "every one searchable" test "$(cat "$tmp/out")" -eq 1500
cp "$big/a.txt" "$big/b.txt"
run "$INDEX" -d "$tmp/bigidx" "$big"
run "$QUERY" -d "$tmp/bigidx" --json --limit 1 'Paragraph 1499'
check "and its copy is one story with it" json_true 'rows[0]["copies"] == 2'

# --stats
run "$INDEX" --stats -d "$tmp/clean"
check "--stats exits 0" test "$rc" -eq 0
check "--stats counts articles" grep -qx "articles    4" "$tmp/out"
check "--stats gives the format" grep -qx "format      8" "$tmp/out"
check "--stats gives the languages, passages by language" grep -q "^languages   en [0-9]*, ru [0-9]*$" "$tmp/out"
check "--stats gives the date range" grep -q "^dates       2023-01-21 \.\. 2023-02-14" "$tmp/out"
check "--stats gives the last update" grep -q "^updated     20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T" "$tmp/out"
run "$INDEX" --stats -d "$tmp/none"
check "--stats of a missing index fails" test "$rc" -eq 2
run "$INDEX" --stats -d "$tmp/clean" "$c"
check "--stats with a PATH is refused, not ignored" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: --stats takes no PATH" "$2"' sh "$rc" "$tmp/err"
# Two names that differ only in bytes that are not UTF-8 (Latin-1, KOI8-R)
# are two files: each is indexed, kept, removed and renamed on its own, and
# shown with those bytes escaped, in valid JSON.
n="$tmp/names"
mkdir -p "$n"
printf 'A\n\nzqone.\n' >"$n/x$(printf '\377').txt"
printf 'B\n\nzqtwo.\n' >"$n/x$(printf '\376').txt"
run "$INDEX" -v -d "$tmp/names.idx" "$n"
check "both names are indexed" grep -q "^hustings-index: 2 new, .*2 articles" "$tmp/err"
check "-v shows a name's bytes escaped" grep -qxF "new $n/x\\xff.txt" "$tmp/out"
run "$QUERY" -d "$tmp/names.idx" --count zqtwo
check "the second is found" test "$(cat "$tmp/out")" = 1
run "$QUERY" -d "$tmp/names.idx" --json zqone
check "its path in JSON is valid UTF-8 and says which file" \
    json_true "len(rows) == 1 and rows[0]['path'] == '$n/x\\\\xff.txt'"
run "$INDEX" -d "$tmp/names.idx" "$n"
check "a re-run finds both unchanged" grep -q " 0 removed, 2 unchanged" "$tmp/err"
rm "$n/x$(printf '\376').txt"
run "$INDEX" -d "$tmp/names.idx" "$n"
check "removing one removes one" grep -q " 1 removed, 1 unchanged" "$tmp/err"
run "$QUERY" -d "$tmp/names.idx" --count zqone
check "and keeps the other" test "$(cat "$tmp/out")" = 1
mv "$n/x$(printf '\377').txt" "$n/y$(printf '\377').txt"
run "$INDEX" -v -d "$tmp/names.idx" "$n"
check "a rename is told with both names escaped" \
    grep -qxF "renamed $n/x\\xff.txt -> $n/y\\xff.txt" "$tmp/out"
run "$QUERY" -d "$tmp/names.idx" --json zqone
check "and the article is under its new name" \
    json_true "len(rows) == 1 and rows[0]['path'] == '$n/y\\\\xff.txt'"

# a renamed file answers to its new name in path: (which the server's
# article view uses), and not to its old one
mkdir -p "$tmp/rn"
printf 'T\n\nThe yakherd voted.\n' >"$tmp/rn/first-name.txt"
run "$INDEX" -d "$tmp/rn.idx" "$tmp/rn"
mv "$tmp/rn/first-name.txt" "$tmp/rn/second-name.txt"
run "$INDEX" -d "$tmp/rn.idx" "$tmp/rn"
check "the rename is seen as one" grep -q " 1 renamed" "$tmp/err"
check "path: finds it by its new name" test "$("$QUERY" -d "$tmp/rn.idx" --count path:second-name)" = 1
check "and not by its old one" test "$("$QUERY" -d "$tmp/rn.idx" --count path:first-name)" = 0
finish
