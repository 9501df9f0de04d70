/* rank.c - relevance beyond the words of one passage; see rank.h.
 *
 * A passage is ranked by BM25 over its own words (with coverage, the
 * exact forms typed and its headline: query_build.c), and then by its
 * article: a passage of an article that as a whole is about the query
 * ranks above an incidental mention.  The article's BM25 over the query's
 * stems (its own document, schema.h) is added, normalised by the best
 * article's and scaled to the best candidate passage's weight, as passage
 * retrieval commonly mixes document and passage scores.  The weight is a
 * round value, not fitted: the best article adds half the best passage's
 * weight.  Only candidates are reordered (RANK_DEPTH in search.c), and
 * only their articles are scored (found by their tags, XG), so that the
 * query's filters hold for the articles too and each candidate's article
 * counts, whatever its rank among all articles.
 */
#include "rank.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hustings.h"
#include "index_internal.h"
#include "schema.h"
#include "strmap.h"

/* The best article adds this much of the best passage's weight. */
#define ARTICLE_WEIGHT 0.5

typedef struct candidates {
    hs_candidate *items;
    size_t n, cap;
    int failed;
} candidates;

/* hx_match_fn, with the article's tag for data (hx_search_opts.data_slot) */
static int add_candidate(void *ctx, unsigned docid, double weight, const char *tag, size_t len)
{
    candidates *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        hs_candidate *items = realloc(c->items, cap * sizeof *items);
        if (!items) {
            c->failed = 1;
            return 1;
        }
        c->items = items;
        c->cap = cap;
    }
    hs_candidate *k = &c->items[c->n++];
    k->docid = docid;
    k->score = weight;
    len = len < 16 ? len : 16;
    memcpy(k->tag, tag, len);
    k->tag[len] = '\0';
    return 0;
}

/* The matches o asks for, with their articles' tags. */
static hustings_status_t fetch_light(hx_db *db, const hs_qnode *q, const hx_search_opts *o,
                                     candidates *c)
{
    hx_search_opts light = *o;
    light.data_slot = HS_SLOT_ARTICLE;
    hustings_status_t st = hx_db_search(db, q, &light, add_candidate, c);
    return st == HUSTINGS_STATUS_SUCCESS && c->failed ? HUSTINGS_STATUS_OUT_OF_MEMORY : st;
}

/* The query's stems in the articles' documents: each word of its positive
 * groups, in each of its stems, but stop words, which every article holds
 * (their idf is next to nothing, and their postings are every article's). */
static hs_qnode *article_query(const hs_parsed_query *pq)
{
    hs_qnode *or = hs_qnode_new(HS_Q_OR);
    for (size_t g = 0; g < pq->n_groups && or; g++) {
        const hs_qgroup *grp = pq->groups[g];
        if (grp->prefix)
            continue;
        for (size_t i = 0; i < grp->n_words && or; i++) {
            const hs_qword *w = &grp->words[i];
            if (hs_qword_unpositioned(w))
                continue;
            const char *stems[2 + HS_QWORD_VARIANTS];
            size_t k = hs_qword_stems(w, stems);
            for (size_t s = 0; s < k && or; s++)
                or = hs_qnode_add(or, hs_qnode_term(HS_PREFIX_BODY, stems[s], strlen(stems[s])));
        }
    }
    return or;
}

/* The BM25 weight for pq of the articles of candidates c, best first, in
 * *found (their own documents, found by their XG terms, each once). */
static hustings_status_t article_weights(hx_db *db, const hs_parsed_query *pq,
                                         const candidates *c, candidates *found)
{
    hs_qnode *words = article_query(pq), *tags = hs_qnode_new(HS_Q_OR);
    hs_strmap *seen = hs_strmap_new();
    char term[HS_ARTICLE_TAG_TERM];
    for (size_t i = 0; i < c->n && tags && seen; i++) {
        if (hs_strmap_get(seen, c->items[i].tag))
            continue;
        if (hs_strmap_put(seen, c->items[i].tag, (void *)1, NULL) < 0) {
            hs_qnode_free(tags);
            tags = NULL;
            break;
        }
        tags = hs_qnode_add(tags, hs_qnode_term("", term, hs_article_tag_term(c->items[i].tag, term)));
    }
    size_t articles = seen ? hs_strmap_count(seen) : 0;
    hs_strmap_free(seen, NULL);
    if (!words || !tags || !seen) {
        hs_qnode_free(words);
        hs_qnode_free(tags);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    if (words->n_kids == 0 || tags->n_kids == 0) {
        hs_qnode_free(words);
        hs_qnode_free(tags);
        return HUSTINGS_STATUS_SUCCESS;
    }
    hs_qnode *q = hs_qnode_pair(HS_Q_FILTER, words, tags);
    if (!q)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    hx_search_opts o = { 0, (unsigned)articles, -1, 0, -1, 0, NULL, HS_SLOT_ARTICLE };
    hustings_status_t st = fetch_light(db, q, &o, found);
    hs_qnode_free(q);
    return st;
}

static int by_score(const void *a, const void *b)
{
    const hs_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->docid > y->docid) - (x->docid < y->docid);
}

hustings_status_t hs_rank_candidates(hx_db *db, const hs_parsed_query *pq, const hs_qnode *q,
                                     const hx_search_opts *o, hs_candidate **out, size_t *n)
{
    candidates c = { NULL, 0, 0, 0 }, articles = { NULL, 0, 0, 0 };
    hs_strmap *weights = hs_strmap_new(); /* tag -> index in articles + 1 */
    hustings_status_t st = weights ? fetch_light(db, q, o, &c) : HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st == HUSTINGS_STATUS_SUCCESS && c.n > 0)
        st = article_weights(db, pq, &c, &articles);
    for (size_t i = 0; i < articles.n && st == HUSTINGS_STATUS_SUCCESS; i++)
        if (hs_strmap_put(weights, articles.items[i].tag, (void *)(uintptr_t)(i + 1), NULL) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    double best_article = articles.n ? articles.items[0].score : 0;
    if (st == HUSTINGS_STATUS_SUCCESS && best_article > 0) {
        double scale = ARTICLE_WEIGHT * c.items[0].score / best_article;
        for (size_t i = 0; i < c.n; i++) {
            size_t at = (size_t)(uintptr_t)hs_strmap_get(weights, c.items[i].tag);
            if (at)
                c.items[i].score += scale * articles.items[at - 1].score;
        }
        qsort(c.items, c.n, sizeof *c.items, by_score);
    }
    free(articles.items);
    hs_strmap_free(weights, NULL);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        free(c.items);
        c.items = NULL;
        c.n = 0;
    }
    *out = c.items;
    *n = c.n;
    return st;
}
