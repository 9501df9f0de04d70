/* query_tree.c - the parsed query's tree (query.h): word groups made from
 * text with the articles' tokenizer and stemmers, the tree's nodes, and
 * walks over them. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "stopwords.h"
#include "tokenizer.h"
#include "translit.h"

/* ---- groups ------------------------------------------------------------- */

typedef struct collected {
    hs_qword *words;
    size_t n, cap;
    hs_qword joined;
    size_t n_parts;      /* tokens that are parts of a compound */
    size_t n_joined;     /* compounds */
    hs_stemmer *stemmer;
    const char *text;    /* the chunk, to see capitals */
} collected;

static void free_word(hs_qword *w)
{
    free(w->exact);
    free(w->stem);
    free(w->stem2);
    free(w->key);
    free(w->maybe_key);
    for (size_t i = 0; i < w->n_variants; i++)
        free(w->variants[i]);
    for (size_t i = 0; i < w->n_other_forms; i++)
        free(w->other_forms[i]);
    for (size_t i = 0; i < w->n_family; i++)
        free(w->family[i]);
    for (size_t i = 0; i < w->n_kazakh; i++)
        free(w->kazakh[i]);
    memset(w, 0, sizeof *w);
}

/* How a query word may be a name: not; surely (typed with a capital, or
 * Cyrillic); or perhaps, typed in lower case (the index decides). */
enum { NOT_A_NAME, A_NAME, PERHAPS_A_NAME };

/* A query word: its exact form, its stems in each language its script
 * suggests (queries have no language), and, when it may be a name, its
 * transliteration key. */
static int make_word(hs_qword *w, hs_stemmer *stemmer, const char *term, size_t len,
                     int may_be_name)
{
    const char *langs[HS_STEM_MAX_LANGS];
    size_t n = hs_stem_query_langs(term, len, langs);
    memset(w, 0, sizeof *w);
    if (!(w->exact = strndup(term, len)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t slen;
        const char *stem = hs_stem_lang(stemmer, langs[i], term, len, &slen);
        char *copy = stem ? strndup(stem, slen) : NULL;
        if (!copy) {
            free_word(w);
            return -1;
        }
        if (!w->stem) {
            w->stem = copy;
        } else if (!w->stem2 && strcmp(copy, w->stem) != 0) {
            w->stem2 = copy;
        } else {
            free(copy);
        }
    }
    if (!w->stem && !(w->stem = strndup(term, len))) {
        free_word(w);
        return -1;
    }
    hs_buf key = HS_BUF_INIT;
    int k = may_be_name ? hs_translit_key(term, len, &key) : 0;
    if (k < 0) {
        free_word(w);
        return -1;
    }
    char *made = k > 0 ? hs_buf_detach(&key) : NULL;
    *(may_be_name == PERHAPS_A_NAME ? &w->maybe_key : &w->key) = made;
    hs_buf_free(&key);
    if (k > 0 && !made) {
        free_word(w);
        return -1;
    }
    return 0;
}

static void free_group(hs_qgroup *g)
{
    for (size_t i = 0; i < g->n_words; i++)
        free_word(&g->words[i]);
    free(g->words);
    free_word(&g->joined);
}


static int collect_token(void *ctx, const hs_token *tok)
{
    collected *c = ctx;
    if (tok->flags & HS_TOKEN_JOINED) {
        free_word(&c->joined);
        c->n_joined++;
        return make_word(&c->joined, c->stemmer, tok->term, tok->term_len, NOT_A_NAME);
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        hs_qword *p = realloc(c->words, cap * sizeof *p);
        if (!p)
            return -1;
        c->words = p;
        c->cap = cap;
    }
    int name = hs_translit_wanted(c->text, tok->start, tok->term, tok->term_len) ? A_NAME
               : hs_translit_maybe_name(c->text, tok->start, tok->term, tok->term_len)
                   ? PERHAPS_A_NAME
                                                                             : NOT_A_NAME;
    if (make_word(&c->words[c->n], c->stemmer, tok->term, tok->term_len, name) < 0)
        return -1;
    c->words[c->n].acronym = hs_is_acronym(c->text, tok->start);
    c->n++;
    if (tok->flags & HS_TOKEN_PART)
        c->n_parts++;
    return 0;
}

/* The words of text[0..len) as a group; 1 when made, 0 when the text has
 * no words, -1 when out of memory. */
static int make_group(hs_qgroup *g, hs_stemmer *stemmer, const char *text, size_t len,
                      int quoted)
{
    collected c = { .stemmer = stemmer, .text = text };
    memset(g, 0, sizeof *g);
    int rc = hs_tokenize(text, len, 0, collect_token, &c, NULL) ? -1 : 0;
    if (rc == 0 && c.n > 0) {
        g->words = c.words;
        g->n_words = c.n;
        /* a joined form stands for the chunk only when the chunk is that
         * one compound (not "U.S.-backed", not inside quotes) */
        if (!quoted && c.n_joined == 1 && c.n_parts == c.n) {
            g->joined = c.joined;
            memset(&c.joined, 0, sizeof c.joined);
        }
        g->stopword = c.n == 1 && hs_is_stopword(c.words[0].exact) && !c.words[0].acronym;
        g->quoted = quoted;
        free_word(&c.joined);
        return 1;
    }
    for (size_t i = 0; i < c.n; i++)
        free_word(&c.words[i]);
    free(c.words);
    free_word(&c.joined);
    return rc;
}

/* ---- the tree ------------------------------------------------------------ */

void hs_qexpr_free(hs_qexpr *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_kids; i++)
        hs_qexpr_free(e->kids[i]);
    free(e->kids);
    free_group(&e->group);
    hs_qnode_free(e->filter);
    free(e);
}

int hs_qexpr_add_kid(hs_qexpr *e, hs_qexpr *kid)
{
    hs_qexpr **p = realloc(e->kids, (e->n_kids + 1) * sizeof *p);
    if (!p)
        return -1;
    e->kids = p;
    e->kids[e->n_kids++] = kid;
    return 0;
}

hs_qexpr *hs_qexpr_new(hs_qkind kind)
{
    hs_qexpr *e = calloc(1, sizeof *e);
    if (e)
        e->kind = kind;
    return e;
}

hs_qexpr *hs_qexpr_group(hs_qkind kind, hs_stemmer *stemmer, const char *text, size_t len,
                         int quoted, int *oom)
{
    hs_qgroup g;
    int rc = make_group(&g, stemmer, text, len, quoted);
    if (rc <= 0) {
        if (rc < 0)
            *oom = 1;
        return NULL;
    }
    hs_qexpr *e = hs_qexpr_new(kind);
    if (!e) {
        *oom = 1;
        free_group(&g);
        return NULL;
    }
    e->group = g;
    return e;
}

static int collect_groups(hs_parsed_query *pq, hs_qexpr *e, int excluded)
{
    excluded ^= e->excluded;
    if (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE) {
        e->group.excluded = excluded;
        if (excluded || e->kind == HS_QK_TITLE)
            return 0;
        const hs_qgroup **p = realloc(pq->groups, (pq->n_groups + 1) * sizeof *p);
        if (!p)
            return -1;
        pq->groups = p;
        pq->groups[pq->n_groups++] = &e->group;
        return 0;
    }
    for (size_t i = 0; i < e->n_kids; i++)
        if (collect_groups(pq, e->kids[i], excluded) < 0)
            return -1;
    return 0;
}

int hs_query_collect_groups(hs_parsed_query *pq)
{
    free(pq->groups);
    pq->groups = NULL;
    pq->n_groups = 0;
    return pq->root ? collect_groups(pq, pq->root, 0) : 0;
}

static int each_word(hs_qexpr *e, hs_qword_fn fn, void *ctx)
{
    int rc = 0;
    if (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE)
        for (size_t i = 0; i < e->group.n_words && !rc; i++)
            rc = fn(&e->group, &e->group.words[i], ctx);
    for (size_t i = 0; i < e->n_kids && !rc; i++)
        rc = each_word(e->kids[i], fn, ctx);
    return rc;
}

int hs_query_each_word(hs_parsed_query *pq, hs_qword_fn fn, void *ctx)
{
    return pq && pq->root ? each_word(pq->root, fn, ctx) : 0;
}
