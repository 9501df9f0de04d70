/* test-filters.c - hustings_query_add_filter and
 * hustings_query_set_date_range on an index of corpus/ and one HTML page
 * with a site name and a byline: each filter selects exactly what its
 * query field selects, with the same ranking, and narrows without making
 * the query's words required. */
#include "hustings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "tmpdir.h"

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Turnout in Almaty falls again</title>\n"
    "<meta property=\"og:site_name\" content=\"Steppe Post\">\n"
    "<meta name=\"author\" content=\"Aigerim Dauletova\">\n"
    "<meta property=\"og:url\" content=\"https://news.steppe-post.kz/2023/turnout\">\n"
    "</head><body><article><h1>Turnout in Almaty falls again</h1>\n"
    "<p>Turnout in Almaty fell to a record low in the Mazhilis election, the city commission "
    "said on Monday, with fewer than a third of registered voters casting a ballot.</p>\n"
    "<p>Observers said queues were short all day and several polling stations in the centre "
    "of the city were almost empty by the afternoon.</p>\n"
    "</article></body></html>\n";

static hustings_index_t *idx;

/* The results of q (limit 200) with a filter, or of q alone when filter
 * is -1: one line per passage, "path#ordinal score". */
static char *results(const char *q, int filter, const char *value, hustings_status_t *st)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_limit(query, 200);
    *st = filter < 0 ? HUSTINGS_STATUS_SUCCESS
                     : hustings_query_add_filter(query, (hustings_filter_t)filter, value);
    if (*st == HUSTINGS_STATUS_SUCCESS)
        CHECK_INT(hustings_query_search(query, &ps), HUSTINGS_STATUS_SUCCESS);
    for (; ps && hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
        hustings_passage_t *p = hustings_passages_get(ps);
        if (len + 4200 > cap)
            out = realloc(out, cap *= 2);
        len += (size_t)snprintf(out + len, cap - len, "%s#%u %.9f\n",
                                hustings_passage_get_path(p), hustings_passage_get_ordinal(p),
                                hustings_passage_get_score(p));
    }
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return out;
}

static unsigned lines(const char *s)
{
    unsigned n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* q with the filter gives what `field_form` gives, and n passages. */
static void check_filter(const char *q, hustings_filter_t filter, const char *value,
                         const char *field_form, unsigned n)
{
    hustings_status_t st;
    char *by_api = results(q, (int)filter, value, &st);
    char *by_field = results(field_form, -1, NULL, &st);
    CHECK_INT(st, HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(lines(by_api), n);
    CHECK_STR(by_api, by_field);
    free(by_api);
    free(by_field);
}

/* A filter refused with QUERY_SYNTAX and that message. */
static void check_refused(hustings_filter_t filter, const char *value, const char *why)
{
    hustings_status_t st;
    free(results("election", (int)filter, value, &st));
    CHECK_INT(st, HUSTINGS_STATUS_QUERY_SYNTAX);
    CHECK_STR(hustings_index_get_error(idx), why);
}

static void test_filters(void)
{
    check_filter("election", HUSTINGS_FILTER_LANG, "en", "(election) lang:en", 41);
    check_filter("выборы", HUSTINGS_FILTER_LANG, "russian", "(выборы) lang:ru", 22);
    check_filter("сайлау", HUSTINGS_FILTER_LANG, "kz", "(сайлау) lang:kk", 57);
    /* a query of no words: every passage the filter selects, as the
     * field alone */
    check_filter("", HUSTINGS_FILTER_LANG, "kk", "lang:kk", 70);
    check_filter("*", HUSTINGS_FILTER_PATH, "kk-05-shymkent-debaty.txt", "path:kk-05-shymkent-debaty.txt", 8);
    /* as the source facet lists it: with a dot, a host or a site name */
    check_filter("election", HUSTINGS_FILTER_SOURCE, "example.kz",
                 "(election) (source:example.kz OR site:\"example.kz\")", 32);
    check_filter("election", HUSTINGS_FILTER_SOURCE, "https://www.steppe-post.kz/news",
                 "(election) source:steppe-post.kz", 2);
    check_filter("election", HUSTINGS_FILTER_SOURCE, "Steppe Post",
                 "(election) site:\"Steppe Post\"", 2);
    check_filter("turnout", HUSTINGS_FILTER_SITE, "steppe post", "(turnout) site:\"Steppe Post\"", 2);
    check_filter("turnout", HUSTINGS_FILTER_SITE, "steppe-post.kz", "turnout site:\"nothing\"", 0);
    check_filter("almaty", HUSTINGS_FILTER_AUTHOR, "Aigerim Dauletova",
                 "almaty author:\"aigerim dauletova\"", 2);
    check_filter("almaty", HUSTINGS_FILTER_AUTHOR, "dauletova", "almaty author:dauletova", 2);
    check_filter("election", HUSTINGS_FILTER_PATH, "ru-01-samovydvizhentsy.txt",
                 "(election) path:ru-01-samovydvizhentsy.txt", 0);
    check_filter("выборы", HUSTINGS_FILTER_PATH, "corpus/ru-01-samovydvizhentsy.txt",
                 "(выборы) path:corpus/ru-01-samovydvizhentsy.txt", 8);
    /* a folder name with a space is one name, as the index keeps it */
    check_filter("turnout", HUSTINGS_FILTER_PATH, "news pages/steppe.html",
                 "turnout path:\"news pages/steppe.html\"", 2);
    check_filter("turnout", HUSTINGS_FILTER_PATH, "news", "turnout path:news", 0);
    /* a filter narrows: the words stay as wanted as without it (any of
     * them, all of them first) */
    check_filter("turnout Almaty", HUSTINGS_FILTER_LANG, "en", "(turnout Almaty) lang:en", 39);

    /* filters add up */
    hustings_query_t *query = NULL;
    unsigned long n = 0;
    CHECK_INT(hustings_query_create(idx, "turnout", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_add_filter(query, HUSTINGS_FILTER_LANG, "en"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(n, 12);
    CHECK_INT(hustings_query_add_filter(query, HUSTINGS_FILTER_SITE, "Steppe Post"),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(n, 2);
    CHECK_INT(hustings_query_add_filter(query, HUSTINGS_FILTER_LANG, NULL),
              HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_query_add_filter(NULL, HUSTINGS_FILTER_LANG, "en"),
              HUSTINGS_STATUS_NULL_POINTER);
    hustings_query_destroy(query);

    check_refused(HUSTINGS_FILTER_LANG, "zz",
                  "lang: needs a language code, e.g. lang:en, lang:ru or lang:kk");
    check_refused(HUSTINGS_FILTER_AUTHOR, "",
                  "author: needs a value, e.g. author:word or author:\"two words\"");
    check_refused(HUSTINGS_FILTER_SOURCE, "",
                  "source: needs a value, e.g. source:word or source:\"two words\"");
    check_refused((hustings_filter_t)99, "en", "unknown filter");
    /* a value that names nothing is refused, not a filter that finds
     * nothing; one language, not a list */
    check_refused(HUSTINGS_FILTER_PATH, "/",
                  "path: needs a value, e.g. path:word or path:\"two words\"");
    check_refused(HUSTINGS_FILTER_SITE, "  ",
                  "site: needs a value, e.g. site:word or site:\"two words\"");
    check_refused(HUSTINGS_FILTER_AUTHOR, " \t",
                  "author: needs a value, e.g. author:word or author:\"two words\"");
    check_refused(HUSTINGS_FILTER_LANG, "en ru",
                  "lang: needs a language code, e.g. lang:en, lang:ru or lang:kk");
}

/* q between since and until gives what q date:SINCE..UNTIL gives. */
static void check_dates(const char *q, const char *since, const char *until,
                        const char *field_form, unsigned n)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    hustings_status_t st;
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_limit(query, 200);
    CHECK_INT(hustings_query_set_date_range(query, since, until), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_search(query, &ps), HUSTINGS_STATUS_SUCCESS);
    char *by_field = results(field_form, -1, NULL, &st);
    unsigned i = 0;
    for (const char *line = by_field; *line; line = strchr(line, '\n') + 1, i++) {
        char got[4200];
        hustings_passage_t *p = hustings_passages_valid(ps) ? hustings_passages_get(ps) : NULL;
        snprintf(got, sizeof got, "%s#%u %.9f\n", p ? hustings_passage_get_path(p) : "",
                 p ? hustings_passage_get_ordinal(p) : 0, p ? hustings_passage_get_score(p) : 0);
        CHECK(strncmp(line, got, strlen(got)) == 0);
        hustings_passages_move_to_next(ps);
    }
    CHECK_INT(i, n);
    CHECK(!hustings_passages_valid(ps));
    free(by_field);
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
}

static void test_date_range(void)
{
    check_dates("turnout Almaty", "2023-03", NULL, "(turnout Almaty) date:2023-03..", 25);
    check_dates("self-nomination", "2023-02", "2023-02",
                "(self-nomination) date:2023-02..2023-02", 19);
    check_dates("tax OR vote", "2023-03-19", "2023-03-19", "(tax OR vote) date:2023-03-19", 8);
    check_dates("", "2023-03-19", "2023-03-19", "date:2023-03-19", 8);
}

int main(void)
{
    const char *src = getenv("top_srcdir");
    char corpus[4096];
    snprintf(corpus, sizeof corpus, "%s/corpus", src ? src : ".");
    char *tmp = tmpdir_make();
    char *html_dir = malloc(strlen(tmp) + 16);
    sprintf(html_dir, "%s/news pages", tmp);
    mkdir(html_dir, 0700);
    free(tmpdir_write(html_dir, "steppe.html", page, sizeof page - 1));
    char *index_path = malloc(strlen(tmp) + 8);
    sprintf(index_path, "%s/index", tmp);

    hustings_indexer_t *ix = NULL;
    hustings_summary_t sum;
    const char *paths[] = { corpus, html_dir };
    CHECK_INT(hustings_index_open(index_path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_indexer_run(ix, paths, 2, &sum), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);

    test_filters();
    test_date_range();

    hustings_index_close(idx);
    free(index_path);
    free(html_dir);
    tmpdir_remove(tmp);
    return check_done();
}
