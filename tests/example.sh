#!/bin/sh
# examples/search, built through pkg-config against the uninstalled
# library, indexes nothing itself but searches an index of corpus/.
. "${top_srcdir:-.}/tests/lib.sh"

SEARCH="$top_builddir/examples/search"
if [ ! -x "$SEARCH" ]; then
    echo "$SEARCH is not built (make check builds it)" >&2
    exit 99
fi

run "$INDEX" -q -d "$tmp/idx" "$CORPUS"
check "indexing corpus/ succeeds" test "$rc" -eq 0

run "$SEARCH" "$tmp/idx" self-nomination
check "the example finds self-nomination" test "$rc" -eq 0
check "its first line is the rank and title of the best article" \
    test "$(head -n 1 "$tmp/out")" = \
    "1. Independents Back on the Ballot as Kazakhstan Reopens Self-Nomination for the Mazhilis"
check "its second line is the passage, the whole compound in brackets" \
    grep -qi '^[^[]*\[self-nomination\]' "$tmp/out"
check "five results at most, each a title line and a passage line" \
    test "$(wc -l <"$tmp/out")" -le 10
check "nothing on stderr" test ! -s "$tmp/err"

# the query may be given as several words
run "$SEARCH" "$tmp/idx" election deposit
check "several words make one query" test "$rc" -eq 0
# shellcheck disable=SC2016 # $1 is the inner shell's
check "both words are bracketed somewhere" \
    sh -c 'grep -qi "\[election\]" "$1" && grep -qi "\[deposit\]" "$1"' sh "$tmp/out"

run "$SEARCH" "$tmp/idx" qqqqzzzz
check "no match: exit status 1" test "$rc" -eq 1

run "$SEARCH" "$tmp/idx" 'title:'
check "a malformed query: exit status 2" test "$rc" -eq 2
check "... with the library's message" grep -q "title: needs a value" "$tmp/err"

run "$SEARCH" "$tmp/missing" anything
check "a missing index: exit status 2" test "$rc" -eq 2
check "... naming the index" grep -q "$tmp/missing" "$tmp/err"

run "$SEARCH" "$tmp/idx"
check "no query: usage and exit status 2" test "$rc" -eq 2
check "... the usage names the arguments" grep -q "INDEX QUERY" "$tmp/err"
# The README's C example, built from README.md as it stands: it searches
# news.idx in the folder it runs in.
README_EXAMPLE="$top_builddir/examples/readme"
check "the README's example is built" test -x "$README_EXAMPLE"
ln -s "$tmp/idx" "$tmp/news.idx"
rc=0
(cd "$tmp" && "$README_EXAMPLE") >"$tmp/out" 2>"$tmp/err" || rc=$?
check "the README's example succeeds" test "$rc" -eq 0
check "... its first line is the best passage's rank and title" \
    test "$(head -n 1 "$tmp/out")" = \
    "1. Independents Back on the Ballot as Kazakhstan Reopens Self-Nomination for the Mazhilis"
check "... three results of two lines each" test "$(wc -l <"$tmp/out")" -eq 6
check "... nothing on stderr" test ! -s "$tmp/err"
rm "$tmp/news.idx"
rc=0
(cd "$tmp" && "$README_EXAMPLE") >"$tmp/out" 2>"$tmp/err" || rc=$?
check "the README's example without news.idx: exit status 2" test "$rc" -eq 2
check "... a message naming news.idx" grep -q "news.idx" "$tmp/err"

# What a program built on libhustings is given: the library and its own
# header's folder, none of the private dependencies' include paths (the
# header includes none of their headers).
for pc in hustings hustings-uninstalled; do
    flags=$(pkg-config --cflags "$top_builddir/$pc.pc")
    check "pkg-config --cflags $pc names one folder, the header's" \
        test "$(printf '%s\n' $flags | grep -c '^-I')" -eq 1
    check "... and no dependency's folder" \
        sh -c '! printf "%s\n" "$1" | grep -Eq "libxml2|json-c|exttextcat|utf8proc"' sh "$flags"
    check "pkg-config --static --libs $pc adds Xapian and libstemmer" \
        sh -c 'pkg-config --static --libs "$1" | grep -q -- "-lxapian.*-lstemmer"' sh "$top_builddir/$pc.pc"
done
finish
