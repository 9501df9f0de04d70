/* query_fields.c - the value of a filtering field as a boolean Xapian
 * tree, for the query language (lang:en, source:bbc.co.uk,
 * date:2005-04..2005-05, ...) and for the filters the API adds beside a
 * query (hustings_query_add_filter, hustings_query_set_date_range), which
 * thus mean what the fields mean. */
#include "query.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "host_key.h"
#include "lang.h"
#include "schema.h"
#include "tokenizer.h"

void hs_field_needs_value(const hs_field *f, hs_buf *why)
{
    const char *n = f->name;
    hs_buf_reset(why);
    hs_buf_printf(why, "%s: needs a value, e.g. %s:word or %s:\"two words\"", n, n, n);
}

/* What a date may be, for messages. */
#define DATE_FORMS "YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)"

/* "2005", "2005-04" or "2005-04-01", or a time ago ("7d": that day, see
 * hs_date_relative), as the bounds of a value range: lo is the date
 * itself, hi the date followed by 0xFF for partial dates.  An empty text
 * is an open end.  0, or -1 when it is not a date. */
static int date_bound(const char *s, size_t n, hs_buf *lo, hs_buf *hi)
{
    if (n == 0)
        return hs_buf_puts(hi, "\xff");
    char full[11];
    if (hs_date_relative(s, n, time(NULL), full) == 0) {
        s = full;
        n = 10;
    } else if (n == 4 || n == 7) {
        char probe[11];
        memcpy(probe, s, n);
        memcpy(probe + n, n == 4 ? "-01-01" : "-01", n == 4 ? 6 : 3);
        probe[10] = '\0';
        if (hs_date_parse(probe, 10, full) < 0)
            return -1;
    } else if (n != 10 || hs_date_parse(s, n, full) < 0 || strncmp(full, s, 10) != 0) {
        return -1;
    }
    if (hs_buf_append(lo, s, n) < 0 || hs_buf_append(hi, s, n) < 0)
        return -1;
    return n < 10 ? hs_buf_puts(hi, "\xff") : 0;
}

/* date:VALUE: a date, or a range FROM..TO with either end open. */
static hs_qnode *date_filter(const char *text, size_t len, hs_buf *why)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < len; i++)
        if (text[i] == '.' && text[i + 1] == '.')
            dots = text + i;
    hs_buf lo = HS_BUF_INIT, hi = HS_BUF_INIT, junk = HS_BUF_INIT;
    int ok;
    if (dots) {
        size_t a = (size_t)(dots - text), b = len - a - 2;
        ok = (a > 0 || b > 0) && date_bound(text, a, &lo, &junk) == 0 &&
             date_bound(dots + 2, b, &junk, &hi) == 0;
    } else {
        ok = len > 0 && date_bound(text, len, &lo, &hi) == 0;
    }
    hs_qnode *q = NULL;
    if (!ok)
        hs_buf_puts(why, "a date is " DATE_FORMS ", or a range FROM..TO");
    else if (lo.len && strcmp(hs_buf_str(&lo), hs_buf_str(&hi)) > 0)
        hs_buf_puts(why, "this date range ends before it starts");
    else
        q = hs_qnode_value_range(HS_SLOT_DATE, hs_buf_str(&lo), hs_buf_str(&hi));
    hs_buf_free(&lo);
    hs_buf_free(&hi);
    hs_buf_free(&junk);
    return q;
}

/* The boolean terms prefix+part for each normalised part of text, AND-ed:
 * for author:, the words of a byline (parts end at spaces); for path:,
 * folder and file names (parts end at '/', as the index cuts paths, and a
 * name may hold spaces).  NULL with why set when text has no part, or
 * with why empty when out of memory. */
static hs_qnode *part_terms(const hs_field *f, const char *text, size_t len, hs_buf *why)
{
    int by_space = f->id != HS_FIELD_PATH;
    hs_buf norm = HS_BUF_INIT;
    hs_qnode *q = hs_qnode_new(HS_Q_AND);
    for (size_t i = 0; i < len && q;) {
        while (i < len && (text[i] == '/' || hs_query_is_space(text[i])))
            i++;
        size_t s = i;
        while (i < len && text[i] != '/' && !(by_space && hs_query_is_space(text[i])))
            i++;
        size_t e = i;
        while (e > s && hs_query_is_space(text[e - 1]))
            e--;
        if (s == e)
            break;
        hs_buf_reset(&norm);
        if (hs_normalize_word(text + s, e - s, &norm) < 0) {
            hs_qnode_free(q);
            q = NULL;
            break;
        }
        q = hs_qnode_add(q, hs_qnode_term(f->prefix, norm.data, norm.len));
    }
    hs_buf_free(&norm);
    if (q && q->n_kids == 0) {
        hs_qnode_free(q);
        q = NULL;
        hs_field_needs_value(f, why);
    }
    return q;
}

/* lang:CODE, as documents are tagged (lang.h's codes: "ru-RU", "kz" and
 * "rus" are ru, kk and ru), or an English language name (lang:russian);
 * anything else is a mistake, not a filter that finds nothing. */
static hs_qnode *lang_filter(const char *text, size_t len, hs_buf *why)
{
    static const struct {
        const char *name, *code;
    } names[] = {
        { "english", "en" }, { "russian", "ru" }, { "kazakh", "kk" }, { "qazaq", "kk" },
        { "ukrainian", "uk" }, { "kyrgyz", "ky" }, { "uzbek", "uz" }, { "german", "de" },
        { "french", "fr" }, { "spanish", "es" }, { "chinese", "zh" }, { "turkish", "tr" },
    };
    const char *code = memchr(text, ' ', len) || memchr(text, '\t', len)
                           ? NULL /* one code, not "en ru" */
                           : hs_lang_code(text, len);
    for (size_t i = 0; !code && i < sizeof names / sizeof names[0]; i++)
        if (len == strlen(names[i].name) && strncasecmp(text, names[i].name, len) == 0)
            code = names[i].code;
    if (!code) {
        hs_buf_puts(why, "lang: needs a language code, e.g. lang:en, lang:ru or lang:kk");
        return NULL;
    }
    return hs_qnode_term(HS_PREFIX_LANG, code, strlen(code));
}

/* source: and site: take a host ("bbc.co.uk", a URL standing for its
 * host) or, quoted or without a dot, a site name: the keys the index
 * writes (host_key.h). */
static hs_qnode *source_filter(const hs_field *f, const char *text, size_t len, int quoted,
                               hs_buf *why)
{
    int host = !quoted && memchr(text, '.', len) != NULL;
    hs_buf key = HS_BUF_INIT;
    hs_qnode *q = NULL;
    if ((host ? hs_host_key(text, len, &key) : hs_site_key(text, len, &key)) < 0)
        ; /* out of memory */
    else if (key.len == 0)
        hs_field_needs_value(f, why);
    else
        q = hs_qnode_add(hs_qnode_new(HS_Q_AND),
                         hs_qnode_term(host ? HS_PREFIX_HOST : HS_PREFIX_SITE,
                                       hs_buf_str(&key), key.len));
    hs_buf_free(&key);
    return q;
}

hs_qnode *hs_field_filter(const hs_field *f, const char *text, size_t len, int quoted,
                          hs_buf *why)
{
    hs_buf_reset(why);
    if (len == 0) {
        hs_field_needs_value(f, why);
        return NULL;
    }
    switch (f->id) {
    case HS_FIELD_DATE:
        return date_filter(text, len, why);
    case HS_FIELD_LANG:
        return lang_filter(text, len, why);
    case HS_FIELD_AUTHOR:
    case HS_FIELD_PATH:
        return part_terms(f, text, len, why);
    case HS_FIELD_SOURCE:
    case HS_FIELD_SITE:
        return source_filter(f, text, len, quoted, why);
    case HS_FIELD_TITLE:
        break;
    }
    hs_buf_printf(why, "%s: is not a filter", f->name);
    return NULL;
}

/* Whether e is a list of words to leave out and nothing else. */
static int only_leaves_out(const hs_qexpr *e)
{
    if (e->kind != HS_QK_DEFAULT || e->excluded || e->n_kids == 0)
        return 0;
    for (size_t i = 0; i < e->n_kids; i++)
        if (!e->kids[i]->excluded)
            return 0;
    return 1;
}

/* pq's root with the filter q (which it takes) beside it, as if the
 * filter were written after the query in brackets ("(q) lang:en"): it
 * narrows the matches and changes neither which words are required nor
 * any weight.  (An AND would make every word of "turnout Almaty"
 * required.)  A query of no words then matches what the filter selects,
 * as "lang:en" alone does. */
static int add_beside(hs_parsed_query *pq, hs_qnode *q)
{
    hs_qexpr *f = q ? hs_qexpr_new(HS_QK_FILTER) : NULL;
    if (f && pq->root && only_leaves_out(pq->root)) {
        /* "NOT election" narrowed to English is "NOT election lang:en":
         * the filter selects, and the words are taken from it (in
         * brackets, nothing would be left to take them from) */
        f->filter = q;
        if (hs_qexpr_add_kid(pq->root, f) == 0)
            return 0;
        hs_qexpr_free(f);
        return -1;
    }
    hs_qexpr *list = f ? hs_qexpr_new(HS_QK_DEFAULT) : NULL;
    if (!list) {
        hs_qnode_free(q);
        free(f);
        return -1;
    }
    f->filter = q;
    if ((pq->root && hs_qexpr_add_kid(list, pq->root) < 0) || hs_qexpr_add_kid(list, f) < 0) {
        list->n_kids = 0; /* pq->root stays pq's */
        hs_qexpr_free(list);
        hs_qexpr_free(f);
        return -1;
    }
    pq->root = list;
    return 0;
}

int hs_query_add_filter(hs_parsed_query *pq, hs_field_id id, const char *value, int quoted,
                        hs_buf *error)
{
    hs_buf_reset(error);
    hs_qnode *q = hs_field_filter(hs_field_of(id), value, strlen(value), quoted, error);
    return q ? add_beside(pq, q) : -1;
}

int hs_query_add_source_filter(hs_parsed_query *pq, const char *value, hs_buf *error)
{
    hs_buf_reset(error);
    size_t len = strlen(value);
    const hs_field *f = hs_field_of(HS_FIELD_SOURCE);
    hs_qnode *site = source_filter(f, value, len, 1, error);
    if (!site)
        return -1;
    if (!memchr(value, '.', len))
        return add_beside(pq, site);
    hs_qnode *host = source_filter(f, value, len, 0, error);
    if (!host) {
        hs_qnode_free(site);
        return -1;
    }
    return add_beside(pq, hs_qnode_pair(HS_Q_OR, host, site));
}

int hs_query_add_date_range(hs_parsed_query *pq, const char *since, const char *until,
                            hs_buf *error)
{
    if (!since && !until)
        return 0;
    hs_buf lo = HS_BUF_INIT, hi = HS_BUF_INIT, junk = HS_BUF_INIT;
    int rc = 0;
    /* an empty bound is a mistake, not an open end */
    if ((since && (!*since || date_bound(since, strlen(since), &lo, &junk) < 0)) ||
        (!until && hs_buf_puts(&hi, "\xff") < 0)) {
        hs_buf_printf(error, "invalid --since '%s': " DATE_FORMS, since);
        rc = -1;
    } else if (until && (!*until || date_bound(until, strlen(until), &junk, &hi) < 0)) {
        hs_buf_printf(error, "invalid --until '%s': " DATE_FORMS, until);
        rc = -1;
    } else if (lo.len && strcmp(hs_buf_str(&lo), hs_buf_str(&hi)) > 0) {
        hs_buf_printf(error, "--since %s is after --until %s", since, until);
        rc = -1;
    }
    if (rc == 0)
        rc = add_beside(pq, hs_qnode_value_range(HS_SLOT_DATE, hs_buf_str(&lo), hs_buf_str(&hi)));
    hs_buf_free(&lo);
    hs_buf_free(&hi);
    hs_buf_free(&junk);
    return rc;
}
