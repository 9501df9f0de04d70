#!/usr/bin/env bash
# ceiling.sh PROG PASSAGES OUT_DB: the bare-Xapian ceiling build that
# bench/run.sh times (see ceiling.cc): two writers, one per half of the
# passages (a line each), side by side, then xapian-compact of their two
# indexes into OUT_DB.
set -euo pipefail
prog=$1 passages=$2 out=$3
n=$(wc -l <"$passages")
half=$(( (n + 1) / 2 ))
head -n "$half" "$passages" | "$prog" "$out.1" >/dev/null &
first=$!
tail -n +"$((half + 1))" "$passages" | "$prog" "$out.2" >/dev/null
wait "$first"
xapian-compact --multipass "$out.1" "$out.2" "$out" >/dev/null
rm -rf "$out.1" "$out.2"
echo "$n passages in 2 writers, compacted"
