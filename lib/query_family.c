/* query_family.c - a query word's derivational family: the stems of words
 * made from the same root that the stemmers leave apart, found in the
 * index and searched for at a lower weight than the word's own forms
 * (hs_query_add_family in query.h).
 *
 * Snowball's Russian stemmer and our Kazakh one take off inflections, not
 * derivations: самовыдвижение (самовыдвижен), самовыдвиженец and
 * самовыдвиженцы (самовыдвиженц) and самовыдвигаться (самовыдвига) are
 * three stems; so are Kazakh ұсыну (to put forward), ұсынған (who put
 * forward), ұсынып (having put forward), ұсынатын (who puts forward).
 * A few rules, each of which takes one derivational ending off a stem to
 * find its root, and accepts a stem of the index as family only when it is
 * that root and one ending of the same rule:
 *
 *  - Kazakh verbs: a query word whose Kazakh stem ends in the verbal noun
 *    -у, a participle -ған -ген -қан -кен or -атын -етін -йтын -йтін, or a
 *    converb -ып -іп has as family the stems of its root with those and
 *    the past -ды -ді -ты -ті (and the stemmer's -д -т of them).  Not -п
 *    -а -е -й after a vowel: тарап (side) is not of тарау (chapter), қалай
 *    (how) not of қалау (wish);
 *  - Russian nouns of action -ение (stem -ен) and their agents -енец (stems
 *    -енец, -енц), and the verbs they come from (stems -а -я -ива -ыва),
 *    whose root may end in the other consonant of an alternation: ж г, ж д,
 *    ж з, ч к, ч т, ш с, ш х (выдвижение, выдвигать; not щ ст:
 *    обращение, обрастать).
 *
 * A root must keep five letters (Russian) or three (Kazakh), four before
 * an ending of one letter but у, and a word
 * has at most HS_QWORD_FAMILY relatives, the commonest first.  What the
 * rules join over corpus/ is listed, and checked, in doc/word-families.md.
 */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hustings.h"
#include "schema.h"
#include "stem_kk.h"
#include "xapian_glue.h"

static const char *const kazakh_endings[] = {
    "у", "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін", "ып", "іп",
    "ды", "ді", "ты", "ті", "д", "т", NULL,
};
/* Those that mark a query word as a verb form, whose root is looked for:
 * the shorter ones end too many nouns (жыл, көш, алмат, интрига). */
static const char *const kazakh_verb_marks[] = {
    "у", "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін", "ып", "іп", NULL,
};

static const char *const russian_noun_endings[] = { "ен", "енец", "енц", NULL };
static const char *const russian_verb_endings[] = { "а", "я", "ива", "ыва", NULL };

/* Consonant alternations at the end of a Russian root: noun, verb. */
static const char *const alternations[][2] = {
    { "ж", "г" }, { "ж", "д" }, { "ж", "з" }, { "ч", "к" },
    { "ч", "т" }, { "ш", "с" }, { "ш", "х" },
};

/* Letters (code points) in s[0..len). */
static size_t letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static int ends_with(const char *s, size_t len, const char *end)
{
    size_t e = strlen(end);
    return len >= e && memcmp(s + len - e, end, e) == 0;
}

static int in_list(const char *s, size_t len, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == len && memcmp(s, list[i], len) == 0)
            return 1;
    return 0;
}

/* The longest ending of list that stem ends in, leaving min letters: its
 * length in bytes, or 0. */
static size_t strip(const char *stem, size_t len, const char *const *list, size_t min)
{
    size_t best = 0;
    for (size_t i = 0; list[i]; i++) {
        size_t e = strlen(list[i]);
        if (e > best && ends_with(stem, len, list[i]) && letters(stem, len - e) >= min)
            best = e;
    }
    return best;
}

/* One root to look for, and the endings that may follow it. */
typedef struct root {
    char text[256];
    const char *const *endings;
} root;

typedef struct family_scan {
    hs_qword *w;
    size_t prefix_len;            /* of the stem prefix, in each term */
    const root *r;
    /* relatives found, with their frequencies, before the cut */
    char *found[32];
    unsigned long freq[32];
    size_t n;
    int failed;
} family_scan;

static int is_own_stem(const hs_qword *w, const char *stem)
{
    const char *stems[2 + HS_QWORD_VARIANTS];
    size_t k = hs_qword_stems(w, stems);
    for (size_t i = 0; i < k; i++)
        if (!strcmp(stems[i], stem))
            return 1;
    for (size_t i = 0; i < w->n_kazakh; i++)
        if (!strcmp(w->kazakh[i], stem))
            return 1;
    return 0;
}

/* hx_term_fn: a stem of the index that starts with the root. */
static int relative(void *ctx, const char *term, unsigned long freq)
{
    family_scan *f = ctx;
    const char *stem = term + f->prefix_len;
    size_t root_len = strlen(f->r->text), len = strlen(stem);
    const char *rest = stem + root_len;
    if (!in_list(rest, len - root_len, f->r->endings) || is_own_stem(f->w, stem))
        return 0;
    /* one letter after a short root is more often another word: бас-т
     * (began) is not of бас-ып (pressing) */
    if (letters(rest, len - root_len) == 1 && strcmp(rest, "у") &&
        letters(f->r->text, root_len) < 4)
        return 0;
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->found[i], stem))
            return 0;
    if (f->n == sizeof f->found / sizeof f->found[0])
        return 1;
    if (!(f->found[f->n] = strdup(stem))) {
        f->failed = 1;
        return 1;
    }
    f->freq[f->n++] = freq;
    return 0;
}

/* The roots of a Cyrillic stem under the rules above: how many in r. */
static size_t roots_of(const char *stem, int kazakh, root r[8])
{
    size_t len = strlen(stem), n = 0, cut;
    if (kazakh) {
        if ((cut = strip(stem, len, kazakh_verb_marks, 3)) > 0) {
            snprintf(r[n].text, sizeof r[n].text, "%.*s", (int)(len - cut), stem);
            r[n++].endings = kazakh_endings;
        }
        return n;
    }
    int noun = (cut = strip(stem, len, russian_noun_endings, 5)) > 0;
    if (!noun)
        cut = strip(stem, len, russian_verb_endings, 5);
    if (!cut)
        return 0;
    size_t root_len = len - cut;
    /* the same root with the other kind of ending, and with the other
     * consonant of an alternation */
    snprintf(r[n].text, sizeof r[n].text, "%.*s", (int)root_len, stem);
    r[n++].endings = noun ? russian_verb_endings : russian_noun_endings;
    snprintf(r[n].text, sizeof r[n].text, "%.*s", (int)root_len, stem);
    r[n++].endings = noun ? russian_noun_endings : russian_verb_endings;
    for (size_t i = 0; i < sizeof alternations / sizeof alternations[0] && n < 8; i++) {
        const char *from = alternations[i][!noun], *to = alternations[i][noun];
        if (ends_with(stem, root_len, from) && letters(stem, root_len) >= 5) {
            snprintf(r[n].text, sizeof r[n].text, "%.*s%s", (int)(root_len - strlen(from)), stem,
                     to);
            r[n++].endings = noun ? russian_verb_endings : russian_noun_endings;
        }
    }
    return n;
}

static int commoner(const void *a, const void *b)
{
    const unsigned long *x = a, *y = b;
    return (*y > *x) - (*y < *x);
}

int hs_qword_add_family(hs_qword *w, struct hx_db *db, const char *stem, int kazakh)
{
    root r[8];
    size_t n = roots_of(stem, kazakh, r);
    family_scan f = { w, strlen(HS_PREFIX_STEM), NULL, { NULL }, { 0 }, 0, 0 };
    char prefix[sizeof r[0].text + sizeof HS_PREFIX_STEM];
    int st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS && !f.failed; i++) {
        f.r = &r[i];
        memcpy(prefix, HS_PREFIX_STEM, f.prefix_len);
        memcpy(prefix + f.prefix_len, r[i].text, strlen(r[i].text) + 1);
        st = hx_db_each_term(db, prefix, relative, &f);
    }
    /* the commonest first, as many as fit */
    struct ranked {
        unsigned long freq;
        size_t i;
    } order[32];
    for (size_t i = 0; i < f.n; i++)
        order[i] = (struct ranked){ f.freq[i], i };
    qsort(order, f.n, sizeof order[0], commoner);
    for (size_t k = 0; k < f.n; k++) {
        char **s = &f.found[order[k].i];
        if (w->n_family < HS_QWORD_FAMILY && st == HUSTINGS_STATUS_SUCCESS && !f.failed) {
            w->family[w->n_family++] = *s;
            *s = NULL;
        }
        free(*s);
    }
    return f.failed ? HUSTINGS_STATUS_OUT_OF_MEMORY : st;
}

/* The Kazakh family of each Cyrillic reading of a Latin word (saılaý:
 * сайлау, query_kk_latin.c). */
static int add_readings_family(hs_qword *w, hx_db *db)
{
    int st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < w->n_kazakh && st == HUSTINGS_STATUS_SUCCESS; i++)
        st = hs_qword_add_family(w, db, w->kazakh[i], 1);
    return st;
}

static int add_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    if (g->exact_only || g->prefix || g->quoted || !w->stem || hs_qword_unpositioned(w))
        return HUSTINGS_STATUS_SUCCESS;
    hs_script script = hs_script_of(w->exact, strlen(w->exact));
    if (script == HS_SCRIPT_LATIN)
        return add_readings_family(w, ctx);
    if (script != HS_SCRIPT_CYRILLIC)
        return HUSTINGS_STATUS_SUCCESS;
    if (hs_has_kk_letters(w->exact, strlen(w->exact)))
        return hs_qword_add_family(w, ctx, w->stem, 1);
    /* without a Kazakh letter the word may be either (сайлау): its Russian
     * stem, then its Kazakh one */
    int st = hs_qword_add_family(w, ctx, w->stem, 0);
    if (st == HUSTINGS_STATUS_SUCCESS && w->stem2)
        st = hs_qword_add_family(w, ctx, w->stem2, 1);
    return st;
}

int hs_query_add_family(hs_parsed_query *pq, struct hx_db *db)
{
    return hs_query_each_word(pq, add_word, db);
}
