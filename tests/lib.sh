# lib.sh - shared helpers of the shell tests (sourced, not run).
#
# A test calls `check DESCRIPTION COMMAND...` for each assertion and ends
# with `finish`.  Exit status follows automake: 0 pass, 1 fail, 77 skip,
# 99 hard error.
set -u
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
INDEX="$top_builddir/indexer/hustings-index"
QUERY="$top_builddir/query/hustings-query"
CORPUS="$top_srcdir/corpus"
PYTHON=${PYTHON:-python3}
checks=0
failures=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hustings-test.XXXXXX") || exit 99
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT

check() {
    desc=$1
    shift
    checks=$((checks + 1))
    if "$@"; then
        :
    else
        failures=$((failures + 1))
        echo "FAIL: $desc" >&2
    fi
}

# Run a command, keeping its stdout, stderr and exit status in
# $tmp/out, $tmp/err and $rc.
run() {
    rc=0
    "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# The shared data beside the repository: skip without it, except in CI.
need_shared() {
    if [ ! -d "${HUSTINGS_SHARED:-/nonexistent}/seeds" ]; then
        if [ "${CI:-}" = true ]; then
            echo "HUSTINGS_SHARED=${HUSTINGS_SHARED:-} has no seeds/, and CI must run this test" >&2
            exit 99
        fi
        echo "no ../shared beside the repository: skipping" >&2
        exit 77
    fi
    SHARED=$HUSTINGS_SHARED
}

# Evaluate a Python expression over the JSON Lines in $tmp/out, bound to
# `rows`; true when it is true.
json_true() {
    "$PYTHON" -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$1"
}

finish() {
    echo "$checks checks, $failures failed"
    [ "$checks" -gt 0 ] || echo "FAIL: no check ran" >&2
    [ "$failures" -eq 0 ] && [ "$checks" -gt 0 ]
}
