/* test-html.c - the HTML reader: metadata in order of trust, the article
 * body without boilerplate, encodings, and broken or hostile pages. */
#include <string.h>
#include <time.h>

#include "check.h"
#include "encoding.h"
#include "reader.h"
#include "reader_html.h"
#include "timestamp.h"

/* The one article read from html, or NULL (the reason is in why). */
static hs_article *read_html(const char *html, size_t len, hs_article_list *list,
                             hs_buf *why)
{
    hs_article_list_clear(list);
    hs_buf_reset(why);
    if (hs_read_articles("page.html", html, len, list, why) < 0)
        return NULL;
    CHECK_INT(list->n, 1);
    CHECK_STR(list->items[0]->format, "html");
    return list->items[0];
}

/* All passages of a, one per line. */
static const char *all_text(const hs_article *a, hs_buf *out)
{
    hs_buf_reset(out);
    for (size_t i = 0; a && i < a->n_passages; i++) {
        hs_buf_puts(out, a->passages[i].text);
        hs_buf_putc(out, '\n');
    }
    return hs_buf_str(out);
}

static int has_text(const hs_article *a, const char *needle)
{
    hs_buf b = HS_BUF_INIT;
    int found = strstr(all_text(a, &b), needle) != NULL;
    hs_buf_free(&b);
    return found;
}

/* Paragraph numbers start at 1 and grow. */
static void check_numbering(const hs_article *a)
{
    for (size_t i = 0; a && i < a->n_passages; i++) {
        CHECK(a->passages[i].paragraph >= 1);
        if (i > 0)
            CHECK(a->passages[i].paragraph >= a->passages[i - 1].paragraph);
    }
}

/* Enough prose to be an article (more than 500 characters, with commas). */
#define BODY                                                                            \
    "<p>The Central Election Commission registered, after a long review, the last "     \
    "of the self-nominated candidates on Friday, bringing the total to 435.</p>"         \
    "<p>Observers from the OSCE said the campaign, which starts on Monday, would be "    \
    "watched closely in all of the seventeen regions, and in the three cities.</p>"      \
    "<p>Candidates must collect signatures, pay a deposit, and submit a declaration of " \
    "income, the commission said in a statement published on its website.</p>"          \
    "<p>Turnout in the previous election was about 63 percent, according to figures "   \
    "from the commission, which expects a similar number, or slightly more, this time.</p>"

static void test_metadata_order(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT;
    const char *page =
        "<!DOCTYPE html><html lang=\"en-GB\"><head>"
        "<title>Page title of the story here - Example News</title>"
        "<meta property=\"og:title\" content=\"Social title\">"
        "<meta name=\"author\" content=\"Meta Author\">"
        "<meta property=\"article:published_time\" content=\"2023-03-19T22:30:00+06:00\">"
        "<meta property=\"og:site_name\" content=\"Example News\">"
        "<meta property=\"og:url\" content=\"https://example.org/og\">"
        "<link rel=\"canonical\" href=\"https://example.org/canonical\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"JSON-LD headline\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ld Author\"}],"
        "\"datePublished\":\"2023-01-01T00:00:00Z\",\"publisher\":{\"name\":\"Ld Site\"}}"
        "</script></head><body><h1>Heading one</h1>" BODY "</body></html>";
    hs_article *a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "JSON-LD headline");
        CHECK_STR(a->byline, "Meta Author");
        CHECK_STR(a->date, "2023-03-19"); /* the day as written, not UTC */
        CHECK_STR(a->lang, "en");
        CHECK_STR(a->site, "Example News");
        CHECK_STR(a->source, "https://example.org/canonical");
        CHECK_STR(a->id, NULL);
        CHECK(has_text(a, "435"));
        check_numbering(a);
    }

    /* without JSON-LD: og:title; JSON-LD's author and date come next */
    page = "<html><head><title>Page title of the story here - Example News</title>"
           "<meta property=\"og:title\" content=\"Social title\">"
           "<meta property=\"og:locale\" content=\"ru_RU\">"
           "<meta property=\"og:url\" content=\"https://example.org/og\">"
           "<link rel=\"canonical\" href=\"/relative/only\">"
           "<script type=\"application/ld+json\">[{\"@type\":\"WebSite\",\"name\":\"x\"},"
           "{\"@type\":[\"BlogPosting\"],\"author\":\"Ld Author\","
           "\"datePublished\":\"2023-01-02\"}]</script>"
           "</head><body>" BODY "</body></html>";
    a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Social title");
        CHECK_STR(a->byline, "Ld Author");
        CHECK_STR(a->date, "2023-01-02");
        CHECK_STR(a->lang, "ru");
        CHECK_STR(a->source, "https://example.org/og");
        CHECK_STR(a->site, NULL);
    }

    /* <title> without its site part; <time datetime>; Content-Language */
    page = "<html><head><title>Page title of the story here - Example News</title>"
           "<meta http-equiv=\"Content-Language\" content=\"kk\"></head><body>"
           "<p><time datetime=\"2023-02-20T10:00:00+06:00\">20 February</time></p>"
           BODY "</body></html>";
    a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Page title of the story here");
        CHECK_STR(a->date, "2023-02-20");
        CHECK_STR(a->lang, "kk");
    }

    /* "Site | Headline": a short last part means the site is first */
    page = "<html><head><title>Example News | Candidates register for the vote</title>"
           "</head><body>" BODY "</body></html>";
    a = read_html(page, strlen(page), &list, &why);
    if (a)
        CHECK_STR(a->title, "Candidates register for the vote");

    /* no title at all: the only <h1>, which is then not a passage */
    page = "<html><body><h1>The only heading</h1>" BODY "</body></html>";
    a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "The only heading");
        CHECK(!has_text(a, "The only heading"));
    }

    /* byline from a byline element, left out of the text */
    page = "<html><head><title>A headline long enough to keep</title></head><body><article>"
           "<div class=\"byline\">By Aigerim Sadykova</div>" BODY "</article></body></html>";
    a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->byline, "By Aigerim Sadykova");
        CHECK(!has_text(a, "Sadykova"));
    }
    page = "<html><body><article><p class=\"meta\">Written by <a rel=\"author\" "
           "href=\"/a\">Dana Nurpeisova</a></p>" BODY "</article></body></html>";
    a = read_html(page, strlen(page), &list, &why);
    if (a)
        CHECK_STR(a->byline, "Dana Nurpeisova");

    /* double-escaped metadata is decoded once more */
    page = "<html><head><meta property=\"og:title\" content=\"Tom &amp;amp; Jerry &amp;#8217;s\">"
           "</head><body>" BODY "</body></html>";
    a = read_html(page, strlen(page), &list, &why);
    if (a)
        CHECK_STR(a->title, "Tom & Jerry \xE2\x80\x99s");

    hs_article_list_clear(&list);
    hs_buf_free(&why);
}

static void test_boilerplate(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT, text = HS_BUF_INIT;
    const char *page =
        "<!DOCTYPE html><html><head><title>Registration closes for candidates</title>"
        "<style>p { color: red } .STYLE-TEXT {}</style>"
        "<script>var SCRIPT_TEXT = 1;</script></head><body>"
        "<div id=\"cookie-banner\">COOKIE-TEXT We use cookies. Accept?</div>"
        "<header class=\"site-header\"><a href=\"/\">HEADER-LINK Home</a></header>"
        "<nav><ul><li><a href=\"/a\">NAV-ONE</a></li><li><a href=\"/b\">NAV-TWO</a></li>"
        "</ul></nav>"
        "<div class=\"menu\"><a href=\"/c\">MENU-TEXT</a></div>"
        "<div class=\"layout\"><div class=\"sidebar\"><p>SIDEBAR-TEXT, with, commas, to "
        "look like prose, and more words than a sidebar needs to have here.</p></div>"
        "<article class=\"story\"><h1>Registration closes for candidates</h1>"
        "<div class=\"share-tools\"><a href=\"#\">SHARE-TEXT Facebook</a></div>"
        BODY
        "<!-- COMMENT-TEXT -->"
        "<h2>What happens next</h2>"
        "<ul><li>Campaigning starts on Monday, the commission said.</li>"
        "<li>Debates are planned in Almaty, Astana and Shymkent.</li></ul>"
        "<blockquote>We are ready, said the chairman of the commission.</blockquote>"
        "<pre>Seats:  69\nParty:  29</pre>"
        "<p aria-hidden=\"true\">ARIA-HIDDEN-TEXT</p>"
        "<p hidden>HIDDEN-ATTR-TEXT</p>"
        "<p style=\"display: none\">DISPLAY-NONE-TEXT</p>"
        "<div class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/r1\">RELATED-ONE"
        "</a></li><li><a href=\"/r2\">RELATED-TWO</a></li></ul></div>"
        "</article></div>"
        "<footer><p>FOOTER-TEXT Copyright, all rights reserved, 2023.</p></footer>"
        "<div id=\"comments\"><p>COMMENTS-TEXT, a reader wrote, at length.</p></div>"
        "</body></html>";
    hs_article *a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    static const char *const gone[] = {
        "STYLE-TEXT", "SCRIPT_TEXT", "COOKIE-TEXT", "HEADER-LINK", "NAV-ONE", "MENU-TEXT",
        "SIDEBAR-TEXT", "SHARE-TEXT", "COMMENT-TEXT", "ARIA-HIDDEN-TEXT", "HIDDEN-ATTR-TEXT",
        "DISPLAY-NONE-TEXT", "RELATED-ONE", "FOOTER-TEXT", "COMMENTS-TEXT",
    };
    for (size_t i = 0; a && i < sizeof gone / sizeof gone[0]; i++) {
        if (has_text(a, gone[i]))
            fprintf(stderr, "boilerplate kept: %s\n", gone[i]);
        CHECK(!has_text(a, gone[i]));
    }
    if (a) {
        CHECK_STR(a->title, "Registration closes for candidates");
        CHECK(!has_text(a, "Registration closes")); /* the heading repeating the title */
        /* <p>, headings, <li>, <blockquote> and <pre> are passages of their own */
        CHECK_STR(all_text(a, &text),
                  "The Central Election Commission registered, after a long review, the last "
                  "of the self-nominated candidates on Friday, bringing the total to 435.\n"
                  "Observers from the OSCE said the campaign, which starts on Monday, would be "
                  "watched closely in all of the seventeen regions, and in the three cities.\n"
                  "Candidates must collect signatures, pay a deposit, and submit a declaration "
                  "of income, the commission said in a statement published on its website.\n"
                  "Turnout in the previous election was about 63 percent, according to figures "
                  "from the commission, which expects a similar number, or slightly more, this "
                  "time.\n"
                  "What happens next\n"
                  "Campaigning starts on Monday, the commission said.\n"
                  "Debates are planned in Almaty, Astana and Shymkent.\n"
                  "We are ready, said the chairman of the commission.\n"
                  "Seats:  69\nParty:  29\n");
        CHECK_INT(a->n_passages, 9);
        for (size_t i = 0; i < a->n_passages; i++)
            CHECK_INT(a->passages[i].paragraph, i + 1);
    }

    /* <br><br> ends a paragraph, one <br> is a line break */
    page = "<html><body><div class=\"post\">First line<br>same paragraph<br><br>"
           "Second paragraph, which goes on.<br> <br>Third.</div></body></html>";
    a = read_html(page, strlen(page), &list, &why);
    CHECK(a != NULL);
    if (a)
        CHECK_STR(all_text(a, &text),
                  "First line\nsame paragraph\nSecond paragraph, which goes on.\nThird.\n");

    hs_article_list_clear(&list);
    hs_buf_free(&why);
    hs_buf_free(&text);
}

/* ---- encodings ------------------------------------------------------------ */

static void test_encodings(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT;

    /* windows-1251 declared in <meta charset>: "Выборы в Мажилис" */
    const char *cp1251 =
        "<html><head><meta charset=\"windows-1251\"><title>\xC2\xFB\xE1\xEE\xF0\xFB \xE2 "
        "\xCC\xE0\xE6\xE8\xEB\xE8\xF1</title></head><body><p>\xD6\xC8\xCA "
        "\xE7\xE0\xF0\xE5\xE3\xE8\xF1\xF2\xF0\xE8\xF0\xEE\xE2\xE0\xEB "
        "\xEA\xE0\xED\xE4\xE8\xE4\xE0\xF2\xEE\xE2.</p></body></html>";
    hs_article *a = read_html(cp1251, strlen(cp1251), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Выборы в Мажилис");
        CHECK(has_text(a, "ЦИК зарегистрировал кандидатов."));
    }

    /* ISO-8859-1 through http-equiv: read as windows-1252, as browsers do */
    const char *latin1 =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=ISO-8859-1\"><title>Caf\xE9 d\xE9" "bat</title></head><body><p>Le "
        "d\xE9" "bat \x96 \xE0 Paris \x80 10.</p></body></html>";
    a = read_html(latin1, strlen(latin1), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Café débat");
        CHECK(has_text(a, "Le débat – à Paris € 10."));
    }

    /* a UTF-8 byte order mark, and a UTF-16 one */
    const char *bom = "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"><title>"
                      "Жаңа сайлау</title></head><body><p>Қазақ тілі.</p></body></html>";
    a = read_html(bom, strlen(bom), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Жаңа сайлау");
        CHECK(has_text(a, "Қазақ тілі."));
    }
    static const char utf16[] = "\xFF\xFE<\0t\0i\0t\0l\0e\0>\0\x16\x04<\0/\0t\0i\0t\0"
                                "l\0e\0>\0<\0p\0>\0\x1F\x04\x40\x04\x38\x04!\0";
    a = read_html(utf16, sizeof utf16 - 1, &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Ж");
        CHECK(has_text(a, "При!"));
    }

    /* the XML prolog of an XHTML page */
    const char *xhtml = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>\n<html xmlns=\"http://"
                        "www.w3.org/1999/xhtml\"><body><p>\xF7\xD9\xC2\xCF\xD2\xD9</p>"
                        "</body></html>";
    a = read_html(xhtml, strlen(xhtml), &list, &why);
    CHECK(a != NULL);
    if (a)
        CHECK(has_text(a, "Выборы"));

    /* a page saved as UTF-8 that kept its old declaration */
    const char *resaved = "<html><head><meta charset=\"gb2312\"></head><body><p>人工智能"
                          "迈上新台阶</p></body></html>";
    a = read_html(resaved, strlen(resaved), &list, &why);
    CHECK(a != NULL);
    if (a)
        CHECK(has_text(a, "人工智能迈上新台阶"));

    /* invalid bytes become U+FFFD; all text stays valid UTF-8 */
    const char *invalid = "<html><head><meta charset=\"utf-8\"><title>Bad \xFF\xFE byte</title>"
                          "</head><body><p>Caf\xE9 \xC3\x28 ok</p></body></html>";
    a = read_html(invalid, strlen(invalid), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
        CHECK(has_text(a, "Caf\xEF\xBF\xBD \xEF\xBF\xBD( ok"));
    }

    /* the encoding sniffer on its own */
    hs_encoding enc;
    const char *meta = "<meta http-equiv=content-type content='text/html;charset=KOI8-R'>";
    hs_encoding_sniff(meta, strlen(meta), HS_MARKUP_HTML, &enc);
    CHECK_STR(enc.name, "KOI8-R");
    CHECK_STR(enc.source, "declared");
    const char *comment = "<!-- <meta charset=\"big5\"> --><meta charset='utf-8'>";
    hs_encoding_sniff(comment, strlen(comment), HS_MARKUP_HTML, &enc);
    CHECK_STR(enc.name, "UTF-8");
    hs_encoding_sniff("plain \xE9t\xE9", 9, HS_MARKUP_HTML, &enc);
    CHECK_STR(enc.name, "WINDOWS-1252");
    CHECK_STR(enc.source, "content"); /* accented letters inside words */
    const char *bogus = "<meta charset=\"no-such-charset\"><p>x\xE9</p>";
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_encoding_decode(bogus, strlen(bogus), HS_MARKUP_HTML, &out), 0);
    CHECK(strstr(hs_buf_str(&out), "x\xC3\xA9") != NULL); /* read as windows-1252 */
    hs_buf_free(&out);

    hs_article_list_clear(&list);
    hs_buf_free(&why);
}

/* ---- undeclared legacy encodings, guessed from the bytes ------------------ */

#define RU_TITLE "Выборы в Мажилис: ЦИК завершил регистрацию"
#define RU_BODY                                                                   \
    "Центральная избирательная комиссия зарегистрировала всех кандидатов, "      \
    "выдвинутых партиями, и объявила о начале предвыборной агитации."

/* RU_TITLE and RU_BODY in a page without a declaration, in windows-1251 */
static const char ru_cp1251[] =
    "<html><head><title>\xC2\xFB\xE1\xEE\xF0\xFB \xE2 \xCC\xE0\xE6\xE8\xEB"
    "\xE8\xF1: \xD6\xC8\xCA \xE7\xE0\xE2\xE5\xF0\xF8\xE8\xEB \xF0\xE5\xE3\xE8"
    "\xF1\xF2\xF0\xE0\xF6\xE8\xFE</title></head><body><p>\xD6\xE5\xED\xF2\xF0"
    "\xE0\xEB\xFC\xED\xE0\xFF \xE8\xE7\xE1\xE8\xF0\xE0\xF2\xE5\xEB\xFC\xED"
    "\xE0\xFF \xEA\xEE\xEC\xE8\xF1\xF1\xE8\xFF \xE7\xE0\xF0\xE5\xE3\xE8\xF1"
    "\xF2\xF0\xE8\xF0\xEE\xE2\xE0\xEB\xE0 \xE2\xF1\xE5\xF5 \xEA\xE0\xED\xE4"
    "\xE8\xE4\xE0\xF2\xEE\xE2, \xE2\xFB\xE4\xE2\xE8\xED\xF3\xF2\xFB\xF5 \xEF"
    "\xE0\xF0\xF2\xE8\xFF\xEC\xE8, \xE8 \xEE\xE1\xFA\xFF\xE2\xE8\xEB\xE0 \xEE"
    " \xED\xE0\xF7\xE0\xEB\xE5 \xEF\xF0\xE5\xE4\xE2\xFB\xE1\xEE\xF0\xED\xEE"
    "\xE9 \xE0\xE3\xE8\xF2\xE0\xF6\xE8\xE8.</p></body></html>";

/* the same in KOI8-R */
static const char ru_koi8[] =
    "<html><head><title>\xF7\xD9\xC2\xCF\xD2\xD9 \xD7 \xED\xC1\xD6\xC9\xCC"
    "\xC9\xD3: \xE3\xE9\xEB \xDA\xC1\xD7\xC5\xD2\xDB\xC9\xCC \xD2\xC5\xC7\xC9"
    "\xD3\xD4\xD2\xC1\xC3\xC9\xC0</title></head><body><p>\xE3\xC5\xCE\xD4\xD2"
    "\xC1\xCC\xD8\xCE\xC1\xD1 \xC9\xDA\xC2\xC9\xD2\xC1\xD4\xC5\xCC\xD8\xCE"
    "\xC1\xD1 \xCB\xCF\xCD\xC9\xD3\xD3\xC9\xD1 \xDA\xC1\xD2\xC5\xC7\xC9\xD3"
    "\xD4\xD2\xC9\xD2\xCF\xD7\xC1\xCC\xC1 \xD7\xD3\xC5\xC8 \xCB\xC1\xCE\xC4"
    "\xC9\xC4\xC1\xD4\xCF\xD7, \xD7\xD9\xC4\xD7\xC9\xCE\xD5\xD4\xD9\xC8 \xD0"
    "\xC1\xD2\xD4\xC9\xD1\xCD\xC9, \xC9 \xCF\xC2\xDF\xD1\xD7\xC9\xCC\xC1 \xCF"
    " \xCE\xC1\xDE\xC1\xCC\xC5 \xD0\xD2\xC5\xC4\xD7\xD9\xC2\xCF\xD2\xCE\xCF"
    "\xCA \xC1\xC7\xC9\xD4\xC1\xC3\xC9\xC9.</p></body></html>";

/* French and German in windows-1252, undeclared */
static const char latin_cp1252[] =
    "<html><head><title>\xC9lection pr\xE9sidentielle, le d\xE9" "bat \xE0 Ge"
    "n\xE8ve</title></head><body><p>Le d\xE9" "bat \xE0 Paris \x96 les \xE9le"
    "cteurs \xE9taient nombreux. Gr\xF6\xDF" "ere Wahlbeteiligung in M\xFCnch"
    "en, sagte der Pr\xE4sident.</p></body></html>";

static void check_sniff(const char *data, size_t len, enum hs_markup markup,
                        const char *name, const char *source)
{
    hs_encoding enc;
    hs_encoding_sniff(data, len, markup, &enc);
    CHECK_STR(enc.name, name);
    CHECK_STR(enc.source, source);
}

static void test_guessed_encodings(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT, out = HS_BUF_INIT;

    /* Russian in windows-1251 and in KOI8-R */
    check_sniff(ru_cp1251, sizeof ru_cp1251 - 1, HS_MARKUP_HTML, "WINDOWS-1251", "content");
    check_sniff(ru_koi8, sizeof ru_koi8 - 1, HS_MARKUP_HTML, "KOI8-R", "content");
    const char *const pages[] = { ru_cp1251, ru_koi8 };
    for (size_t i = 0; i < 2; i++) {
        hs_article *a = read_html(pages[i], strlen(pages[i]), &list, &why);
        CHECK(a != NULL);
        if (a) {
            CHECK_STR(a->title, RU_TITLE);
            CHECK_STR(a->lang, NULL); /* the indexer detects it, from the text */
            CHECK_INT(a->n_passages, 1);
            if (a->n_passages == 1)
                CHECK_STR(a->passages[0].text, RU_BODY);
        }
    }

    /* French and German accents stay windows-1252 */
    check_sniff(latin_cp1252, sizeof latin_cp1252 - 1, HS_MARKUP_HTML, "WINDOWS-1252",
                "content");
    hs_article *a = read_html(latin_cp1252, strlen(latin_cp1252), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Élection présidentielle, le débat à Genève");
        CHECK(has_text(a, "Le débat à Paris – les électeurs étaient nombreux. "
                          "Größere Wahlbeteiligung in München, sagte der Präsident."));
    }

    /* an RSS feed in windows-1251 without an encoding in its prolog */
    static const char rss[] =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>\xCD\xEE"
        "\xE2\xEE\xF1\xF2\xE8</title><item><title>\xC2\xFB\xE1\xEE\xF0\xFB \xE2 "
        "\xCC\xE0\xE6\xE8\xEB\xE8\xF1</title><link>https://example.kz/1</link><de"
        "scription>\xD6\xE5\xED\xF2\xF0\xE0\xEB\xFC\xED\xE0\xFF \xE8\xE7\xE1\xE8"
        "\xF0\xE0\xF2\xE5\xEB\xFC\xED\xE0\xFF \xEA\xEE\xEC\xE8\xF1\xF1\xE8\xFF "
        "\xE7\xE0\xF0\xE5\xE3\xE8\xF1\xF2\xF0\xE8\xF0\xEE\xE2\xE0\xEB\xE0 \xE2"
        "\xF1\xE5\xF5 \xEA\xE0\xED\xE4\xE8\xE4\xE0\xF2\xEE\xE2.</description></it"
        "em></channel></rss>";
    check_sniff(rss, sizeof rss - 1, HS_MARKUP_XML, "WINDOWS-1251", "content");
    hs_article_list_clear(&list);
    hs_buf_reset(&why);
    CHECK_INT(hs_read_articles("feed.xml", rss, sizeof rss - 1, &list, &why), 0);
    CHECK_INT(list.n, 1);
    if (list.n == 1) {
        CHECK_STR(list.items[0]->format, "rss");
        CHECK_STR(list.items[0]->title, "Выборы в Мажилис");
        CHECK(has_text(list.items[0],
                       "Центральная избирательная комиссия зарегистрировала всех кандидатов."));
    }

    /* a declaration still wins over the look of the bytes */
    static const char declared[] =
        "<meta charset=\"windows-1252\"><p>\xC2\xFB\xE1\xEE\xF0\xFB</p>";
    check_sniff(declared, sizeof declared - 1, HS_MARKUP_HTML, "WINDOWS-1252",
                "declared");
    CHECK_INT(hs_encoding_decode(declared, sizeof declared - 1, HS_MARKUP_HTML, &out), 0);
    CHECK(strstr(hs_buf_str(&out), "<p>Âûáîðû</p>") != NULL);
    static const char declared_koi8[] =
        "<?xml version=\"1.0\" encoding=\"koi8-r\"?><p>\xC2\xFB\xE1\xEE\xF0\xFB</p>";
    check_sniff(declared_koi8, sizeof declared_koi8 - 1, HS_MARKUP_XML, "KOI8-R",
                "declared");

    /* declared UTF-8 over windows-1251 bytes: read as what they are; a
     * declared UTF-8 page with a stray byte stays UTF-8 */
    static const char wrong_utf8[] =
        "<meta charset=\"utf-8\"><p>\xC2\xFB\xE1\xEE\xF0\xFB \xE2 \xCC\xE0\xE6\xE8\xEB"
        "\xE8\xF1</p>";
    check_sniff(wrong_utf8, sizeof wrong_utf8 - 1, HS_MARKUP_HTML, "WINDOWS-1251", "content");
    hs_buf_reset(&out);
    CHECK_INT(hs_encoding_decode(wrong_utf8, sizeof wrong_utf8 - 1, HS_MARKUP_HTML, &out), 0);
    CHECK(strstr(hs_buf_str(&out), "<p>Выборы в Мажилис</p>") != NULL);
    const char *declared_stray = "<meta charset=\"utf-8\"><p>" RU_TITLE " \xFF</p>";
    check_sniff(declared_stray, strlen(declared_stray), HS_MARKUP_HTML, "UTF-8", "declared");
    /* English with curly quotes and one stray byte: still UTF-8 */
    const char *english_stray = "<meta charset=\"utf-8\"><p>It wasn\xE2\x80\x99t \xE2\x80\x9C"
                                "the vote\xE2\x80\x9D,\xA0he said.</p>";
    check_sniff(english_stray, strlen(english_stray), HS_MARKUP_HTML, "UTF-8", "declared");

    /* valid UTF-8 stays UTF-8; mostly UTF-8 with a stray byte too */
    check_sniff(RU_BODY, strlen(RU_BODY), HS_MARKUP_HTML, "UTF-8", "default");
    const char *stray = "<p>" RU_TITLE " \xFF</p>";
    check_sniff(stray, strlen(stray), HS_MARKUP_HTML, "UTF-8", "content");
    hs_buf_reset(&out);
    CHECK_INT(hs_encoding_decode(stray, strlen(stray), HS_MARKUP_HTML, &out), 0);
    CHECK_STR(hs_buf_str(&out), "<p>" RU_TITLE " \xEF\xBF\xBD</p>");

    /* a few bytes: no crash, no wild guess */
    check_sniff("\xC2\xFB", 2, HS_MARKUP_HTML, "WINDOWS-1251", "content"); /* Вы */
    check_sniff("\xF7\xD9\xC2\xCF\xD2\xD9", 6, HS_MARKUP_TEXT, "KOI8-R", "content");
    check_sniff("\xE2", 1, HS_MARKUP_HTML, "WINDOWS-1252", "default");
    check_sniff("\xE2", 1, HS_MARKUP_TEXT, "UTF-8", "default");
    check_sniff("caf\xE9", 4, HS_MARKUP_HTML, "WINDOWS-1252", "content");
    check_sniff("caf\xE9", 4, HS_MARKUP_TEXT, "WINDOWS-1252", "content");
    check_sniff("\x93yes\x94 \x96 no", 11, HS_MARKUP_TEXT, "WINDOWS-1252", "content");
    check_sniff("3\xD7" "4", 3, HS_MARKUP_HTML, "WINDOWS-1252", "default"); /* 3×4 */
    /* stray bytes in ASCII: windows-1252 in a page, U+FFFD in plain text */
    check_sniff("Bad \xFF\xFE bytes, \xC3 here", 20, HS_MARKUP_HTML, "WINDOWS-1252",
                "default");
    check_sniff("Bad \xFF\xFE bytes, \xC3 here", 20, HS_MARKUP_TEXT, "UTF-8", "default");
    check_sniff("", 0, HS_MARKUP_HTML, "UTF-8", "default");
    check_sniff(NULL, 0, HS_MARKUP_TEXT, "UTF-8", "default");
    /* plain text has no declarations */
    static const char text_meta[] = "<meta charset=\"koi8-r\"> \xC2\xFB\xE1\xEE\xF0\xFB";
    check_sniff(text_meta, sizeof text_meta - 1, HS_MARKUP_TEXT, "WINDOWS-1251", "content");

    hs_buf_free(&out);
    hs_article_list_clear(&list);
    hs_buf_free(&why);
}

/* ---- broken and hostile pages -------------------------------------------- */

static double seconds_since(clock_t start)
{
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

static void test_hostile(void)
{
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT, page = HS_BUF_INIT;
    hs_article *a;

    /* truncated: cut inside a tag, inside an attribute, inside a comment */
    const char *full = "<html><head><title>Cut short</title></head><body>" BODY
                       "<p class=\"x\">The end of the story.</p><!-- a comment --></body></html>";
    size_t cuts[] = { strlen(full) - 30, strlen(full) - 40, strlen(full) - 50, 60, 45 };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        a = read_html(full, cuts[i], &list, &why);
        if (cuts[i] > 200) {
            CHECK(a != NULL);
            if (a)
                CHECK(has_text(a, "registered"));
        } else if (!a) {
            CHECK_STR(hs_buf_str(&why), "no article text found");
        }
    }

    /* an XML-style internal subset in the doctype, after an XML declaration
     * and a comment: neither expanded nor read as text ("]>") */
    const char *subset = "<?xml version=\"1.0\"?>\n<!-- saved -->\n<!DOCTYPE html [<!ENTITY x "
                         "SYSTEM \"file:///etc/passwd\">]>\n<html><head><title>Subset</title>"
                         "</head><body>" BODY "<p>With &x; in it.</p></body></html>";
    a = read_html(subset, strlen(subset), &list, &why);
    CHECK(a != NULL);
    for (size_t i = 0; a && i < a->n_passages; i++)
        CHECK(strstr(a->passages[i].text, "]>") == NULL && strstr(a->passages[i].text, "root:") == NULL);
    if (a)
        CHECK(has_text(a, "With &x; in it."));
    /* "] >" ends it too; a doctype with '[' but no subset leaves the page
     * whole (not blanked to a "]>" in a later script) */
    const char *spaced = "<!DOCTYPE html [ <!ENTITY y \"a ] > b\"> ] >\n<html><body>" BODY
                         "</body></html>";
    a = read_html(spaced, strlen(spaced), &list, &why);
    CHECK(a != NULL);
    for (size_t i = 0; a && i < a->n_passages; i++)
        CHECK(strchr(a->passages[i].text, '>') == NULL);
    if (a)
        CHECK(has_text(a, "registered"));
    const char *no_subset = "<!DOCTYPE html [\n<html><head><title>Kept</title></head><body>" BODY
                            "<script>if (a[0]>1) x();</script><p>Last words.</p></body></html>";
    a = read_html(no_subset, strlen(no_subset), &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->title, "Kept");
        CHECK(has_text(a, "registered"));
    }

    /* 200,000 nested <div>s, closed and unclosed, and nested inline elements:
     * libxml2 stops building the tree 256 levels down (its limit without
     * HTML_PARSE_HUGE), so what comes before is read and the rest is cut */
    static const char *const opens[] = { "<div>", "<div class=\"a\">", "<span>", "<b>" };
    for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++) {
        for (int closed = 0; closed <= 1; closed++) {
            hs_buf_reset(&page);
            hs_buf_puts(&page, "<html><body><p>Before the nesting, a paragraph of text.</p>");
            for (int i = 0; i < 200000; i++)
                hs_buf_puts(&page, opens[k]);
            hs_buf_puts(&page, "<p>Deep down, there is a paragraph of text.</p>");
            for (int i = 0; closed && i < 200000; i++)
                hs_buf_puts(&page, k < 2 ? "</div>" : k == 2 ? "</span>" : "</b>");
            clock_t start = clock();
            hs_article *a = read_html(page.data, page.len, &list, &why);
            double took = seconds_since(start);
            if (took > 5)
                fprintf(stderr, "nesting %s closed=%d took %.1f s\n", opens[k], closed, took);
            CHECK(took < 5);
            CHECK(a != NULL);
            if (a)
                CHECK(has_text(a, "Before the nesting, a paragraph of text."));
        }
    }
    /* 300 levels of unclosed inline tags inside the article, as old pages
     * leave <font> open: the text before the limit is kept */
    hs_buf_reset(&page);
    hs_buf_puts(&page, "<html><body><div class=\"story\">" BODY);
    for (int i = 0; i < 300; i++)
        hs_buf_printf(&page, "<font size=2>Word %d ", i);
    hs_buf_puts(&page, "</div></body></html>");
    a = read_html(page.data, page.len, &list, &why);
    CHECK(a != NULL);
    if (a) {
        CHECK(has_text(a, "435"));
        CHECK(has_text(a, "Word 200"));
    }

    /* empty, blank and text-free pages */
    CHECK(read_html("", 0, &list, &why) == NULL);
    CHECK_STR(hs_buf_str(&why), "empty file");
    CHECK(hs_read_html("p.html", " \n ", 3, &list, &why) < 0);
    CHECK(read_html("<html><body><script>x()</script></body></html>", 46, &list, &why) == NULL);
    CHECK_STR(hs_buf_str(&why), "no article text found");

    /* junk JSON-LD and markup soup are survived */
    const char *soup = "<html><head><script type=\"application/ld+json\">{\"@type\": "
                       "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script></head><body>"
                       "<table><p>Unclosed <b><i>tags</b></i> in <td>soup</table>"
                       "</div></div></p></body></html></html>";
    a = read_html(soup, strlen(soup), &list, &why);
    CHECK(a != NULL);
    if (a)
        CHECK(has_text(a, "tags"));

    hs_article_list_clear(&list);
    hs_buf_free(&why);
    hs_buf_free(&page);
}

/* ---- timestamps ------------------------------------------------------------ */

/* The timestamp s means, in full ISO 8601, or "invalid". */
static const char *timestamp(const char *s, hs_buf *out)
{
    hs_timestamp t;
    hs_buf_reset(out);
    if (hs_timestamp_parse(s, strlen(s), &t) < 0)
        return "invalid";
    hs_timestamp_format(&t, out);
    return hs_buf_str(out);
}

static void test_timestamps(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        { "2015-07-24T05:36:09+01:00", "2015-07-24T05:36:09+01:00" },
        { " 2019-01-03T07:00:02.000Z ", "2019-01-03T07:00:02+00:00" },
        { "2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00" },
        { "2023-03-19 21:00", "2023-03-19T21:00:00" },
        { "2023-03-19T21:00:00-05", "2023-03-19T21:00:00-05:00" },
        { "2024-06-25", "2024-06-25" },
        { "Mon, 20 Feb 2023 10:00:00 +0600", "2023-02-20T10:00:00+06:00" },
        { "Tue, 21 Feb 2023 09:30:00 GMT", "2023-02-21T09:30:00+00:00" },
        { "21 Feb 23 09:30 EST", "2023-02-21T09:30:00-05:00" },
        { "Sun, 19 Mar 2023 21:00:00 ALMT", "2023-03-19T21:00:00" },
        { "20 February 2023", "2023-02-20" },
        { "February 20, 2023", "2023-02-20" },
        { "2023-02-29", "invalid" },
        { "2024-02-29T00:00:00Z", "2024-02-29T00:00:00+00:00" },
        { "2023-13-01", "invalid" },
        { "2023-01-01T25:00:00Z", "invalid" },
        { "2023-01-01T10:00:00+15:00", "invalid" },
        { "Thursday 27 July 2017", "2017-07-27" },
        { "Mon, 20 Feb 2023 10:00:00 +0600 and more", "invalid" },
        { "yesterday", "invalid" },
        { "", "invalid" },
    };
    hs_buf out = HS_BUF_INIT;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(timestamp(cases[i].in, &out), cases[i].out);
    hs_timestamp t;
    char day[11];
    CHECK_INT(hs_timestamp_parse("2023-03-19T23:59:59-12:00", 25, &t), 0);
    hs_timestamp_date(&t, day);
    CHECK_STR(day, "2023-03-19"); /* the writer's day, not UTC's */
    hs_buf_free(&out);
}

/* Dates the page shows other than in <meta>, JSON-LD or <time datetime>:
 * microdata, a <time> with text only, a dateline in the byline or as
 * the first passage.  Each is the date, and no passage or byline. */
static void test_visible_dates(void)
{
#define PAGE_BODY "<p>The electoral commission confirmed on Tuesday that turnout in the " \
             "regional vote had reached sixty-one percent, a record.</p><p>Observers " \
             "from three international missions said the count had been orderly.</p>"
    static const struct {
        const char *head, *tail, *date, *byline;
    } cases[] = {
        { "<div class=\"byline\">By <span>Jane Roe</span> <time itemprop=\"datePublished\" "
          "content=\"2023-03-19T10:00:00+06:00\">March 19, 2023</time></div>", "",
          "2023-03-19", "By Jane Roe" },
        { "", "<footer>Posted at <abbr itemprop=\"datePublished\" "
              "title=\"2023-03-19T10:00:00+06:00\">10:00 AM</abbr></footer>", "2023-03-19", NULL },
        { "<time>20 февраля 2023, 10:15</time>", "", "2023-02-20", NULL },
        { "<div class=\"meta\">20.02.2023</div>", "", "2023-02-20", NULL },
        { "<div class=\"byline\">Sunday, March 19, 2023</div>", "", "2023-03-19", NULL },
        { "<div class=\"byline\">Jane Roe | 19 March 2023</div>", "", "2023-03-19",
          "Jane Roe" },
        { "<div class=\"byline\">Last Updated: 19 March 2023</div>", "", "2023-03-19", NULL },
        { "<div class=\"byline\">Published on 19 March 2023</div>", "", "2023-03-19", NULL },
        { "<div class=\"byline\">Jane Roe, Published: 19 March 2023</div>", "", "2023-03-19",
          "Jane Roe" },
        { "<div class=\"byline\">Ерлан Ораз, 19 марта 2023</div>", "", "2023-03-19",
          "Ерлан Ораз" }, /* з ends in the byte of · */
        { "<div class=\"byline\">Jane Roe \xC2\xB7 19 March 2023</div>", "", "2023-03-19",
          "Jane Roe" },
        { "<p>2023</p>", "", NULL, NULL }, /* a year alone is no date */
    };
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf why = HS_BUF_INIT, page = HS_BUF_INIT;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hs_buf_reset(&page);
        hs_buf_printf(&page, "<html><head><title>Turnout</title></head><body><article>"
                             "<h1>Turnout</h1>%s" PAGE_BODY "%s</article></body></html>",
                      cases[i].head, cases[i].tail);
        hs_article *a = read_html(page.data, page.len, &list, &why);
        CHECK(a != NULL);
        if (!a)
            continue;
        CHECK_STR(a->date, cases[i].date);
        CHECK_STR(a->byline, cases[i].byline);
        CHECK_INT(a->n_passages, cases[i].date ? 2 : 3);
        CHECK(strncmp(a->passages[0].text, cases[i].date ? "The electoral" : "2023", 4) == 0);
    }
#undef PAGE_BODY
    hs_article_list_clear(&list);
    hs_buf_free(&page);
    hs_buf_free(&why);
}

int main(void)
{
    test_timestamps();
    test_visible_dates();
    test_metadata_order();
    test_boilerplate();
    test_encodings();
    test_guessed_encodings();
    test_hostile();
    return check_done();
}
