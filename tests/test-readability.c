/* test-readability.c - the HTML reader on real pages, against what Mozilla
 * Readability extracts from them (../shared/corpora/readability-pages, see
 * its SOURCE.md).
 *
 * For each page folder: source.html goes through hs_read_articles() and is
 * compared with expected-metadata.json and expected.html:
 *  - title: equal once both are NFKC case-folded and their white space
 *    collapsed ("" matches ""; the expected "" means the page has none),
 *    or the expected one is ours and the site's name that we drop;
 *  - byline: the same, null matching only null, or the expected one is
 *    ours and a dateline that we take out;
 *  - date: the same day, counted only where publishedTime is not null (the
 *    day as written in the timestamp, not converted to UTC);
 *  - body: token F1 between the words of all our passages and the words of
 *    expected.html's text.  A word is a run of letters, digits and marks,
 *    lower-cased, except that each Han, kana, Hangul or Thai character is a
 *    word of its own (those scripts do not put spaces between words).
 *    Words are counted with repetition (multiset precision and recall).
 * One line per page and a total line.  Every figure is checked as it is
 * today: each title matches, the bylines and dates that miss are the ones
 * listed below, each page's F1 (to three decimals) is 1.000 or the one
 * listed, and so are the totals.  A change either way fails: a regression
 * is caught, and an improvement updates the figures here with it.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <utf8proc.h>

#include "check.h"
#include "html/dom.h"
#include "reader.h"
#include "readfile.h"
#include "timestamp.h"

/* The pages whose byline or date differs from Readability's (VERBOSE=1
 * prints the bylines), and those whose F1 is below 1.000. */
static const char *const byline_misses[] = {
    "herald-sun-1", "ietf-1", "spiceworks", "telegraph", "tumblr", "wikia", "yahoo-1",
};
static const char *const date_misses[] = { "medium-3", "schema-org-context-object" };
static const struct {
    const char *page, *f1;
} f1_below_one[] = {
    { "bug-1255978", "0.999" },
    { "cnn", "0.994" },
    { "ebb-org", "0.998" },
    { "firefox-nightly-blog", "0.999" },
    { "google-sre-book-1", "0.987" },
    { "herald-sun-1", "0.999" },
    { "liberation-1", "0.998" },
    { "qq", "0.972" },
    { "replace-brs", "0.988" },
    { "social-buttons", "0.994" },
    { "table-style-attributes", "0.978" },
    { "webmd-1", "0.992" },
    { "wikipedia-3", "0.994" },
    { "wikipedia-4", "0.997" },
    { "yahoo-4", "0.992" },
};
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* The totals line's figures. */
#define PAGES 83
#define DATED 22
#define MEAN_F1 "0.999"

/* ---- normalising and tokenising ------------------------------------------ */

/* NFKC, case-folded, white space collapsed and trimmed; caller frees. */
static char *normalise(const char *s)
{
    utf8proc_uint8_t *folded = NULL;
    if (!s)
        return NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                      UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                      UTF8PROC_CASEFOLD);
    hs_buf out = HS_BUF_INIT;
    int space = 0;
    if (n >= 0)
        hs_append_collapsed(&out, (const char *)folded, (size_t)n, &space);
    free(folded);
    return hs_buf_detach(&out);
}

static int same_text(const char *got, const char *want)
{
    if (!got || !want)
        return !got && !want;
    char *a = normalise(got), *b = normalise(want);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* Readability keeps the site's name in some titles ("Headline | eHow");
 * hustings drops it when the page names its site.  The same headline
 * either way: want is got, a separator and the site. */
static int same_but_site(const char *got, const char *want, const char *site)
{
    if (!got || !want || !site || !*site)
        return 0;
    char *a = normalise(got), *b = normalise(want), *c = normalise(site);
    int same = 0;
    if (a && b && c && strncmp(a, b, strlen(a)) == 0) {
        const char *rest = b + strlen(a);
        rest += strspn(rest, " |-:/\xC2\xB7\xBB\xE2\x80\x93\x94");
        same = strcmp(rest, c) == 0;
    }
    free(a);
    free(b);
    free(c);
    return same;
}

/* Readability leaves a dateline in some bylines ("By Nathan Willis March
 * 25, 2015"); hustings takes the date out: want is got and a date. */
static int same_but_date(const char *got, const char *want)
{
    if (!got || !want || strncmp(got, want, strlen(got)) != 0)
        return 0;
    const char *rest = want + strlen(got);
    rest += strspn(rest, " \t\n,|-");
    hs_timestamp t;
    return *rest && hs_timestamp_parse(rest, strlen(rest), &t) == 0;
}

static int is_word_cp(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Scripts written without spaces: each character is a word. */
static int is_char_word(utf8proc_int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0x0E00 && cp <= 0x0E7F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

typedef struct words {
    char **w;
    size_t n, cap;
} words;

static void add_word(words *ws, hs_buf *w)
{
    if (w->len == 0)
        return;
    if (ws->n == ws->cap) {
        ws->cap = ws->cap ? ws->cap * 2 : 256;
        ws->w = realloc(ws->w, ws->cap * sizeof *ws->w);
        if (!ws->w)
            abort();
    }
    ws->w[ws->n++] = hs_buf_detach(w);
}

static void tokenise(const char *s, words *ws)
{
    hs_buf w = HS_BUF_INIT;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            add_word(ws, &w);
            i++;
            continue;
        }
        i += (size_t)n;
        if (!is_word_cp(cp)) {
            add_word(ws, &w);
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (is_char_word(cp)) {
            add_word(ws, &w);
            hs_buf_append(&w, (const char *)enc, (size_t)m);
            add_word(ws, &w);
        } else {
            hs_buf_append(&w, (const char *)enc, (size_t)m);
        }
    }
    add_word(ws, &w);
    hs_buf_free(&w);
}

static void words_free(words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Token F1 of got against want (multisets). */
static double f1(words *got, words *want)
{
    if (got->n == 0 || want->n == 0)
        return got->n == want->n ? 1.0 : 0.0;
    qsort(got->w, got->n, sizeof *got->w, compare_words);
    qsort(want->w, want->n, sizeof *want->w, compare_words);
    size_t i = 0, j = 0, common = 0;
    while (i < got->n && j < want->n) {
        int c = strcmp(got->w[i], want->w[j]);
        if (c == 0) {
            common++;
            i++;
            j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    double p = (double)common / (double)got->n, r = (double)common / (double)want->n;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* ---- one page ------------------------------------------------------------ */

typedef struct totals {
    size_t pages, titles, bylines, dated, dates;
    double f1;
} totals;

static const char *json_str(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    return json_object_get_string(v);
}

static int read_whole(const char *path, hs_buf *out)
{
    hs_buf why = HS_BUF_INIT;
    int rc = hs_read_file(path, 64u << 20, out, &why);
    if (rc < 0)
        fprintf(stderr, "%s: %s\n", path, hs_buf_str(&why));
    hs_buf_free(&why);
    return rc;
}

/* The text of expected.html, words and all. */
static void expected_words(const char *html, size_t len, words *ws)
{
    hs_buf why = HS_BUF_INIT, text = HS_BUF_INIT;
    xmlDocPtr doc;
    if (hs_html_parse(html, len, &doc, &why) == HS_READ_OK) {
        hs_html_text(xmlDocGetRootElement(doc), &text);
        xmlFreeDoc(doc);
    }
    tokenise(hs_buf_str(&text), ws);
    hs_buf_free(&text);
    hs_buf_free(&why);
}

static int listed(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

static const char *expected_f1(const char *name)
{
    for (size_t i = 0; i < COUNT(f1_below_one); i++)
        if (strcmp(f1_below_one[i].page, name) == 0)
            return f1_below_one[i].f1;
    return "1.000";
}

static int test_page(const char *dir, const char *name, totals *t)
{
    hs_buf path = HS_BUF_INIT, src = HS_BUF_INIT, meta = HS_BUF_INIT,
           body = HS_BUF_INIT, why = HS_BUF_INIT, ours = HS_BUF_INIT;
    hs_buf_printf(&path, "%s/%s/source.html", dir, name);
    if (read_whole(path.data, &src) < 0)
        return -1;
    hs_buf_reset(&path);
    hs_buf_printf(&path, "%s/%s/expected-metadata.json", dir, name);
    if (read_whole(path.data, &meta) < 0)
        return -1;
    hs_buf_reset(&path);
    hs_buf_printf(&path, "%s/%s/expected.html", dir, name);
    if (read_whole(path.data, &body) < 0)
        return -1;

    json_object *expected = json_tokener_parse(hs_buf_str(&meta));
    if (!expected) {
        fprintf(stderr, "%s: expected-metadata.json is not JSON\n", name);
        return -1;
    }
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf_reset(&path);
    hs_buf_printf(&path, "%s/source.html", name);
    int rc = hs_read_articles(path.data, hs_buf_str(&src), src.len, &list, &why);
    const hs_article *a = rc == 0 && list.n == 1 ? list.items[0] : NULL;

    const char *want_title = json_str(expected, "title");
    const char *want_byline = json_str(expected, "byline");
    const char *want_date = json_str(expected, "publishedTime");
    int title_ok = a && (same_text(a->title, want_title ? want_title : "") ||
                         same_but_site(a->title, want_title, a->site));
    int byline_ok = a && (same_text(a->byline, want_byline) ||
                          same_but_date(a->byline, want_byline));
    int date_ok = 0;
    if (want_date) {
        hs_timestamp ts;
        char day[11] = "";
        if (hs_timestamp_parse(want_date, strlen(want_date), &ts) == 0)
            hs_timestamp_date(&ts, day);
        date_ok = a && a->date && strcmp(a->date, day) == 0;
    }
    for (size_t i = 0; a && i < a->n_passages; i++) {
        hs_buf_puts(&ours, a->passages[i].text);
        hs_buf_putc(&ours, '\n');
    }
    words got = { NULL, 0, 0 }, want = { NULL, 0, 0 };
    tokenise(hs_buf_str(&ours), &got);
    expected_words(hs_buf_str(&body), body.len, &want);
    double score = f1(&got, &want);

    printf("%-40s title %-3s byline %-3s date %-3s F1 %.3f", name,
           title_ok ? "yes" : "NO", byline_ok ? "yes" : "no",
           !want_date ? "-" : date_ok ? "yes" : "NO", score);
    if (!a)
        printf("  (%s)", rc < 0 ? hs_buf_str(&why) : "not one article");
    if (a && !title_ok)
        printf("  title \"%s\" want \"%s\"", a->title, want_title ? want_title : "");
    if (a && !byline_ok && getenv("VERBOSE"))
        printf("  byline \"%s\" want \"%s\"", a->byline ? a->byline : "(null)",
               want_byline ? want_byline : "(null)");
    if (a && want_date && !date_ok)
        printf("  date %s want %s", a->date ? a->date : "(null)", want_date);
    printf("\n");

    /* the line above, as it should read */
    char line[160], should[160];
    snprintf(line, sizeof line, "%s: title %s byline %s date %s F1 %.3f", name,
             title_ok ? "yes" : "NO", byline_ok ? "yes" : "no",
             !want_date ? "-" : date_ok ? "yes" : "NO", score);
    snprintf(should, sizeof should, "%s: title yes byline %s date %s F1 %s", name,
             listed(byline_misses, COUNT(byline_misses), name) ? "no" : "yes",
             !want_date ? "-" : listed(date_misses, COUNT(date_misses), name) ? "NO" : "yes",
             expected_f1(name));
    CHECK_STR(line, should);

    t->pages++;
    t->titles += title_ok;
    t->bylines += byline_ok;
    t->dated += want_date != NULL;
    t->dates += date_ok;
    t->f1 += score;

    words_free(&got);
    words_free(&want);
    hs_article_list_clear(&list);
    json_object_put(expected);
    hs_buf_free(&path);
    hs_buf_free(&src);
    hs_buf_free(&meta);
    hs_buf_free(&body);
    hs_buf_free(&why);
    hs_buf_free(&ours);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    const char *shared = check_shared_dir();
    if (!shared)
        return 77;
    hs_buf dir = HS_BUF_INIT;
    hs_buf_printf(&dir, "%s/corpora/readability-pages", shared);
    DIR *d = opendir(dir.data);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", dir.data);
        return 99;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.' || strchr(de->d_name, '.'))
            continue; /* ".", "..", SOURCE.md */
        if (n == cap) {
            cap = cap ? cap * 2 : 128;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                return 99;
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);

    totals t = { 0, 0, 0, 0, 0, 0 };
    int hard = 0;
    for (size_t i = 0; i < n; i++) {
        if (test_page(dir.data, names[i], &t) < 0)
            hard = 1;
        free(names[i]);
    }
    free(names);
    hs_buf_free(&dir);
    if (hard || t.pages == 0)
        return 99;

    double title = (double)t.titles / (double)t.pages;
    double byline = (double)t.bylines / (double)t.pages;
    double date = t.dated ? (double)t.dates / (double)t.dated : 1;
    double mean_f1 = t.f1 / (double)t.pages;
    printf("TOTAL %zu pages: title %.1f%% byline %.1f%% date %.1f%% (of %zu) mean F1 %.3f\n",
           t.pages, 100 * title, 100 * byline, 100 * date, t.dated, mean_f1);
    char f1_text[16];
    snprintf(f1_text, sizeof f1_text, "%.3f", mean_f1);
    CHECK_INT(t.pages, PAGES);
    CHECK_INT(t.titles, PAGES);
    CHECK_INT(t.bylines, PAGES - COUNT(byline_misses));
    CHECK_INT(t.dated, DATED);
    CHECK_INT(t.dates, DATED - COUNT(date_misses));
    CHECK_STR(f1_text, MEAN_F1);
    return check_done();
}
