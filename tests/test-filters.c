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
    /* a query that only leaves words out takes them from what the filter
     * selects, as when the field is written beside them */
    check_filter("NOT election", HUSTINGS_FILTER_LANG, "en", "NOT election lang:en", 57);
    check_filter("-election -turnout", HUSTINGS_FILTER_LANG, "en", "-election -turnout lang:en",
                 49);

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

/* The query q's warnings, one a line, before it runs (`run` 0) or after
 * a search with the date range since..until when either is not NULL. */
static char *warnings_of(const char *q, int run, const char *since, const char *until)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    if (since || until)
        CHECK_INT(hustings_query_set_date_range(query, since, until), HUSTINGS_STATUS_SUCCESS);
    if (run)
        CHECK_INT(hustings_query_search(query, &ps), HUSTINGS_STATUS_SUCCESS);
    size_t len = 0;
    char *out = calloc(1, 4096);
    unsigned n = hustings_query_count_warnings(query);
    for (unsigned i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, 4096 - len, "%s\n",
                                hustings_query_get_warning(query, i));
    CHECK(hustings_query_get_warning(query, n) == NULL);
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return out;
}

#define CHECK_WARNINGS(q, run, since, until, want)              \
    do {                                                        \
        char *got_ = warnings_of(q, run, since, until);         \
        CHECK_STR(got_, want);                                  \
        free(got_);                                             \
    } while (0)

static void test_warnings(void)
{
    /* what the query string says is known once it is parsed */
    CHECK_WARNINGS("titel:observers", 0, NULL, NULL,
                   "titel: is not a field; did you mean title:?\n");
    CHECK_WARNINGS("Auther:smith sorce:bbc", 0, NULL, NULL,
                   "Auther: is not a field; did you mean author:?\n"
                   "sorce: is not a field; did you mean source:?\n");
    CHECK_WARNINGS("colour:red", 0, NULL, NULL,
                   "colour: is not a field (the fields are title:, source:, site:, author:, "
                   "lang:, path:, date:)\n");
    CHECK_WARNINGS("titel:observers titel:observers", 0, NULL, NULL,
                   "titel: is not a field; did you mean title:?\n");
    CHECK_WARNINGS("a* candidates", 0, NULL, NULL,
                   "a*: a prefix* needs two letters or more; it was left out of the query\n");
    /* what it finds nothing for, once it runs (filters might have been
     * added until then) */
    CHECK_WARNINGS("NOT election", 0, NULL, NULL, "");
    CHECK_WARNINGS("NOT election", 1, NULL, NULL,
                   "the query only leaves words out: NOT and -word take away from what the "
                   "rest of a query finds, and this one has nothing else to search for\n");
    CHECK_WARNINGS("-election -vote", 1, NULL, NULL,
                   "the query only leaves words out: NOT and -word take away from what the "
                   "rest of a query finds, and this one has nothing else to search for\n");
    CHECK_WARNINGS("", 1, NULL, NULL, "the query is empty: there is nothing to search for\n");
    CHECK_WARNINGS(" \t", 1, NULL, NULL, "the query is empty: there is nothing to search for\n");
    CHECK_WARNINGS("the of", 1, NULL, NULL,
                   "very common words (the, of) are not searched for, and the query has no "
                   "other words\n");
    CHECK_WARNINGS("!!! ---", 1, NULL, NULL, "the query has no word to search for\n");
    CHECK_WARNINGS("a*", 1, NULL, NULL,
                   "a*: a prefix* needs two letters or more; it was left out of the query\n");
    /* none where the query means what it says */
    CHECK_WARNINGS("candidates", 1, NULL, NULL, "");
    CHECK_WARNINGS("title:observers 10:30 http://example.kz/a", 1, NULL, NULL, "");
    CHECK_WARNINGS("NOT election lang:en", 1, NULL, NULL, "");
    CHECK_WARNINGS("the election", 1, NULL, NULL, "");
    /* a date range leaves out the undated articles that match: the
     * corpus has three undated passages of candidates, in one article */
    CHECK_WARNINGS("candidates", 1, "2023-03", NULL,
                   "1 undated article matched but is not in the date range\n");
    CHECK_WARNINGS("candidates date:2023", 1, NULL, NULL,
                   "1 undated article matched but is not in the date range\n");
    CHECK_WARNINGS("turnout Almaty", 1, "2023-03", NULL,
                   "2 undated articles matched but are not in the date range\n");
    /* not when undated ones match anyway, or the range is excluded */
    CHECK_WARNINGS("candidates OR date:2023", 1, NULL, NULL, "");
    CHECK_WARNINGS("candidates -date:2023", 1, NULL, NULL, "");
    CHECK_WARNINGS("zzyzxqwv", 1, "2023-03", NULL, "");

    CHECK_INT(hustings_query_count_warnings(NULL), 0);
    CHECK(hustings_query_get_warning(NULL, 0) == NULL);

    /* a warning of the date range comes with the count and the facets
     * too, once */
    hustings_query_t *query = NULL;
    unsigned long n = 0;
    CHECK_INT(hustings_query_create(idx, "candidates", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_date_range(query, NULL, "2023-02"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 0);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 1);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 1);
    CHECK_STR(hustings_query_get_warning(query, 0),
              "1 undated article matched but is not in the date range");
    /* a filter added after it: the warning goes with the count it came
     * from (no Russian passage says candidates), the others stay */
    CHECK_INT(hustings_query_add_filter(query, HUSTINGS_FILTER_LANG, "ru"),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 0);
    n = 1;
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(n, 0);
    CHECK_INT(hustings_query_count_warnings(query), 0);
    hustings_query_destroy(query);
    CHECK_INT(hustings_query_create(idx, "a* candidates", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_date_range(query, NULL, "2023-02"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 2);
    CHECK_INT(hustings_query_set_date_range(query, NULL, "2023-01"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count_warnings(query), 1);
    CHECK_STR(hustings_query_get_warning(query, 0),
              "a*: a prefix* needs two letters or more; it was left out of the query");
    hustings_query_destroy(query);
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
    /* a time ago is a date, for the API as for the field; the corpus is
     * of 2023, so: everything from 100 years ago, nothing of the last
     * week */
    check_dates("candidates", "100y", NULL, "(candidates) date:100y..", 44);
    check_dates("candidates", "7d", NULL, "(candidates) date:7d..", 0);
    check_dates("candidates", NULL, "1w", "(candidates) date:..1w", 44);
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
    test_warnings();

    hustings_index_close(idx);
    free(index_path);
    free(html_dir);
    tmpdir_remove(tmp);
    return check_done();
}
