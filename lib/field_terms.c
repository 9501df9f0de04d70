/* field_terms.c - the boolean terms and values of a passage that the
 * query language's fields look for: lang:, source:, site:, author:, path:,
 * and the facet values; see field_terms.h. */
#include "field_terms.h"

#include <stdlib.h>
#include <string.h>

#include "host_key.h"
#include "schema.h"
#include "tokenizer.h"

/* Add prefix + the normalised form of s[0..len) as a boolean term. */
static int add_normalized(hx_doc *doc, hs_buf *term, const char *prefix, const char *s,
                          size_t len)
{
    hs_buf_reset(term);
    if (hs_buf_puts(term, prefix) < 0 || hs_normalize_word(s, len, term) < 0)
        return -1;
    return term->len > strlen(prefix) ? hx_doc_add_boolean(doc, term->data, term->len) : 0;
}

/* Call fn on every folder name and the file name of path, the file name
 * also without its extension: the path: terms of a passage.  0, or fn's
 * first non-zero value. */
static int each_path_name(const char *path, int (*fn)(void *, const char *, size_t), void *ctx)
{
    int rc = 0;
    for (const char *p = path; !rc && *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        if (e > p) {
            rc = fn(ctx, p, (size_t)(e - p));
            const char *dot = memchr(p, '.', (size_t)(e - p));
            if (!rc && !*e && dot && dot > p)
                rc = fn(ctx, p, (size_t)(dot - p));
        }
        p = e;
    }
    return rc;
}

static int add_path_term(void *ctx, const char *name, size_t len)
{
    hs_path_terms *pt = ctx;
    hs_buf term = HS_BUF_INIT;
    int rc = hs_buf_puts(&term, HS_PREFIX_PATH) < 0 || hs_normalize_word(name, len, &term) < 0;
    if (!rc && term.len > strlen(HS_PREFIX_PATH)) {
        if (pt->doc) {
            rc = hx_doc_add_boolean(pt->doc, term.data, term.len) < 0;
        } else {
            char **list = realloc(pt->list, (pt->n + 2) * sizeof *list);
            rc = !list;
            if (list) {
                pt->list = list;
                list[pt->n++] = hs_buf_detach(&term);
                list[pt->n] = NULL;
            }
        }
    }
    hs_buf_free(&term);
    return rc ? -1 : 0;
}

void hs_path_terms_free(hs_path_terms *pt)
{
    for (size_t i = 0; i < pt->n; i++)
        free(pt->list[i]);
    free(pt->list);
}

int hs_path_terms_collect(const char *path, hs_path_terms *out)
{
    out->doc = NULL;
    out->list = NULL;
    out->n = 0;
    return each_path_name(path, add_path_term, out);
}

typedef struct byline_sink {
    hx_doc *doc;
    hs_buf term;
} byline_sink;

static int byline_token(void *ctx, const hs_token *tok)
{
    byline_sink *b = ctx;
    hs_buf_reset(&b->term);
    if (hs_buf_puts(&b->term, HS_PREFIX_AUTHOR) < 0 ||
        hs_buf_append(&b->term, tok->term, tok->term_len) < 0)
        return -1;
    return hx_doc_add_boolean(b->doc, b->term.data, b->term.len);
}

int hs_field_terms_add(hx_doc *doc, const hs_article *a)
{
    hs_buf term = HS_BUF_INIT, host = HS_BUF_INIT, site = HS_BUF_INIT;
    int rc = 0;
    if (a->lang)
        rc = add_normalized(doc, &term, HS_PREFIX_LANG, a->lang, strlen(a->lang)) < 0 ||
             hx_doc_set_value(doc, HS_SLOT_LANG, a->lang, strlen(a->lang)) < 0;
    if (!rc && a->source && hs_host_key(a->source, strlen(a->source), &host) == 0 && host.len) {
        /* the host and each parent domain: source:bbc.co.uk finds news.bbc.co.uk */
        for (const char *d = host.data; d && strchr(d, '.') && !rc; d = strchr(d, '.'), d = d ? d + 1 : d)
            rc = add_normalized(doc, &term, HS_PREFIX_HOST, d, strlen(d)) < 0;
    }
    if (!rc && a->site && hs_site_key(a->site, strlen(a->site), &site) == 0 && site.len) {
        hs_buf_reset(&term);
        rc = hs_buf_puts(&term, HS_PREFIX_SITE) < 0 || hs_buf_append(&term, site.data, site.len) < 0 ||
             hx_doc_add_boolean(doc, term.data, term.len) < 0;
    }
    const hs_buf *facet = site.len ? &site : &host;
    if (!rc && facet->len)
        rc = hx_doc_set_value(doc, HS_SLOT_SOURCE, a->site ? a->site : facet->data,
                              a->site ? strlen(a->site) : facet->len) < 0;
    if (!rc && a->byline) {
        byline_sink b = { doc, HS_BUF_INIT };
        rc = hs_tokenize(a->byline, strlen(a->byline), 0, byline_token, &b, NULL) != 0;
        hs_buf_free(&b.term);
    }
    hs_path_terms pt = { doc, NULL, 0 };
    rc = rc || each_path_name(a->path, add_path_term, &pt) < 0;
    hs_buf_free(&term);
    hs_buf_free(&host);
    hs_buf_free(&site);
    return rc ? -1 : 0;
}
