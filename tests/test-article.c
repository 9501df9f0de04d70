/* test-article.c - hs_article: metadata and splitting paragraphs into
 * passages. */
#include <string.h>

#include "article.h"
#include "check.h"

/* politics/council-tax-rise-reasonable.txt, paragraph 2, of the BBC corpus:
 * 292 words, with quotes that close sentences and sentences that open with
 * a quote. */
static const char council_tax[] =
    "Finance Minister Sue Essex said it was a \"good deal\" for local government. "
    "The £3.2bn settlement includes the \"full\" £7.4m from the UK "
    "Treasury announced by Chancellor Gordon Brown. But opposition parties said "
    "rebanding of council taxes would mean steep rises. In addition, £13.4m "
    "will come from the business support grant - a scheme which enables local "
    "authorities to keep part of business rates. She said where spending rises "
    "were kept to around 5% she was \"confident that councils will be able to set "
    "council taxes at reasonable levels.\" The Welsh Local Government Association "
    "(WLGA) had said on the eve of the announcement said that \"significant\" cuts "
    "to services may still be unavoidable. After the announcement WLGA finance "
    "spokesman Bob Wellington, of Torfaen, said it was vital that rises were "
    "minimsed. \"A limited amount of money has come available but this is not the "
    "answer to our problems,\" said Mr Wellington. \"It is vital that we start now "
    "to plan for future years and accept that resources will continue to reduce "
    "while pressures on services increase.\" On Monday, a delegation of north "
    "Wales councils visited Ms Essex to lobby for increased funds. Ms Essex said: "
    "\"I have listened to the views of local government and council tax payers "
    "and recognise the funding pressures and the concerns they have about council "
    "tax rises. \"I have met a large number of local authorities in recent weeks "
    "and I am aware of the pressures on them to provide local services and keep "
    "down the level of council tax, particularly for those people to are moving "
    "up a band due to the revaluation of domestic properties.\" She said council "
    "taxes could be kept at reasonable levels, \"even for those people who have "
    "moved up a band\".";

/* ---- helpers ---------------------------------------------------------- */

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        if (!is_ascii_space(s[i]) && (i == 0 || is_ascii_space(s[i - 1])))
            n++;
    return n;
}

/* The words of s, joined by single spaces, appended to b. */
static void append_words(hs_buf *b, const char *s)
{
    for (size_t i = 0; s[i]; i++) {
        if (is_ascii_space(s[i]))
            continue;
        if (b->len)
            hs_buf_putc(b, ' ');
        size_t j = i;
        while (s[j] && !is_ascii_space(s[j]))
            j++;
        hs_buf_append(b, s + i, j - i);
        i = j - 1;
    }
}

/* n words "W1 w2 ... wn" appended to b, with `last` appended to the last
 * (the first is capitalised so that it may start a sentence). */
static void append_filler(hs_buf *b, size_t n, const char *last)
{
    for (size_t i = 1; i <= n; i++)
        hs_buf_printf(b, "%s%c%zu%s", i > 1 ? " " : "", i > 1 ? 'w' : 'W', i,
                      i == n ? last : "");
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every passage of a: at most the maximum of words, trimmed, and their words
 * in order are the words of `paragraph`. */
static void check_covers(const hs_article *a, const char *paragraph)
{
    hs_buf want = HS_BUF_INIT, got = HS_BUF_INIT;
    append_words(&want, paragraph);
    for (size_t i = 0; i < a->n_passages; i++) {
        const char *t = a->passages[i].text;
        CHECK(word_count(t) <= HS_PASSAGE_MAX_WORDS);
        CHECK(t[0] && !is_ascii_space(t[0]) && !is_ascii_space(t[strlen(t) - 1]));
        append_words(&got, t);
    }
    CHECK_STR(hs_buf_str(&got), hs_buf_str(&want));
    hs_buf_free(&want);
    hs_buf_free(&got);
}

/* Words of the sentence before a tail: 20 short of a passage. */
#define LEAD (HS_PASSAGE_MAX_WORDS - 20)

/* A paragraph of a LEAD-word sentence, then `tail`, then 40 more words and a
 * full stop.  Where the first sentence of `tail` ends decides the split: a
 * sentence end within the tail's first 20 words lets the words before it
 * join the first passage; without one, the second passage starts at the
 * tail.  Returns the article (two passages expected). */
static hs_article *split_after_lead(const char *tail)
{
    hs_buf b = HS_BUF_INIT;
    append_filler(&b, LEAD, ".");
    hs_buf_printf(&b, " %s ", tail);
    append_filler(&b, 40, ".");
    hs_article *a = hs_article_new("t.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 4), 0);
    CHECK_INT(a->n_passages, 2);
    check_covers(a, b.data);
    hs_buf_free(&b);
    return a;
}

/* `tail` holds no sentence end: the second passage starts with it. */
static void check_not_split(const char *tail)
{
    hs_article *a = split_after_lead(tail);
    char lead_end[16];
    snprintf(lead_end, sizeof lead_end, " w%d.", LEAD);
    if (a->n_passages == 2) {
        CHECK(ends_with(a->passages[0].text, lead_end));
        if (!starts_with(a->passages[1].text, tail))
            fprintf(stderr, "split inside \"%s\": \"%.60s\"\n", tail,
                    a->passages[1].text);
        CHECK(starts_with(a->passages[1].text, tail));
    }
    hs_article_free(a);
}

/* `tail` is "<first sentence><sep><rest>": the first passage ends with the
 * first sentence, the second starts with `rest`. */
static void check_split_at(const char *first, const char *sep, const char *rest)
{
    hs_buf tail = HS_BUF_INIT;
    hs_buf_printf(&tail, "%s%s%s", first, sep, rest);
    hs_article *a = split_after_lead(tail.data);
    if (a->n_passages == 2) {
        if (!ends_with(a->passages[0].text, first))
            fprintf(stderr, "no split after \"%s\"\n", first);
        CHECK(ends_with(a->passages[0].text, first));
        CHECK(starts_with(a->passages[1].text, rest));
    }
    hs_article_free(a);
    hs_buf_free(&tail);
}

static void check_split(const char *first, const char *rest)
{
    check_split_at(first, " ", rest);
}

/* ---- tests ------------------------------------------------------------ */

static void test_new_article(void)
{
    hs_article *a = hs_article_new("corpus/a.txt");
    CHECK(a != NULL);
    CHECK_STR(a->path, "corpus/a.txt");
    CHECK_STR(a->title, "");
    CHECK_STR(a->date, NULL);
    CHECK_STR(a->source, NULL);
    CHECK_INT(a->n_passages, 0);
    hs_article_free(a);
    hs_article_free(NULL);
}

static void test_metadata(void)
{
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_set_title(a, "Headline and more", 8), 0);
    CHECK_STR(a->title, "Headline");
    CHECK_INT(hs_article_set_title(a, "Second", 6), 0);
    CHECK_STR(a->title, "Second");
    CHECK_INT(hs_article_set_title(a, NULL, 0), 0);
    CHECK_STR(a->title, "");
    CHECK_INT(hs_article_set_date(a, "2023-02-20xyz", 10), 0);
    CHECK_STR(a->date, "2023-02-20");
    CHECK_INT(hs_article_set_date(a, NULL, 0), 0);
    CHECK_STR(a->date, NULL);
    CHECK_INT(hs_article_set_source(a, "https://example.org/x", 21), 0);
    CHECK_STR(a->source, "https://example.org/x");
    CHECK_INT(hs_article_set_source(a, "https://example.org/y", 21), 0);
    CHECK_STR(a->source, "https://example.org/y");
    CHECK_INT(hs_article_set_source(a, NULL, 0), 0);
    CHECK_STR(a->source, NULL);
    CHECK_INT(hs_article_set_title(a, "bad \xFF byte", 10), 0);
    CHECK_STR(a->title, "bad \xEF\xBF\xBD byte");
    hs_article_free(a);
}

static void test_short_paragraph_is_one_passage(void)
{
    hs_article *a = hs_article_new("a.txt");
    const char *p = "Short paragraph. Two sentences.";
    CHECK_INT(hs_article_add_paragraph(a, p, strlen(p), 3), 0);
    CHECK_INT(a->n_passages, 1);
    CHECK_STR(a->passages[0].text, p);
    CHECK_INT(a->passages[0].paragraph, 3);

    const char *q = "Second one,\nkept  as\tit is.";
    CHECK_INT(hs_article_add_paragraph(a, q, strlen(q), 5), 0);
    CHECK_INT(a->n_passages, 2);
    CHECK_STR(a->passages[1].text, q);
    CHECK_INT(a->passages[1].paragraph, 5);
    hs_article_free(a);
}

static void test_exactly_the_maximum_is_one_passage(void)
{
    hs_buf b = HS_BUF_INIT;
    append_filler(&b, HS_PASSAGE_MAX_WORDS / 2, ".");
    hs_buf_puts(&b, " ");
    append_filler(&b, HS_PASSAGE_MAX_WORDS - HS_PASSAGE_MAX_WORDS / 2, ".");
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 1), 0);
    CHECK_INT(a->n_passages, 1);
    CHECK_STR(a->passages[0].text, b.data);

    /* one word more: the two sentences still fill a passage, greedily */
    char more[16];
    snprintf(more, sizeof more, "W%d.", HS_PASSAGE_MAX_WORDS + 1);
    hs_buf_printf(&b, " %s", more);
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 2), 0);
    CHECK_INT(a->n_passages, 3);
    CHECK_INT(word_count(a->passages[1].text), HS_PASSAGE_MAX_WORDS);
    CHECK_STR(a->passages[2].text, more);
    hs_article_free(a);
    hs_buf_free(&b);
}

static void test_trimming(void)
{
    hs_article *a = hs_article_new("a.txt");
    const char *p = "  \n\t Text with edges.\r\n  ";
    CHECK_INT(hs_article_add_paragraph(a, p, strlen(p), 1), 0);
    /* no-break and ideographic spaces are white space too */
    const char *q = "\xC2\xA0" "Inner\xC2\xA0space.\xE3\x80\x80";
    CHECK_INT(hs_article_add_paragraph(a, q, strlen(q), 2), 0);
    CHECK_INT(a->n_passages, 2);
    CHECK_STR(a->passages[0].text, "Text with edges.");
    CHECK_STR(a->passages[1].text, "Inner\xC2\xA0space.");
    hs_article_free(a);
}

static void test_empty_paragraph_adds_nothing(void)
{
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, "", 0, 1), 0);
    CHECK_INT(hs_article_add_paragraph(a, " \n\t\r\n ", 6, 2), 0);
    CHECK_INT(hs_article_add_paragraph(a, "\xC2\xA0", 2, 3), 0);
    CHECK_INT(hs_article_add_paragraph(a, "text", 0, 4), 0);
    CHECK_INT(a->n_passages, 0);
    hs_article_free(a);
}

static void test_length_is_respected(void)
{
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, "One two. Three", 8, 1), 0);
    CHECK_INT(a->n_passages, 1);
    CHECK_STR(a->passages[0].text, "One two.");
    hs_article_free(a);
}

static void test_invalid_utf8_is_repaired(void)
{
    hs_article *a = hs_article_new("a.txt");
    const char p[] = "Bad \xC3 byte and \xE2\x82 cut.";
    CHECK_INT(hs_article_add_paragraph(a, p, sizeof p - 1, 1), 0);
    CHECK_INT(a->n_passages, 1);
    CHECK_STR(a->passages[0].text,
              "Bad \xEF\xBF\xBD byte and \xEF\xBF\xBD\xEF\xBF\xBD cut.");
    hs_article_free(a);
}

static void test_real_paragraph(void)
{
    /* 292 words: sentences packed greedily into a first passage of at most
     * HS_PASSAGE_MAX_WORDS (200) words, the rest into a second */
    hs_article *a = hs_article_new("politics/council-tax-rise-reasonable.txt");
    CHECK_INT(word_count(council_tax), 292);
    CHECK_INT(hs_article_add_paragraph(a, council_tax, strlen(council_tax), 2), 0);
    CHECK_INT(a->n_passages, 2);
    check_covers(a, council_tax);
    for (size_t i = 0; i < a->n_passages; i++) {
        CHECK_INT(a->passages[i].paragraph, 2);
        CHECK(strstr(council_tax, a->passages[i].text) != NULL); /* bytes kept */
    }
    if (a->n_passages == 2) {
        CHECK_INT(word_count(a->passages[0].text), 192);
        CHECK_INT(word_count(a->passages[1].text), 100);
        CHECK(starts_with(a->passages[0].text, "Finance Minister Sue Essex said"));
        CHECK(ends_with(a->passages[0].text, "On Monday, a delegation of north Wales "
                        "councils visited Ms Essex to lobby for increased funds."));
        CHECK(starts_with(a->passages[1].text, "Ms Essex said: \"I have listened"));
        CHECK(ends_with(a->passages[1].text, "\"even for those people who have "
                        "moved up a band\"."));
    }
    hs_article_free(a);
}

static void test_sentence_ends(void)
{
    check_split("Then it ended.", "Smith left");
    check_split("Then it ended!", "Smith left");
    check_split("Then it ended?", "Smith left");
    check_split("Did it end?!", "Smith left");
    check_split("Then it ended…", "Smith left");
    check_split("Then it ended...", "Smith left");
    check_split("He said \"no.\"", "Smith left");
    check_split("He said “no.”", "Smith left");
    check_split("He said (no.)", "Smith left");
    check_split("He said 'no.'", "Smith left");
    check_split("It ended.", "2023 was quiet");
    check_split("It ended.", "\"Quiet,\" said one");
    check_split("It ended.", "“Quiet,” said one");
    check_split("It ended.", "'Quiet,' said one");
    check_split("It ended.", "«Quiet», said one");
    check_split_at("Then it ended.", "\n", "Smith left");
    check_split_at("Then it ended.", " \t\n  ", "Smith left");
    check_split_at("Then\nit ended.", " ", "Smith left");
}

static void test_no_sentence_end(void)
{
    check_not_split("Then it ended. and Smith left");  /* lower case */
    check_not_split("Then it ended.Smith left");       /* no space */
    check_not_split("It rose 3.5 Points");
    check_not_split("Then it ended, Smith left");
    check_not_split("It ended. - Smith left");
}

static void test_abbreviations(void)
{
    check_not_split("Then Mr. Smith left");
    check_not_split("Then Mrs. Smith left");
    check_not_split("Then Ms. Smith left");
    check_not_split("Then Dr. Jones left");
    check_not_split("Then St. Petersburg voted");
    check_not_split("Then Prof. Jones left");
    check_not_split("Then Gen. Jones left");
    check_not_split("Then Sen. Jones left");
    check_not_split("Then the U.S. Army left");
    check_not_split("Then the U.K. Parliament voted");
    check_not_split("Then J. Smith left");
    check_not_split("Then John F. Kennedy left");
    check_not_split("Then (Mr. Smith) left");
    check_not_split("Then \"Mr. Smith\" left");
    check_not_split("On Feb. 20 Smith left");
    check_not_split("Then No. 10 said so");
    check_not_split("Some e.g. Smith left");
}

/* "w<n>" as text, for the filler word n. */
static const char *filler_word(char *buf, size_t size, const char *before, int n,
                               const char *after)
{
    snprintf(buf, size, "%sw%d%s", before, n, after);
    return buf;
}

static void test_long_sentence_is_cut_between_words(void)
{
    enum { M = HS_PASSAGE_MAX_WORDS };
    char w[32];
    hs_buf b = HS_BUF_INIT;
    append_filler(&b, 3 * M, "");
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 7), 0);
    CHECK_INT(a->n_passages, 3);
    check_covers(a, b.data);
    if (a->n_passages == 3) {
        /* equal chunks, so that none is a stray word or two */
        CHECK_INT(word_count(a->passages[0].text), M);
        CHECK_INT(word_count(a->passages[1].text), M);
        CHECK_INT(word_count(a->passages[2].text), M);
        CHECK(starts_with(a->passages[0].text, "W1 w2 "));
        CHECK(ends_with(a->passages[0].text, filler_word(w, sizeof w, " ", M, "")));
        CHECK(starts_with(a->passages[1].text, filler_word(w, sizeof w, "", M + 1, " ")));
        CHECK(ends_with(a->passages[2].text, filler_word(w, sizeof w, " ", 3 * M, "")));
        CHECK_INT(a->passages[2].paragraph, 7);
    }
    hs_article_free(a);

    /* one word too many: two halves, not a passage and a word */
    hs_buf_reset(&b);
    append_filler(&b, M + 1, "");
    a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 1), 0);
    CHECK_INT(a->n_passages, 2);
    if (a->n_passages == 2) {
        CHECK_INT(word_count(a->passages[0].text), M / 2 + 1);
        CHECK_INT(word_count(a->passages[1].text), M / 2);
    }
    check_covers(a, b.data);
    hs_article_free(a);
    hs_buf_free(&b);
}

static void test_long_sentence_between_short_ones(void)
{
    enum { M = HS_PASSAGE_MAX_WORDS, LONG = 2 * M + 10 };
    char w[32];
    hs_buf b = HS_BUF_INIT;
    hs_buf_puts(&b, "It began. ");
    append_filler(&b, LONG, ".");
    hs_buf_puts(&b, " It ended.");
    hs_article *a = hs_article_new("a.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 1), 0);
    CHECK_INT(a->n_passages, 5);
    check_covers(a, b.data);
    if (a->n_passages == 5) {
        /* the long sentence alone, in three equal chunks */
        CHECK_STR(a->passages[0].text, "It began.");
        for (int c = 0; c < 3; c++) /* the first chunks take what is over */
            CHECK_INT(word_count(a->passages[1 + c].text), LONG / 3 + (c < LONG % 3));
        CHECK(ends_with(a->passages[3].text, filler_word(w, sizeof w, " ", LONG, ".")));
        CHECK_STR(a->passages[4].text, "It ended.");
    }
    hs_article_free(a);
    hs_buf_free(&b);
}

static void test_cyrillic(void)
{
    check_split("Выборы прошли.", "Кандидаты ушли");
    check_split("Сайлау өтті.", "Әділет");     /* Kazakh capital Ә */
    check_split("«Мы едины», — сказал он.", "«Нет»");
    check_split("Он ждал…", "Потом ушёл");
    check_not_split("Они прошли. кандидаты");  /* lower case goes on */
    check_not_split("Он в г. Алматы");         /* г. = город, the city of */
    check_not_split("Улица им. Абая");         /* им. = named after */
    check_not_split("Он и А. Нуржанов");       /* an initial */
}

static void test_cyrillic_paragraph(void)
{
    /* sentences "Кандидат номер N выступил." of 4 words: M/4 of them fill a
     * passage, and 10 more make a second one */
    enum { M = HS_PASSAGE_MAX_WORDS, FULL = M / 4 };
    char first[64], next[64];
    hs_buf b = HS_BUF_INIT;
    for (int i = 1; i <= FULL + 10; i++)
        hs_buf_printf(&b, "%sКандидат номер %d выступил.", i > 1 ? " " : "", i);
    hs_article *a = hs_article_new("kk.txt");
    CHECK_INT(hs_article_add_paragraph(a, b.data, b.len, 2), 0);
    CHECK_INT(a->n_passages, 2);
    check_covers(a, b.data);
    if (a->n_passages == 2) {
        CHECK_INT(word_count(a->passages[0].text), 4 * FULL);
        CHECK_INT(word_count(a->passages[1].text), 40);
        snprintf(first, sizeof first, "Кандидат номер %d выступил.", FULL);
        snprintf(next, sizeof next, "Кандидат номер %d выступил.", FULL + 1);
        CHECK(ends_with(a->passages[0].text, first));
        CHECK(starts_with(a->passages[1].text, next));
    }
    hs_article_free(a);
    hs_buf_free(&b);
}

int main(void)
{
    test_new_article();
    test_metadata();
    test_short_paragraph_is_one_passage();
    test_exactly_the_maximum_is_one_passage();
    test_trimming();
    test_empty_paragraph_adds_nothing();
    test_length_is_respected();
    test_invalid_utf8_is_repaired();
    test_real_paragraph();
    test_sentence_ends();
    test_no_sentence_end();
    test_abbreviations();
    test_long_sentence_is_cut_between_words();
    test_long_sentence_between_short_ones();
    test_cyrillic();
    test_cyrillic_paragraph();
    return check_done();
}
