/* query_build.c - from parsed groups to the Xapian query of each tier.
 *
 * Every group is matched through its stems (so "nominated" finds
 * "nomination"), with two extra sources of weight:
 *  - the exact word forms, scaled by EXACT_BOOST, so that a passage with
 *    the very word typed ranks above one with only a relative of it;
 *  - the article headline (ZS terms, present in every passage of the
 *    article), scaled by TITLE_WEIGHT: article-level evidence that the
 *    passage's story is about the query.
 */
#include "query.h"

#include <string.h>

#include "schema.h"

#define EXACT_BOOST 0.5
#define TITLE_WEIGHT 0.5

/* One group's words under a prefix: a term, or a phrase of terms, or'ed
 * with the joined form of a compound. */
static hs_qnode *group_terms(const hs_qgroup *g, const char *prefix, int exact)
{
    hs_qnode *q;
    if (g->n_words == 1) {
        const char *w = exact ? g->words[0].exact : g->words[0].stem;
        q = hs_qnode_term(prefix, w, strlen(w));
    } else {
        q = hs_qnode_new(HS_Q_PHRASE);
        for (size_t i = 0; i < g->n_words && q; i++) {
            const char *w = exact ? g->words[i].exact : g->words[i].stem;
            q = hs_qnode_add(q, hs_qnode_term(prefix, w, strlen(w)));
        }
    }
    if (q && g->joined.exact) {
        const char *w = exact ? g->joined.exact : g->joined.stem;
        q = hs_qnode_pair(HS_Q_OR, q, hs_qnode_term(prefix, w, strlen(w)));
    }
    return q;
}

static hs_qnode *in_passage(const hs_qgroup *g)
{
    return group_terms(g, HS_PREFIX_STEM, 0);
}

static hs_qnode *in_passage_or_title(const hs_qgroup *g)
{
    return hs_qnode_pair(HS_Q_OR, group_terms(g, HS_PREFIX_STEM, 0),
                         group_terms(g, HS_PREFIX_TITLE_STEM, 0));
}

static hs_qnode *weighted(const hs_qgroup *g)
{
    hs_qnode *q = hs_qnode_add(hs_qnode_new(HS_Q_OR), in_passage(g));
    q = hs_qnode_add(q, hs_qnode_scale(group_terms(g, "", 1), EXACT_BOOST));
    return hs_qnode_add(q, hs_qnode_scale(group_terms(g, HS_PREFIX_TITLE_STEM, 0),
                                          TITLE_WEIGHT));
}

/* Whether a group must match in the tiers that require every word: all
 * groups but excluded ones and stop words (unless only stop words). */
static int required(const hs_parsed_query *pq, const hs_qgroup *g)
{
    if (g->excluded)
        return 0;
    if (!g->stopword)
        return 1;
    for (size_t i = 0; i < pq->n_groups; i++)
        if (!pq->groups[i].excluded && !pq->groups[i].stopword)
            return 0;
    return 1;
}

/* The set of passages of one tier, without weights; NULL_OK when the tier
 * is everything that the weighted query matches. */
static hs_qnode *tier_filter(const hs_parsed_query *pq, int tier)
{
    hs_qnode *q = hs_qnode_new(tier == HS_TIER_ANY ? HS_Q_OR : HS_Q_AND);
    for (size_t i = 0; i < pq->n_groups && q; i++) {
        const hs_qgroup *g = &pq->groups[i];
        if (tier == HS_TIER_ANY ? g->excluded : !required(pq, g))
            continue;
        q = hs_qnode_add(q, tier == HS_TIER_ALL_IN_PASSAGE ? in_passage(g)
                                                           : in_passage_or_title(g));
    }
    return q;
}

static hs_qnode *excluded_words(const hs_parsed_query *pq)
{
    hs_qnode *q = hs_qnode_new(HS_Q_OR);
    for (size_t i = 0; i < pq->n_groups && q; i++)
        if (pq->groups[i].excluded)
            q = hs_qnode_add(q, in_passage_or_title(&pq->groups[i]));
    return q;
}

hs_qnode *hs_query_build_tier(const hs_parsed_query *pq, int tier)
{
    size_t positive = 0;
    for (size_t i = 0; i < pq->n_groups; i++)
        positive += !pq->groups[i].excluded;
    if (positive == 0)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);

    hs_qnode *all = hs_qnode_new(HS_Q_OR);
    for (size_t i = 0; i < pq->n_groups && all; i++)
        if (!pq->groups[i].excluded)
            all = hs_qnode_add(all, weighted(&pq->groups[i]));

    hs_qnode *q = hs_qnode_pair(HS_Q_FILTER, all, tier_filter(pq, tier));
    hs_qnode *not = excluded_words(pq);
    for (int earlier = 0; earlier < tier && not; earlier++)
        not = hs_qnode_add(not, tier_filter(pq, earlier));
    if (!q || !not) {
        hs_qnode_free(q);
        hs_qnode_free(not);
        return NULL;
    }
    if (not->n_kids == 0) {
        hs_qnode_free(not);
        return q;
    }
    return hs_qnode_pair(HS_Q_AND_NOT, q, not);
}
