#!/bin/sh
# hustings-serve under a slowloris attack: more connections than it has
# slots, each sending its request head a line at a time.  /healthz must
# still answer at once, and each slow connection be closed at the head
# deadline (--header-timeout, 2 s here to keep the test short).  The
# attack runs in tests/serve-slowloris.py.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/serve-lib.sh"

check "hustings-serve was built" test -x "$SERVE"
[ -x "$SERVE" ] || { finish; exit 1; }

# ---- the option -----------------------------------------------------------
for bad in abc -1 0 1e9 '' 2s; do
    run "$SERVE" -d "$tmp/idx" --header-timeout "$bad"
    check "--header-timeout '$bad' exits 2" test "$rc" -eq 2
    check "--header-timeout '$bad': saying what is wrong" \
        grep -q "invalid --header-timeout '$bad'" "$tmp/err"
done
run "$SERVE" --help
check "--help names --header-timeout" grep -q -- "--header-timeout=SECONDS" "$tmp/out"

# ---- the attack -----------------------------------------------------------
# 520 connections and the server's own: more descriptors than the usual
# soft limit of 1024 allows is not needed, but raise it where it is lower
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 1024 ] || ulimit -n 1024 2>/dev/null
run "$INDEX" -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0
if ! start_server -d "$tmp/idx" --listen 127.0.0.1:0 --threads 2 --header-timeout 2; then
    check "the server starts" false
    finish
    exit 1
fi
result=$("$PYTHON" "$top_srcdir/tests/serve-slowloris.py" --connections 520 \
             --header-timeout 2 "$base")
prc=$?
[ "$prc" -eq 77 ] && exit 77
case $result in
*[0-9]" "[0-9]*)
    set -- $result
    checks=$((checks + $1))
    failures=$((failures + $2))
    ;;
*)
    check "the slowloris checks ran (exit $prc)" false
    ;;
esac
check "the server is still running" kill -0 "$pid"
check "and says nothing of the connections it closed" \
    test "$(grep -cv -e 'listening on' "$log")" -eq 0
stop_server "$pid"
check "SIGTERM: exit 0" test "$rc" -eq 0
finish
