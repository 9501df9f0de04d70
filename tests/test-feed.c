/* test-feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds, other XML, and
 * hostile XML: external entities (XXE) and entity expansion bombs. */
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "check.h"
#include "reader.h"
#include "tmpdir.h"

typedef struct result {
    hs_article_list list;
    hs_buf why;
    int rc;
} result;

static void read_feed(result *r, const char *xml)
{
    hs_article_list_clear(&r->list);
    hs_buf_reset(&r->why);
    r->rc = hs_read_articles("feed.xml", xml, strlen(xml), &r->list, &r->why);
}

static const hs_article *item(const result *r, size_t i)
{
    CHECK(i < r->list.n);
    return i < r->list.n ? r->list.items[i] : NULL;
}

/* Every field and passage of every article, for searching. */
static int anywhere(const result *r, const char *needle)
{
    for (size_t i = 0; i < r->list.n; i++) {
        const hs_article *a = r->list.items[i];
        const char *fields[] = { a->title, a->date, a->source, a->byline, a->lang, a->site,
                                 a->id };
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
            if (fields[f] && strstr(fields[f], needle))
                return 1;
        for (size_t p = 0; p < a->n_passages; p++)
            if (strstr(a->passages[p].text, needle))
                return 1;
    }
    return 0;
}

static size_t total_text(const result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->list.n; i++) {
        n += strlen(r->list.items[i]->title);
        for (size_t p = 0; p < r->list.items[i]->n_passages; p++)
            n += strlen(r->list.items[i]->passages[p].text);
    }
    return n;
}

static void check_passage(const hs_article *a, size_t i, unsigned paragraph, const char *text)
{
    CHECK(a && i < a->n_passages);
    if (!a || i >= a->n_passages)
        return;
    CHECK_INT(a->passages[i].paragraph, paragraph);
    CHECK_STR(a->passages[i].text, text);
}

static void test_rss(result *r)
{
    read_feed(r,
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
        "<title>Election Desk</title><link>https://example.kz/</link>"
        "<language>ru-KZ</language>"
        "<item><title>Candidates register &amp; campaign</title>"
        "<link> https://example.kz/a1 </link>"
        "<guid isPermaLink=\"false\">tag:example.kz,2023:a1</guid>"
        "<pubDate>Mon, 20 Feb 2023 23:30:00 +0600</pubDate>"
        "<dc:creator>Aigerim Sadykova</dc:creator>"
        "<description>Short summary.</description>"
        "<content:encoded><![CDATA[<p>First paragraph of the <b>story</b>.</p>"
        "<p>\xC2\xF2\xEE\xF0\xEE\xE9.</p><script>alert('x')</script>]]></content:encoded>"
        "</item>"
        "<item><title>Headline only</title><link>https://example.kz/a2</link>"
        "<author>desk@example.kz (Desk Editor)</author>"
        "<pubDate>Tue, 21 Feb 2023 09:30:00 GMT</pubDate></item>"
        "<item><title>Escaped</title><description>&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt;"
        "&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</description></item>"
        "<item><description>No title, no link, no guid.</description></item>"
        "<item><title></title></item>"
        "</channel></rss>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 4); /* the empty item is no article */
    const hs_article *a = item(r, 0);
    if (a) {
        CHECK_STR(a->format, "rss");
        CHECK_STR(a->path, "feed.xml");
        CHECK_STR(a->title, "Candidates register & campaign");
        CHECK_STR(a->source, "https://example.kz/a1");
        CHECK_STR(a->id, "tag:example.kz,2023:a1");
        CHECK_STR(a->date, "2023-02-20");
        CHECK_STR(a->byline, "Aigerim Sadykova");
        CHECK_STR(a->lang, "ru");
        CHECK_STR(a->site, "Election Desk");
        CHECK_INT(a->n_passages, 2);
        check_passage(a, 0, 1, "First paragraph of the story.");
        check_passage(a, 1, 2, "Второй.");
    }
    if ((a = item(r, 1))) {
        CHECK_STR(a->byline, "Desk Editor");
        CHECK_STR(a->id, "https://example.kz/a2"); /* no guid: the link */
        CHECK_INT(a->n_passages, 1);
        check_passage(a, 0, 0, "Headline only"); /* the headline is its text */
    }
    if ((a = item(r, 2))) {
        CHECK_STR(a->id, "Escaped"); /* no guid, no link: the title */
        check_passage(a, 0, 1, "Escaped HTML");
        check_passage(a, 1, 2, "Two");
    }
    if ((a = item(r, 3))) {
        CHECK_STR(a->title, "");
        CHECK_STR(a->id, "item 4");
    }
}

static void test_ids(result *r)
{
    read_feed(r, "<rss><channel>"
                 "<item><title>A</title><guid>same</guid><description>one</description></item>"
                 "<item><title>B</title><guid>other</guid><description>two</description></item>"
                 "<item><title>C</title><guid>same</guid><description>three</description></item>"
                 "<item><title>D</title><guid>same</guid><description>four</description></item>"
                 "</channel></rss>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 4);
    const char *want[] = { "same", "other", "same#2", "same#3" };
    for (size_t i = 0; i < 4 && i < r->list.n; i++)
        CHECK_STR(r->list.items[i]->id, want[i]);
    /* an item without a link: its guid is its address, unless it says
     * isPermaLink="false" or is no web address */
    read_feed(r, "<rss><channel>"
                 "<item><title>A</title><guid>https://x.example/a</guid><description>1"
                 "</description></item>"
                 "<item><title>B</title><guid isPermaLink=\"false\">https://x.example/b</guid>"
                 "<description>2</description></item>"
                 "<item><title>C</title><guid>tag:x.example,2023:c</guid><description>3"
                 "</description></item></channel></rss>");
    CHECK_INT(r->list.n, 3);
    const char *sources[] = { "https://x.example/a", NULL, NULL };
    for (size_t i = 0; i < 3 && i < r->list.n; i++)
        CHECK_STR(r->list.items[i]->source, sources[i]);
}

static void test_atom(result *r)
{
    read_feed(r,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-US\">"
        "<title>Atom Desk</title><author><name>The Desk</name></author>"
        "<entry><title type=\"html\">Turnout &lt;em&gt;rises&lt;/em&gt;</title>"
        "<link rel=\"self\" href=\"https://example.org/t1.atom\"/>"
        "<link rel=\"alternate\" href=\"https://example.org/t1\"/>"
        "<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>"
        "<updated>2023-03-20T08:00:00Z</updated>"
        "<published>2023-03-19T21:00:00+06:00</published>"
        "<author><name>A. Writer</name></author><author><name>B. Writer</name></author>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<p>Turnout was <b>high</b>.</p><ul><li>Second.</li></ul></div></content></entry>"
        "<entry xml:lang=\"kk\"><title>Plain &lt;tags&gt; stay</title><id>e2</id>"
        "<updated>2023-03-21T08:00:00Z</updated>"
        "<summary>Line one.\n\nLine &lt;two&gt; after a blank.</summary></entry>"
        "<entry><title>HTML content</title><id>e3</id>"
        "<content type=\"html\">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</content></entry>"
        "</feed>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 3);
    const hs_article *a = item(r, 0);
    if (a) {
        CHECK_STR(a->format, "atom");
        CHECK_STR(a->title, "Turnout rises");
        CHECK_STR(a->source, "https://example.org/t1");
        CHECK_STR(a->id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        CHECK_STR(a->date, "2023-03-19"); /* published before updated */
        CHECK_STR(a->byline, "A. Writer, B. Writer");
        CHECK_STR(a->lang, "en");
        CHECK_STR(a->site, "Atom Desk");
        check_passage(a, 0, 1, "Turnout was high.");
        check_passage(a, 1, 2, "Second.");
    }
    if ((a = item(r, 1))) {
        CHECK_STR(a->byline, "The Desk"); /* the feed's author stands in */
        CHECK_STR(a->title, "Plain <tags> stay");
        CHECK_STR(a->lang, "kk");
        CHECK_STR(a->date, "2023-03-21");
        CHECK_STR(a->source, NULL);
        check_passage(a, 0, 1, "Line one.");
        check_passage(a, 1, 2, "Line <two> after a blank.");
    }
    if ((a = item(r, 2))) {
        check_passage(a, 0, 1, "One");
        check_passage(a, 1, 2, "Two");
    }
}

static void test_rdf(result *r)
{
    read_feed(r,
        "<?xml version=\"1.0\"?>"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel rdf:about=\"http://example.com/\"><title>RDF Site</title>"
        "<link>http://example.com/</link><dc:language>de-AT</dc:language></channel>"
        "<item rdf:about=\"http://example.com/1\"><title>RDF item</title>"
        "<link>http://example.com/1</link><description>RDF body text.</description>"
        "<dc:date>2023-01-05T10:00:00+01:00</dc:date><dc:creator>Max</dc:creator></item>"
        "</rdf:RDF>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 1);
    const hs_article *a = item(r, 0);
    if (a) {
        CHECK_STR(a->format, "rss");
        CHECK_STR(a->title, "RDF item");
        CHECK_STR(a->id, "http://example.com/1");
        CHECK_STR(a->date, "2023-01-05");
        CHECK_STR(a->byline, "Max");
        CHECK_STR(a->site, "RDF Site");
        CHECK_STR(a->lang, "de");
        check_passage(a, 0, 1, "RDF body text.");
    }
}

static void test_malformed(result *r)
{
    read_feed(r, "<rss version=\"2.0\"><channel><item><title>broken</item></channel>");
    CHECK_INT(r->rc, -1);
    CHECK_INT(r->list.n, 0);
    CHECK_STR(hs_buf_str(&r->why), "malformed XML (line 1): Opening and ending tag mismatch: "
                                   "title line 1 and item");
    /* HTML's named characters, undefined in XML, are read as HTML reads
     * them; an entity HTML does not know either is still an error */
    read_feed(r, "<rss><channel><item><title>Vote&nbsp;count &mdash; &eacute;lu &amp; "
                 "&#233;</title><description>Body &hellip;</description></item>"
                 "<item><title>Two</title><description>&lt;p&gt;a&amp;nbsp;b&lt;/p&gt;"
                 "</description></item></channel></rss>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 2);
    if (item(r, 0)) {
        CHECK_STR(item(r, 0)->title, "Vote\xC2\xA0" "count — élu & é");
        check_passage(item(r, 0), 0, 1, "Body …");
    }
    if (item(r, 1))
        check_passage(item(r, 1), 0, 1, "a\xC2\xA0" "b");
    read_feed(r, "<rss><channel><item><title>a &nosuch; b</title></item></channel></rss>");
    CHECK_INT(r->rc, -1);
    CHECK_STR(hs_buf_str(&r->why), "malformed XML (line 1): Entity 'nosuch' not defined");
    read_feed(r, "<rss><channel><title>Empty</title></channel></rss>");
    CHECK_INT(r->rc, -1);
    CHECK_STR(hs_buf_str(&r->why), "feed has no items with text");
    /* cut short inside the last item: the items before it are read */
    read_feed(r, "<rss><channel><item><title>Whole</title><description>Text one."
                 "</description></item><item><title>Cut sh");
    CHECK_INT(r->rc, 0);
    CHECK(r->list.n >= 1);
    if (item(r, 0))
        CHECK_STR(item(r, 0)->title, "Whole");
    CHECK_STR(hs_buf_str(&r->why), "cut short (line 1): read up to there");
    read_feed(r, "<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<item>\x01</item></channel></rss>");
    CHECK_INT(r->rc, -1);
    CHECK(strncmp(hs_buf_str(&r->why), "malformed XML (line 4): ", 24) == 0);
}

/* ---- hostile XML -------------------------------------------------------- */

#define SECRET "SECRET-d41d8cd98f00b204"

static void test_xxe(result *r)
{
    char *dir = tmpdir_make();
    char *secret = tmpdir_write(dir, "secret.txt", SECRET "\n", strlen(SECRET) + 1);
    char *dtd_text = NULL;
    hs_buf dtd = HS_BUF_INIT, xml = HS_BUF_INIT;
    hs_buf_printf(&dtd, "<!ENTITY leak SYSTEM \"file://%s\">", secret);
    dtd_text = tmpdir_write(dir, "evil.dtd", dtd.data, dtd.len);

    /* an external general entity, in text and in an attribute's place */
    hs_buf_printf(&xml,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file://%s\"> "
        "<!ENTITY plain \"plain words\"> ]>\n<rss version=\"2.0\"><channel><title>&xxe;"
        "</title><item><title>T &xxe;</title><link>&xxe;</link><description>Body &xxe; "
        "and &plain;.</description><guid>&xxe;</guid></item></channel></rss>", secret);
    read_feed(r, xml.data);
    CHECK(!anywhere(r, SECRET));
    if (r->rc == 0) {
        CHECK(anywhere(r, "plain words")); /* plain internal entities still read */
        CHECK(anywhere(r, "Body"));
    }

    /* an external parameter entity and an external DTD subset */
    hs_buf_reset(&xml);
    hs_buf_printf(&xml,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY %% dtd SYSTEM \"file://%s\"> "
        "%%dtd; ]>\n<rss><channel><item><title>T &leak;</title><description>B &leak;"
        "</description></item></channel></rss>", dtd_text);
    read_feed(r, xml.data);
    CHECK(!anywhere(r, SECRET));
    hs_buf_reset(&xml);
    hs_buf_printf(&xml,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"file://%s\">\n<rss><channel><item>"
        "<title>T &leak;</title><description>B &leak;</description></item></channel></rss>",
        dtd_text);
    read_feed(r, xml.data);
    CHECK(!anywhere(r, SECRET));

    /* and through the generic XML reader */
    hs_buf_reset(&xml);
    hs_buf_printf(&xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [ <!ENTITY xxe SYSTEM "
                        "\"file://%s\"> ]>\n<doc><title>&xxe;</title><p>Text &xxe;</p></doc>",
                  secret);
    read_feed(r, xml.data);
    CHECK(!anywhere(r, SECRET));

    /* and through the HTML reader, for pages that declare entities */
    hs_buf_reset(&xml);
    hs_buf_printf(&xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE html [ <!ENTITY xxe SYSTEM "
                        "\"file://%s\"> ]>\n<html><head><title>&xxe;</title></head><body>"
                        "<p>Text &xxe; of the page.</p></body></html>", secret);
    read_feed(r, xml.data);
    CHECK_INT(r->rc, 0);
    CHECK(!anywhere(r, SECRET));

    /* nothing was written or fetched over the network either: NONET */
    hs_buf_reset(&xml);
    hs_buf_puts(&xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM "
                      "\"http://192.0.2.1/evil.dtd\">\n<rss><channel><item><title>Net</title>"
                      "<description>Offline.</description></item></channel></rss>");
    clock_t start = clock();
    read_feed(r, xml.data);
    CHECK((double)(clock() - start) / CLOCKS_PER_SEC < 2);
    CHECK_INT(r->rc, 0);

    hs_buf_free(&dtd);
    hs_buf_free(&xml);
    free(secret);
    free(dtd_text);
    tmpdir_remove(dir);
}

/* Peak resident memory so far, in KiB. */
static long peak_kib(void)
{
    struct rusage u;
    return getrusage(RUSAGE_SELF, &u) == 0 ? u.ru_maxrss : 0;
}

static void test_entity_bombs(result *r)
{
    long before = peak_kib();
    /* billion laughs: ten levels of ten references */
    hs_buf xml = HS_BUF_INIT;
    hs_buf_puts(&xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        hs_buf_printf(&xml, " <!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            hs_buf_printf(&xml, i == 1 ? "&lol;" : "&lol%d;", i - 1);
        hs_buf_puts(&xml, "\">\n");
    }
    hs_buf_puts(&xml, "]>\n<rss><channel><item><title>x</title><description>&lol9;"
                      "</description></item></channel></rss>");
    clock_t start = clock();
    read_feed(r, xml.data);
    double took = (double)(clock() - start) / CLOCKS_PER_SEC;
    CHECK(took < 2);
    CHECK(peak_kib() - before < 100 * 1024); /* far from 3 GB of "lol" */
    CHECK(total_text(r) < 10000); /* refused, or read without expanding */
    if (r->rc < 0)
        CHECK(strstr(hs_buf_str(&r->why), "malformed XML") != NULL);

    /* a smaller bomb libxml2 lets through is still not expanded */
    hs_buf_reset(&xml);
    hs_buf_puts(&xml, "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                      "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                      "<rss><channel><item><title>t</title><description>&c;&c;&c;&c;"
                      "</description></item></channel></rss>");
    read_feed(r, xml.data);
    CHECK(total_text(r) < 1000);

    /* quadratic blowup: one large plain entity referenced many times adds
     * no more than the document's own size */
    hs_buf_reset(&xml);
    hs_buf_puts(&xml, "<!DOCTYPE rss [<!ENTITY big \"");
    for (int i = 0; i < 20000; i++)
        hs_buf_puts(&xml, "word ");
    hs_buf_puts(&xml, "\">]><rss><channel><item><title>t</title><description>");
    for (int i = 0; i < 2000; i++)
        hs_buf_puts(&xml, "&big;");
    hs_buf_puts(&xml, "</description></item></channel></rss>");
    start = clock();
    read_feed(r, xml.data);
    took = (double)(clock() - start) / CLOCKS_PER_SEC;
    CHECK(took < 5);
    CHECK(total_text(r) <= 2 * xml.len);
    hs_buf_free(&xml);
}

/* ---- other XML ------------------------------------------------------------ */

static void test_xml(result *r)
{
    read_feed(r, "<?xml version=\"1.0\"?>\n<article xml:lang=\"ru-RU\"><info>"
                 "<title>Выборы в Мажилис</title><author>Иван Петров</author>"
                 "<date>2023-03-19</date></info><section><para>Первый абзац о "
                 "<emphasis>выборах</emphasis> и кандидатах.</para><para>Второй абзац."
                 "</para></section><record><name>Bob</name><votes>12</votes></record>"
                 "</article>");
    CHECK_INT(r->rc, 0);
    const hs_article *a = item(r, 0);
    if (a) {
        CHECK_STR(a->format, "xml");
        CHECK_STR(a->title, "Выборы в Мажилис");
        CHECK_STR(a->byline, "Иван Петров");
        CHECK_STR(a->date, "2023-03-19");
        CHECK_STR(a->lang, "ru");
        CHECK_INT(a->n_passages, 4);
        check_passage(a, 0, 1, "Первый абзац о выборах и кандидатах.");
        check_passage(a, 1, 2, "Второй абзац.");
        check_passage(a, 2, 3, "Bob");
        check_passage(a, 3, 4, "12");
    }
    read_feed(r, "<?xml version=\"1.0\"?><empty><nothing/></empty>");
    CHECK_INT(r->rc, -1);
    CHECK_STR(hs_buf_str(&r->why), "no article text found");

    /* an export of records: one article each, with its own metadata */
    read_feed(r, "<?xml version=\"1.0\"?>\n<export><articles xml:lang=\"en\">"
                 "<article id=\"101\"><headline>Final list published</headline>"
                 "<date>2023-02-25</date><author>Aigerim Sadykova</author>"
                 "<url>https://steppe.example/101</url><body><p>The commission published "
                 "the list.</p><p>It has 281 names.</p></body></article>"
                 "<article><headline>Silence begins</headline><date>2023-03-18</date>"
                 "<link>https://steppe.example/102</link><body><p>Campaigning ended at "
                 "midnight.</p></body></article>"
                 "<article xml:lang=\"ru\"><headline>Только заголовок</headline></article>"
                 "<article id=\"101\"><headline>Same id again</headline><p>Text.</p></article>"
                 "</articles></export>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 4);
    if ((a = item(r, 0))) {
        CHECK_STR(a->id, "101");
        CHECK_STR(a->title, "Final list published");
        CHECK_STR(a->date, "2023-02-25");
        CHECK_STR(a->byline, "Aigerim Sadykova");
        CHECK_STR(a->source, "https://steppe.example/101");
        CHECK_STR(a->lang, "en");
        CHECK_INT(a->n_passages, 2);
        check_passage(a, 1, 2, "It has 281 names.");
    }
    if ((a = item(r, 1))) {
        CHECK_STR(a->id, "https://steppe.example/102");
        CHECK_STR(a->title, "Silence begins");
        CHECK_STR(a->date, "2023-03-18");
        CHECK_STR(a->byline, NULL);
        CHECK_INT(a->n_passages, 1);
        check_passage(a, 0, 1, "Campaigning ended at midnight.");
    }
    if ((a = item(r, 2))) {
        CHECK_STR(a->id, "Только заголовок");
        CHECK_STR(a->lang, "ru");
        CHECK_INT(a->n_passages, 1); /* a headline alone is its text */
        check_passage(a, 0, 0, "Только заголовок");
    }
    if ((a = item(r, 3)))
        CHECK_STR(a->id, "101#2");
    /* a chapter with titled sections is one article: it has a title and
     * text of its own */
    read_feed(r, "<chapter><title>Elections</title><para>The intro.</para>"
                 "<section><title>Registration</title><para>Lists close.</para></section>"
                 "<section><title>Voting</title><para>Polls open.</para></section></chapter>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 1);
    if ((a = item(r, 0))) {
        CHECK_STR(a->title, "Elections");
        CHECK(a->n_passages >= 3);
    }
    /* records share the document's entity allowance: an entity used in
     * every record does not multiply the text by the records */
    hs_buf big = HS_BUF_INIT;
    hs_buf_puts(&big, "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x \"");
    for (int i = 0; i < 2000; i++)
        hs_buf_puts(&big, "word ");
    hs_buf_puts(&big, "\">]><e>");
    for (int i = 0; i < 500; i++)
        hs_buf_printf(&big, "<rec><title>t%d</title><p>Intro &x;</p></rec>", i);
    hs_buf_puts(&big, "</e>");
    read_feed(r, big.data);
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 500);
    size_t text = 0;
    for (size_t i = 0; i < r->list.n; i++)
        for (size_t j = 0; j < r->list.items[i]->n_passages; j++)
            text += strlen(r->list.items[i]->passages[j].text);
    CHECK(text < 2 * big.len); /* not 500 x 10,000 bytes */
    hs_buf_free(&big);

    /* one record, or records without titles: one article */
    read_feed(r, "<export><row><headline>Only one</headline><p>Text one.</p></row>"
                 "<row><p>Untitled.</p></row></export>");
    CHECK_INT(r->rc, 0);
    CHECK_INT(r->list.n, 1);
    if ((a = item(r, 0))) {
        CHECK_STR(a->id, NULL);
        CHECK_STR(a->title, "Only one");
        CHECK_INT(a->n_passages, 2);
    }

    /* 200,000 nested elements: libxml2's depth limit refuses them quickly */
    hs_buf xml = HS_BUF_INIT;
    for (int i = 0; i < 200000; i++)
        hs_buf_puts(&xml, "<x>");
    clock_t start = clock();
    read_feed(r, xml.data);
    CHECK((double)(clock() - start) / CLOCKS_PER_SEC < 2);
    CHECK_INT(r->rc, -1);
    CHECK(strncmp(hs_buf_str(&r->why), "malformed XML", 13) == 0);
    hs_buf_free(&xml);
}

int main(void)
{
    result r = { HS_ARTICLE_LIST_INIT, HS_BUF_INIT, 0 };
    test_rss(&r);
    test_ids(&r);
    test_atom(&r);
    test_rdf(&r);
    test_malformed(&r);
    test_xxe(&r);
    test_entity_bombs(&r);
    test_xml(&r);
    hs_article_list_clear(&r.list);
    hs_buf_free(&r.why);
    return check_done();
}
