#!/bin/sh
# The search page in headless Chromium, driven through chromedriver's W3C
# WebDriver protocol (tests/serve-webdriver.py): search self-nomination,
# see the passage first with the word in a <mark>, click a facet, go back,
# open a shared URL, see hostile articles rendered as text, an article once
# a page, the totals of passages, articles and pages, languages by name,
# the search's words marked in the article view, the way back to the place
# left, what to try when nothing matches, a server started before its
# index was built, and fit a narrow window.  Screenshots go to
# tests/browser-serve*.png in the build directory.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/serve-lib.sh"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
        echo "chromium and chromedriver are missing, and CI must run this test" >&2
        exit 99
    fi
    echo "no chromium or chromedriver (Debian: chromium chromium-driver): skipping" >&2
    exit 77
fi

write_hostile "$tmp/hostile"
# an article in French (its language by name: the page knows it from the
# browser, not from a table of its own)
mkdir "$tmp/fr"
printf '%s\n' 'Les observateurs zqlangue suivent les élections municipales à Almaty' '' \
    "Les observateurs internationaux zqlangue ont suivi le scrutin dans plusieurs bureaux de vote d'Almaty, où la participation a été plus faible que prévu selon la commission électorale." '' \
    'Selon les premiers résultats, les candidats indépendants ont obtenu davantage de sièges que lors des élections précédentes, et les partis ont reconnu une campagne plus ouverte.' \
    >"$tmp/fr/municipales.txt"
run "$INDEX" -d "$tmp/idx" "$CORPUS" "$tmp/hostile" "$tmp/fr"
check "indexing corpus/, the hostile and the French articles succeeds" test "$rc" -eq 0
check "the French article is French" sh -c '"$0" -d "$1" --json zqlangue | grep -q "\"lang\":\"fr\""' \
    "$QUERY" "$tmp/idx"
# a server started before its index is built
start_server -d "$tmp/later.idx" --listen 127.0.0.1:0
later_pid=$pid
later_base=$base
start_server -d "$tmp/idx" --listen 127.0.0.1:0
check "the server starts" test "$base" != http://127.0.0.1:1

shots="$top_builddir/tests"
mkdir -p "$shots"
rm -f "$shots"/browser-serve*.png
# chromium keeps its profile and caches under $HOME: a fresh one here
HOME="$tmp" timeout 300 "$PYTHON" "$top_srcdir/tests/serve-webdriver.py" "$base" "$shots" zqhostile \
    zqlangue "$later_base" "$tmp/later.idx" >"$tmp/browser.out" 2>"$tmp/browser.err"
browser_rc=$?
if [ "$browser_rc" -ne 0 ] && [ "$browser_rc" -ne 1 ]; then
    echo "the browser could not be driven (exit $browser_rc):" >&2
    cat "$tmp/browser.out" "$tmp/browser.err" >&2
    exit 99
fi
while IFS= read -r line; do
    case $line in
    "ok: "*) check "${line#ok: }" true ;;
    "FAIL: "*) check "${line#FAIL: }" false ;;
    esac
done <"$tmp/browser.out"
check "the browser ran every check" test "$(grep -c '^ok: ' "$tmp/browser.out")" -eq 40
for png in browser-serve.png browser-serve-facet.png browser-serve-narrow.png \
    browser-serve-article.png browser-serve-nothing.png browser-serve-noindex.png; do
    check "a screenshot $png" sh -c 'head -c 8 "$0" | od -An -c | grep -q "P   N   G"' "$shots/$png"
done
stop_server "$pid"
check "the server stops cleanly" test "$rc" -eq 0
stop_server "$later_pid"
finish
