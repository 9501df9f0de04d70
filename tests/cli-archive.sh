#!/bin/sh
# hustings-index on an archive as a newsroom keeps it: folders moved,
# dropped and pruned, undated articles, options after the paths.
. "${top_srcdir:-.}/tests/lib.sh"

# dates from modification times are local days: make them the same anywhere
TZ=UTC
export TZ
# the index names folders by their real paths
a="$(cd "$tmp" && pwd -P)/desk"
idx="$tmp/idx"
mkdir -p "$a/c1" "$a/other"
for f in en-01-self-nomination-returns en-02-signatures-and-deposits en-03-cec-registration \
    en-04-party-lists-threshold; do
    cp "$CORPUS/$f.txt" "$a/c1/"
done
# en-08 and ru-05 have no date line: undated; kk-01 is dated 2023-01-25
for f in en-08-youth-voters ru-05-itogi-yavka kk-01-ozin-ozi-usynu; do
    cp "$CORPUS/$f.txt" "$a/other/"
done

# "articles N" of --stats
articles() {
    "$INDEX" --stats -d "$1" | awk '$1 == "articles" { print $2 }'
}
# the path of each passage of the index, sorted, one a line
result_paths() {
    "$QUERY" -d "$idx" --dump |
        "$PYTHON" -c 'import json, sys; print("\n".join(sorted(json.loads(l)["path"] for l in sys.stdin)))'
}

run "$INDEX" -d "$idx" "$a/c1" "$a/other"
check "first run: 7 new" \
    grep -q "^hustings-index: 7 new, 0 changed, 0 removed, 0 unchanged, 0 skipped; 7 articles, 49 passages written in " "$tmp/err"

# --stats: the folders given, with their files, and the undated articles
run "$INDEX" --stats -d "$idx"
check "--stats: the date range and how many are undated" \
    grep -qx "dates       2023-01-21 \.\. 2023-02-20 (2 undated)" "$tmp/out"
sed -n '/^folders/,$p' "$tmp/out" >"$tmp/folders"
printf 'folders     %s (4 files)\n            %s (3 files)\n' "$a/c1" "$a/other" >"$tmp/want"
check "--stats: each folder given, made absolute, with its files" cmp -s "$tmp/want" "$tmp/folders"
result_paths >"$tmp/paths-before"
check "49 passages of 7 files" \
    sh -c '[ "$(wc -l <"$1")" -eq 49 ] && [ "$(sort -u "$1" | wc -l)" -eq 7 ]' sh "$tmp/paths-before"

# options after the paths (GNU style), and -- before a path that looks
# like an option
run "$INDEX" "$a/other" -d "$idx" -q
check "an option after the PATH is taken as one" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' sh "$rc" "$tmp/err"
mkdir "$tmp/-dash"
cp "$CORPUS/en-06-almaty-debate.txt" "$tmp/-dash/"
run "$INDEX" -d "$tmp/dash.idx" -- "$tmp/-dash"
check "-- ends the options" grep -q "^hustings-index: 1 new, " "$tmp/err"
cd "$tmp" || exit 99
run "$INDEX" -d "$tmp/dash.idx" -dash
check "without --, -dash is options (-d ash)" sh -c '[ "$1" -eq 2 ] && [ ! -e "$2/ash" ]' sh "$rc" "$tmp"
cd "$top_builddir" || exit 99

# -n and -j say what they are, beside hustings-query's -n
run "$INDEX" --help
check "--help: -n is --dry-run, as in make and rsync, not hustings-query's --limit" \
    sh -c 'grep -q "^  -n, --dry-run  " "$1" && grep -q "make and rsync; in hustings-query, -n is --limit" "$1"' sh "$tmp/out"
check "--help: -j is --jobs, as make -j" \
    sh -c 'grep -q "^  -j, --jobs=N  " "$1" && grep -q "as make -j" "$1"' sh "$tmp/out"

# a folder moved, its old and new place named in one run: renamed, not
# indexed again, and no article twice
mv "$a/c1" "$a/c2"
run "$INDEX" -d "$idx" -v "$a/c1" "$a/c2" "$a/other"
check "a moved folder named at both places: exit 0" test "$rc" -eq 0
check "its files are renamed" \
    grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 3 unchanged, 0 skipped, 4 renamed; 0 articles, 0 passages written" "$tmp/err"
for f in en-01-self-nomination-returns en-02-signatures-and-deposits en-03-cec-registration \
    en-04-party-lists-threshold; do
    echo "renamed $a/c1/$f.txt -> $a/c2/$f.txt"
done >"$tmp/want"
grep '^renamed' "$tmp/out" >"$tmp/got"
check "one line per renamed file, old -> new" cmp -s "$tmp/want" "$tmp/got"
check "the old place is said to be gone" \
    grep -qx "hustings-index: $a/c1: not there any more: the files indexed from it are renamed where they were found" "$tmp/err"
check "7 articles, not 11" test "$(articles "$idx")" -eq 7
sed "s|$a/c1/|$a/c2/|" "$tmp/paths-before" | sort >"$tmp/want"
result_paths >"$tmp/got"
check "the same passages, under the new place" cmp -s "$tmp/want" "$tmp/got"
run "$INDEX" --stats -d "$idx"
sed -n '/^folders/,$p' "$tmp/out" >"$tmp/folders"
printf 'folders     %s (4 files)\n            %s (3 files)\n' "$a/c2" "$a/other" >"$tmp/want"
check "--stats lists the new place, not the old" cmp -s "$tmp/want" "$tmp/folders"
run "$INDEX" -d "$idx" "$a/c1"
check "the old place again: skipped, and nothing to index" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: $2: No such file or directory" "$3" && grep -qx "hustings-index: nothing to index" "$3"' \
    sh "$rc" "$a/c1" "$tmp/err"

# the only folder of its parent moved away leaves the parent empty, as an
# unmounted share looks: its files found at the new place are renamed all
# the same, and what is not found again is kept
mkdir -p "$a/in/2023" "$a/in/2024" "$a/out"
cp "$CORPUS/en-09-odihr-observers.txt" "$CORPUS/en-10-polling-day.txt" "$a/in/2023/"
cp "$CORPUS/en-11-preliminary-results.txt" "$CORPUS/en-12-complaints-recounts.txt" "$a/in/2024/"
run "$INDEX" -d "$tmp/in.idx" "$a/in/2023"
mv "$a/in/2023" "$a/out/2023"
run "$INDEX" -d "$tmp/in.idx" "$a/in/2023" "$a/out/2023"
check "a folder moved out of an emptied parent, named at both places: 2 renamed, exit 0" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 0 unchanged, 0 skipped, 2 renamed;" "$2"' sh "$rc" "$tmp/err"
run "$INDEX" -d "$tmp/in.idx" "$a/in/2024"
mv "$a/in/2024" "$a/out/2024"
rm "$a/out/2024/en-12-complaints-recounts.txt"
run "$INDEX" -d "$tmp/in.idx" "$a/in/2024" "$a/out/2024"
check "and when one of its files is not found again: 1 renamed, the other kept, exit 1" \
    sh -c '[ "$1" -eq 1 ] && grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 0 unchanged, 1 skipped, 1 renamed;" "$2" && grep -qx "hustings-index: $3: not found, and above it $4: empty folder (a share that is not mounted?): what the index holds from it is kept, but for files found renamed" "$2"' \
    sh "$rc" "$tmp/err" "$a/in/2024" "$a/in"
check "4 articles" test "$(articles "$tmp/in.idx")" -eq 4

# an empty PATH (a script's unset variable) is refused, not taken for the
# current folder: forgetting or indexing everything below it
n_before=$(articles "$tmp/in.idx")
run sh -c 'cd "$1" && "$2" -d "$3" --forget ""' sh "$a" "$INDEX" "$tmp/in.idx"
check "--forget '': refused, exit 2" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: --forget: an empty PATH names no file or folder" "$2"' sh "$rc" "$tmp/err"
run sh -c 'cd "$1" && "$2" -d "$3" ""' sh "$a" "$INDEX" "$tmp/in.idx"
check "PATH '': refused, exit 2" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: an empty PATH names no file or folder" "$2"' sh "$rc" "$tmp/err"
check "and the index is as it was" test "$(articles "$tmp/in.idx")" -eq "$n_before"

# a folder whose name is written with \\ or \xHH is there: no note says
# otherwise after a run that finds new files
mkdir -p "$a/odd/back\\slash" "$a/odd/$(printf 'd\351')" "$a/odd/plain"
cp "$CORPUS/en-07-campaign-finance.txt" "$a/odd/back\\slash/"
cp "$CORPUS/en-08-youth-voters.txt" "$a/odd/$(printf 'd\351')/"
run "$INDEX" -d "$tmp/odd.idx" "$a/odd/back\\slash" "$a/odd/$(printf 'd\351')"
cp "$CORPUS/en-09-odihr-observers.txt" "$a/odd/plain/"
run "$INDEX" -d "$tmp/odd.idx" "$a/odd/plain"
check "folders named with \\\\ and \\xHH: 1 new, and no note" \
    sh -c 'grep -q "^hustings-index: 1 new, " "$1" && ! grep -q "note:" "$1"' sh "$tmp/err"

# a folder that is not there, named alone, its parent readable and not
# empty (a drive whose mount point went when it was unplugged, beside
# another): nothing is taken for gone; only --forget says so
mkdir -p "$a/media/usb1" "$a/media/usb2"
cp "$CORPUS/en-05-maslikhat-elections.txt" "$a/media/usb1/"
cp "$CORPUS/en-06-almaty-debate.txt" "$a/media/usb2/"
run "$INDEX" -d "$tmp/media.idx" "$a/media/usb1" "$a/media/usb2"
mv "$a/media/usb1" "$a/unplugged"
run "$INDEX" -d "$tmp/media.idx" "$a/media/usb1" "$a/media/usb2"
check "a known folder that is not there: kept, named as skipped with the reason, exit 1" \
    sh -c '[ "$1" -eq 1 ] && grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 1 unchanged, 1 skipped;" "$2" && grep -qx "hustings-index: $3: not there any more: what the index holds from it is kept, but for files found renamed at another PATH of the run (--forget removes it)" "$2"' \
    sh "$rc" "$tmp/err" "$a/media/usb1"
check "both articles kept" test "$(articles "$tmp/media.idx")" -eq 2
mv "$a/unplugged" "$a/media/usb1"
run "$INDEX" -d "$tmp/media.idx" "$a/media/usb1" "$a/media/usb2"
check "back again: unchanged, exit 0" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 2 unchanged, 0 skipped;" "$2"' sh "$rc" "$tmp/err"

# moved without naming the old place: indexed anew, with a note; --prune
# then removes the old copies
mv "$a/c2" "$a/c3"
run "$INDEX" -d "$idx" "$a/c3"
check "a moved folder named at its new place only: 4 new" grep -q "^hustings-index: 4 new, 0 changed, 0 removed, 0 unchanged, 0 skipped;" "$tmp/err"
check "and a note names the old place" \
    grep -qx "hustings-index: note: $a/c2 is not there, and the index holds 4 files from it: if it was moved, name its old and new place in one run to have them renamed; if it is gone, --forget it" "$tmp/err"
check "11 articles" test "$(articles "$idx")" -eq 11
run "$INDEX" -d "$idx" --prune --dry-run
for f in en-01-self-nomination-returns en-02-signatures-and-deposits en-03-cec-registration \
    en-04-party-lists-threshold; do
    echo "removed $a/c2/$f.txt"
done >"$tmp/want"
check "--prune --dry-run: what it would remove, one line each" cmp -s "$tmp/want" "$tmp/out"
check "--prune --dry-run: its summary" \
    grep -q "^hustings-index: 0 new, 0 changed, 4 removed, 0 unchanged, 0 skipped; 0 articles, 0 passages would be written (dry run)" "$tmp/err"
check "--prune --dry-run removes nothing" test "$(articles "$idx")" -eq 11
run "$INDEX" -d "$idx" --prune
check "--prune: 4 removed, exit 0" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^hustings-index: 0 new, 0 changed, 4 removed, 0 unchanged, 0 skipped;" "$2"' sh "$rc" "$tmp/err"
check "--prune: 7 articles left" test "$(articles "$idx")" -eq 7
sed "s|$a/c1/|$a/c3/|" "$tmp/paths-before" | sort >"$tmp/want"
result_paths >"$tmp/got"
check "--prune: the passages of before the moves, each once" cmp -s "$tmp/want" "$tmp/got"
run "$INDEX" --stats -d "$idx"
sed -n '/^folders/,$p' "$tmp/out" >"$tmp/folders"
printf 'folders     %s (4 files)\n            %s (3 files)\n' "$a/c3" "$a/other" >"$tmp/want"
check "--prune drops the folder that is gone" cmp -s "$tmp/want" "$tmp/folders"

# --forget: what was indexed from a folder, which need not exist
run "$INDEX" -d "$idx" --forget "$a/other" -n
printf 'removed %s\n' "$a/other/en-08-youth-voters.txt" "$a/other/kk-01-ozin-ozi-usynu.txt" \
    "$a/other/ru-05-itogi-yavka.txt" >"$tmp/want"
check "--forget -n: what it would remove, one line each" cmp -s "$tmp/want" "$tmp/out"
check "--forget -n: its summary" \
    grep -q "^hustings-index: 0 new, 0 changed, 3 removed, 0 unchanged, 0 skipped; 0 articles, 0 passages would be written (dry run)" "$tmp/err"
check "--forget -n removes nothing" test "$(articles "$idx")" -eq 7
mv "$a/other" "$tmp/elsewhere"
run "$INDEX" -d "$idx" --forget "$a/other"
check "--forget of a folder that is gone: 3 removed, exit 0" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^hustings-index: 0 new, 0 changed, 3 removed, 0 unchanged, 0 skipped;" "$2"' sh "$rc" "$tmp/err"
check "--forget: 4 articles left" test "$(articles "$idx")" -eq 4
run "$INDEX" --stats -d "$idx"
check "--forget: the folder is no longer listed" grep -qx "folders     $a/c3 (4 files)" "$tmp/out"
check "--forget: the undated articles went with it" grep -qx "dates       2023-01-21 \.\. 2023-02-20 (0 undated)" "$tmp/out"
run "$INDEX" -d "$idx" --forget "$a/other" --forget "$a/c3/en-01-self-nomination-returns.txt"
check "--forget of what the index does not hold is named, the others forgotten: exit 1" \
    sh -c '[ "$1" -eq 1 ] && grep -qx "hustings-index: $2: the index holds nothing from there" "$3" && grep -q " 1 removed, " "$3"' \
    sh "$rc" "$a/other" "$tmp/err"
cd "$a" || exit 99
run "$INDEX" -d "$idx" -v --forget ./c3/../c3
cd "$top_builddir" || exit 99
check "--forget takes a relative path, as the index names it" \
    sh -c '[ "$1" -eq 0 ] && [ "$(grep -c "^removed $2/c3/" "$3")" -eq 3 ]' sh "$rc" "$a" "$tmp/out"
run "$INDEX" --stats -d "$idx"
check "--forget of everything: an empty index" \
    sh -c 'grep -qx "articles    0" "$1" && grep -qx "folders     none" "$1"' sh "$tmp/out"

# a name that is not UTF-8, forgotten by the name results show (\xHH)
mkdir "$a/names"
cp "$CORPUS/en-06-almaty-debate.txt" "$a/names/x$(printf '\377').txt"
run "$INDEX" -d "$tmp/names.idx" "$a/names"
run "$INDEX" -d "$tmp/names.idx" -v --forget "$a/names/x\xff.txt"
check "--forget takes a name as results show it" \
    sh -c '[ "$1" -eq 0 ] && [ "$(cat "$2")" = "removed $3/names/x\\xff.txt" ]' sh "$rc" "$tmp/out" "$a"

# --forget or --prune of an index that is not there makes none
run "$INDEX" -d "$tmp/no.idx" --prune
check "--prune of no index: exit 2, naming it, and no index made" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: $2: No such file or directory" "$3" && [ ! -e "$2" ]' \
    sh "$rc" "$tmp/no.idx" "$tmp/err"
run "$INDEX" -d "$tmp/no.idx" --forget "$a/c3"
check "--forget of no index: the same" sh -c '[ "$1" -eq 2 ] && [ ! -e "$2" ]' sh "$rc" "$tmp/no.idx"

# a missing PATH among others that the index never held is skipped, and
# the run goes on with the others
run "$INDEX" -d "$idx" "$a/typo" "$tmp/elsewhere"
check "a missing PATH the index does not know: skipped, exit 1, the others indexed" \
    sh -c '[ "$1" -eq 1 ] && grep -qx "hustings-index: $2: No such file or directory" "$3" && grep -q "^hustings-index: 3 new, " "$3"' \
    sh "$rc" "$a/typo" "$tmp/err"

# --prune never below a folder that cannot be read, nor one that is empty
# (a share that is not mounted)
p="$a/p"
mkdir -p "$p/open" "$p/locked" "$p/share/news"
cp "$CORPUS/en-05-maslikhat-elections.txt" "$CORPUS/en-06-almaty-debate.txt" "$p/open/"
cp "$CORPUS/en-07-campaign-finance.txt" "$CORPUS/en-09-odihr-observers.txt" "$p/locked/"
cp "$CORPUS/en-10-polling-day.txt" "$p/share/news/"
run "$INDEX" -d "$tmp/p.idx" "$p/open" "$p/locked" "$p/share/news"
check "5 files indexed" grep -q "^hustings-index: 5 new, " "$tmp/err"
rm "$p/open/en-05-maslikhat-elections.txt" "$p/locked/en-07-campaign-finance.txt"
rm -r "$p/share/news"
chmod 000 "$p/locked"
# as root a mode does not stop reading: run without the capabilities that
# pass over it
deny=""
if [ "$(id -u)" -eq 0 ]; then
    deny="setpriv --bounding-set=-dac_override,-dac_read_search --"
fi
# a PATH below the folder that cannot be read is skipped for that reason:
# no "nothing to index"
run $deny "$INDEX" -d "$tmp/p.idx" "$p/locked/sub"
check "a PATH below a folder that cannot be read: skipped with the reason, exit 1" \
    sh -c '[ "$1" -eq 1 ] && grep -qx "hustings-index: $2: Permission denied" "$3" && ! grep -q "nothing to index" "$3"' \
    sh "$rc" "$p/locked/sub" "$tmp/err"
run $deny "$INDEX" -d "$tmp/p.idx" -v --prune
chmod 755 "$p/locked"
printf 'removed %s\n' "$p/open/en-05-maslikhat-elections.txt" >"$tmp/want"
check "--prune removes only the file gone from a folder it can read" cmp -s "$tmp/want" "$tmp/out"
check "--prune names the folder it cannot read, and keeps what is below" \
    grep -qx "hustings-index: $p/locked: Permission denied: what the index holds below it is kept" "$tmp/err"
check "--prune names the empty folder, and keeps what is below" \
    grep -qx "hustings-index: $p/share: empty folder (a share that is not mounted?): what the index holds below it is kept" "$tmp/err"
check "--prune: 1 removed, 2 skipped, exit 1" \
    sh -c '[ "$1" -eq 1 ] && grep -q "^hustings-index: 0 new, 0 changed, 1 removed, 0 unchanged, 2 skipped;" "$2"' sh "$rc" "$tmp/err"
check "4 articles kept" test "$(articles "$tmp/p.idx")" -eq 4
run "$INDEX" -d "$tmp/p.idx" "$p/share/news"
check "a run naming a folder below an empty one takes nothing for gone (nothing to index)" \
    sh -c '[ "$1" -eq 2 ] && grep -qx "hustings-index: $2: not found, and above it $3: empty folder (a share that is not mounted?): what the index holds from it is kept, but for files found renamed" "$4" && grep -qx "hustings-index: nothing to index" "$4"' \
    sh "$rc" "$p/share/news" "$p/share" "$tmp/err"
check "and keeps its articles" test "$(articles "$tmp/p.idx")" -eq 4
run "$INDEX" -d "$tmp/p.idx" --prune
check "once readable, the file gone below it is removed" grep -q "^hustings-index: 0 new, 0 changed, 1 removed, 0 unchanged, 1 skipped;" "$tmp/err"

# --date-from-mtime: an undated article takes its file's day, a dated one
# keeps its own; each says where its date came from (test-archive checks
# hustings_passage_get_date_source)
d="$a/dated"
mkdir -p "$d"
cp "$CORPUS/en-08-youth-voters.txt" "$CORPUS/en-01-self-nomination-returns.txt" "$d/"
touch -d '2004-11-03 12:00' "$d/en-08-youth-voters.txt" "$d/en-01-self-nomination-returns.txt"
# the dates of the two articles, "youth" then "self-nomination", each with
# where it came from
dates_of() {
    for q in 'title:sunday' 'title:independents'; do
        "$QUERY" -d "$tmp/d.idx" --json --limit 1 "$q" |
            "$PYTHON" -c 'import json, sys; r = json.loads(sys.stdin.readline()); print("%s/%s" % (r["date"], r["date_source"]))'
    done | tr '\n' ' '
}
run "$INDEX" -d "$tmp/d.idx" "$d"
check "without --date-from-mtime, the article without a date line is undated" \
    test "$(dates_of)" = "None/None 2023-01-21/article "
run "$INDEX" --stats -d "$tmp/d.idx"
check "--stats: 1 undated" grep -qx "dates       2023-01-21 \.\. 2023-01-21 (1 undated)" "$tmp/out"
run "$INDEX" -d "$tmp/d.idx" --date-from-mtime "$d"
check "--date-from-mtime on the index: the undated file is indexed again" \
    grep -q "^hustings-index: 0 new, 1 changed, 0 removed, 1 unchanged, 0 skipped;" "$tmp/err"
check "--date-from-mtime: the undated article takes its file's day, the other keeps its own" \
    test "$(dates_of)" = "2004-11-03/mtime 2023-01-21/article "
run "$INDEX" --stats -d "$tmp/d.idx"
check "--stats: none undated" grep -qx "dates       2004-11-03 \.\. 2023-01-21 (0 undated)" "$tmp/out"
run "$INDEX" -d "$tmp/d.idx" "$d"
check "a run without it leaves the files alone" grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 2 unchanged, 0 skipped;" "$tmp/err"
check "and their dates" test "$(dates_of)" = "2004-11-03/mtime 2023-01-21/article "
touch -d '2004-12-01 12:00' "$d/en-08-youth-voters.txt" "$d/en-01-self-nomination-returns.txt"
run "$INDEX" -d "$tmp/d.idx" "$d"
check "touched files, without it: unchanged, and so are their dates" \
    sh -c 'grep -q "^hustings-index: 0 new, 0 changed, 0 removed, 2 unchanged, 0 skipped;" "$1" && [ "$2" = "2004-11-03/mtime 2023-01-21/article " ]' \
    sh "$tmp/err" "$(dates_of)"
run "$INDEX" -d "$tmp/d.idx" --date-from-mtime "$d"
check "touched files, with it: the undated one is dated by its new day" \
    sh -c 'grep -q "^hustings-index: 0 new, 1 changed, 0 removed, 1 unchanged, 0 skipped;" "$1" && [ "$2" = "2004-12-01/mtime 2023-01-21/article " ]' \
    sh "$tmp/err" "$(dates_of)"
printf '\nA closing paragraph about first-time voters.\n' >>"$d/en-08-youth-voters.txt"
run "$INDEX" -d "$tmp/d.idx" "$d"
check "a changed file, indexed without it, gives its own dates only: undated" \
    sh -c 'grep -q "^hustings-index: 0 new, 1 changed, " "$1" && [ "$2" = "None/None 2023-01-21/article " ]' \
    sh "$tmp/err" "$(dates_of)"
finish
