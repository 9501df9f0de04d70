#!/bin/sh
# hustings-serve: the JSON API and the page, against servers this test
# starts on ephemeral ports: status codes, JSON fields, limits, escaping,
# the article total, articles by path (plain, Cyrillic, with a space, a
# feed) and with a search's words marked, shards, the token, a missing
# index, reindexing under load, and SIGTERM.
#
# Requests go through tests/serve-http.py (python3's standard library, no
# curl).  Python starts slowly, so most checks are queued with `expect`
# and run by one Python process at each `run_expected` (serve-lib.sh).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/serve-lib.sh"

# One request, for the checks that need the shell: `get [OPTION]... PATH`
# sets $status, with the body in $tmp/body.
get() {
    status=$("$PYTHON" "$HTTP" -o "$tmp/body" -D "$tmp/headers" "$@" 2>/dev/null) ||
        status=000
}

JSON_ERROR='h.get("content-type", "").startswith("application/json") and set(d) == {"error"} and d["error"]'

# ---- an index of corpus/, two hostile articles, a Cyrillic path, a feed --
write_hostile "$tmp/hostile"
mkdir "$tmp/Новости"
printf 'Выборы в мажилис\n\nСтатья zqcyrillic о выборах.\n\nВторой абзац zqcyrillic.\n' \
    >"$tmp/Новости/Выборы-2023.txt"
mkdir "$tmp/feeds"
cat >"$tmp/feeds/wire.rss" <<'EOF'
<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>First zqfeed item</title><link>https://wire.example/1</link><guid>1</guid><description>&lt;p&gt;The first zqfeed item, paragraph one.&lt;/p&gt;&lt;p&gt;Paragraph two of the first.&lt;/p&gt;</description></item>
<item><title>Second zqfeed item</title><link>https://wire.example/2</link><guid>2</guid><description>&lt;p&gt;The second zqfeed item.&lt;/p&gt;</description></item>
</channel></rss>
EOF
run "$INDEX" -d "$tmp/idx" "$CORPUS" "$tmp/hostile" "$tmp/Новости" "$tmp/feeds"
check "indexing corpus/ and the other articles succeeds" test "$rc" -eq 0
n=$(ls "$CORPUS"/*.txt | wc -l)
check "hustings-serve was built" test -x "$SERVE"
[ -x "$SERVE" ] || { finish; exit 1; }

# ---- options ------------------------------------------------------------
run "$SERVE" --help
check "--help exits 0" test "$rc" -eq 0
check "--help starts with Usage" grep -q "^Usage: hustings-serve " "$tmp/out"
run "$SERVE" --version
check "--version names the package" grep -q "^hustings-serve (hustings) [0-9]" "$tmp/out"
run "$SERVE" --bogus
check "an unknown option exits 2" test "$rc" -eq 2
run "$SERVE" -d "$tmp/idx" --listen nonsense
check "a bad --listen exits 2" test "$rc" -eq 2
check "saying what was wrong" grep -q "invalid --listen 'nonsense'" "$tmp/err"
run "$SERVE" -d "$tmp/idx" --threads 0
check "a bad --threads exits 2" test "$rc" -eq 2
for bad in abc -1 '' 1e3 0x10 2s 3601; do
    run "$SERVE" -d "$tmp/idx" --time-limit "$bad"
    check "--time-limit '$bad' exits 2, saying what is wrong" sh -c '[ "$0" -eq 2 ] && grep -qF "$1" "$2"' \
        "$rc" "invalid --time-limit '$bad': a number of seconds" "$tmp/err"
done
check "--help names --time-limit, default 2" \
    sh -c '"$0" --help | grep -q -- "--time-limit=SECONDS" && "$0" --help | grep -q "SECONDS and answer 503 (default 2;"' \
    "$SERVE"
run "$SERVE" -d "$tmp/idx" --listen 0.0.0.0:0
check "a non-loopback address without a token is refused (exit 2)" test "$rc" -eq 2
check "saying why" grep -q "refusing to listen on 0.0.0.0:0 without --token" "$tmp/err"
for extra in --insecure "--token abc"; do
    # shellcheck disable=SC2086 # two words on purpose
    if start_server -d "$tmp/idx" --listen 0.0.0.0:0 $extra; then
        check "$extra allows a non-loopback address" true
        stop_server "$pid"
    else
        check "$extra allows a non-loopback address" false
    fi
done

# ---- the main server ----------------------------------------------------
if ! start_server -d "$tmp/idx" --listen 127.0.0.1:0 --threads 4 --verbose --time-limit 1.5; then
    # the checks below need it (and the port-in-use check would listen on port 1)
    check "the main server starts" false
    finish
    exit 1
fi
check "the server says where it listens, with the port it got" \
    sh -c 'echo "$0" | grep -Eq "^http://127\.0\.0\.1:[1-9][0-9]*$"' "$base"
main_pid=$pid
main_log=$log
main_base=$base

expect "/healthz: 200, status ok and the passage count" 200 /healthz \
    'd["status"] == "ok" and d["passages"] > 100'
expect "/api/stats: what hustings-index --stats prints" 200 /api/stats "
set(d) == {'index', 'shards', 'format', 'articles', 'passages', 'files', 'terms', 'disk_bytes',
           'last_update', 'first_date', 'last_date', 'undated', 'languages'}
and d['undated'] == $("$INDEX" --stats -d "$tmp/idx" | sed -n 's/^dates .*(\([0-9]*\) undated)$/\1/p')
and d['index'] == '$tmp/idx' and d['shards'] == 1
and d['articles'] == $n + 5 and d['files'] == $n + 4 and d['passages'] > d['articles']
and d['format'] == $("$INDEX" --stats -d "$tmp/idx" | awk '$1 == "format" { print $2 }') and d['first_date'] <= d['last_date'] and d['last_update'].endswith('Z')
and sum(d['languages'].values()) == d['passages'] and set(d['languages']) >= {'en', 'ru'}"

# a query that asks too much is refused with 503, saying why
wild=$("$PYTHON" -c "print(' OR '.join(a + b + '*' for a in 'abcdefghijklmnopqrstuvw' for b in 'aeiou')[:400].rsplit(' OR ', 1)[0].replace(' ', '+'))")
expect "/api/search with 57 prefix* words: 503, saying there are too many" 503 "/api/search?q=$wild" \
    "d == {'error': 'too many wildcards in one query (57 words ending in *; at most 20 here)'}"

# search
expect "/api/search: JSON with query, total, articles, offset, limit, results, facets, suggestion, warnings" \
    200 '/api/search?q=self-nomination&limit=5' '
h["content-type"] == "application/json; charset=utf-8"
and set(d) == {"query", "total", "articles", "offset", "limit", "results", "facets", "suggestion",
               "warnings"}
and d["query"] == "self-nomination" and d["total"] >= len(d["results"]) == 5
and d["articles"] is None
and d["offset"] == 0 and d["limit"] == 5 and d["suggestion"] is None and d["warnings"] == []'
# articles=1: how many articles the matching passages come from, as the
# articles of every match (not collapsed) that hustings-query lists
articles_of() { # QUERY [OPTION]...: the distinct paths of every match
    q=$1
    shift
    "$QUERY" -d "$tmp/idx" --json --no-collapse --limit 1000 "$@" -- "$q" |
        "$PYTHON" -c 'import json, sys; print(len({json.loads(l)["path"] for l in sys.stdin}))'
}
n_self=$(articles_of self-nomination)
expect "articles=1: self-nomination, 37 passages in 11 articles, as hustings-query lists them" \
    200 '/api/search?q=self-nomination&limit=1&articles=1' \
    "d['total'] == 37 and d['articles'] == $n_self == 11"
expect "articles=1 counts what the filters leave: lang=ru" 200 \
    '/api/search?q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B&lang=ru&articles=1&facets=' \
    "d['articles'] == $(articles_of 'выборы' --lang ru) and d['articles'] > 0"
expect "articles=1 counts every article, whatever collapse and per_article show" 200 \
    '/api/search?q=self-nomination&per_article=1&limit=100&articles=1' \
    "d['articles'] == 11 and len(d['results']) <= 11"
expect "articles=1, nothing found: 0 articles" 200 '/api/search?q=zzyzxqwv&articles=1' \
    "d['total'] == 0 and d['articles'] == 0"
expect "articles=0: not counted (null)" 200 '/api/search?q=self-nomination&articles=0' \
    "d['articles'] is None"
expect "every result has the fields of hustings-query --json" 200 '/api/search?q=self-nomination' '
all(set(r) == {"rank", "score", "path", "title", "date", "source", "byline", "lang", "site",
               "passage", "paragraph", "text", "highlights", "copies", "suggestion"}
    for r in d["results"])'
expect "self-nomination: a passage of the article about it comes first" 200 '/api/search?q=self-nomination' '
d["results"][0]["path"].endswith("/en-01-self-nomination-returns.txt")
and "self-nominat" in d["results"][0]["text"].lower()'
expect "with the matched word highlighted (UTF-8 byte offsets)" 200 '/api/search?q=self-nomination' '
[d["results"][0]["text"].encode()[s:e].decode().lower() for s, e in d["results"][0]["highlights"]]
in (["self-nomination"], ["self-nominated"])'
expect "facets by year, month, source and lang, counting every match" 200 '/api/search?q=self-nomination' '
set(d["facets"]) == {"year", "month", "source", "lang"}
and d["facets"]["lang"] == {"en": d["total"]} and d["facets"]["source"].get("example.kz", 0) > 0
and sum(d["facets"]["year"].values()) <= d["total"]'
expect "offset pages on; facets= picks the facets" 200 \
    '/api/search?q=self-nomination&limit=5&offset=5&facets=year' '
d["offset"] == 5 and d["results"][0]["rank"] == 6 and set(d["facets"]) == {"year"}'
expect "an empty facets= asks for none" 200 '/api/search?q=self-nomination&facets=' 'd["facets"] == {}'
expect "no match: 200, no results, a total of 0" 200 '/api/search?q=zzyzxqwv' \
    'd["results"] == [] and d["total"] == 0'
expect "a misspelt query gets a suggestion" 200 '/api/search?q=electon' 'd["suggestion"] == "election"'
expect "also with a filter, which stays out of it" 200 '/api/search?q=electon&lang=en' \
    'd["suggestion"] == "election"'

# filters
expect "lang=ru: only Russian passages" 200 \
    '/api/search?q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B+OR+election&lang=ru&limit=50' \
    'd["results"] and all(r["lang"] == "ru" for r in d["results"])'
expect "lang=en: only English passages" 200 '/api/search?q=election&lang=en&limit=50' \
    'd["results"] and all(r["lang"] == "en" for r in d["results"])'
expect "source=example.kz: only its articles" 200 \
    '/api/search?q=self-nomination&source=example.kz&limit=50' \
    'd["results"] and all("example.kz" in (r["source"] or "") for r in d["results"])'
expect 'source= a site name with quotes, as the facet may list it: 200' 200 \
    '/api/search?q=election&source=The+%22Steppe%22+Times' 'd["total"] == 0'
expect "source=another host: nothing" 200 '/api/search?q=self-nomination&source=nowhere.example' \
    'd["results"] == [] and d["total"] == 0'
expect "from/to: only articles of those dates" 200 \
    '/api/search?q=self-nomination&from=2023-02&to=2023-02&limit=50' \
    'd["results"] and all((r["date"] or "").startswith("2023-02") for r in d["results"])'
expect "from after to: 400, as hustings-query refuses --since after --until" 400 \
    '/api/search?q=election&from=2023-03&to=2023-02' "$JSON_ERROR == 'from: after to'"
expect "sort=-date: newest first" 200 '/api/search?q=self-nomination&sort=-date&limit=50&per_article=0' '
(lambda ds: ds and ds == sorted(ds, reverse=True))([r["date"] for r in d["results"] if r["date"]])'
expect "sort=date: oldest first; per_article=1: one passage per article" 200 \
    '/api/search?q=self-nomination&sort=date&limit=50&per_article=1' '
(lambda ds: ds and ds == sorted(ds))([r["date"] for r in d["results"] if r["date"]])
and len({r["path"] for r in d["results"]}) == len(d["results"])'
expect "a plain query with a stray bracket never fails, filtered or not" 200 \
    '/api/search?q=turnout+(Almaty&lang=en' 'd["results"]'
expect "nor does an open quote" 200 '/api/search?q=%22general+election&source=example.kz'
expect "a lang= that is no language: 400, not unfiltered results" 400 \
    '/api/search?q=election&lang=zz' "$JSON_ERROR == 'lang: a language code, e.g. en, ru or kk'"
expect "lang=kz is Kazakh" 200 '/api/search?q=%D1%81%D0%B0%D0%B9%D0%BB%D0%B0%D1%83&lang=kz' \
    'd["total"] > 0 and all(r["lang"] == "kk" for r in d["results"])'
for q in '%22' '*' '%22%22'; do
    expect "nor one without words ($q), filtered: what the filters select, as lang:en alone" 200 \
        "/api/search?q=$q&lang=en&source=example.kz" \
        'd["total"] > 0 and all(r["lang"] == "en" and "example.kz" in r["source"] for r in d["results"])'
done
# the built-in thesaurus, as hustings-query applies it (CEC = Central Election Commission)
on=$("$QUERY" -d "$tmp/idx" --count CEC)
off=$("$QUERY" -d "$tmp/idx" --count --no-thesaurus CEC)
expect "thesaurus on by default: CEC also finds its full name" 200 '/api/search?q=CEC' \
    "d['total'] == $on and $on > $off"
expect "thesaurus=0: CEC as typed" 200 '/api/search?q=CEC&thesaurus=0' "d['total'] == $off"

# bad requests: 400 with a JSON error
for bad in 'limit=1000' 'limit=101' 'limit=-1' 'limit=ten' 'offset=x' 'offset=10001' \
           'sort=up' 'facets=year,colour' 'lang=english' 'lang=e%22n' 'source=a%09b' \
           'from=2023-13' 'to=yesterday' 'collapse=2' 'thesaurus=2' 'articles=2' 'articles=yes' \
           'bogus=1' 'q=again'; do
    expect "$bad: 400 with a JSON error" 400 "/api/search?q=election&$bad" "$JSON_ERROR"
done
expect "limit over 100 is refused, not clamped" 400 '/api/search?q=election&limit=1000' \
    '"limit" in d["error"] and "100" in d["error"]'
expect "a bad date names its parameter and the forms it takes" 400 '/api/search?q=election&from=2023-13' \
    'd["error"] == "from: YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)"'
expect "a time ago is a date: to=1d keeps 35 dated passages, and warns of the undated article" \
    200 '/api/search?q=self-nomination&to=1d&limit=1' \
    'd["total"] == 35 and d["warnings"] == ["1 undated article matched but is not in the date range"]'
expect "warnings: an unknown field, with the field meant" 200 '/api/search?q=titel:observers' \
    'd["warnings"] == ["titel: is not a field; did you mean title:?"]'
expect "warnings: a prefix too short" 200 '/api/search?q=a*+election&limit=1' \
    'd["warnings"] == ["a*: a prefix* needs two letters or more; it was left out of the query"] and d["total"] > 0'
expect "query syntax error: 400 with the parser's message" 400 '/api/search?q=turnout+AND+(Almaty' \
    '"column 13" in d["error"] and "(" in d["error"]'
expect "no q: 400" 400 /api/search "$JSON_ERROR"
expect "a blank q: 400" 400 '/api/search?q=+++' "$JSON_ERROR"
expect "q over 1,000 bytes: 400" 400 "/api/search?q=$(printf 'a%.0s' $(seq 1001))" "$JSON_ERROR"
expect "q not UTF-8: 400" 400 '/api/search?q=%FF%FE' "$JSON_ERROR"
expect "q with a NUL byte: 400" 400 '/api/search?q=a%00b' "$JSON_ERROR"

# articles (only what the index holds; no file is opened), by their paths
# as indexed (absolute, symbolic links resolved)
"$QUERY" -d "$tmp/idx" --dump >"$tmp/dump.json"
indexed_path() {
    sed -n "s|^{\"path\":\"\([^\"]*/$1\)\".*|\1|p" "$tmp/dump.json" | head -1
}
hostile_path=$(indexed_path 'hostile article.txt')
cyrillic_path=$(indexed_path 'Выборы-2023.txt')
feed_path=$(indexed_path wire.rss)
cyrillic_ascii=$(indexed_path en-03-cec-registration.txt | sed 's|/[^/]*$|/Новости.txt|')
article=$(indexed_path en-03-cec-registration.txt)
check "the dump names the articles" \
    test -n "$hostile_path" -a -n "$article" -a -n "$cyrillic_path" -a -n "$feed_path"
expect "an article whose path has a space: its passages, hostile text verbatim" 200 \
    /api/article '
[p["text"] for p in d["passages"]] == [
    "This zqhostile passage carries <script>alert(1)</script> and <img src=x onerror=alert(1)> inside its text.",
    "A second zqhostile paragraph with \"quotes\" & ampersands."]
and d["title"] == "Hostile headline about zqhostile <img src=x onerror=alert(1)>"
and d["source"] == "javascript:alert(1)"' --param "path=$hostile_path"
expect "a Cyrillic path: its passages (by a path: query)" 200 /api/article \
    '[p["passage"] for p in d["passages"]] == [0, 1] and d["title"] == "Выборы в мажилис"' \
    --param "path=$cyrillic_path"
expect "a feed: the passages of every item, item after item" 200 /api/article '
[(p["title"], p["passage"]) for p in d["passages"]] ==
[("First zqfeed item", 0), ("First zqfeed item", 1), ("Second zqfeed item", 0)]' \
    --param "path=$feed_path"
expect "an unknown Cyrillic path: 404" 404 /api/article "$JSON_ERROR" --param "path=$cyrillic_ascii"
expect "an unknown article: 404" 404 "/api/article?path=$CORPUS/no-such-article.txt" "$JSON_ERROR"
expect "a file outside the index: 404, not read" 404 '/api/article?path=/etc/passwd' \
    "$JSON_ERROR and b'root:' not in body"
expect "a relative path: 404" 404 '/api/article?path=../../etc/passwd' "$JSON_ERROR"
expect "no path: 400" 400 /api/article "$JSON_ERROR"
# q= marks the search's words in the article, as its search results mark
# them: each passage found by the search has the same ranges, the others []
MARKS='[(p["passage"], [p["text"].encode()[s:e].decode() for s, e in p["highlights"]]) for p in d["passages"]]'
expect "q=self-nomination: the words its results mark, in 4 of the 8 passages" 200 /api/article "
$MARKS == [(0, ['self-nominated']), (1, []), (2, []), (3, ['Self-nomination']), (4, []),
           (5, ['self-nominated']), (6, ['self-nomination']), (7, [])]" \
    --param "path=$(indexed_path en-01-self-nomination-returns.txt)" --param q=self-nomination
expect "q= a word the article lacks: every passage, none marked" 200 /api/article "
all(p['highlights'] == [] for p in d['passages']) and len(d['passages']) > 3" \
    --param "path=$article" --param q=zqhostile
expect "a feed's items: each passage marked as its own" 200 /api/article "
[(p['title'], p['passage'], [p['text'].encode()[s:e].decode() for s, e in p['highlights']]) for p in d['passages']] ==
[('First zqfeed item', 0, ['zqfeed']), ('First zqfeed item', 1, []), ('Second zqfeed item', 0, ['zqfeed'])]" \
    --param "path=$feed_path" --param q=zqfeed
expect "a path with a space, a phrase, verbatim text" 200 /api/article "
$MARKS == [(0, ['zqhostile passage']), (1, [])]" --param "path=$hostile_path" \
    --param 'q="zqhostile passage"'
expect "a Cyrillic path" 200 /api/article "$MARKS == [(0, ['zqcyrillic']), (1, ['zqcyrillic'])]" \
    --param "path=$cyrillic_path" --param q=zqcyrillic
expect "thesaurus=0: CEC as typed, not its full name" 200 /api/article "
$MARKS == [(0, []), (1, ['CEC']), (2, ['CEC']), (3, []), (4, []), (5, []), (6, ['CEC'])]" \
    --param "path=$article" --param q=CEC --param thesaurus=0
expect "thesaurus on (the default): CEC and the Central Election Commission" 200 /api/article "
$MARKS == [(0, ['Central Election Commission']), (1, ['CEC']), (2, ['CEC']), (3, []), (4, []),
           (5, []), (6, ['CEC'])]" --param "path=$article" --param q=CEC
expect "a blank q marks nothing: no highlights member" 200 /api/article "
all('highlights' not in p for p in d['passages'])" --param "path=$article" --param 'q=  '
expect "a q that does not parse: 400 with the parser's message" 400 /api/article "
'column 13' in d['error'] and '(' in d['error']" --param "path=$article" --param 'q=turnout AND (Almaty'
expect "thesaurus=2: 400" 400 /api/article "$JSON_ERROR" --param "path=$article" --param q=CEC \
    --param thesaurus=2

# the API returns article text verbatim, as JSON strings
expect "hostile articles: <script> and <img onerror> come back verbatim" 200 \
    '/api/search?q=zqhostile&limit=10' '
any(r["text"] == "This zqhostile passage carries <script>alert(1)</script> and <img src=x onerror=alert(1)> inside its text." for r in d["results"])
and any(r["title"] == "<script>alert(2)</script> zqhostile page" for r in d["results"])
and any(r["source"] == "javascript:alert(1)" for r in d["results"])
and h["x-content-type-options"] == "nosniff"'

# the HTTP layer
expect "an unknown path: 404" 404 /nope "$JSON_ERROR"
expect "an unknown endpoint: 404" 404 /api/searchx "$JSON_ERROR"
expect "a path that climbs: 404, nothing read" 404 '/../../etc/passwd' "b'root:' not in body"
expect "POST: 405 with Allow: GET, HEAD" 405 '/api/search?q=election' \
    "$JSON_ERROR and h['allow'] == 'GET, HEAD'" -X POST
expect "DELETE on the page: 405" 405 / "$JSON_ERROR" -X DELETE
expect "POST with a large body: 405, the body unread" 405 '/api/search?q=election' '' \
    -X POST --data-bytes 100000
expect "GET with a body: 413" 413 '/api/search?q=election' "$JSON_ERROR" --data-bytes 10
expect "a URL over 8 KiB: 414" 414 "/api/search?q=$(printf 'a%.0s' $(seq 9000))" "$JSON_ERROR"
expect "a URL over the request buffer is refused" - '/api/search?q=a' \
    'status == 0 or status >= 400' --pad 300000
expect "and the server goes on" 200 /healthz
expect "HEAD: 200 without a body" 200 /healthz 'body == b""' -X HEAD
# paths that would write a forged line, or terminal escapes, into the log
expect "a path with CR LF in it: 404" 404 \
    '/zqforge%0D%0Ahustings-serve:%20GET%20/forged%20200%201.0%20ms' "$JSON_ERROR"
expect "a path with an escape sequence, a backslash, C1 and bad UTF-8: 404" 404 \
    '/zqesc%1B%5B31mred%5Cx%C2%9B%FF%D0%B4' "$JSON_ERROR"
# a NUL byte must not cut a path short: no path we serve holds one
for nul in /hustings.css%00.txt /%00 /healthz%00 '/api/search%00.json?q=election' /api/stats%00/x; do
    expect "$nul: 404, not what comes before %00" 404 "$nul" "$JSON_ERROR == 'no such endpoint'"
done

# the page: compiled in, a strict CSP, and a script that never writes HTML
expect "/: the page" 200 / '
h["content-type"] == "text/html; charset=utf-8" and b"id=\"q\"" in body
and h["content-security-policy"].startswith("default-src '"'"'none'"'"'; script-src '"'"'self'"'"';")'
expect "/: no CDN, no external font" 200 / \
    'not __import__("re").search(rb"(src|href)=\"(https?:)?//", body)'
expect "/hustings.js: the script" 200 /hustings.js 'h["content-type"].startswith("text/javascript")'
expect "the script never parses HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)" \
    200 /hustings.js \
    'not __import__("re").search(rb"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", body)'
expect "the script builds text with textContent, links only http(s), decodes UTF-8 offsets" \
    200 /hustings.js 'b"textContent" in body and b"https?" in body and b"TextDecoder" in body'
expect "/hustings.css: the style sheet" 200 /hustings.css 'h["content-type"].startswith("text/css")'
# a Host of bytes that are not UTF-8 is refused in valid JSON
printf 'GET /healthz HTTP/1.1\r\nHost: \377\376\r\nConnection: close\r\n\r\n' >"$tmp/raw.req"
check "Host: bytes that are not UTF-8 are refused with 403" \
    test "$("$PYTHON" "$HTTP" --raw "$tmp/raw.req" -o "$tmp/raw.body" "$base")" = 403
check "in valid JSON" "$PYTHON" -c '
import json, sys
sys.exit(0 if json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))["error"].endswith("\ufffd\ufffd'"'"'") else 1)' "$tmp/raw.body"

# on loopback, only requests for localhost: a page whose name an attacker
# points at 127.0.0.1 (DNS rebinding) gets nothing
expect "Host: another name is refused with 403" 403 /api/stats \
    'd["error"] == "this server answers requests for localhost only, not for Host '"'"'attacker.example'"'"'"' \
    -H 'Host: attacker.example:80'
expect "Host: localhost with any port is answered" 200 /healthz '' -H 'Host: localhost:1234'
expect "Host: a loopback address is answered" 200 /healthz '' -H 'Host: 127.0.0.1'
expect "Host: a name that starts like localhost is refused" 403 /healthz '' \
    -H 'Host: localhost.attacker.example'
expect "the facet value of a site name with a dot filters to its own count" 200 \
    '/api/search?q=election&source=example.kz&facets=source' \
    'd["total"] > 0 and d["facets"]["source"] == {"example.kz": d["total"]}'
run_expected
# a port in use is named
port=${base##*:}
run "$SERVE" -d "$tmp/idx" --listen "127.0.0.1:$port"
check "a port in use: exit 2, naming the address and port" \
    sh -c '[ "$1" -eq 2 ] && grep -q "cannot listen on 127.0.0.1 port $2 " "$3"' sh "$rc" "$port" "$tmp/err"
check "a port in use: one message, not libmicrohttpd's about port 0 too" \
    test "$(wc -l <"$tmp/err")" -eq 1

# the same objects as hustings-query --json, and the article as the dump has it
get "$base/api/search?q=self-nomination&limit=5"
"$QUERY" -d "$tmp/idx" --json --limit 5 self-nomination >"$tmp/cli.json"
check "the results are hustings-query --json's, object for object (but for the lines' own type and date_source)" "$PYTHON" -c '
import json, sys
api = json.load(open(sys.argv[1], encoding="utf-8"))["results"]
cli = [{k: v for k, v in json.loads(l).items() if k not in ("type", "date_source")}
       for l in open(sys.argv[2], encoding="utf-8")]
sys.exit(0 if api == cli else 1)' "$tmp/body" "$tmp/cli.json"
get "$base/api/article?path=$article"
grep -F "\"path\":\"$article\"" "$tmp/dump.json" >"$tmp/article.json"
check "/api/article: every passage of the article, in order, as the dump has them" "$PYTHON" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
dump = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
ok = (d["path"] == sys.argv[3] and d["title"] == dump[0]["title"] and d["date"] == dump[0]["date"]
      and [(p["passage"], p["text"]) for p in d["passages"]] == [(r["passage"], r["text"]) for r in dump]
      and [p["passage"] for p in d["passages"]] == list(range(len(dump))) and len(dump) > 3)
sys.exit(0 if ok else 1)' "$tmp/body" "$tmp/article.json" "$article"

# ---- shards: several -d serve as one index ------------------------------
mkdir "$tmp/shard-a" "$tmp/shard-b"
for f in "$CORPUS"/*.txt; do
    case ${f##*/} in
    en-0*) cp "$f" "$tmp/shard-a/" ;;
    *) cp "$f" "$tmp/shard-b/" ;;
    esac
done
run "$INDEX" -d "$tmp/a.idx" "$tmp/shard-a"
run "$INDEX" -d "$tmp/b.idx" "$tmp/shard-b"
start_server -d "$tmp/a.idx" -d "$tmp/b.idx" --listen 127.0.0.1:0 --time-limit 0 # no limit
shards_pid=$pid
expect "two -d: searched as one index" 200 '/api/search?q=election&limit=50' '
len({r["path"].split("/")[-2] for r in d["results"]}) == 2'
expect "two -d: the stats say so" 200 /api/stats 'd["shards"] == 2'
run_expected
stop_server "$shards_pid"

# ---- reindexing while serving -------------------------------------------
# requests keep being answered, and changes show up without a restart
mkdir "$tmp/live"
cp "$CORPUS"/en-0*.txt "$tmp/live/"
run "$INDEX" -d "$tmp/live.idx" "$tmp/live"
live_article=$("$QUERY" -d "$tmp/live.idx" --json --limit 1 'self-nomination does not mean' |
               sed -n 's|.*"path":"\([^"]*\)".*|\1|p')
start_server -d "$tmp/live.idx" --listen 127.0.0.1:0
live_pid=$pid
"$PYTHON" "$HTTP" --load 4 --threads 4 "$base/api/search?q=election&limit=20" \
    "$base/api/search?q=self-nomination+deposit" "$base/api/stats" "$base/healthz" \
    "$base/api/article?path=$live_article" >"$tmp/load.out" &
load_pid=$!
round=0
# at least three rounds, however slow the machine: the load may end first
while { kill -0 "$load_pid" 2>/dev/null || [ $round -lt 3 ]; } && [ $round -lt 40 ]; do
    round=$((round + 1))
    printf 'Live update %s about zqlive%s\n\nA zqlive passage written in round %s.\n' \
        "$round" "$round" "$round" >"$tmp/live/live-$round.txt"
    [ $round -gt 2 ] && rm -f "$tmp/live/live-$((round - 2)).txt"
    printf '\nEdited in round %s.\n' "$round" >>"$tmp/live/en-02-signatures-and-deposits.txt"
    "$INDEX" -q -d "$tmp/live.idx" "$tmp/live" 2>>"$tmp/live.err" || echo "index rc $?" >>"$tmp/live.err"
done
wait "$load_pid"
check "reindexing $round times during $(awk '{n += $2} END {print n}' "$tmp/load.out") requests: only 200s" \
    sh -c '[ -s "$0" ] && ! grep -v "^200 " "$0"' "$tmp/load.out"
check "the reindexing itself worked" sh -c '[ "$0" -gt 2 ] && [ ! -s "$1" ]' "$round" "$tmp/live.err"
expect "an article indexed while serving is found without a restart" 200 "/api/search?q=zqlive$round" \
    'len(d["results"]) == 1 and d["results"][0]["path"].endswith("/live-'"$round"'.txt")'
expect "a removed article is gone without a restart" 200 /api/search?q=zqlive1 'd["results"] == []'
run_expected
stop_server "$live_pid"

# ---- a missing index: 503 until it is built -----------------------------
start_server -d "$tmp/later.idx" --listen 127.0.0.1:0
later_pid=$pid
NO_INDEX="no index at $tmp/later.idx yet: run hustings-index -d $tmp/later.idx FOLDER"
check "no index: said at start, naming it and how to build it" \
    grep -qxF "hustings-serve: $NO_INDEX (serving anyway: the page and the API say so until it is built)" "$log"
expect "no index: /api/search 503, saying so" 503 '/api/search?q=election' \
    "$JSON_ERROR == '$NO_INDEX'"
expect "no index: /healthz 503, saying so" 503 /healthz "$JSON_ERROR == '$NO_INDEX'"
expect "no index: /api/stats 503, saying so" 503 /api/stats "$JSON_ERROR == '$NO_INDEX'"
expect "no index: /api/article 503, saying so" 503 "/api/article?path=$article" \
    "$JSON_ERROR == '$NO_INDEX'"
expect "no index: the page still loads" 200 /
run_expected
run "$INDEX" -d "$tmp/later.idx" "$CORPUS"
expect "once the index is built, it is served without a restart" 200 '/api/search?q=election' 'd["results"]'
run_expected
stop_server "$later_pid" INT
check "SIGINT: exit 0" test "$rc" -eq 0
# a shard of several missing: that one is named, quoted for a shell in the
# command (serve-http.py reads the message wanted from the environment)
NO_SHARD="no index at $tmp/it's later.idx yet: run hustings-index -d '$tmp/it'\\''s later.idx' FOLDER"
export NO_SHARD
start_server -d "$tmp/idx" -d "$tmp/it's later.idx" --listen 127.0.0.1:0
expect "a missing shard: named, and quoted for a shell in the command" 503 /healthz \
    "d['error'] == __import__('os').environ['NO_SHARD']"
run_expected
stop_server "$pid"
check "a missing shard: said at start too" grep -qxF \
    "hustings-serve: $NO_SHARD (serving anyway: the page and the API say so until it is built)" "$log"

# ---- a damaged index: /healthz fails with the searches, naming the repair --
# copies of an index of corpus/ with its docdata.glass (the passages' data)
# damaged three ways; every docdata.glass under the folder, should the
# index be made of several
run "$INDEX" -d "$tmp/sound.idx" "$CORPUS"
docdata=$(find "$tmp/sound.idx" -name docdata.glass)
check "the index has a docdata.glass" test -n "$docdata"
damage() { # NAME HOW: a copy of sound.idx, its docdata damaged by HOW
    cp -R "$tmp/sound.idx" "$tmp/$1.idx"
    find "$tmp/$1.idx" -name docdata.glass | while read -r f; do $2 "$f"; done
}
truncate_all() { : >"$1"; }
# every block but the root zeroed: the index opens and counts its
# passages (the postlist table), but no passage can be read; which block
# is the root is found by trying each
zero_leaves() {
    "$PYTHON" - "$1" "$QUERY" <<'PY'
import os, shutil, subprocess, sys
path, query = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
block = 8192
index = os.path.dirname(path)
for keep in range(len(data) // block):
    damaged = bytearray(len(data))
    damaged[keep * block:(keep + 1) * block] = data[keep * block:(keep + 1) * block]
    open(path, "wb").write(damaged)
    run = lambda *a: subprocess.run([query, "-d", index, *a], capture_output=True).returncode
    if run("--count", "election") == 0 and run("election") != 0:
        sys.exit(0)
open(path, "wb").write(data)
sys.exit("no block of %s is the root alone" % path)
PY
}
damage truncated truncate_all
damage leaves zero_leaves
damage removed rm
check "the damage: searches fail on each copy" sh -c \
    'for i in truncated leaves removed; do "$0" -d "$1/$i.idx" election >/dev/null 2>&1 && exit 1; done; exit 0' \
    "$QUERY" "$tmp"
check "the damage: the leaves copy still counts its passages" \
    sh -c '"$0" -d "$1" --count election >/dev/null 2>&1' "$QUERY" "$tmp/leaves.idx"
DAMAGED='h.get("content-type", "").startswith("application/json") and set(d) == {"error"}
and d["error"].startswith("index damaged: ") and d["error"].endswith("; rebuild it with hustings-index") and d["error"].count("rebuild") == 1'
for copy in truncated leaves; do # not $i: start_server counts with it
    start_server -d "$tmp/$copy.idx" --listen 127.0.0.1:0
    expect "docdata.glass $copy: /healthz 503, the index damaged, named, and the repair" 503 \
        /healthz "$DAMAGED and '$tmp/$copy.idx' in d['error']"
    expect "docdata.glass $copy: /api/search 503, the same" 503 '/api/search?q=election' \
        "$DAMAGED and '$tmp/$copy.idx' in d['error']"
    run_expected
    stop_server "$pid"
done
# without the table, Xapian reads every passage's data as empty: the
# library reports that as damage
start_server -d "$tmp/removed.idx" --listen 127.0.0.1:0
expect "docdata.glass removed: /healthz 503, the index damaged, named, and the repair" 503 \
    /healthz "$DAMAGED and '$tmp/removed.idx' in d['error']"
expect "docdata.glass removed: /api/search answers 503, the index damaged" 503 \
    '/api/search?q=election' "$DAMAGED"
run_expected
stop_server "$pid"

# ---- the token ----------------------------------------------------------
printf 's3cret-token\n' >"$tmp/token"
start_server -d "$tmp/idx" --listen 127.0.0.1:0 --token-file "$tmp/token"
token_pid=$pid
expect "--token: no Authorization, 401 with WWW-Authenticate: Bearer" 401 '/api/search?q=election' \
    "$JSON_ERROR and h['www-authenticate'].startswith('Bearer')"
expect "--token: a wrong token, 401" 401 '/api/search?q=election' "$JSON_ERROR" \
    -H 'Authorization: Bearer wrong'
expect "--token: a longer token, 401" 401 '/api/search?q=election' '' \
    -H 'Authorization: Bearer s3cret-token-and-more'
expect "--token: another scheme, 401" 401 '/api/search?q=election' '' \
    -H 'Authorization: Basic czNjcmV0LXRva2Vu'
expect "--token: the right token, 200" 200 '/api/search?q=election' 'd["results"]' \
    -H 'Authorization: Bearer s3cret-token'
expect "--token: white space around it is not part of it" 200 /healthz '' \
    -H 'Authorization: Bearer s3cret-token  '
expect "--token: /healthz needs it too" 401 /healthz
expect "--token: unknown paths say 401, not 404" 401 /nope
expect "--token: so do wrong methods" 401 /api/stats '' -X POST
expect "--token: and a path with a NUL byte" 401 /healthz%00
expect "--token: the page itself (no data in it) loads, and asks for the token" 200 /
run_expected
stop_server "$token_pid"
start_server -d "$tmp/idx" --listen 127.0.0.1:0 --token 'from-the-command-line'
check "--token is hidden from the process list" \
    sh -c '! grep -q "from-the-command-line" "/proc/$0/cmdline"' "$pid"
expect "--token TOKEN works (the scheme in any case)" 200 /healthz '' \
    -H 'Authorization: bearer from-the-command-line'
run_expected
stop_server "$pid"

# ---- the log, and SIGTERM -----------------------------------------------
check "--verbose logs one line per request" grep -q '^hustings-serve: GET /api/search 200 ' "$main_log"
check "but never the query" sh -c '! grep -q "self-nomination" "$0"' "$main_log"
# requests python's own client refuses to send: a method with ESC in it
# (the method is the client's too), and NUL bytes as sent, not as %00
# (libmicrohttpd before 1.0 takes them, and its C strings end there)
for line in 'G\033[2JT /zqmethod' 'GET /hustings.css\000.txt' 'GET /healthz?\000'; do
    printf "$line"' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >"$tmp/raw.req"
    "$PYTHON" "$HTTP" --raw "$tmp/raw.req" "$main_base"
done >"$tmp/raw.out"
check "a NUL byte in the request line, in the path or the query: 400, not what comes before it" \
    test "$(sed -n 2,3p "$tmp/raw.out" | tr '\n' ' ')" = "400 400 "
check "--verbose: CR LF in a path cannot start a line of its own" \
    sh -c '! grep -q "^hustings-serve: GET /forged" "$0"' "$main_log"
check "--verbose: it is written escaped, on the request's line" grep -qF \
    'hustings-serve: GET /zqforge\x0D\x0Ahustings-serve: GET /forged 200 1.0 ms 404 ' "$main_log"
check "--verbose: so are ESC, a backslash, C1 controls and bytes that are not UTF-8; UTF-8 stays" \
    grep -qF 'hustings-serve: GET /zqesc\x1B[31mred\\x\xC2\x9B\xFF'"д"' 404 ' "$main_log"
check "--verbose: and a method" grep -qF 'hustings-serve: G\x1B[2JT /zqmethod ' "$main_log"
check "--verbose: a path with a NUL byte is logged whole" \
    grep -qF 'hustings-serve: GET /hustings.css\x00.txt 404 ' "$main_log"
check "--verbose: the log holds no control character but line ends, and is UTF-8" "$PYTHON" -c '
import sys, unicodedata
text = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(any(unicodedata.category(c) == "Cc" and c != "\n" for c in text))' "$main_log"
stop_server "$main_pid"
check "SIGTERM: exit 0" test "$rc" -eq 0
check "saying it stops" grep -q 'SIGTERM: stopping' "$main_log"
finish
