#!/bin/sh
# Crash safety and concurrency on the BBC corpus: kill -9 at any moment
# loses at most the batch in hand and a re-run converges to a clean build;
# SIGINT commits and exits 130; a second writer fails fast; readers work
# while a writer writes; a no-op re-run opens no article; a full disk and a
# corrupt index give clear messages.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared
bbc="$SHARED/corpora/bbc-news"

# The libtool wrapper runs the real binary; call it directly so that
# signals and strace see the indexer itself.
real() {
    dir=$(dirname "$1")
    if [ -x "$dir/.libs/$(basename "$1")" ]; then
        echo "$dir/.libs/$(basename "$1")"
    else
        echo "$1"
    fi
}
INDEX_BIN=$(real "$INDEX")
export LD_LIBRARY_PATH="$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

run "$INDEX_BIN" -q -d "$tmp/clean" "$bbc"
check "a clean build succeeds" test "$rc" -eq 0
"$QUERY" -d "$tmp/clean" --dump >"$tmp/clean.dump"
check "the clean dump has every passage" test "$(wc -l <"$tmp/clean.dump")" -eq 10307

# no-op re-run: no article is opened
if command -v strace >/dev/null; then
    strace -f -qq -e trace=open,openat -o "$tmp/trace" "$INDEX_BIN" -q -d "$tmp/clean" "$bbc"
    check "a no-op re-run opens no article" sh -c "! grep -q '$bbc/.*\.txt' '$tmp/trace'"
else
    check "strace is installed (tools/install-deps)" false
fi

# kill -9 at several points, then re-run to the end
for delay in 0.7 1.5 2.5; do
    "$INDEX_BIN" -q -d "$tmp/killed" "$bbc" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    run "$QUERY" -d "$tmp/killed" --dump
    check "after kill -9 at ${delay}s the index opens and dumps" test "$rc" -eq 0
done
run "$INDEX_BIN" -d "$tmp/killed" "$bbc"
check "the re-run after kills succeeds" test "$rc" -eq 0
"$QUERY" -d "$tmp/killed" --dump >"$tmp/killed.dump"
check "after kills and a re-run the dump equals a clean build's" cmp -s "$tmp/clean.dump" "$tmp/killed.dump"
check "and no build folder of the killed runs is left" test ! -e "$tmp/killed.hustings-build"

# SIGINT: the file in hand is finished, the work committed, exit 130
"$INDEX_BIN" -d "$tmp/int" "$bbc" 2>"$tmp/int.err" &
pid=$!
sleep 1
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
check "SIGINT exits 130" test "$rc" -eq 130
check "SIGINT says the work is committed" grep -q "stopped by SIGINT; the work done so far is committed" "$tmp/int.err"
run "$INDEX_BIN" -d "$tmp/int" "$bbc"
check "the run after SIGINT reports the rest as new" grep -q " new, 0 changed, 0 removed, [1-9][0-9]* unchanged, 0 skipped" "$tmp/err"
"$QUERY" -d "$tmp/int" --dump >"$tmp/int.dump"
check "after SIGINT and a re-run the dump equals a clean build's" cmp -s "$tmp/clean.dump" "$tmp/int.dump"

# SIGTERM exits 143
"$INDEX_BIN" -q -d "$tmp/term" "$bbc" 2>/dev/null &
pid=$!
sleep 0.5
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
check "SIGTERM exits 143" test "$rc" -eq 143

# one writer at a time; readers meanwhile see the last commit
"$INDEX_BIN" -q -d "$tmp/busy" "$bbc" 2>/dev/null &
pid=$!
sleep 1
run "$INDEX_BIN" -d "$tmp/busy" "$bbc"
check "a second writer fails with exit 2" test "$rc" -eq 2
check "saying the index is locked" grep -q "index is locked" "$tmp/err"
run "$QUERY" -d "$tmp/busy" --json election
check "a query during the write works" test "$rc" -le 1
wait "$pid"
check "the lock file is left in place for Xapian" test -e "$tmp/busy/flintlock"

# a full disk: a clear message, and what was committed is kept
small="$tmp/small"
mkdir "$small"
if mount -t tmpfs -o size=6m tmpfs "$small" 2>/dev/null; then
    run "$INDEX_BIN" -d "$small/idx" "$bbc"
    check "a full disk fails with exit 2" test "$rc" -eq 2
    check "naming the problem" grep -qi "no space left on device" "$tmp/err"
    run "$QUERY" -d "$small/idx" --dump
    check "the index still opens after a full disk" test "$rc" -eq 0
    umount "$small"
elif [ "$(id -u)" -eq 0 ] || [ "${CI:-}" = true ]; then
    check "a small tmpfs can be mounted for the full-disk test" false
else
    echo "not root: the full-disk check needs a tmpfs mount, skipped" >&2
fi

# a corrupt index: a clear message naming it
cp -r "$tmp/clean" "$tmp/corrupt"
truncate -s 65536 "$tmp/corrupt/postlist.glass"
run "$QUERY" -d "$tmp/corrupt" --limit 100 'general election'
check "a corrupt index gives exit 2" test "$rc" -eq 2
check "with a message naming the index" grep -q "$tmp/corrupt" "$tmp/err"
finish
