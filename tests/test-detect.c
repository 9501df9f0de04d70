/* test-detect.c - hs_detect_format, hs_read_articles' dispatch and refusals,
 * and the five BBC articles that file(1) takes for binary formats. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "check.h"
#include "reader.h"
#include "readfile.h"

static hs_format detect(const char *path, const char *s)
{
    return hs_detect_format(path, s, strlen(s));
}

#define CHECK_FORMAT(path, s, want) CHECK_STR(hs_format_name(detect(path, s)), want)

static void test_text(void)
{
    CHECK_INT(hs_detect_format("a.txt", NULL, 0), HS_FORMAT_TEXT);
    CHECK_FORMAT("a.txt", "Headline\n\nBody text.\n", "text");
    CHECK_FORMAT("a.txt", "\xEF\xBB\xBFHeadline\n\nBody.\n", "text");
    CHECK_FORMAT("a.txt", "Candidates <Reuters> said\n\nmore", "text");
    CHECK_FORMAT("a.txt", "a < b and c > d", "text");
    /* form feeds and escapes in real text are not binary */
    CHECK_FORMAT("a.txt", "Page one\f\nPage two \x1B[1mbold\x1B[0m\n", "text");
    /* a Cyrillic legacy encoding is text, however invalid as UTF-8 */
    CHECK_FORMAT("a.txt", "\xC2\xFB\xE1\xEE\xF0\xFB \xE2 \xCC\xE0\xE6\xE8\xEB\xE8\xF1\n", "text");
}

static void test_binary(void)
{
    static const char nul[] = "Headline\n\nBody\0with a NUL";
    CHECK_INT(hs_detect_format("a.txt", nul, sizeof nul - 1), HS_FORMAT_BINARY);
    static const char control[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11" "abc";
    CHECK_FORMAT("a.txt", control, "binary");
    /* UTF-16 is not binary for its NUL bytes: what it says decides */
    static const char utf16_html[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";
    CHECK_INT(hs_detect_format("a", utf16_html, sizeof utf16_html - 1), HS_FORMAT_HTML);
    static const char utf16_text[] = "\xFE\xFF\0H\0i\0\n";
    CHECK_INT(hs_detect_format("a", utf16_text, sizeof utf16_text - 1), HS_FORMAT_TEXT);
    /* random bytes without a NUL among them: control bytes and invalid
     * UTF-8 together; the same share of control bytes in UTF-8 is text */
    static const char noise[] = "\x8f\x13\xe2\x91\x7c\x05\xb3\xfa\x41\x9e\x17\xc8\x66\xd1"
                                "\x02\x9b\xee\x58\xa4\x1f\x73\xc0\xbd\x34\x88\x0b\xf5\x6e";
    CHECK_INT(hs_detect_format("a.txt", noise, sizeof noise - 1), HS_FORMAT_BINARY);
    CHECK_FORMAT("a.txt", "Head\x02line\n\nBody\x03 text \xd0\x96\x01.\n", "text");
    /* the extension cannot make binary data text */
    CHECK_INT(hs_detect_format("page.html", nul, sizeof nul - 1), HS_FORMAT_BINARY);
}

static void test_html(void)
{
    CHECK_FORMAT("a.bin", "<!DOCTYPE html><html><body>x</body></html>", "html");
    CHECK_FORMAT("a.txt", "<!doctype HTML>\n<p>x", "html");
    CHECK_FORMAT("a", "<html lang=en><head><title>t</title></head></html>", "html");
    CHECK_FORMAT("a", "\xEF\xBB\xBF  <!-- saved page -->\n<html>", "html");
    CHECK_FORMAT("a.txt", "<p>A paragraph</p>\n<p>Another</p>", "html");
    CHECK_FORMAT("a", "<head><meta charset=utf-8><title>t</title></head>", "html");
    CHECK_FORMAT("a", "<div class=\"story\">Text</div>", "html");
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0"
                      " Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
                 "html");
    CHECK_FORMAT("a.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                          "<body/></html>", "html");
    /* text with markup inside: the extension breaks the tie */
    CHECK_FORMAT("story.html", "Headline\n\n<p>Body</p>", "html");
    CHECK_FORMAT("story.txt", "Headline\n\n<p>Body</p>", "text");
}

static void test_feeds_and_xml(void)
{
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "rss");
    CHECK_FORMAT("a.txt", "<rss version=\"2.0\"><channel></channel></rss>", "rss");
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?><!-- c --><rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>",
                 "rss");
    CHECK_FORMAT("a", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>",
                 "atom");
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?>\n<feed xmlns='http://purl.org/atom/ns#'>", "atom");
    CHECK_FORMAT("a", "<feed><item/></feed>", "xml");
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?><note><to>Tove</to></note>", "xml");
    CHECK_FORMAT("a", "<note><to>Tove</to></note>\n", "xml");
    CHECK_FORMAT("a", "<?xml version=\"1.0\"?>\n<!DOCTYPE note [ <!ENTITY a \"b>c\"> ]>\n"
                      "<note>&a;</note>", "xml");
    CHECK_FORMAT("export.xml", "<record>unfinished", "xml");
}

static void test_names(void)
{
    CHECK_STR(hs_format_name(HS_FORMAT_TEXT), "text");
    CHECK_STR(hs_format_name(HS_FORMAT_HTML), "html");
    CHECK_STR(hs_format_name(HS_FORMAT_RSS), "rss");
    CHECK_STR(hs_format_name(HS_FORMAT_ATOM), "atom");
    CHECK_STR(hs_format_name(HS_FORMAT_XML), "xml");
    CHECK_STR(hs_format_name(HS_FORMAT_BINARY), "binary");
}

/* ---- hs_read_articles ------------------------------------------------- */

/* The reason data is refused, or the formats of the articles read. */
static const char *read_result(const char *path, const char *data, size_t len, char *out,
                               size_t cap)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT;
    hs_read_status st = hs_read_articles(path, data, len, &list, &why);
    if (st != HS_READ_OK) {
        CHECK_INT(st, HS_READ_BAD); /* none of these runs out of memory */
        snprintf(out, cap, "refused: %s", hs_buf_str(&why));
        CHECK_INT(list.n, 0);
    } else {
        out[0] = '\0';
        for (size_t i = 0; i < list.n; i++) {
            CHECK(list.items[i]->format != NULL);
            CHECK_STR(list.items[i]->path, path);
            size_t used = strlen(out);
            snprintf(out + used, cap - used, "%s%s", i ? "," : "", list.items[i]->format);
        }
    }
    hs_article_list_clear(&list);
    hs_buf_free(&why);
    return out;
}

#define CHECK_READ(path, data, len, want)                                   \
    do {                                                                    \
        char got_[256];                                                     \
        CHECK_STR(read_result(path, data, len, got_, sizeof got_), want);   \
    } while (0)
#define CHECK_READ_STR(path, s, want) CHECK_READ(path, s, strlen(s), want)

static void test_dispatch(void)
{
    static const char nul[] = "Text\0more";
    CHECK_READ("a.txt", nul, sizeof nul - 1, "refused: binary file (NUL bytes)");
    CHECK_READ_STR("a.txt", "\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F", "refused: binary file");
    CHECK_READ("a.txt", "", 0, "refused: empty file");
    CHECK_READ_STR("a.txt", "Headline\n\nBody.", "text");
    CHECK_READ_STR("a.html", "<html><body><p>Body text.</p></body></html>", "html");
    CHECK_READ_STR("a.xml", "<rss version=\"2.0\"><channel><item><title>t</title>"
                            "<description>d</description></item><item><title>u</title>"
                            "</item></channel></rss>", "rss,rss");
    CHECK_READ_STR("a.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t"
                            "</title><id>1</id><content>c</content></entry></feed>", "atom");
    CHECK_READ_STR("a.xml", "<doc><p>Some text.</p></doc>", "xml");
    CHECK_READ_STR("a.xml", "<doc><p>Unclosed</doc>",
                   "refused: malformed XML (line 1): Opening and ending tag mismatch: p line 1 "
                   "and doc");

    /* UTF-16 has NUL bytes by nature and is still text or a page */
    static const char utf16_html[] = "\xFF\xFE<\0p\0>\0H\0i\0<\0/\0p\0>\0";
    CHECK_READ("a.html", utf16_html, sizeof utf16_html - 1, "html");
    static const char utf16_text[] = "\xFE\xFF\0T\0i\0t\0l\0e\0\n\0\n\0B\0o\0d\0y";
    CHECK_READ("a.txt", utf16_text, sizeof utf16_text - 1, "text");
}

static void test_list(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    for (int i = 0; i < 100; i++)
        CHECK_INT(hs_article_list_add(&list, hs_article_new("p")), 0);
    CHECK_INT(list.n, 100);
    CHECK_INT(hs_article_list_add(&list, NULL), -1);
    hs_article_list_clear(&list);
    CHECK_INT(list.n, 0);
    CHECK(list.items == NULL);
    CHECK_INT(hs_article_list_add(&list, hs_article_new("q")), 0); /* reusable */
    hs_article_list_clear(&list);
}

/* ---- the BBC articles file(1) misreads ----------------------------------- */

static int test_bbc(void)
{
    /* `file` calls them MAR archive data, Hewlett-Packard Graphics
     * Language, SBC archive data and SoftQuad troff */
    static const char *const misread[] = {
        "tech/go-ahead-for-new-internet-names.txt",
        "business/go-ahead-for-balkan-oil-pipeline.txt",
        "business/bp-surges-ahead-on-high-oil-price.txt",
        "business/sbc-plans-post-takeover-job-cuts.txt",
        "entertainment/x-factor-show-gets-second-series.txt",
    };
    const char *shared = check_shared_dir();
    if (!shared)
        return 77;
    for (size_t i = 0; i < sizeof misread / sizeof misread[0]; i++) {
        hs_buf path = HS_BUF_INIT, data = HS_BUF_INIT, why = HS_BUF_INIT;
        hs_buf_printf(&path, "%s/corpora/bbc-news/%s", shared, misread[i]);
        if (hs_read_file(path.data, HS_MAX_FILE_BYTES, &data, &why) < 0) {
            fprintf(stderr, "%s: %s\n", path.data, hs_buf_str(&why));
            return 99;
        }
        CHECK_INT(hs_detect_format(path.data, hs_buf_str(&data), data.len), HS_FORMAT_TEXT);
        char got[256];
        CHECK_STR(read_result(path.data, hs_buf_str(&data), data.len, got, sizeof got), "text");
        hs_buf_free(&path);
        hs_buf_free(&data);
        hs_buf_free(&why);
    }
    return 0;
}

/* ---- out of memory, told by value --------------------------------------- */

/* libxml2's allocator, which fails while libxml_fails is set. */
static int libxml_fails;
static void *xml_malloc(size_t n) { return libxml_fails ? NULL : malloc(n); }
static void *xml_realloc(void *p, size_t n) { return libxml_fails ? NULL : realloc(p, n); }
static char *xml_strdup(const char *s) { return libxml_fails ? NULL : strdup(s); }
/* libxml2 prints that it ran out of memory when it has no parser context */
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/* When the parser cannot allocate, each markup reader says so by its
 * status, not only by its words: the indexer stops rather than skip. */
static void test_out_of_memory(void)
{
    static const char *const files[][2] = {
        { "p.html", "<html><body><p>Some text.</p></body></html>" },
        { "f.rss", "<rss><channel><item><title>T</title>"
                   "<description>Text.</description></item></channel></rss>" },
        { "d.xml", "<?xml version=\"1.0\"?><doc><title>T</title><p>Text.</p></doc>" },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        hs_article_list list = HS_ARTICLE_LIST_INIT;
        hs_buf why = HS_BUF_INIT;
        xmlSetGenericErrorFunc(NULL, quiet);
        libxml_fails = 1;
        CHECK_INT(hs_read_articles(files[i][0], files[i][1], strlen(files[i][1]), &list, &why),
                  HS_READ_NO_MEMORY);
        libxml_fails = 0;
        xmlSetGenericErrorFunc(NULL, NULL);
        CHECK_STR(hs_buf_str(&why), "out of memory");
        CHECK_INT(list.n, 0);
        hs_article_list_clear(&list);
        hs_buf_free(&why);
    }
}

int main(void)
{
    /* before libxml2 allocates anything, so that its frees match */
    xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
    hs_readers_init();
    test_text();
    test_binary();
    test_html();
    test_feeds_and_xml();
    test_names();
    test_dispatch();
    test_list();
    test_out_of_memory();
    int bbc = test_bbc(); /* 0, 77 when the shared data is absent, 99 */
    int result = check_done();
    if (bbc == 99 || result != 0)
        return bbc == 99 ? bbc : result;
    return bbc;
}
