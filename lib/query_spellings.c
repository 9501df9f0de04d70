/* query_spellings.c - British and American spellings of an English query
 * word; see hs_query_add_spellings in query.h.
 *
 * Wire copy and newspapers on either side of the Atlantic spell the same
 * words differently, and Snowball's English stemmer keeps the two apart
 * (rumour/rumor, organise/organize, centre/center, defence/defense).  A
 * query word is respelled by the regular correspondences below, each
 * way, and a respelling's stem is kept only when the index holds it, as
 * for the Russian and Kazakh forms of query_variants.c: a guess the text
 * never wrote costs nothing and finds nothing.  The rules ask for a few
 * letters before the changed part, so that short words are left alone
 * (four is no for, filled no filed).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "hustings.h"
#include "schema.h"
#include "xapian_glue.h"

#define MAX_WORD 64

/* One correspondence: `from` becomes `to` when at least `before` letters
 * precede it and one of `endings` (NULL-terminated, "" for the word's
 * end) follows it. */
typedef struct respelling {
    const char *from, *to;
    size_t before;
    const char *const *endings;
} respelling;

static const char *const end_only[] = { "", "s", NULL };
static const char *const our_endings[] = { "", "s", "ed", "ing", "ite", "ites", "able",
                                           "ably", "er", "ers", "ful", "less", "ist",
                                           "ists", "ism", "ous", NULL };
static const char *const ise_endings[] = { "e", "es", "ed", "ing", "er", "ers", "ation",
                                           "ations", NULL };
static const char *const led_endings[] = { "ed", "ing", "er", "ers", NULL };

static const respelling rules[] = {
    /* colour / color, labour / labor, favourite / favorite */
    { "our", "or", 3, our_endings },
    { "or", "our", 3, our_endings },
    /* organise / organize, organisation / organization */
    { "is", "iz", 4, ise_endings },
    { "iz", "is", 4, ise_endings },
    /* analyse / analyze */
    { "ys", "yz", 3, ise_endings },
    { "yz", "ys", 3, ise_endings },
    /* centre / center, theatre / theater, fibre / fiber */
    { "tre", "ter", 3, end_only },
    { "ter", "tre", 3, end_only },
    { "bre", "ber", 2, end_only },
    { "ber", "bre", 2, end_only },
    /* defence / defense, licence / license, pretence / pretense */
    { "fence", "fense", 2, end_only },
    { "fense", "fence", 2, end_only },
    { "cence", "cense", 2, end_only },
    { "cense", "cence", 2, end_only },
    { "tence", "tense", 3, end_only },
    { "tense", "tence", 3, end_only },
    /* catalogue / catalog, dialogue / dialog */
    { "logue", "log", 3, end_only },
    { "log", "logue", 3, end_only },
    /* programme / program */
    { "gramme", "gram", 3, end_only },
    { "gram", "gramme", 3, end_only },
    /* travelled / traveled, cancelling / canceling, labelled */
    { "ell", "el", 3, led_endings },
    { "el", "ell", 3, led_endings },
    { "all", "al", 3, led_endings },
    { "al", "all", 3, led_endings },
    /* judgement / judgment, acknowledgement */
    { "dgement", "dgment", 2, end_only },
    { "dgment", "dgement", 2, end_only },
};

typedef struct spelling_ctx {
    hx_db *db;
    hs_stemmer *stemmer;
    hustings_status_t st;
} spelling_ctx;

/* Keep the stem of respelled word `text` when the index holds it and the
 * word has it not already. */
static void consider(spelling_ctx *c, hs_qword *w, const char *text)
{
    size_t len;
    if (c->st != HUSTINGS_STATUS_SUCCESS || w->n_variants == HS_QWORD_VARIANTS)
        return;
    const char *stem = hs_stem_lang(c->stemmer, "en", text, strlen(text), &len);
    if (!stem) {
        c->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        return;
    }
    char copy[MAX_WORD * 2];
    if (len >= sizeof copy)
        return;
    memcpy(copy, stem, len);
    copy[len] = '\0';
    c->st = hs_qword_add_variant(w, c->db, copy);
}

/* Whether s is made of ASCII lower-case letters only. */
static int plain_word(const char *s)
{
    for (; *s; s++)
        if (*s < 'a' || *s > 'z')
            return 0;
    return 1;
}

int hs_respell_english(const char *word, size_t rule, char *out, size_t size)
{
    const respelling *r = &rules[rule];
    size_t n = strlen(word), from = strlen(r->from), to = strlen(r->to);
    for (const char *const *e = r->endings; *e; e++) {
        size_t end = strlen(*e);
        if (n < r->before + from + end)
            continue;
        size_t at = n - end - from;
        if (strcmp(word + n - end, *e) != 0 || strncmp(word + at, r->from, from) != 0)
            continue;
        if (n - from + to >= size)
            return 0;
        memcpy(out, word, at);
        memcpy(out + at, r->to, to);
        memcpy(out + at + to, word + n - end, end + 1);
        return 1;
    }
    return 0;
}

size_t hs_respell_rules(void)
{
    return sizeof rules / sizeof rules[0];
}

static int add_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    spelling_ctx *c = ctx;
    if (g->exact_only || g->prefix || !w->stem || strlen(w->exact) >= MAX_WORD ||
        !plain_word(w->exact))
        return HUSTINGS_STATUS_SUCCESS;
    char other[MAX_WORD + 8];
    for (size_t i = 0; i < hs_respell_rules() && c->st == HUSTINGS_STATUS_SUCCESS; i++)
        if (hs_respell_english(w->exact, i, other, sizeof other))
            consider(c, w, other);
    return c->st;
}

int hs_query_add_spellings(hs_parsed_query *pq, struct hx_db *db, hs_stemmer *stemmer)
{
    spelling_ctx c = { db, stemmer, HUSTINGS_STATUS_SUCCESS };
    int rc = hs_query_each_word(pq, add_word, &c);
    return rc ? rc : (int)c.st;
}
