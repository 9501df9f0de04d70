/* test-reader.c - hs_read_text: the seed article and the shapes a plain-text
 * file may take. */
#include <string.h>

#include "article.h"
#include "check.h"
#include "reader_text.h"

#define SEED "000_df1ff6165ce25406.txt"

/* hs_read_text on data[0..len); the reason of a refusal is left in why. */
static hs_article *read_bytes(const char *data, size_t len, hs_buf *why)
{
    hs_article *a;
    hs_buf_reset(why);
    hs_read_text("mem.txt", data, len, &a, why);
    return a;
}

static hs_article *read_str(const char *data, hs_buf *why)
{
    return read_bytes(data, strlen(data), why);
}

/* The reason hs_read_text gives for refusing data, or "accepted". */
static const char *refusal(const char *data, size_t len)
{
    static char reason[128];
    hs_buf why = HS_BUF_INIT;
    hs_article *a = read_bytes(data, len, &why);
    snprintf(reason, sizeof reason, "%s", a ? "accepted" : hs_buf_str(&why));
    hs_article_free(a);
    hs_buf_free(&why);
    return reason;
}

static int read_file(const char *path, hs_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        hs_buf_append(out, chunk, n);
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

static void check_passage(const hs_article *a, size_t i, unsigned paragraph,
                          const char *text)
{
    CHECK(i < a->n_passages);
    if (i >= a->n_passages)
        return;
    CHECK_INT(a->passages[i].paragraph, paragraph);
    CHECK_STR(a->passages[i].text, text);
}

/* ---- the seed --------------------------------------------------------- */

static int test_seed(void)
{
    const char *shared = check_shared_dir();
    if (!shared)
        return 77;
    hs_buf path = HS_BUF_INIT, data = HS_BUF_INIT, why = HS_BUF_INIT;
    hs_buf_printf(&path, "%s/seeds/%s", shared, SEED);
    if (read_file(path.data, &data) < 0) {
        fprintf(stderr, "cannot read %s\n", path.data);
        return 99;
    }
    hs_article *a;
    CHECK_INT(hs_read_text("seeds/" SEED, data.data, data.len, &a, &why), HS_READ_OK);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->path, "seeds/" SEED);
        CHECK_STR(a->title, "We Are Not Going to the Elections Because We Want "
                  "to Become Deputies – Candidates Form Temporary "
                  "Bloc for Election Campaign");
        CHECK_STR(a->date, "2023-02-20");
        CHECK_STR(a->source, "https://bes.media/category/vybory-2023/idyom-na-"
                  "vybory-ne-potomu-chto-hotim-stat-deputatami.-kandidaty-na-"
                  "vremya-obedinilis-v-blok-718");
        CHECK_INT(a->n_passages, 13);
        check_passage(a, 0, 2, "Candidates for deputies of the Mazhilis formed "
                      "their own bloc and call to vote for independent "
                      "self-nominated candidates.");
        check_passage(a, 3, 5, "\"We are united around common goals, which are "
                      "outlined in the manifesto. We believe that only new people "
                      "who didn't build the old Kazakhstan together with Nazarbayev "
                      "can truly build the new Kazakhstan. We've been with our "
                      "people before, we never cheated them,\" said Mukhtar "
                      "Taizhan.\nThe speakers noted that the association is "
                      "created only for the duration of the elections.");
        /* paragraph 13 has 181 words: one passage */
        check_passage(a, 11, 13, "“Do you think we want to sit in "
                      "the Mazhilis for five years, and it's fun on a salary of 900 "
                      "thousand tenge? Not at all. I would rather work on my "
                      "projects and earn more money. But why are we going? Because "
                      "tomorrow society will say: why are you sitting and "
                      "criticizing? That is, if you go - they criticize you, if you "
                      "do not go - they also criticize you. So the pressure that "
                      "society puts on us with these kinds of questions, because "
                      "we are being led by the authorities, is much more pressure "
                      "than the authorities put on us. Do you know how hard it is "
                      "to unite? We've united to at least show that we're "
                      "willing to let go of all our ambitions. Araylym is running "
                      "in the same constituency as me. And if you support her, I'm "
                      "ready to withdraw my candidacy today. If we come to the "
                      "finish line together, we'll consult with our colleagues and "
                      "decide who will run next. So we are ready for anything,"
                      "” Bokayev said. Bapi left the question "
                      "unanswered.");
        check_passage(a, 12, 14, "The manifesto lists five principles of change "
                      "among other things:\n- Accumulation of human capital into "
                      "social capital, rallying the Nation through recognition of "
                      "Human Life as the highest value;\n- Quality of life, "
                      "eco-environment and equal opportunity for everyone;\n- The "
                      "rule of law, the rights and freedoms of the citizen;\n- Fair "
                      "distribution of resources, an open and strong competitive "
                      "economy with a minimized share of government;\n- An "
                      "effective system of government based on a fair electoral "
                      "process.");
        for (size_t i = 1; i < a->n_passages; i++)
            CHECK(a->passages[i].paragraph >= a->passages[i - 1].paragraph);
    }
    hs_article_free(a);
    hs_buf_free(&path);
    hs_buf_free(&data);
    hs_buf_free(&why);
    return 0;
}

/* ---- dates ------------------------------------------------------------ */

static void test_date_forms_on_line_3(void)
{
    static const struct {
        const char *line, *iso;
    } forms[] = {
        { "February 20, 2023", "2023-02-20" }, { "Feb 20, 2023", "2023-02-20" },
        { "Feb. 20 2023", "2023-02-20" },      { "20 February 2023", "2023-02-20" },
        { "20 Feb 2023", "2023-02-20" },       { "20 Feb. 2023", "2023-02-20" },
        { "2023-02-20", "2023-02-20" },        { "2023/02/20", "2023-02-20" },
        { "20.02.2023", "2023-02-20" },        { "  march 1, 2024 ", "2024-03-01" },
    };
    hs_buf why = HS_BUF_INIT, text = HS_BUF_INIT;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        hs_buf_reset(&text);
        hs_buf_printf(&text, "Title\n\n%s\n\nBody text.\n", forms[i].line);
        hs_article *a = read_str(text.data, &why);
        CHECK(a != NULL);
        if (!a)
            continue;
        CHECK_STR(a->date, forms[i].iso);
        CHECK_INT(a->n_passages, 1);
        check_passage(a, 0, 2, "Body text.");
        hs_article_free(a);
    }
    hs_buf_free(&text);
    hs_buf_free(&why);
}

static void test_not_a_date(void)
{
    hs_buf why = HS_BUF_INIT;

    hs_article *a = read_str("Title\n\nFirst paragraph.\n\nSecond.", &why);
    CHECK_STR(a->date, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 1, "First paragraph.");
    check_passage(a, 1, 2, "Second.");
    hs_article_free(a);

    /* a date with more lines in its block is text */
    a = read_str("Title\n\nFeb 20, 2023\nMore text\n\nBody.", &why);
    CHECK_STR(a->date, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 1, "Feb 20, 2023\nMore text");
    check_passage(a, 1, 2, "Body.");
    hs_article_free(a);

    /* only block 1 may be the date */
    a = read_str("Title\n\nBody.\n\nFeb 20, 2023", &why);
    CHECK_STR(a->date, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 1, 2, "Feb 20, 2023");
    hs_article_free(a);

    /* a date that does not exist is text */
    a = read_str("Title\n\nFeb 29, 2023\n\nBody.", &why);
    CHECK_STR(a->date, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 1, "Feb 29, 2023");
    hs_article_free(a);
    hs_buf_free(&why);
}

/* ---- the source line -------------------------------------------------- */

static void test_source(void)
{
    hs_buf why = HS_BUF_INIT;

    hs_article *a = read_str("Title\n\nBody.\n\nMore.\n", &why);
    CHECK_STR(a->source, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 1, 2, "More.");
    hs_article_free(a);

    a = read_str("Title\n\nBody.\n\nSource: https://example.org/a\n", &why);
    CHECK_STR(a->source, "https://example.org/a");
    CHECK_INT(a->n_passages, 1);
    check_passage(a, 0, 1, "Body.");
    hs_article_free(a);

    /* the last line of the last block */
    a = read_str("Title\n\nBody one.\nBody two.\nSource: https://example.org/b",
                 &why);
    CHECK_STR(a->source, "https://example.org/b");
    CHECK_INT(a->n_passages, 1);
    check_passage(a, 0, 1, "Body one.\nBody two.");
    hs_article_free(a);

    /* any case, white space or none after the colon, blank lines after */
    a = read_str("Title\n\nBody.\n\nSOURCE:https://example.org/c", &why);
    CHECK_STR(a->source, "https://example.org/c");
    hs_article_free(a);
    a = read_str("Title\n\nBody.\n\n  source:\t https://example.org/d  \n\n \n",
                 &why);
    CHECK_STR(a->source, "https://example.org/d");
    CHECK_INT(a->n_passages, 1);
    hs_article_free(a);

    /* "Source:" alone is dropped and sets nothing */
    a = read_str("Title\n\nBody.\n\nSource:\n", &why);
    CHECK_STR(a->source, NULL);
    CHECK_INT(a->n_passages, 1);
    hs_article_free(a);

    /* only the last line counts */
    a = read_str("Title\n\nSource: https://example.org/e\n\nBody.", &why);
    CHECK_STR(a->source, NULL);
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 1, "Source: https://example.org/e");
    check_passage(a, 1, 2, "Body.");
    hs_article_free(a);

    a = read_str("Title\n\nSources: many\n", &why);
    CHECK_STR(a->source, NULL);
    check_passage(a, 0, 1, "Sources: many");
    hs_article_free(a);

    /* a date and a source but no text */
    hs_buf_free(&why);
    static const char no_text[] = "Title\n\nFeb 20, 2023\n\nSource: https://x.org\n";
    CHECK_STR(refusal(no_text, sizeof no_text - 1), "no text besides the headline");
}

/* ---- bytes ------------------------------------------------------------ */

static void test_line_ends(void)
{
    hs_buf why = HS_BUF_INIT;
    hs_article *a = read_str("Title\r\n\r\nFeb 20, 2023\r\n\r\nLine one\r\n"
                             "line two\r\n \r\nNext.\r\n\r\nSource: https://x.org\r\n",
                             &why);
    CHECK_STR(a->title, "Title");
    CHECK_STR(a->date, "2023-02-20");
    CHECK_STR(a->source, "https://x.org");
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 2, "Line one\nline two");
    check_passage(a, 1, 3, "Next.");
    hs_article_free(a);

    a = read_str("Title\r\rBody\rmore\r\r\rLast.\r", &why);
    CHECK_STR(a->title, "Title");
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 1, "Body\nmore");
    check_passage(a, 1, 2, "Last.");
    hs_article_free(a);
    hs_buf_free(&why);
}

static void test_bom(void)
{
    hs_buf why = HS_BUF_INIT;
    hs_article *a = read_str("\xEF\xBB\xBFTitle\n\n20.02.2023\n\nBody.", &why);
    CHECK_STR(a->title, "Title");
    CHECK_STR(a->date, "2023-02-20");
    check_passage(a, 0, 2, "Body.");
    hs_article_free(a);
    hs_buf_free(&why);
}

static void test_invalid_utf8(void)
{
    hs_buf why = HS_BUF_INIT;
    /* UTF-8 with stray bytes: each becomes U+FFFD, the rest stays */
    hs_article *a = read_str("Ti\xFFtle Выборы\n\nBo\xC3" "dy \xE2\x82. Центральная "
                             "избирательная комиссия.\n\nSource: x\xC0", &why);
    CHECK(a != NULL);
    CHECK_STR(a->title, "Ti\xEF\xBF\xBDtle Выборы");
    CHECK_INT(a->n_passages, 1);
    check_passage(a, 0, 1, "Bo\xEF\xBF\xBD" "dy \xEF\xBF\xBD\xEF\xBF\xBD. Центральная "
                  "избирательная комиссия.");
    CHECK_STR(a->source, "x\xEF\xBF\xBD");
    hs_article_free(a);

    /* stray bytes in ASCII text, with no sign of another encoding */
    a = read_str("Bad \xFF\xFE bytes\n\nText with \xC3 invalid UTF-8 stays.", &why);
    CHECK(a != NULL);
    CHECK_STR(a->title, "Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes");
    check_passage(a, 0, 1, "Text with \xEF\xBF\xBD invalid UTF-8 stays.");
    hs_article_free(a);

    /* accented letters inside words: windows-1252, as browsers read it */
    a = read_str("\xC9lection \xE0 Gen\xE8ve\n\nLe d\xE9" "bat \x96 gr\xF6\xDF" "er.\n",
                 &why);
    CHECK(a != NULL);
    CHECK_STR(a->title, "Élection à Genève");
    check_passage(a, 0, 1, "Le débat – größer.");
    hs_article_free(a);
    hs_buf_free(&why);
}

/* Russian text in windows-1251 and KOI8-R, with no BOM to say so. */
static void test_legacy_cyrillic(void)
{
    static const char cp1251[] =
        "\xC2\xFB\xE1\xEE\xF0\xFB \xE2 \xCC\xE0\xE6\xE8\xEB\xE8\xF1: \xD6\xC8\xCA"
        " \xE7\xE0\xE2\xE5\xF0\xF8\xE8\xEB \xF0\xE5\xE3\xE8\xF1\xF2\xF0\xE0\xF6"
        "\xE8\xFE\r\n\r\n20 \xF4\xE5\xE2\xF0\xE0\xEB\xFF 2023\r\n\r\n\xD6\xE5\xED"
        "\xF2\xF0\xE0\xEB\xFC\xED\xE0\xFF \xE8\xE7\xE1\xE8\xF0\xE0\xF2\xE5\xEB"
        "\xFC\xED\xE0\xFF \xEA\xEE\xEC\xE8\xF1\xF1\xE8\xFF \xE7\xE0\xF0\xE5\xE3"
        "\xE8\xF1\xF2\xF0\xE8\xF0\xEE\xE2\xE0\xEB\xE0 \xE2\xF1\xE5\xF5 \xEA\xE0"
        "\xED\xE4\xE8\xE4\xE0\xF2\xEE\xE2.\r\n\r\n\xC0\xE3\xE8\xF2\xE0\xF6\xE8"
        "\xFF \xED\xE0\xF7\xED\xB8\xF2\xF1\xFF \xE2 \xEF\xEE\xED\xE5\xE4\xE5\xEB"
        "\xFC\xED\xE8\xEA.\r\n\r\nSource: https://example.kz/ru/1\r\n";
    static const char koi8[] =
        "\xF7\xD9\xC2\xCF\xD2\xD9 \xD7 \xED\xC1\xD6\xC9\xCC\xC9\xD3: \xE3\xE9\xEB"
        " \xDA\xC1\xD7\xC5\xD2\xDB\xC9\xCC \xD2\xC5\xC7\xC9\xD3\xD4\xD2\xC1\xC3"
        "\xC9\xC0\n\n20 \xC6\xC5\xD7\xD2\xC1\xCC\xD1 2023\n\n\xE3\xC5\xCE\xD4\xD2"
        "\xC1\xCC\xD8\xCE\xC1\xD1 \xC9\xDA\xC2\xC9\xD2\xC1\xD4\xC5\xCC\xD8\xCE"
        "\xC1\xD1 \xCB\xCF\xCD\xC9\xD3\xD3\xC9\xD1 \xDA\xC1\xD2\xC5\xC7\xC9\xD3"
        "\xD4\xD2\xC9\xD2\xCF\xD7\xC1\xCC\xC1 \xD7\xD3\xC5\xC8 \xCB\xC1\xCE\xC4"
        "\xC9\xC4\xC1\xD4\xCF\xD7.\n\n\xE1\xC7\xC9\xD4\xC1\xC3\xC9\xD1 \xCE\xC1"
        "\xDE\xCE\xA3\xD4\xD3\xD1 \xD7 \xD0\xCF\xCE\xC5\xC4\xC5\xCC\xD8\xCE\xC9"
        "\xCB.\n\nSource: https://example.kz/ru/1\n";
    const char *const files[] = { cp1251, koi8 };
    hs_buf why = HS_BUF_INIT;
    for (size_t i = 0; i < 2; i++) {
        hs_article *a = read_str(files[i], &why);
        CHECK(a != NULL);
        if (!a)
            continue;
        CHECK_STR(a->title, "Выборы в Мажилис: ЦИК завершил регистрацию");
        CHECK_STR(a->date, "2023-02-20");
        CHECK_STR(a->source, "https://example.kz/ru/1");
        CHECK_INT(a->n_passages, 2);
        check_passage(a, 0, 2, "Центральная избирательная комиссия зарегистрировала "
                      "всех кандидатов.");
        check_passage(a, 1, 3, "Агитация начнётся в понедельник.");
        hs_article_free(a);
    }
    hs_buf_free(&why);
}

static void test_refusals(void)
{
    static const char nul[] = "Title\n\nBo\0dy.";
    CHECK_STR(refusal(nul, sizeof nul - 1), "binary file (NUL bytes)");
    CHECK_STR(refusal("\0", 1), "binary file (NUL bytes)");
    CHECK_STR(refusal("", 0), "empty file");
    CHECK_STR(refusal(NULL, 0), "empty file");
    CHECK_STR(refusal(" \n\t\r\n \n", 7), "empty file");
    CHECK_STR(refusal("\xEF\xBB\xBF", 3), "empty file");
    CHECK_STR(refusal("\xEF\xBB\xBF \r\n", 6), "empty file");
    CHECK_STR(refusal("\xC2\xA0\n\xE3\x80\x80", 6), "empty file");
    CHECK_STR(refusal("Just a headline", 15), "no text besides the headline");
    CHECK_STR(refusal("Just a headline\n\n\n", 18), "no text besides the headline");
    CHECK_STR(refusal("Headline\n\nFeb 20, 2023\n", 23),
              "no text besides the headline");
    CHECK_STR(refusal("Source: https://x.org", 21), "no text besides the headline");
    CHECK_STR(refusal("Headline\n\nBody.", 15), "accepted");

    /* the reason is appended to what the caller has in why */
    hs_buf why = HS_BUF_INIT;
    hs_buf_puts(&why, "a.txt: ");
    hs_article *a;
    CHECK_INT(hs_read_text("a.txt", "", 0, &a, &why), HS_READ_BAD);
    CHECK(a == NULL);
    CHECK_STR(hs_buf_str(&why), "a.txt: empty file");
    hs_buf_free(&why);
    CHECK_INT(hs_read_text("a.txt", "", 0, &a, NULL), HS_READ_BAD);
    CHECK(a == NULL);
}

/* ---- blocks ----------------------------------------------------------- */

static void test_headline_block(void)
{
    hs_buf why = HS_BUF_INIT;
    hs_article *a = read_str("Title\nA standfirst under it.\n\nBody.", &why);
    CHECK_STR(a->title, "Title");
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 0, 0, "A standfirst under it.");
    check_passage(a, 1, 1, "Body.");
    hs_article_free(a);

    /* a headline with a second line and nothing else is text enough */
    a = read_str("  Title  \nSecond line\n", &why);
    CHECK_STR(a->title, "Title");
    CHECK_INT(a->n_passages, 1);
    check_passage(a, 0, 0, "Second line");
    hs_article_free(a);

    /* a date straight under the headline, no blank line between */
    static const char *const dated[] = {
        "Title\nFeb 20, 2023\n\nBody.",
        "Title\n20 февраля 2023 г.\n\nBody.",
        "Title\n2023 жылғы 20 ақпан\n\nBody.",
    };
    for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
        a = read_str(dated[i], &why);
        CHECK_STR(a->date, "2023-02-20");
        CHECK_INT(a->n_passages, 1);
        check_passage(a, 0, 1, "Body.");
        hs_article_free(a);
    }
    /* ... and text under it stays paragraph 0; block 1 is then text */
    a = read_str("Title\nFeb 20, 2023\nA standfirst.\n\nMarch 1, 2023\n\nBody.", &why);
    CHECK_STR(a->date, "2023-02-20");
    CHECK_INT(a->n_passages, 3);
    check_passage(a, 0, 0, "A standfirst.");
    check_passage(a, 1, 1, "March 1, 2023");
    hs_article_free(a);

    /* with a second line, block 1 may still be the date */
    a = read_str("Title\nSecond line\n\nFeb 20, 2023\n\nBody.", &why);
    CHECK_STR(a->date, "2023-02-20");
    CHECK_INT(a->n_passages, 2);
    check_passage(a, 1, 2, "Body.");
    hs_article_free(a);
    hs_buf_free(&why);
}

/* Block numbers follow Python's re.split(r"\n\s*\n", text) with blank
 * blocks left out, as the evaluation scripts count paragraphs. */
static void test_block_numbering(void)
{
    hs_buf why = HS_BUF_INIT;
    hs_article *a = read_str("\n\n \nTitle\n \t \nOne  \n  one b\n\n\n\nTwo\n"
                             "\xC2\xA0\nThree\n\n", &why);
    CHECK_STR(a->title, "Title");
    CHECK_INT(a->n_passages, 3);
    check_passage(a, 0, 1, "One  \n  one b");
    check_passage(a, 1, 2, "Two");
    check_passage(a, 2, 3, "Three");
    hs_article_free(a);
    hs_buf_free(&why);
}

static void test_long_paragraph_is_split(void)
{
    /* sentences of 60 words: as many as fit in a passage, then two more */
    enum { SENTENCE = 60, FIT = HS_PASSAGE_MAX_WORDS / SENTENCE, LEN = 4 + 58 * 5 + 5 };
    hs_buf text = HS_BUF_INIT, why = HS_BUF_INIT;
    hs_buf_puts(&text, "Title\n\nShort.\n\n");
    for (int s = 0; s < FIT + 2; s++) {
        for (int w = 0; w < SENTENCE - 1; w++)
            hs_buf_puts(&text, w ? " word" : "Word");
        hs_buf_puts(&text, " end. ");
    }
    hs_article *a = read_str(text.data, &why);
    CHECK_INT(a->n_passages, 3);
    check_passage(a, 0, 1, "Short.");
    CHECK_INT(a->passages[1].paragraph, 2);
    CHECK_INT(a->passages[2].paragraph, 2);
    /* each sentence is "Word" + 58 " word" + " end.", one space between */
    CHECK_INT(strlen(a->passages[1].text), FIT * LEN + (FIT - 1));
    CHECK_INT(strlen(a->passages[2].text), 2 * LEN + 1);
    hs_article_free(a);
    hs_buf_free(&text);
    hs_buf_free(&why);
}

int main(void)
{
    test_date_forms_on_line_3();
    test_not_a_date();
    test_source();
    test_line_ends();
    test_bom();
    test_invalid_utf8();
    test_legacy_cyrillic();
    test_refusals();
    test_headline_block();
    test_block_numbering();
    test_long_paragraph_is_split();
    int seed = test_seed(); /* 0, 77 when the shared data is absent, 99 */
    int result = check_done();
    if (seed == 99 || result != 0)
        return seed == 99 ? seed : result;
    return seed;
}
