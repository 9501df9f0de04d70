/* query_synonyms.c - a parsed query rewritten with synonyms (synonyms.h):
 * a word or a run of side-by-side words that is a key becomes an OR of
 * itself and its alternatives, each a phrase. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "synonyms.h"

typedef struct rewrite {
    hs_stemmer *stemmer;
    int oom;
} rewrite;

/* Whether a kid may take synonyms: a word or phrase, in the text or a
 * title:, neither excluded nor exact nor a prefix. */
/* Quoted words ask for themselves: "general election" is not "poll". */
static int takes_synonyms(const hs_qexpr *e)
{
    return (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE) && !e->excluded &&
           !e->group.exact_only && !e->group.prefix && !e->group.quoted;
}

/* Whether a kid may take part in a run of several (a title: stands alone). */
static int plain_group(const hs_qexpr *e)
{
    return e->kind == HS_QK_GROUP && takes_synonyms(e);
}

/* The normalised key of kids[from..to): their words joined by spaces. */
static int run_key(hs_qexpr **kids, size_t from, size_t to, hs_buf *key)
{
    hs_buf_reset(key);
    for (size_t i = from; i < to; i++)
        for (size_t w = 0; w < kids[i]->group.n_words; w++)
            if ((key->len && hs_buf_putc(key, ' ') < 0) ||
                hs_buf_puts(key, kids[i]->group.words[w].exact) < 0)
                return -1;
    return 0;
}

/* An OR of the run kids[from..to) and each alternative, of the run's kind
 * (a title: gets title: alternatives). */
static hs_qexpr *synonym_or(rewrite *p, hs_qexpr **kids, size_t from, size_t to,
                            const char *const *alts, size_t n_alts)
{
    hs_qexpr *or = hs_qexpr_new(HS_QK_OR);
    hs_qexpr *run = NULL;
    hs_qkind kind = kids[from]->kind;
    if (!or) {
        p->oom = 1;
        return NULL;
    }
    if (to - from == 1) {
        run = kids[from];
    } else if ((run = hs_qexpr_new(HS_QK_DEFAULT))) {
        for (size_t i = from; i < to; i++)
            if (hs_qexpr_add_kid(run, kids[i]) < 0)
                p->oom = 1;
    }
    if (!run || hs_qexpr_add_kid(or, run) < 0) {
        p->oom = 1;
        return or;
    }
    for (size_t a = 0; a < n_alts && !p->oom; a++) {
        hs_qexpr *alt = hs_qexpr_group(kind, p->stemmer, alts[a], strlen(alts[a]), 1, &p->oom);
        if (alt && hs_qexpr_add_kid(or, alt) < 0) {
            hs_qexpr_free(alt);
            p->oom = 1;
        }
    }
    return or;
}

static void apply_synonyms(rewrite *p, hs_qexpr *e, const hs_synonyms *syn, size_t max_words)
{
    if (e->kind != HS_QK_DEFAULT && e->kind != HS_QK_AND && e->kind != HS_QK_OR)
        return;
    for (size_t i = 0; i < e->n_kids; i++)
        apply_synonyms(p, e->kids[i], syn, max_words);
    hs_buf key = HS_BUF_INIT;
    for (size_t i = 0; i < e->n_kids && !p->oom; i++) {
        if (!takes_synonyms(e->kids[i]))
            continue;
        /* the longest run starting here whose words are a key; side by side
         * words only (an OR's kids are alternatives already) */
        size_t end = i + 1, words = e->kids[i]->group.n_words;
        if (e->kind != HS_QK_OR && plain_group(e->kids[i]))
            while (end < e->n_kids && plain_group(e->kids[end]) &&
                   words + e->kids[end]->group.n_words <= max_words)
                words += e->kids[end++]->group.n_words;
        for (; end > i; end--) {
            const char *const *alts = NULL;
            size_t n = 0;
            if (run_key(e->kids, i, end, &key) < 0) {
                p->oom = 1;
                break;
            }
            if ((n = hs_synonyms_lookup(syn, key.data, &alts)) == 0)
                continue;
            hs_qexpr *or = synonym_or(p, e->kids, i, end, alts, n);
            if (!or)
                break;
            e->kids[i] = or;
            memmove(e->kids + i + 1, e->kids + end, (e->n_kids - end) * sizeof *e->kids);
            e->n_kids -= end - i - 1;
            break;
        }
    }
    hs_buf_free(&key);
}

int hs_query_apply_synonyms(hs_parsed_query *pq, const hs_synonyms *syn, hs_stemmer *stemmer)
{
    if (!pq->root || !syn || hs_synonyms_max_words(syn) == 0)
        return 0;
    rewrite p = { stemmer, 0 };
    /* a lone word or phrase is a list of one */
    hs_qexpr *list = pq->root;
    if ((list->kind == HS_QK_GROUP || list->kind == HS_QK_TITLE) && !list->excluded) {
        if (!(list = hs_qexpr_new(HS_QK_DEFAULT)) || hs_qexpr_add_kid(list, pq->root) < 0) {
            free(list ? list->kids : NULL);
            free(list);
            return -1;
        }
        pq->root = list;
    }
    apply_synonyms(&p, pq->root, syn, hs_synonyms_max_words(syn));
    if (p.oom || hs_query_collect_groups(pq) < 0)
        return -1;
    return 0;
}

