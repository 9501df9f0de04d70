#!/bin/sh
# Real-world and hostile files through hustings-index: HTML, feeds and XML
# are read; broken and hostile files are named with a reason, the run goes
# on, nothing leaks into the index, and the exit status says files were
# skipped.
. "${top_srcdir:-.}/tests/lib.sh"

in="$tmp/in"
mkdir -p "$in"
secret="$tmp/secret.txt"
echo "TOPSECRETPAYLOAD from a local file" >"$secret"

# ordinary inputs of each format
cat >"$in/page.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Six candidates debate air pollution in Almaty - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-02-28T19:00:00+06:00">
<link rel="canonical" href="https://example.kz/debate"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Six candidates debate air pollution in Almaty</h1><p class="byline">By Aigerim Sadykova</p>
<p>Six self-nominated candidates met voters in Almaty on Tuesday evening to debate air pollution, housing and mudflow defences.</p>
<p>The debate, the first of the campaign, drew more than three hundred people to a school hall.</p></article>
<footer>Copyright Example News. Cookie settings.</footer><script>var tracking = "SCRIPTCONTENT";</script></body></html>
HTML
cat >"$in/feed.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Election Desk</title><language>en</language>
<item><title>Turnout rises in Astana</title><link>https://example.kz/turnout</link><guid>t1</guid>
<pubDate>Sun, 19 Mar 2023 21:00:00 +0600</pubDate><description>&lt;p&gt;Turnout in Astana rose above sixty percent by evening.&lt;/p&gt;</description></item>
<item><title>Observers publish interim report</title><guid>t2</guid><description>The observers said voting was orderly in most polling stations they visited.</description></item>
</channel></rss>
RSS
cat >"$in/feed.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Recount ordered</title><id>urn:a1</id><updated>2023-03-23T10:00:00Z</updated>
<content type="html">&lt;p&gt;A recount was ordered at twelve polling stations in Almaty.&lt;/p&gt;</content></entry></feed>
ATOM
printf '<?xml version="1.0"?><report><headline>Maslikhat results</headline><para>Maslikhat seats were filled in every region of the country.</para></report>\n' >"$in/report.xml"
# a feed saved with a .txt name is still a feed (content decides)
cp "$in/feed.atom" "$in/atom-saved-as.txt"

# hostile and broken inputs
cat >"$in/xxe.xml" <<XXE
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://$secret">]>
<rss version="2.0"><channel><title>X</title><item><title>Leak attempt</title><description>Before &leak; after</description></item></channel></rss>
XXE
cat >"$in/xxe-page.html" <<XXE
<!DOCTYPE html [<!ENTITY leak SYSTEM "file://$secret">]><html><body><p>Page text &leak; here about ballots and voters.</p></body></html>
XXE
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    prev=lol
    for i in 1 2 3 4 5 6 7 8 9; do
        printf '<!ENTITY lol%s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">' $i $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
        prev=lol$i
    done
    printf ']>\n<rss version="2.0"><channel><item><title>Laughs</title><description>&%s;</description></item></channel></rss>\n' $prev
} >"$in/laughs.xml"
printf '<html><body><p>Truncated page about the recount of ballots in Astan' >"$in/truncated.html"
"$PYTHON" -c 'import sys; sys.stdout.write("<html><body>" + "<div>" * 200000 + "<p>Deep text about ballots.</p>" + "</div>" * 200000 + "</body></html>")' >"$in/nested.html"
printf 'Title\n\nBinary \000 inside\n' >"$in/nul.txt"
"$PYTHON" -c 'import sys; sys.stdout.buffer.write(bytes(range(1, 32)) * 40)' >"$in/control.txt"
: >"$in/empty.html"
printf 'Bad bytes \377\376 in the headline\n\nA paragraph with \303 a broken letter about turnout.\n' >"$in/invalid.txt"
truncate -s 200M "$in/huge.txt"
mkfifo "$in/fifo.txt"
cp "$CORPUS/en-01-self-nomination-returns.txt" "$in/unreadable.txt"
chmod 000 "$in/unreadable.txt"
mkdir "$in/loop"
ln -s "$in/loop" "$in/loop/again"

# as root, a file mode does not stop reading: drop to nobody when we can
as_user=""
mkdir "$tmp/w"
idx="$tmp/w/idx"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
    chmod -R a+rX "$tmp" && chmod 777 "$tmp/w" && chmod 000 "$in/unreadable.txt"
    # the build tree may be out of nobody's reach (a private clone)
    $as_user "$INDEX" --version >/dev/null 2>&1 || as_user=""
fi
can_deny=1
[ "$(id -u)" -eq 0 ] && [ -z "$as_user" ] && can_deny=0

run $as_user "$INDEX" -d "$idx" --follow "$in"
check "exit 1: some files were skipped" test "$rc" -eq 1
cp "$tmp/err" "$tmp/index.err"
named() { grep -q "^hustings-index: $in/$1: $2" "$tmp/index.err"; }
check "billion laughs is refused with a reason" named laughs.xml "malformed XML"
check "a file with NUL bytes is named" named nul.txt "binary file (NUL bytes)"
check "a file of control bytes is named" named control.txt "binary file"
check "an empty file is named" named empty.html "empty file"
check "a 200 MB file is over the size cap" named huge.txt "larger than 67108864 bytes"
check "a FIFO is named" named fifo.txt "not a regular file"
if [ $can_deny -eq 1 ]; then
    check "an unreadable file is named" named unreadable.txt "Permission denied"
else
    echo "note: as root, with the build out of nobody's reach, no file is unreadable" >&2
    check "the unreadable-looking file is read as root" sh -c "! grep -q unreadable.txt '$tmp/index.err'"
fi
check "a symbolic link loop is named" named loop/again "symbolic link loop"

run "$QUERY" -d "$idx" --dump
dump="$tmp/out"
check "the HTML page is indexed" grep -q "Six self-nominated candidates met voters in Almaty" "$dump"
check "its navigation is not" sh -c "! grep -q 'Politics' '$dump'"
check "its script is not" sh -c "! grep -q SCRIPTCONTENT '$dump'"
check "its footer is not" sh -c "! grep -q 'Cookie settings' '$dump'"
check "each RSS item is an article" grep -q "Turnout in Astana rose above sixty percent" "$dump"
check "the second RSS item too" grep -q "The observers said voting was orderly" "$dump"
check "the Atom entry is indexed" grep -q "A recount was ordered at twelve polling stations" "$dump"
check "a feed named .txt is read as a feed" grep -q "\"path\":\"$in/atom-saved-as.txt\".*A recount was ordered" "$dump"
check "other XML is indexed" grep -q "Maslikhat seats were filled" "$dump"
check "a truncated page is indexed" grep -q "Truncated page about the recount" "$dump"
check "a page of 200,000 nested divs is named, and the run goes on" named nested.html "no article text found"
check "invalid UTF-8 is replaced" grep -q "A paragraph with $(printf '\357\277\275') a broken letter" "$dump"
check "no external entity is expanded into the index" sh -c "! grep -q TOPSECRETPAYLOAD '$dump'"
check "the XXE feed itself is still indexed" grep -q "Leak attempt" "$dump"

run "$QUERY" -d "$idx" --json 'Candidates debate'
check "HTML metadata: title without the site suffix" json_true 'rows[0]["title"] == "Six candidates debate air pollution in Almaty"'
check "HTML metadata: date, site, source" json_true 'rows[0]["date"] == "2023-02-28" and rows[0]["site"] == "Example News" and rows[0]["source"] == "https://example.kz/debate"'
run "$QUERY" -d "$idx" --json 'title:turnout'
check "feed metadata: link and date" json_true 'rows[0]["source"] == "https://example.kz/turnout" and rows[0]["date"] == "2023-03-19"'

# re-indexing a changed feed updates its items, never duplicates them
sed 's/rose above sixty percent/rose above seventy percent/' "$in/feed.rss" >"$tmp/feed.new"
mv "$tmp/feed.new" "$in/feed.rss"
chmod a+r "$in/feed.rss"
run $as_user "$INDEX" -d "$idx" --follow "$in"
run "$QUERY" -d "$idx" --dump
check "the changed item is updated" grep -q "rose above seventy percent" "$tmp/out"
check "and not duplicated" test "$(grep -c 'Turnout in Astana rose' "$tmp/out")" -eq 1

# --extract shows why a page was indexed the way it was
run "$INDEX" --extract "$in/page.html"
check "--extract prints the article as JSON" json_true 'rows[0]["format"] == "html" and rows[0]["lang"] == "en" and rows[0]["byline"] and rows[0]["date"].startswith("2023-02-28T19:00:00") and len(rows[0]["passages"]) >= 2'
run "$INDEX" --extract "$in/feed.rss"
check "--extract prints one line per feed item" json_true 'len(rows) == 2 and rows[0]["id"] == "t1" and rows[0]["format"] == "rss"'
run "$INDEX" --extract "$in/nul.txt"
check "--extract of a binary file exits 1 with the reason" sh -c "[ $rc -eq 1 ] && grep -q 'binary file' '$tmp/err'"
finish
