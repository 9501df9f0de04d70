/* query_names.c - whether a query word typed in lower case is a name; see
 * hs_query_settle_names in query.h.
 *
 * A name's transliteration key lets "Tokayev" find "Токаев"; the index
 * keeps keys of capitalised and Cyrillic words only.  A reporter may type
 * a name in lower case, and in a spelling the archive does not use
 * ("tokaev" for Tokayev).  Such a word gets its key only when the index
 * has no Latin word of that form at all while the key finds something:
 * the key is loose (it joins names that sound alike), and a word the
 * archive does hold ("soon", "apply", "college") would reach every name
 * that sounds like it (Sony, Apple, Cole).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "hustings.h"
#include "schema.h"
#include "xapian_glue.h"

int hs_query_term_freq(struct hx_db *db, const char *prefix, const char *word,
                       unsigned long *n)
{
    return hs_query_term_freq_len(db, prefix, word, strlen(word), n);
}

int hs_query_term_freq_len(struct hx_db *db, const char *prefix, const char *word, size_t len,
                           unsigned long *n)
{
    hs_buf term = HS_BUF_INIT;
    hustings_status_t st = hs_buf_puts(&term, prefix) == 0 && hs_buf_append(&term, word, len) == 0
                               ? hx_db_term_freq(db, term.data, n)
                               : HUSTINGS_STATUS_OUT_OF_MEMORY;
    hs_buf_free(&term);
    return st;
}

int hs_query_form_freq(struct hx_db *db, const char *exact_prefix, const char *form,
                       unsigned long *n)
{
    unsigned long as_stem = 0;
    hustings_status_t st = hs_query_term_freq(db, exact_prefix, form, n);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_term_freq(db, hs_stem_prefix_of(exact_prefix), form, &as_stem);
    if (as_stem > *n)
        *n = as_stem;
    return st;
}

static int settle_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    hx_db *db = ctx;
    (void)g;
    if (!w->maybe_key)
        return HUSTINGS_STATUS_SUCCESS;
    if (hs_qword_unpositioned(w)) { /* a stop word has no term to count */
        free(w->maybe_key);
        w->maybe_key = NULL;
        return HUSTINGS_STATUS_SUCCESS;
    }
    unsigned long as_name = 0, as_word = 0;
    hustings_status_t st = hs_query_term_freq(db, HS_PREFIX_NAME, w->maybe_key, &as_name);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_form_freq(db, "", w->exact, &as_word);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    if (as_word == 0 && as_name > 0 && !w->key) {
        w->key = w->maybe_key;
        w->maybe_key = NULL;
    }
    free(w->maybe_key);
    w->maybe_key = NULL;
    return st;
}

int hs_query_settle_names(hs_parsed_query *pq, struct hx_db *db)
{
    return hs_query_each_word(pq, settle_word, db);
}

/* The index's words that begin as a word that is its own stem does,
 * looked at before giving up (forms_complete stays 0). */
#define OTHER_FORMS_SCAN 500

typedef struct forms_ctx {
    hs_qword *w;
    hs_stemmer *stemmer;
    size_t seen;
    int full;      /* more forms than other_forms holds, or too many words */
    int failed;
} forms_ctx;

/* hx_term_fn: keep term when it is another form of c->w's stem. */
static int other_form(void *ctx, const char *term, unsigned long freq)
{
    forms_ctx *c = ctx;
    (void)freq;
    if (++c->seen > OTHER_FORMS_SCAN) {
        c->full = 1;
        return 1;
    }
    if (strcmp(term, c->w->exact) == 0)
        return 0;
    size_t len = strlen(term), slen;
    const char *langs[HS_STEM_MAX_LANGS];
    size_t n = hs_stem_query_langs(term, len, langs);
    for (size_t i = 0; i < n; i++) {
        const char *stem = hs_stem_lang(c->stemmer, langs[i], term, len, &slen);
        if (!stem) {
            c->failed = 1;
            return 1;
        }
        if (slen != strlen(c->w->exact) || memcmp(stem, c->w->exact, slen) != 0)
            continue;
        if (c->w->n_other_forms == HS_QWORD_OTHER_FORMS) {
            c->full = 1;
            return 1;
        }
        char *copy = strdup(term);
        if (!copy) {
            c->failed = 1;
            return 1;
        }
        c->w->other_forms[c->w->n_other_forms++] = copy;
        return 0;
    }
    return 0;
}

typedef struct forms_pass {
    hx_db *db;
    hs_stemmer *stemmer;
} forms_pass;

static int add_forms(hs_qgroup *g, hs_qword *w, void *ctx)
{
    forms_pass *p = ctx;
    if (g->prefix || w->n_other_forms || w->forms_complete ||
        !(g->exact_only || (w->key && hs_qword_own_stem(w))))
        return HUSTINGS_STATUS_SUCCESS;
    /* forms extend the word, or drop its final e first (vote: voting) */
    size_t len = strlen(w->exact);
    char *start = strndup(w->exact, len > 2 && w->exact[len - 1] == 'e' ? len - 1 : len);
    if (!start)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    forms_ctx c = { w, p->stemmer, 0, 0, 0 };
    hustings_status_t st = hx_db_each_term(p->db, start, other_form, &c);
    free(start);
    w->forms_complete = st == HUSTINGS_STATUS_SUCCESS && !c.full && !c.failed;
    return c.failed ? HUSTINGS_STATUS_OUT_OF_MEMORY : st;
}

int hs_query_add_other_forms(hs_parsed_query *pq, struct hx_db *db, hs_stemmer *stemmer)
{
    forms_pass p = { db, stemmer };
    return hs_query_each_word(pq, add_forms, &p);
}
