/* rank.c - relevance beyond the words of one passage; see rank.h.
 *
 * A passage is ranked by BM25 over its own words (with coverage and its
 * headline: query_build.c), and then by its
 * article: a passage of an article that as a whole is about the query
 * ranks above an incidental mention.  The article's BM25 over the query's
 * stems (its own document, schema.h) is added, normalised by the best
 * article's and scaled to the best candidate passage's weight, as passage
 * retrieval commonly mixes document and passage scores.  The weight is a
 * round value, not fitted: the best article adds half the best passage's
 * weight.  Only candidates are reordered (RANK_DEPTH in search.c), and
 * only their articles are scored, so that the query's filters hold for the
 * articles too and each candidate's article counts, whatever its rank
 * among all articles.  An article's document is the first XK document
 * after its passages (index_write.c adds it right after them), so one
 * walk over the XK list finds all of them; over several or remote shards,
 * whose documents interleave, they are found by their tags (XG terms), a
 * term lookup each.
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

/* hx_match_fn, with the article's tag for data (hx_search_opts.data_slot
 * HS_SLOT_ARTICLE), or nothing (HX_DATA_NONE) */
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

/* The matches o asks for, with their tags when o->data_slot says so. */
static hustings_status_t fetch_light(hx_db *db, const hs_qnode *q, const hx_search_opts *o,
                                     candidates *c)
{
    hustings_status_t st = hx_db_search(db, q, o, add_candidate, c);
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

/* The BM25 weight for words of the articles of candidates c, best first,
 * in *found (their own documents, found by their XG terms, each once): the
 * way over several or remote shards, whose documents interleave. */
static hustings_status_t weights_by_tag(hx_db *db, const hs_qnode *words, const candidates *c,
                                        candidates *found)
{
    hs_qnode *tags = hs_qnode_new(HS_Q_OR);
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
    if (!seen) {
        hs_qnode_free(tags);
        tags = NULL;
    }
    hs_strmap_free(seen, NULL);
    hs_qnode *copy = tags ? hs_qnode_copy(words) : NULL;
    hs_qnode *q = copy ? hs_qnode_pair(HS_Q_FILTER, copy, tags) : NULL;
    if (!q) {
        if (!copy)
            hs_qnode_free(tags);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    hx_search_opts o = { 0, (unsigned)articles, -1, 0, -1, 0, NULL, HS_SLOT_ARTICLE };
    hustings_status_t st = fetch_light(db, q, &o, found);
    hs_qnode_free(q);
    return st;
}

/* Each candidate's article's BM25 for words, in weight[i]: the article's
 * document follows its passages, so one walk over the XK list finds them
 * all (hx_db_can_follow); over several shards, by the candidates' tags,
 * which c then holds. */
static hustings_status_t article_weights(hx_db *db, int follow, const hs_qnode *words,
                                         const candidates *c, double *weight)
{
    if (follow) {
        unsigned *docids = malloc(c->n * sizeof *docids);
        if (!docids)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        for (size_t i = 0; i < c->n; i++)
            docids[i] = c->items[i].docid;
        hustings_status_t st =
            hx_db_following_weights(db, words, HS_TERM_ARTICLE_DOC, docids, c->n, weight);
        free(docids);
        return st;
    }
    candidates articles = { NULL, 0, 0, 0 };
    hs_strmap *at = hs_strmap_new(); /* tag -> index in articles + 1 */
    hustings_status_t st = at ? weights_by_tag(db, words, c, &articles)
                              : HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < articles.n && st == HUSTINGS_STATUS_SUCCESS; i++)
        if (hs_strmap_put(at, articles.items[i].tag, (void *)(uintptr_t)(i + 1), NULL) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < c->n && st == HUSTINGS_STATUS_SUCCESS; i++) {
        size_t k = (size_t)(uintptr_t)hs_strmap_get(at, c->items[i].tag);
        weight[i] = k ? articles.items[k - 1].score : 0;
    }
    free(articles.items);
    hs_strmap_free(at, NULL);
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
    candidates c = { NULL, 0, 0, 0 };
    int follow = hx_db_can_follow(db);
    hx_search_opts first = *o; /* with the tags only when they are needed */
    first.data_slot = follow ? HX_DATA_NONE : HS_SLOT_ARTICLE;
    hustings_status_t st = fetch_light(db, q, &first, &c);
    hs_qnode *words = st == HUSTINGS_STATUS_SUCCESS && c.n > 0 ? article_query(pq) : NULL;
    if (st == HUSTINGS_STATUS_SUCCESS && c.n > 0 && !words)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    double *weight = NULL;
    if (words && words->n_kids > 0) {
        weight = calloc(c.n, sizeof *weight);
        st = weight ? article_weights(db, follow, words, &c, weight) : HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    hs_qnode_free(words);
    double best_article = 0;
    for (size_t i = 0; weight && i < c.n; i++)
        if (weight[i] > best_article)
            best_article = weight[i];
    if (st == HUSTINGS_STATUS_SUCCESS && best_article > 0) {
        double scale = ARTICLE_WEIGHT * c.items[0].score / best_article;
        for (size_t i = 0; i < c.n; i++)
            c.items[i].score += scale * weight[i];
        qsort(c.items, c.n, sizeof *c.items, by_score);
    }
    free(weight);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        free(c.items);
        c.items = NULL;
        c.n = 0;
    }
    *out = c.items;
    *n = c.n;
    return st;
}
