/* highlight.c - where a query matched inside a passage's text.
 *
 * The passage is tokenized and stemmed exactly as at indexing time, and
 * only what satisfied the query is marked: a phrase where all its words
 * stand at consecutive positions, not its words one by one, which would
 * show the reader matches that are not there.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kk_latin.h"
#include "tokenizer.h"
#include "translit.h"

typedef struct htoken {
    const char *exact;
    const char *stem;
    const char *key;     /* transliteration key of a capitalised word, or NULL */
    size_t exact_at, stem_at, key_at; /* where they are in the pool while
                                          it still grows; key_at 0: none */
    size_t start, end;
    unsigned pos;
    int joined;
} htoken;

typedef struct hstate {
    hs_stemmer *stemmer;
    const char *lang;
    const char *text;
    int keys;            /* whether some query word has a key, so that
                            the tokens need theirs */
    htoken *toks;
    size_t n, cap;
    hs_buf pool;         /* the tokens' strings, each ending in '\0' */
    hs_range *ranges;
    size_t n_ranges, cap_ranges;
} hstate;

/* Where the next string goes in the pool, or 0 when out of memory: the
 * pool starts with a '\0' of its own, so that 0 is no string's place. */
static size_t pool_end(hstate *s)
{
    return s->pool.len == 0 && hs_buf_putc(&s->pool, '\0') < 0 ? 0 : s->pool.len;
}

/* Append str[0..len) and a '\0' to the pool: where it starts, or 0 when
 * out of memory. */
static size_t pooled(hstate *s, const char *str, size_t len)
{
    size_t at = pool_end(s);
    return !at || hs_buf_append(&s->pool, str, len) < 0 || hs_buf_putc(&s->pool, '\0') < 0 ? 0
                                                                                           : at;
}

static int keep_token(void *ctx, const hs_token *tok)
{
    hstate *s = ctx;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        htoken *p = realloc(s->toks, cap * sizeof *p);
        if (!p)
            return -1;
        s->toks = p;
        s->cap = cap;
    }
    size_t len = tok->term_len;
    /* no stemmer: exact forms only are compared (hs_highlight_holds) */
    const char *stem = s->stemmer ? hs_stem_lang(s->stemmer, s->lang, tok->term, tok->term_len, &len)
                                  : tok->term;
    htoken t = { NULL, NULL, NULL, 0, 0, 0, tok->start, tok->end, tok->pos,
                 (tok->flags & HS_TOKEN_JOINED) != 0 };
    if (!stem || !(t.stem_at = pooled(s, stem, len)) ||
        !(t.exact_at = pooled(s, tok->term, tok->term_len)))
        return -1;
    if (s->keys && !t.joined && hs_translit_wanted(s->text, tok->start, tok->term, tok->term_len)) {
        size_t at = pool_end(s);
        int k = at ? hs_translit_key(tok->term, tok->term_len, &s->pool) : -1;
        if (k < 0 || hs_buf_putc(&s->pool, '\0') < 0)
            return -1;
        t.key_at = k > 0 ? at : 0;
    }
    s->toks[s->n++] = t;
    return 0;
}

/* Tokenize text into s, the strings pointing into the pool once it no
 * longer moves.  0, or -1 when out of memory. */
static int tokenize(hstate *s, const char *text, size_t len)
{
    if (hs_tokenize(text, len, 0, keep_token, s, NULL))
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        htoken *t = &s->toks[i];
        t->exact = s->pool.data + t->exact_at;
        t->stem = s->pool.data + t->stem_at;
        t->key = t->key_at ? s->pool.data + t->key_at : NULL;
    }
    return 0;
}

static int group_has_key(const hs_qgroup *g)
{
    if (g->joined.key)
        return 1;
    for (size_t i = 0; i < g->n_words; i++)
        if (g->words[i].key)
            return 1;
    return 0;
}

static int add_range(hstate *s, size_t start, size_t end)
{
    if (s->n_ranges == s->cap_ranges) {
        size_t cap = s->cap_ranges ? s->cap_ranges * 2 : 16;
        hs_range *p = realloc(s->ranges, cap * sizeof *p);
        if (!p)
            return -1;
        s->ranges = p;
        s->cap_ranges = cap;
    }
    s->ranges[s->n_ranges++] = (hs_range){ start, end };
    return 0;
}

/* The non-joined token at position pos at or after index from, or -1.
 * Tokens come in position order, a compound's joined form after its
 * parts. */
static long token_at(const hstate *s, size_t from, unsigned pos)
{
    for (size_t i = from; i < s->n && s->toks[i].pos <= pos; i++)
        if (s->toks[i].pos == pos && !s->toks[i].joined)
            return (long)i;
    return -1;
}

/* Whether token t is the query word w: by stem, or by exact form for
 * groups written with '='. */
static int same_word(const hstate *s, const htoken *t, const hs_qword *w, const hs_qgroup *g)
{
    if (g->exact_only)
        return strcmp(t->exact, w->exact) == 0;
    for (size_t i = 0; i < w->n_variants; i++)
        if (strcmp(t->stem, w->variants[i]) == 0)
            return 1;
    /* a Latin word's Kazakh readings, and their family, match in Kazakh
     * passages only (query_build.c) */
    int kazakh = hs_lang_is_kazakh(s->lang);
    for (size_t i = 0; kazakh && i < w->n_kazakh; i++)
        if (strcmp(t->stem, w->kazakh[i]) == 0)
            return 1;
    if (w->n_family && (kazakh || hs_script_of(w->exact, strlen(w->exact)) != HS_SCRIPT_LATIN))
        for (size_t i = 0; i < w->n_family; i++)
            if (strcmp(t->stem, w->family[i]) == 0)
                return 1;
    return strcmp(t->stem, w->stem) == 0 || (w->stem2 && strcmp(t->stem, w->stem2) == 0) ||
           (t->key && w->key && strcmp(t->key, w->key) == 0);
}

/* The words of g that a match must hold, words[*from..*to]: a phrase's stop
 * words at its ends have no term in the index (index_write.c) and are left
 * out, as the index leaves them out, but for an exact phrase's, which is
 * checked on the text; and but for a phrase of stop words only. */
static void phrase_span(const hs_qgroup *g, size_t *from, size_t *to)
{
    size_t a = 0, b = g->n_words - 1;
    if (!g->exact_only) {
        while (a < b && hs_qword_unpositioned(&g->words[a]))
            a++;
        while (b > a && hs_qword_unpositioned(&g->words[b]))
            b--;
        if (a == b && hs_qword_unpositioned(&g->words[a])) {
            a = 0;
            b = g->n_words - 1;
        }
    }
    *from = a;
    *to = b;
}

static int mark_group(hstate *s, const hs_qgroup *g)
{
    size_t plen = g->prefix ? strlen(g->words[0].exact) : 0;
    size_t from, to;
    phrase_span(g, &from, &to);
    for (size_t i = 0; i < s->n; i++) {
        const htoken *t = &s->toks[i];
        if (g->prefix) {
            if (!t->joined && strncmp(t->exact, g->words[0].exact, plen) == 0 &&
                add_range(s, t->start, t->end) < 0)
                return -1;
            continue;
        }
        if (t->joined) {
            if (g->joined.stem && same_word(s, t, &g->joined, g) && add_range(s, t->start, t->end) < 0)
                return -1;
            /* a query word written as one ("selfnomination") */
            if (g->n_words == 1 && same_word(s, t, &g->words[0], g) &&
                add_range(s, t->start, t->end) < 0)
                return -1;
            continue;
        }
        /* a compound of the query written as one word */
        if (g->joined.stem && same_word(s, t, &g->joined, g)) {
            if (add_range(s, t->start, t->end) < 0)
                return -1;
            continue;
        }
        if (!same_word(s, t, &g->words[from], g))
            continue;
        size_t last = i;
        size_t w;
        for (w = from + 1; w <= to; w++) {
            long j = token_at(s, last + 1, t->pos + (unsigned)(w - from));
            /* inside a phrase, a stop word holds a place for any word, as
             * in the index, which keeps no term for it; but not in an
             * exact phrase, which is checked on the text */
            int any = w < to && !g->exact_only && hs_qword_unpositioned(&g->words[w]);
            if (j < 0 || (!any && !same_word(s, &s->toks[j], &g->words[w], g)))
                break;
            last = (size_t)j;
        }
        if (w == to + 1 && add_range(s, t->start, s->toks[last].end) < 0)
            return -1;
    }
    return 0;
}

static int compare_ranges(const void *a, const void *b)
{
    const hs_range *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* Sort ranges and merge those that overlap. */
static void merge_ranges(hstate *s)
{
    if (s->n_ranges < 2)
        return;
    qsort(s->ranges, s->n_ranges, sizeof *s->ranges, compare_ranges);
    size_t out = 0;
    for (size_t i = 1; i < s->n_ranges; i++) {
        if (s->ranges[i].start < s->ranges[out].end) {
            if (s->ranges[i].end > s->ranges[out].end)
                s->ranges[out].end = s->ranges[i].end;
        } else {
            s->ranges[++out] = s->ranges[i];
        }
    }
    s->n_ranges = out + 1;
}

static int only_stopwords(const hs_parsed_query *pq)
{
    for (size_t i = 0; i < pq->n_groups; i++)
        if (!pq->groups[i]->stopword)
            return 0;
    return 1;
}

static void free_tokens(hstate *s)
{
    free(s->toks);
    hs_buf_free(&s->pool);
}

int hs_highlight_holds(const hs_qgroup *const *groups, size_t n, hs_stemmer *stemmer,
                       const char *lang, const char *text, size_t len)
{
    hstate s = { stemmer, lang, text, 0, NULL, 0, 0, HS_BUF_INIT, NULL, 0, 0 };
    for (size_t g = 0; g < n; g++)
        s.keys |= group_has_key(groups[g]);
    int rc = tokenize(&s, text, len) < 0 ? -1 : 1;
    for (size_t g = 0; g < n && rc == 1; g++) {
        s.n_ranges = 0;
        rc = mark_group(&s, groups[g]) < 0 ? -1 : s.n_ranges > 0;
    }
    free_tokens(&s);
    free(s.ranges);
    return rc;
}

int hs_highlight(const hs_parsed_query *pq, hs_stemmer *stemmer, const char *lang,
                 const char *text, size_t len, hs_range **ranges,
                 size_t *n_ranges)
{
    hstate s = { stemmer, lang, text, 0, NULL, 0, 0, HS_BUF_INIT, NULL, 0, 0 };
    for (size_t g = 0; g < pq->n_groups; g++)
        s.keys |= group_has_key(pq->groups[g]);
    int rc = tokenize(&s, text, len) < 0 ? -1 : 0;
    int stop_too = only_stopwords(pq);
    for (size_t g = 0; g < pq->n_groups && rc == 0; g++) {
        const hs_qgroup *grp = pq->groups[g];
        if (stop_too || !grp->stopword)
            rc = mark_group(&s, grp);
    }
    free_tokens(&s);
    if (rc < 0) {
        free(s.ranges);
        return -1;
    }
    merge_ranges(&s);
    *ranges = s.ranges;
    *n_ranges = s.n_ranges;
    return 0;
}
