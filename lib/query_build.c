/* query_build.c - from the parsed tree to the Xapian queries: the ranked
 * one, each tier's match, and all matches.
 *
 * Two halves are built separately:
 *  - the weight: every positive word group, matched through its stems (so
 *    "nominated" finds "nomination"), plus the article headline (ZS terms,
 *    in every passage of the article) scaled by TITLE_WEIGHT: article-level
 *    evidence that the story is about the query.  The form typed adds
 *    nothing, but for names: on the 55 dev topics a boost for it (half a
 *    stem's weight) lost as often as it won, and its posting lists were a
 *    sixth of the search's time; a name's spelling, though, tells people
 *    apart where stems do not (Browne, Brown).  Exact forms match where
 *    asked for (=word, ="...");
 *  - the match of each tier: which passages qualify, without weights (all
 *    words in the passage; all in the passage or its headline; any).
 * The ranked query is the weight plus coverage: each item of the query's
 * list of words that the passage or its headline holds adds its idf, so
 * that holding the query's rare words counts more than holding its common
 * ones, and a passage that lacks a word is not put below every passage
 * that has them all (as hard tiers did: long questions have no passage
 * with every word).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "stopwords.h"

#define TITLE_WEIGHT 0.25

/* A name's form typed adds this much of its stem's weight. */
#define NAME_EXACT_BOOST 0.5

/* What each query item a passage holds adds, times its idf. */
#define COVERAGE 1.0

/* Cross-script name matches weigh this much of a same-script match, so
 * that results in the query's own script come first, other things equal. */
#define NAME_WEIGHT 0.4

static const char *exact_prefix_of(const char *stem_prefix);

/* An exact form under an exact prefix: its exact term, or, where the form
 * is its own stem, the stem term of that spelling (index_write.c).  The
 * second also holds other forms of the stem ("votes" for =vote): where
 * every match needs the form, the text is checked (exact_phrase.c). */
static hs_qnode *exact_terms(const char *prefix, const char *form)
{
    return hs_qnode_pair(HS_Q_OR, hs_qnode_term(prefix, form, strlen(form)),
                         hs_qnode_term(hs_stem_prefix_of(prefix), form, strlen(form)));
}

/* The passages that hold word w in that very form: its exact term (which
 * a word that is its own stem has only beside another form of it,
 * index_write.c), or the stem term of that spelling without the other
 * words that have it for a stem ("votes" for =vote, "electioneering" for
 * =election).  Exact when those are all known (hs_query_add_other_forms),
 * else as exact_terms. */
static hs_qnode *own_form_terms(const char *prefix, const hs_qword *w)
{
    if (!w->forms_complete)
        return exact_terms(prefix, w->exact);
    hs_qnode *alone = hs_qnode_term(hs_stem_prefix_of(prefix), w->exact, strlen(w->exact));
    if (w->n_other_forms) {
        hs_qnode *others = hs_qnode_new(HS_Q_OR);
        for (size_t i = 0; i < w->n_other_forms && others; i++)
            others = hs_qnode_add(others, hs_qnode_term(prefix, w->other_forms[i],
                                                        strlen(w->other_forms[i])));
        alone = hs_qnode_pair(HS_Q_AND_NOT, alone, others);
    }
    return hs_qnode_pair(HS_Q_OR, hs_qnode_term(prefix, w->exact, strlen(w->exact)), alone);
}

/* A relative of a word (query_family.c) weighs this much of its own forms. */
#define FAMILY_WEIGHT 0.5

/* One word under a prefix: its exact form, or its stems (one per language
 * its script suggests), and, when name_prefix is given, its
 * transliteration key under that prefix. */
static hs_qnode *word_terms(const hs_qword *w, const char *prefix, int exact,
                            const char *name_prefix)
{
    if (exact)
        return own_form_terms(prefix, w);
    /* a word with a stop word's stem has no stem term (index_write.c):
     * "cans" is found as itself; a stop word ("the") by nothing, but when
     * typed as an acronym (IT, WHO), which the index keeps so */
    if (hs_qword_unpositioned(w) && !w->acronym)
        return hs_is_stopword(w->exact) ? hs_qnode_new(HS_Q_MATCH_NOTHING)
                                        : exact_terms(exact_prefix_of(prefix), w->exact);
    hs_qnode *q = hs_qnode_term(prefix, w->stem, strlen(w->stem));
    if (q && w->stem2)
        q = hs_qnode_pair(HS_Q_OR, q, hs_qnode_term(prefix, w->stem2, strlen(w->stem2)));
    for (size_t i = 0; q && i < w->n_variants; i++)
        q = hs_qnode_pair(HS_Q_OR, q,
                          hs_qnode_term(prefix, w->variants[i], strlen(w->variants[i])));
    /* a Latin word read as Kazakh: its readings' stems, and their family,
     * in Kazakh passages only; a Cyrillic word's family anywhere.  A
     * relative counts less than the word's own forms. */
    int latin = hs_script_of(w->exact, strlen(w->exact)) == HS_SCRIPT_LATIN;
    hs_qnode *kazakh = NULL;
    for (size_t i = 0; q && i < w->n_kazakh; i++) {
        hs_qnode *t = hs_qnode_term(prefix, w->kazakh[i], strlen(w->kazakh[i]));
        kazakh = kazakh ? hs_qnode_pair(HS_Q_OR, kazakh, t) : t;
        if (!kazakh)
            return hs_qnode_free(q), NULL;
    }
    if (q && w->n_family) {
        hs_qnode *family = hs_qnode_term(prefix, w->family[0], strlen(w->family[0]));
        for (size_t i = 1; family && i < w->n_family; i++)
            family = hs_qnode_pair(HS_Q_OR, family,
                                   hs_qnode_term(prefix, w->family[i], strlen(w->family[i])));
        family = family ? hs_qnode_scale(family, FAMILY_WEIGHT) : NULL;
        if (latin && kazakh)
            kazakh = hs_qnode_pair(HS_Q_OR, kazakh, family);
        else if (!latin)
            q = hs_qnode_pair(HS_Q_OR, q, family);
        else
            hs_qnode_free(family);
    }
    if (q && kazakh)
        q = hs_qnode_pair(HS_Q_OR, q,
                          hs_qnode_pair(HS_Q_FILTER, kazakh,
                                        hs_qnode_term(HS_PREFIX_LANG, "kk", 2)));
    else
        hs_qnode_free(kazakh);
    if (q && name_prefix && w->key)
        q = hs_qnode_pair(HS_Q_OR, q, hs_qnode_term(name_prefix, w->key, strlen(w->key)));
    return q;
}


int hs_qword_own_stem(const hs_qword *w)
{
    return strcmp(w->exact, w->stem) == 0 || (w->stem2 && strcmp(w->exact, w->stem2) == 0);
}

const char *hs_stem_prefix_of(const char *exact_prefix)
{
    return strcmp(exact_prefix, HS_PREFIX_TITLE) == 0 ? HS_PREFIX_TITLE_STEM : HS_PREFIX_STEM;
}

/* The exact prefix beside a stem one: hs_stem_prefix_of, the other way. */
static const char *exact_prefix_of(const char *stem_prefix)
{
    return strcmp(stem_prefix, HS_PREFIX_TITLE_STEM) == 0 ? HS_PREFIX_TITLE : "";
}

int hs_qword_unpositioned(const hs_qword *w)
{
    return hs_is_stop_stem(w->stem, strlen(w->stem)) ||
           (w->stem2 && hs_is_stop_stem(w->stem2, strlen(w->stem2)));
}

/* The words of a positional operator that have positions in the index.
 * Their indexes go to keep. */
static size_t positioned(const hs_qword *const *words, size_t n, size_t *keep)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!hs_qword_unpositioned(words[i]))
            keep[k++] = i;
    return k;
}

/* A positional operator (phrase or NEAR) over words under a prefix.
 * Stop words (and words with a stop word's stem) have no terms, only
 * their places (index_write.c): the operator runs over the other words,
 * in a window from the first of them to the last (a phrase "date of the
 * election" is date then election within 4 positions); with fewer than two
 * other words it is an AND of them, and with none it matches nothing.
 * For exact forms it is the same operator over the stems, in passages
 * that hold every exact form: exact words (and name keys) have no
 * positions. */
static hs_qnode *positional(int op, unsigned window, const hs_qword *const *words, size_t n,
                            const char *prefix, int exact)
{
    size_t *keep = malloc(n * sizeof *keep);
    if (!keep)
        return NULL;
    size_t k = positioned(words, n, keep);
    if (k == 0) {
        free(keep);
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    }
    const char *pos_prefix = exact ? hs_stem_prefix_of(prefix) : prefix;
    hs_qnode *q = hs_qnode_new(op);
    for (size_t i = 0; k >= 2 && i < k && q; i++)
        q = hs_qnode_add(q, word_terms(words[keep[i]], pos_prefix, 0, NULL));
    /* a phrase spans from its first positioned word to its last */
    if (q)
        q->window = op == HS_Q_PHRASE && k >= 2 && k < n ? (unsigned)(keep[k - 1] - keep[0] + 1)
                                                         : window;
    /* what the positions do not check: every word when fewer than two
     * have positions, else the exact forms */
    hs_qnode *rest = hs_qnode_new(HS_Q_AND);
    for (size_t i = 0; i < k && rest; i++)
        if (k < 2 || exact)
            rest = hs_qnode_add(rest, word_terms(words[keep[i]], prefix, exact, NULL));
    free(keep);
    if (!q || !rest) { /* out of memory */
        hs_qnode_free(q);
        hs_qnode_free(rest);
        return NULL;
    }
    if (k < 2 || rest->n_kids == 0) {
        hs_qnode_free(k < 2 ? q : rest);
        return k < 2 ? rest : q;
    }
    /* the exact forms carry the weight of an exact phrase */
    return hs_qnode_pair(HS_Q_FILTER, rest, q);
}

/* One group's words under a prefix: a word, or a phrase of words, or'ed
 * with the joined form of a compound; a prefix* group is a wildcard. */
static hs_qnode *group_terms(const hs_qgroup *g, const char *prefix, int exact,
                             const char *name_prefix)
{
    hs_qnode *q;
    if (g->prefix) /* the forms that start so, and the stems, for forms
                      that are their own stems */
        return hs_qnode_pair(HS_Q_OR, hs_qnode_wildcard(prefix, g->words[0].exact),
                             hs_qnode_wildcard(hs_stem_prefix_of(prefix), g->words[0].exact));
    if (g->n_words == 1) {
        q = word_terms(&g->words[0], prefix, exact, name_prefix);
    } else {
        const hs_qword **words = malloc(g->n_words * sizeof *words);
        if (!words)
            return NULL;
        for (size_t i = 0; i < g->n_words; i++)
            words[i] = &g->words[i];
        q = positional(HS_Q_PHRASE, 0, words, g->n_words, prefix, exact);
        free(words);
    }
    if (q && g->joined.exact)
        q = hs_qnode_pair(HS_Q_OR, q, word_terms(&g->joined, prefix, exact, NULL));
    return q;
}

static int has_names(const hs_qgroup *g)
{
    for (size_t i = 0; i < g->n_words; i++)
        if (g->words[i].key)
            return 1;
    return 0;
}

/* Exact-only and prefix groups are matched on exact terms. */
static int on_exact(const hs_qgroup *g)
{
    return g->exact_only || g->prefix;
}

static hs_qnode *in_passage(const hs_qgroup *g)
{
    return on_exact(g) ? group_terms(g, "", 1, NULL)
                       : group_terms(g, HS_PREFIX_STEM, 0, HS_PREFIX_NAME);
}

static hs_qnode *in_title(const hs_qgroup *g)
{
    return on_exact(g) ? group_terms(g, HS_PREFIX_TITLE, 1, NULL)
                       : group_terms(g, HS_PREFIX_TITLE_STEM, 0, HS_PREFIX_TITLE_NAME);
}

/* The passages that hold name w in the form typed: its exact term, or
 * for a name that is its own stem, as own_form_terms finds it ("Brown":
 * brown, not browne). */
static hs_qnode *name_form(const hs_qword *w)
{
    if (!hs_qword_own_stem(w))
        return hs_qnode_term("", w->exact, strlen(w->exact));
    return own_form_terms("", w);
}

static hs_qnode *weighted_group(const hs_qgroup *g)
{
    if (on_exact(g))
        return hs_qnode_add(hs_qnode_add(hs_qnode_new(HS_Q_OR), in_passage(g)),
                            hs_qnode_scale(in_title(g), TITLE_WEIGHT));
    hs_qnode *q = hs_qnode_add(hs_qnode_new(HS_Q_OR), group_terms(g, HS_PREFIX_STEM, 0, NULL));
    /* a name found only in another script weighs less; found in the same
     * script, its key adds nothing */
    if (has_names(g))
        q = hs_qnode_add(q, hs_qnode_scale(hs_qnode_pair(HS_Q_AND_NOT, in_passage(g),
                                                         group_terms(g, HS_PREFIX_STEM, 0, NULL)),
                                           NAME_WEIGHT));
    /* a name's spelling tells people apart where stems do not (Browne and
     * Brown stem alike): for names, the form typed weighs more */
    if (has_names(g))
        q = hs_qnode_add(q, hs_qnode_scale(g->n_words == 1 ? name_form(&g->words[0])
                                                            : group_terms(g, "", 1, NULL),
                                           NAME_EXACT_BOOST));
    return hs_qnode_add(q, hs_qnode_scale(in_title(g), TITLE_WEIGHT));
}

/* The two words of a NEAR under a prefix. */
static hs_qnode *near_terms(const hs_qexpr *e, const char *prefix)
{
    const hs_qword *words[2] = { &e->kids[0]->group.words[0], &e->kids[1]->group.words[0] };
    return positional(HS_Q_NEAR, e->window, words, 2, prefix, 0);
}

/* Append the weights of e's positive groups to the OR node `or`. */
static hs_qnode *add_weights(hs_qnode *or, const hs_qexpr *e)
{
    if (!or || e->excluded)
        return or;
    switch (e->kind) {
    case HS_QK_GROUP:
        return hs_qnode_add(or, weighted_group(&e->group));
    case HS_QK_TITLE:
        return hs_qnode_add(or, in_title(&e->group));
    case HS_QK_NEAR: /* weighed as a group is, so that it matches what it weighs */
        or = hs_qnode_add(or, near_terms(e, HS_PREFIX_STEM));
        return hs_qnode_add(or, hs_qnode_scale(near_terms(e, HS_PREFIX_TITLE_STEM),
                                               TITLE_WEIGHT));
    case HS_QK_FILTER:
        return or;
    default:
        for (size_t i = 0; i < e->n_kids && or; i++)
            or = add_weights(or, e->kids[i]);
        return or;
    }
}

static hs_qnode *weight(const hs_parsed_query *pq)
{
    hs_qnode *or = add_weights(hs_qnode_new(HS_Q_OR), pq->root);
    if (or && or->n_kids == 0) { /* filters only: every match weighs the same */
        hs_qnode_free(or);
        return hs_qnode_pair(HS_Q_AND_NOT, hs_qnode_new(HS_Q_MATCH_ALL),
                             hs_qnode_term("", HS_TERM_ARTICLE_DOC, strlen(HS_TERM_ARTICLE_DOC)));
    }
    return or;
}

/* Stop words have no term in the index (index_write.c). */
int hs_qexpr_termless(const hs_qexpr *e)
{
    if (e->kind == HS_QK_AND || e->kind == HS_QK_OR || e->kind == HS_QK_DEFAULT) {
        size_t positive = 0;
        for (size_t i = 0; i < e->n_kids; i++) {
            if (e->kids[i]->excluded)
                continue;
            if (!hs_qexpr_termless(e->kids[i]))
                return 0;
            positive++;
        }
        return positive > 0;
    }
    if ((e->kind != HS_QK_GROUP && e->kind != HS_QK_TITLE) || e->group.exact_only ||
        e->group.prefix)
        return 0;
    for (size_t i = 0; i < e->group.n_words; i++)
        if (!hs_qword_unpositioned(&e->group.words[i]) ||
            !hs_is_stopword(e->group.words[i].exact) || e->group.words[i].acronym)
            return 0;
    return 1;
}

/* Whether a kid of a list (side by side, or joined by AND) must match in
 * the tiers that want every word: all but stop words, which match nothing
 * (unless the list has nothing else: then it finds nothing). */
static int required(const hs_qexpr *list, const hs_qexpr *kid)
{
    if (!hs_qexpr_termless(kid))
        return 1;
    for (size_t i = 0; i < list->n_kids; i++) {
        const hs_qexpr *k = list->kids[i];
        if (!k->excluded && !hs_qexpr_termless(k))
            return 0;
    }
    return 1;
}

static hs_qnode *match(const hs_qexpr *e, int tier);

/* Remove from q what any excluded kid of e matches. */
static hs_qnode *without_excluded(hs_qnode *q, const hs_qexpr *e)
{
    hs_qnode *not = hs_qnode_new(HS_Q_OR);
    for (size_t i = 0; i < e->n_kids && not; i++)
        if (e->kids[i]->excluded)
            not = hs_qnode_add(not, match(e->kids[i], HS_TIER_ALL_WITH_TITLE));
    if (!q || !not || not->n_kids == 0) {
        hs_qnode_free(not);
        return q;
    }
    return hs_qnode_pair(HS_Q_AND_NOT, q, not);
}

int hs_qexpr_is_constraint(const hs_qexpr *e)
{
    if (e->kind == HS_QK_FILTER || e->kind == HS_QK_TITLE)
        return 1;
    if (e->kind != HS_QK_AND && e->kind != HS_QK_OR && e->kind != HS_QK_DEFAULT)
        return 0;
    for (size_t i = 0; i < e->n_kids; i++)
        if (!e->kids[i]->excluded && !hs_qexpr_is_constraint(e->kids[i]))
            return 0;
    return e->n_kids > 0;
}

static hs_qnode *match_list(const hs_qexpr *e, int tier)
{
    size_t positive = 0;
    for (size_t i = 0; i < e->n_kids; i++)
        positive += !e->kids[i]->excluded;
    if (positive == 0)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    hs_qnode *all = hs_qnode_new(HS_Q_AND);
    hs_qnode *any = tier == HS_TIER_ANY ? hs_qnode_new(HS_Q_OR) : NULL;
    for (size_t i = 0; i < e->n_kids && all; i++) {
        const hs_qexpr *k = e->kids[i];
        if (k->excluded)
            continue;
        int constraint = hs_qexpr_is_constraint(k);
        if (!required(e, k))
            continue; /* a stop word among other words matches nothing alone */
        if (tier == HS_TIER_ANY && !constraint) {
            if (!(any = hs_qnode_add(any, match(k, tier)))) {
                hs_qnode_free(all);
                return NULL;
            }
        } else {
            all = hs_qnode_add(all, match(k, tier));
        }
    }
    if (any && any->n_kids)
        all = hs_qnode_add(all, any);
    else
        hs_qnode_free(any);
    return without_excluded(all, e);
}

/* The passages that e matches in a tier, without weights. */
static hs_qnode *match(const hs_qexpr *e, int tier)
{
    switch (e->kind) {
    case HS_QK_GROUP:
        if (tier == HS_TIER_ALL_IN_PASSAGE)
            return in_passage(&e->group);
        return hs_qnode_pair(HS_Q_OR, in_passage(&e->group), in_title(&e->group));
    case HS_QK_TITLE:
        return in_title(&e->group);
    case HS_QK_NEAR:
        if (tier == HS_TIER_ALL_IN_PASSAGE)
            return near_terms(e, HS_PREFIX_STEM);
        return hs_qnode_pair(HS_Q_OR, near_terms(e, HS_PREFIX_STEM),
                             near_terms(e, HS_PREFIX_TITLE_STEM));
    case HS_QK_FILTER:
        return hs_qnode_copy(e->filter);
    case HS_QK_DEFAULT:
        return match_list(e, tier);
    case HS_QK_AND: {
        /* explicit AND: every kid, in every tier */
        int kid_tier = tier == HS_TIER_ANY ? HS_TIER_ALL_WITH_TITLE : tier;
        hs_qnode *q = hs_qnode_new(HS_Q_AND);
        for (size_t i = 0; i < e->n_kids && q; i++)
            if (!e->kids[i]->excluded && required(e, e->kids[i]))
                q = hs_qnode_add(q, match(e->kids[i], kid_tier));
        if (q && q->n_kids == 0) {
            hs_qnode_free(q);
            return hs_qnode_new(HS_Q_MATCH_NOTHING);
        }
        return without_excluded(q, e);
    }
    case HS_QK_OR: {
        hs_qnode *q = hs_qnode_new(HS_Q_OR);
        for (size_t i = 0; i < e->n_kids && q; i++)
            if (!e->kids[i]->excluded)
                q = hs_qnode_add(q, match(e->kids[i], tier));
        if (q && q->n_kids == 0) {
            hs_qnode_free(q);
            return hs_qnode_new(HS_Q_MATCH_NOTHING);
        }
        return q;
    }
    }
    return NULL;
}

/* The root, as a list when it is excluded on its own ("NOT x"). */
static hs_qnode *root_match(const hs_parsed_query *pq, int tier)
{
    if (pq->root->excluded)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    return match(pq->root, tier);
}

hs_qnode *hs_query_build_tier(const hs_parsed_query *pq, int tier)
{
    if (!pq->root)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    return hs_qnode_pair(HS_Q_FILTER, weight(pq), root_match(pq, tier));
}

/* Whether the weight matches just what tier HS_TIER_ANY matches: for
 * words and phrases side by side, none excluded, and stop words only when
 * every item is one (the weight counts them, the tier does not require
 * them).  Then the ranked query needs no FILTER, whose posting lists
 * would be read a second time. */
static int weight_is_any(const hs_qexpr *root)
{
    if (root->excluded)
        return 0;
    if (root->kind == HS_QK_GROUP)
        return 1;
    if (root->kind != HS_QK_DEFAULT)
        return 0;
    size_t stop = 0;
    for (size_t i = 0; i < root->n_kids; i++) {
        const hs_qexpr *k = root->kids[i];
        if (k->kind != HS_QK_GROUP || k->excluded)
            return 0;
        stop += k->group.stopword != 0;
    }
    return stop == 0 || stop == root->n_kids;
}

/* How much of the query's evidence e stands for: the idf of its rarest
 * word for a word or phrase, the sum of its parts' for words that must
 * all match, the most of its alternatives' for an OR. */
static double evidence_of(const hs_qexpr *e)
{
    double sum = 0, most = 0;
    switch (e->kind) {
    case HS_QK_GROUP:
        for (size_t i = 0; i < e->group.n_words; i++)
            if (e->group.words[i].idf > most)
                most = e->group.words[i].idf;
        return most;
    case HS_QK_TITLE:
    case HS_QK_FILTER:
        return 0;
    case HS_QK_OR:
        for (size_t i = 0; i < e->n_kids; i++) {
            double kid = e->kids[i]->excluded ? 0 : evidence_of(e->kids[i]);
            if (kid > most)
                most = kid;
        }
        return most;
    default:
        for (size_t i = 0; i < e->n_kids; i++)
            if (!e->kids[i]->excluded)
                sum += evidence_of(e->kids[i]);
        return sum;
    }
}

hs_qnode *hs_query_build_ranked(const hs_parsed_query *pq)
{
    if (!pq->root)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    hs_qnode *or = hs_qnode_add(hs_qnode_new(HS_Q_OR), weight(pq));
    /* coverage: each item of a list that the passage (or its headline)
     * holds adds its idf, so that passages holding more of the query's
     * rare words come first, without a hard line between all and some */
    const hs_qexpr *root = pq->root;
    if (!root->excluded && (root->kind == HS_QK_DEFAULT || root->kind == HS_QK_OR))
        for (size_t i = 0; i < root->n_kids && or; i++) {
            const hs_qexpr *k = root->kids[i];
            double e = evidence_of(k);
            if (k->excluded || hs_qexpr_is_constraint(k) || e <= 0 || hs_qexpr_termless(k))
                continue;
            or = hs_qnode_add(or, hs_qnode_const(match(k, HS_TIER_ALL_WITH_TITLE), COVERAGE * e));
        }
    if (weight_is_any(pq->root))
        return or;
    return hs_qnode_pair(HS_Q_FILTER, or, root_match(pq, HS_TIER_ANY));
}

hs_qnode *hs_query_build_all(const hs_parsed_query *pq)
{
    if (!pq->root)
        return hs_qnode_new(HS_Q_MATCH_NOTHING);
    return hs_qnode_pair(HS_Q_FILTER, weight(pq), root_match(pq, HS_TIER_ANY));
}
