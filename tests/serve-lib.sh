# serve-lib.sh - helpers of the hustings-serve tests (sourced after lib.sh).
#
# start_server and stop_server run hustings-serve in the background with
# bounded waits; every server started is killed when the test exits.
# expect queues checks of requests, run_expected runs them.

SERVE="$top_builddir/server/hustings-serve"
HTTP="$top_srcdir/tests/serve-http.py"
pids=""
servers=0
trap 'for p in $pids; do kill -9 "$p" 2>/dev/null; done; [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT

# Start hustings-serve with the arguments; sets $pid, $log and $base
# ("http://127.0.0.1:PORT", read from its stderr), or returns 1 after
# showing why.  Waits 30 s at most (a loaded CI machine is slow; a
# healthy start takes milliseconds, so the bound costs nothing).
start_server() {
    servers=$((servers + 1))
    log="$tmp/serve$servers.err"
    : >"$log"
    "$SERVE" "$@" 2>>"$log" &
    pid=$!
    pids="$pids $pid"
    i=0
    while [ $i -lt 300 ]; do
        base=$(sed -n 's|.*listening on \(http://[^ ]*\).*|\1|p' "$log")
        [ -n "$base" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    echo "hustings-serve $* did not start:" >&2
    cat "$log" >&2
    base=http://127.0.0.1:1
    return 1
}

# Send a signal (default TERM) to the server $1 and wait 30 s at most for
# it to exit; sets $rc to its exit status (99: it did not exit).
stop_server() {
    kill -"${2:-TERM}" "$1" 2>/dev/null
    i=0
    while kill -0 "$1" 2>/dev/null && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if kill -0 "$1" 2>/dev/null; then
        kill -9 "$1" 2>/dev/null
        rc=99
    else
        rc=0
        wait "$1" || rc=$?
    fi
}

# Two hostile articles in a new folder $1: a text file
# whose name has a space, with markup and a javascript: source, and an
# HTML page whose escaped markup becomes text.  Their word: zqhostile.
write_hostile() {
    mkdir "$1"
    printf 'Hostile headline about zqhostile <img src=x onerror=alert(1)>\n\nMarch 3, 2023\n\nThis zqhostile passage carries <script>alert(1)</script> and <img src=x onerror=alert(1)> inside its text.\n\nA second zqhostile paragraph with "quotes" & ampersands.\n\nSource: javascript:alert(1)\n' \
        >"$1/hostile article.txt"
    cat >"$1/page.html" <<'EOF'
<!doctype html><html lang="en"><head><title>&lt;script&gt;alert(2)&lt;/script&gt; zqhostile page</title></head>
<body><article><h1>&lt;script&gt;alert(2)&lt;/script&gt; zqhostile page</h1><p>The zqhostile html paragraph shows &lt;img src=x onerror=alert(2)&gt; as text, with a body long enough for the reader to keep it as the article, with commas, words, and sentences.</p><script>alert(3)</script></article></body></html>
EOF
}

# Queue a check of one request to $base:
#   expect DESCRIPTION STATUS PATH [EXPRESSION [-X METHOD] [-H HEADER]...
#          [--data-bytes N] [--pad N] [--param NAME=VALUE]...]
# STATUS is the status wanted ("-": any); EXPRESSION, Python over d (the
# JSON body), h (headers, lower-case names), body (bytes) and status.
: >"$tmp/batch"
expect() {
    printf '%s\037' "$@" >>"$tmp/batch"
    printf '\036' >>"$tmp/batch"
}

# Run the queued checks, adding them to lib.sh's counts.
run_expected() {
    result=$("$PYTHON" "$HTTP" --batch "$base" <"$tmp/batch")
    : >"$tmp/batch"
    case $result in
    *[0-9]" "[0-9]*)
        set -- $result
        checks=$((checks + $1))
        failures=$((failures + $2))
        ;;
    *)
        checks=$((checks + 1))
        failures=$((failures + 1))
        echo "FAIL: the queued API checks did not run" >&2
        ;;
    esac
}
