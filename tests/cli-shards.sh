#!/bin/sh
# Shards: several -d, a stub file, and remote shards served by xapian-tcpsrv
# give the same ranked passages and scores as one index of everything.
. "${top_srcdir:-.}/tests/lib.sh"
need_shared
bbc="$SHARED/corpora/bbc-news"
if ! command -v xapian-tcpsrv >/dev/null; then
    [ "${CI:-}" = true ] && { echo "xapian-tcpsrv missing (xapian-tools), and CI must run this" >&2; exit 99; }
    echo "xapian-tcpsrv (Debian xapian-tools) not installed: skipping" >&2
    exit 77
fi

run "$INDEX" -q -d "$tmp/a" "$bbc/business" "$bbc/entertainment" "$bbc/politics"
check "half A indexes" test "$rc" -eq 0
run "$INDEX" -q -d "$tmp/b" "$bbc/sport" "$bbc/tech"
check "half B indexes" test "$rc" -eq 0
run "$INDEX" -q -d "$tmp/all" "$bbc/business" "$bbc/entertainment" "$bbc/politics" "$bbc/sport" "$bbc/tech"
check "the whole indexes" test "$rc" -eq 0

# two servers on free loopback ports, and a third serving both halves
ports=$("$PYTHON" -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))
for s in ss: s.close()')
set -- $ports
# each in a session of its own: on SIGTERM xapian-tcpsrv signals its whole
# process group, which must not be this test
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$1" "$tmp/a" >"$tmp/srv1.log" 2>&1 &
s1=$!
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$2" "$tmp/b" >"$tmp/srv2.log" 2>&1 &
s2=$!
# one server of two databases interleaves their docids itself: a later
# passage is not `ordinal` documents after its first there
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$3" "$tmp/a" "$tmp/b" >"$tmp/srv3.log" 2>&1 &
s3=$!
trap 'kill $s1 $s2 $s3 2>/dev/null; rm -rf "$tmp"' EXIT
# a stub names shards, one a line: "remote HOST:PORT" (TCP) or "auto PATH"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$1" "$2" >"$tmp/remote.stub"
printf 'remote 127.0.0.1:%s\n' "$3" >"$tmp/both.stub"
printf 'auto %s\nauto %s\n' "$tmp/a" "$tmp/b" >"$tmp/local.stub"
# wait (at most 10 s) for both servers to accept
i=0
until { "$QUERY" -d "$tmp/remote.stub" --count election && "$QUERY" -d "$tmp/both.stub" --count election; } >/dev/null 2>&1 || [ $i -ge 50 ]; do
    sleep 0.2; i=$((i + 1))
done

ranked() { "$QUERY" "$@" --json --limit 20 | "$PYTHON" -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    print(r["path"], r["passage"], "%.6f" % r["score"])'; }
for q in '"general election" Blair' 'mobile phone viruses' 'hunting ban' 'Chelsea OR Arsenal'; do
    ranked -d "$tmp/all" "$q" >"$tmp/one"
    ranked -d "$tmp/a" -d "$tmp/b" "$q" >"$tmp/two"
    ranked -d "$tmp/local.stub" "$q" >"$tmp/stub"
    ranked -d "$tmp/remote.stub" "$q" >"$tmp/remote"
    ranked -d "$tmp/both.stub" "$q" >"$tmp/both"
    check "'$q': one index finds 20 passages" test "$(wc -l <"$tmp/one")" -eq 20
    check "'$q': two -d equal one index" cmp -s "$tmp/one" "$tmp/two"
    ranked -d "$tmp/all" -d "$tmp/all/" "$q" >"$tmp/twice"
    check "'$q': an index given twice is read once" cmp -s "$tmp/one" "$tmp/twice"
    check "'$q': a stub of local shards equals one index" cmp -s "$tmp/one" "$tmp/stub"
    check "'$q': remote shards equal one index" cmp -s "$tmp/one" "$tmp/remote"
    check "'$q': one server of both halves equals one index" cmp -s "$tmp/one" "$tmp/both"
done
# exact forms are checked on the text of each match, which over local
# shards Xapian hands over by the shard's own docid
for q in '=vote' '=votes' '="general election"' '=vote Blair'; do
    ranked -d "$tmp/all" "$q" >"$tmp/one"
    ranked -d "$tmp/a" -d "$tmp/b" "$q" >"$tmp/two"
    check "'$q': two -d equal one index" sh -c "[ -s '$tmp/one' ] && cmp -s '$tmp/one' '$tmp/two'"
    run "$QUERY" -d "$tmp/all" --count "$q"
    n_one=$(cat "$tmp/out")
    run "$QUERY" -d "$tmp/a" -d "$tmp/b" --count "$q"
    check "'$q': two -d count as one index" test "$rc" -eq 0 -a "$(cat "$tmp/out")" = "$n_one"
done
# beyond the ranked candidates, matches come in plain batches: over two
# shards they list each passage once, the same set as one index
listed() { "$QUERY" "$@" --json --limit 1000 --per-article 0 --no-collapse | "$PYTHON" -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    print(r["path"], r["passage"])' | sort; }
for q in 'vote title:the' 'title:vote OR vote' 'election'; do
    listed -d "$tmp/all" "$q" >"$tmp/one"
    listed -d "$tmp/a" -d "$tmp/b" "$q" >"$tmp/two"
    check "'$q': more than the ranked 50, each passage once, over two -d as in one index" \
        sh -c "[ \$(wc -l <'$tmp/one') -gt 50 ] && [ -z \"\$(uniq -d '$tmp/two')\" ] && cmp -s '$tmp/one' '$tmp/two'"
done
run "$QUERY" -d "$tmp/remote.stub" --count election
n_remote=$(cat "$tmp/out")
run "$QUERY" -d "$tmp/all" --count election
check "counts agree across remote shards" test "$n_remote" -eq "$(cat "$tmp/out")"
run "$QUERY" -d "$tmp/remote.stub" --json --limit 5 --sort date election
check "--sort date over remote shards, which take no KeyMaker" test "$rc" -eq 0 -a "$(wc -l <"$tmp/out")" -eq 5
kill $s1 $s2 $s3
wait $s1 $s2 $s3 2>/dev/null
run "$QUERY" -d "$tmp/remote.stub" election
check "a shard that is down is an error naming the stub" sh -c "[ $rc -eq 2 ] && grep -q '$tmp/remote.stub' '$tmp/err'"
finish
