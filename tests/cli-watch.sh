#!/bin/sh
# hustings-index --watch: the index follows the folder as articles are
# added, edited, renamed and deleted, and SIGTERM ends it cleanly.
. "${top_srcdir:-.}/tests/lib.sh"

c="$tmp/c"
mkdir -p "$c"
cp "$CORPUS/en-01-self-nomination-returns.txt" "$c/a.txt"
"$INDEX" -d "$tmp/idx" --watch --batch 1 "$c" >"$tmp/watch.out" 2>"$tmp/watch.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# Wait (at most 20 s) until the index answers the query as wanted:
# `until_found Q` waits for a match, `until_gone Q` for none.
found() { "$QUERY" -d "$tmp/idx" --count "$1" 2>/dev/null | grep -qv '^0$'; }
until_found() { i=0; while ! found "$1" && [ $i -lt 100 ]; do sleep 0.2; i=$((i + 1)); done; found "$1"; }
until_gone() { i=0; while found "$1" && [ $i -lt 100 ]; do sleep 0.2; i=$((i + 1)); done; ! found "$1"; }

check "the first pass indexes what is there" until_found self-nomination

printf 'Observers arrive\n\nThe zebracorn delegation of observers arrived in Astana.\n' >"$c/new.txt"
check "a new article is indexed" until_found zebracorn

printf 'Observers arrive\n\nThe unicornfish delegation of observers arrived in Astana.\n' >"$c/new.txt"
check "an edited article is indexed again" until_found unicornfish
check "and its old text is gone" until_gone zebracorn

mv "$c/new.txt" "$c/renamed.txt"
check "a renamed article is found under its new path" \
    sh -c "i=0; while ! '$QUERY' -d '$tmp/idx' --json unicornfish 2>/dev/null | grep -q renamed.txt && [ \$i -lt 100 ]; do sleep 0.2; i=\$((i+1)); done; '$QUERY' -d '$tmp/idx' --json unicornfish | grep -q renamed.txt"

rm "$c/renamed.txt"
check "a deleted article is removed" until_gone unicornfish

# an editor's save: a temporary file renamed over the article
printf 'Observers arrive\n\nThe quetzalbird report was saved atomically.\n' >"$c/.a.txt.swp"
mv "$c/.a.txt.swp" "$c/a.txt"
check "a temp-file-and-rename save is indexed" until_found quetzalbird

# a new folder, and a burst of files in it
mkdir "$c/sub"
i=0
while [ $i -lt 200 ]; do
    printf 'Burst %d\n\nBurst article number %d about the xylophonist vote.\n' $i $i >"$c/sub/b$i.txt"
    i=$((i + 1))
done
check "files in a new folder are indexed" until_found xylophonist
wait_all() { n=0; k=0; while [ $k -lt 100 ]; do n=$("$QUERY" -d "$tmp/idx" --count xylophonist 2>/dev/null); [ "$n" = 200 ] && break; sleep 0.2; k=$((k + 1)); done; [ "$n" = 200 ]; }
check "all 200 files of the burst are indexed" wait_all
check "each file of the burst is reported once" \
    sh -c "[ \$(grep -c '^new $c/sub/' '$tmp/watch.out') -eq 200 ]"

# a folder 70 levels down: a change there alone is noticed
deep="$c/deep"
i=0
while [ $i -lt 70 ]; do deep="$deep/d$i"; i=$((i + 1)); done
mkdir -p "$deep"
sleep 2.5 # the new folders are watched and the pass they caused is over
printf 'Deep folder\n\nThe okapiwren memo was filed seventy folders down.\n' >"$deep/deep.txt"
check "a change 70 folders down is indexed" until_found okapiwren

kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
check "SIGTERM ends the watcher with exit 0" test "$rc" -eq 0
check "saying everything is committed" grep -q "stopped watching on SIGTERM; everything is committed" "$tmp/watch.err"
finish
