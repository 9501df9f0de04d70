/* filters.c - lang= and source= as fields of the query string.
 *
 * The public API filters by date only (hustings_query_set_date_range);
 * language and source are query fields, so they are added to the string:
 * "(q) lang:en source:example.kz".  q is bracketed so that its ORs keep
 * to themselves; a plain query may hold what the strict parser refuses
 * (a stray bracket, an open quote), which is made what the lenient parser
 * reads before the filters are added.
 */
#include "filters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_access.h"

/* Whether q's brackets outside quotes pair up. */
static int brackets_pair(const char *q)
{
    int depth = 0, quoted = 0;
    for (; *q && depth >= 0; q++) {
        if (*q == '"')
            quoted = !quoted;
        else if (!quoted)
            depth += (*q == '(') - (*q == ')');
    }
    return depth == 0;
}

char *query_filters(const char *lang, const char *source)
{
    size_t len = 64 + 2 * (source ? strlen(source) : 0) + (lang ? strlen(lang) : 0);
    char *out = malloc(len);
    if (!out)
        return NULL;
    size_t n = 0;
    out[0] = '\0';
    if (lang && *lang)
        n += (size_t)snprintf(out, len, " lang:%s", lang);
    if (source && *source) {
        /* a site name goes quoted; a value that may be a host ("bbc.co.uk")
         * is either, since the source facet gives site names with dots too
         * ("news.com.au") */
        int host = strchr(source, '.') && !strpbrk(source, " ()");
        if (host)
            snprintf(out + n, len - n, " (source:%s OR site:\"%s\")", source, source);
        else
            snprintf(out + n, len - n, " site:\"%s\"", source);
    }
    return out;
}

/* "(q)" and the filters.  A last open quote is closed (a phrase runs to
 * the end of the query either way); brackets outside quotes are dropped
 * when strip is set, as the lenient parsing of plain words drops them.
 * NULL when memory ran out. */
static char *wrap(const char *q, const char *suffix, int strip)
{
    size_t len = strlen(q) + strlen(suffix) + 4, n = 0;
    char *out = malloc(len);
    if (!out)
        return NULL;
    int quoted = 0;
    out[n++] = '(';
    for (const char *p = q; *p; p++) {
        quoted ^= *p == '"';
        out[n++] = strip && !quoted && (*p == '(' || *p == ')') ? ' ' : *p;
    }
    if (quoted)
        out[n++] = '"';
    out[n++] = ')';
    strcpy(out + n, suffix);
    return out;
}

/* Whether the plain query finds nothing (a query without words: "*",
 * a lone quote): then no filter can narrow it.  A count stopped by the
 * time limit is answered as such (*costly set), not taken for a match. */
static int finds_nothing(hustings_query_t *plain, int *costly)
{
    unsigned long n = 1;
    hustings_status_t st = hustings_query_count(plain, &n);
    *costly = st == HUSTINGS_STATUS_QUERY_TOO_COSTLY;
    return st == HUSTINGS_STATUS_SUCCESS && n == 0;
}

hustings_status_t filtered_query_create(hustings_index_t *index, const char *q,
                                        const char *suffix, double time_limit,
                                        hustings_query_t **query)
{
    hustings_status_t st = serve_query_create(index, q, time_limit, query);
    if (st != HUSTINGS_STATUS_SUCCESS || !*suffix)
        return st;
    hustings_query_t *plain = *query;
    *query = NULL;
    int strip = !brackets_pair(q); /* only plain words parse so */
    for (;; strip = 1) {
        char *full = wrap(q, suffix, strip);
        st = full ? serve_query_create(index, full, time_limit, query)
                  : HUSTINGS_STATUS_OUT_OF_MEMORY;
        free(full);
        if (st != HUSTINGS_STATUS_QUERY_SYNTAX || strip)
            break;
    }
    /* q parses alone but not with the filters, even stripped: when it
     * finds nothing alone (it has no word: "*", a lone quote), nothing
     * it is, filtered or not; else the filters are at fault (lang=zz),
     * and their error stands */
    int costly = 0;
    if (st == HUSTINGS_STATUS_QUERY_SYNTAX && finds_nothing(plain, &costly)) {
        *query = plain;
        return HUSTINGS_STATUS_SUCCESS;
    }
    if (costly) {
        hustings_query_destroy(*query);
        *query = NULL;
        st = HUSTINGS_STATUS_QUERY_TOO_COSTLY;
    }
    if (st == HUSTINGS_STATUS_QUERY_SYNTAX) { /* its message again, the last */
        char *full = wrap(q, suffix, 1);
        st = full ? serve_query_create(index, full, time_limit, query)
                  : HUSTINGS_STATUS_OUT_OF_MEMORY;
        free(full);
    }
    hustings_query_destroy(plain);
    return st;
}

int filtered_suggestion(const char *suggestion, const char *suffix, char **out)
{
    size_t n = suggestion ? strlen(suggestion) : 0, m = strlen(suffix);
    *out = NULL;
    if (!suggestion)
        return 0;
    if (!*suffix)
        *out = strdup(suggestion);
    else if (n >= m + 2 && suggestion[0] == '(' && suggestion[n - m - 1] == ')' &&
             strcmp(suggestion + n - m, suffix) == 0)
        *out = strndup(suggestion + 1, n - m - 2);
    else
        return 0;
    return *out ? 0 : -1;
}
