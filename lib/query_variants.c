/* query_variants.c - other stems of a Cyrillic query word that the index
 * holds; see hs_query_add_variants in query.h.
 *
 * Snowball's Russian stemmer and our Kazakh one strip endings but do not
 * undo the sound changes an ending brings, so one word has two stems:
 *  - a Russian fleeting vowel: участок / участка (участок, участк),
 *    самовыдвиженец / самовыдвиженцы, список / списки;
 *  - a Kazakh final consonant voiced before a vowel: құқық / құқығы
 *    (құқық, құқығ), талап / талабы, кезек / кезегі;
 *  - a Kazakh vowel dropped before a vowel: халық / халқы, ерін / ерні.
 * Each rule is tried both ways on the query word's stems (the Kazakh ones
 * only for a word with a Kazakh letter, the Russian one only for a word
 * without: порог and порок are two Russian words), and a candidate is
 * kept only when the index holds it as a stem: a guess the text never
 * wrote costs nothing and finds nothing.  So a Kazakh word written without
 * a Kazakh letter (кезек) does not meet its voiced form (кезегі).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "hustings.h"
#include "schema.h"
#include "xapian_glue.h"

#define MAX_LETTERS 64

typedef struct letters {
    utf8proc_int32_t c[MAX_LETTERS + 2];
    size_t n;
} letters;

/* The stem as code points; 0 when it is too long or not all Cyrillic. */
static int decode(const char *s, letters *w)
{
    w->n = 0;
    for (size_t i = 0; s[i];) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &c);
        if (n <= 0 || c < 0x400 || c >= 0x530 || w->n == MAX_LETTERS)
            return 0;
        w->c[w->n++] = c;
        i += (size_t)n;
    }
    return w->n > 0;
}

static int is_vowel(utf8proc_int32_t c)
{
    static const utf8proc_int32_t v[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B,
                                          0x44D, 0x44E, 0x44F, /* а е ё и о у ы э ю я */
                                          0x4D9, 0x4E9, 0x4B1, 0x4AF, 0x456 /* ә ө ұ ү і */ };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return 1;
    return 0;
}

static int is_consonant(utf8proc_int32_t c)
{
    return !is_vowel(c) && c != 0x44C && c != 0x44A && c != 0x439; /* ь ъ й */
}

/* Whether the word's vowels are back ones (а о ұ ы): Kazakh harmony picks
 * ы over і for an inserted vowel. */
static int back_vowels(const letters *w)
{
    for (size_t i = w->n; i-- > 0;) {
        utf8proc_int32_t c = w->c[i];
        if (c == 0x430 || c == 0x43E || c == 0x4B1 || c == 0x44B || c == 0x443)
            return 1;
        if (c == 0x4D9 || c == 0x4E9 || c == 0x4AF || c == 0x456 || c == 0x435 || c == 0x438)
            return 0;
    }
    return 1;
}

typedef struct collected {
    hs_qword *w;
    hx_db *db;
    hustings_status_t st;
} collected;

size_t hs_qword_stems(const hs_qword *w, const char *stems[2 + HS_QWORD_VARIANTS])
{
    size_t k = 0;
    if (w->stem)
        stems[k++] = w->stem;
    if (w->stem2)
        stems[k++] = w->stem2;
    for (size_t i = 0; i < w->n_variants; i++)
        stems[k++] = w->variants[i];
    return k;
}

int hs_stem_list_add_held(char *list[HS_QWORD_VARIANTS], size_t *n, struct hx_db *db,
                          const char *stem)
{
    if (*n == HS_QWORD_VARIANTS)
        return HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(stem, list[i]))
            return HUSTINGS_STATUS_SUCCESS;
    unsigned long freq = 0;
    int st = hs_query_term_freq(db, HS_PREFIX_STEM, stem, &freq);
    if (st != HUSTINGS_STATUS_SUCCESS || freq == 0)
        return st;
    if (!(list[*n] = strdup(stem)))
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    ++*n;
    return HUSTINGS_STATUS_SUCCESS;
}

int hs_qword_add_variant(hs_qword *w, struct hx_db *db, const char *stem)
{
    if ((w->stem && !strcmp(stem, w->stem)) || (w->stem2 && !strcmp(stem, w->stem2)))
        return HUSTINGS_STATUS_SUCCESS;
    return hs_stem_list_add_held(w->variants, &w->n_variants, db, stem);
}

/* Keep candidate w (as code points) when the index holds it as a stem
 * and the word has it not already. */
static void consider(collected *col, const letters *cand)
{
    if (col->st != HUSTINGS_STATUS_SUCCESS || cand->n < 3)
        return;
    char text[MAX_LETTERS * 4 + 8];
    size_t len = 0;
    for (size_t i = 0; i < cand->n; i++)
        len += (size_t)utf8proc_encode_char(cand->c[i], (utf8proc_uint8_t *)text + len);
    text[len] = '\0';
    col->st = hs_qword_add_variant(col->w, col->db, text);
}

/* Whether the word has a letter only Kazakh writes (ә ғ қ ң ө ұ ү һ і). */
static int is_kazakh(const letters *w)
{
    for (size_t i = 0; i < w->n; i++)
        switch (w->c[i]) {
        case 0x4D9: case 0x493: case 0x49B: case 0x4A3: case 0x4E9:
        case 0x4B1: case 0x4AF: case 0x4BB: case 0x456:
            return 1;
        }
    return 0;
}

/* Russian: a fleeting о/е/ё before a final к or ц, both ways. */
static void russian_rules(collected *col, const letters *w)
{
    letters v;
    utf8proc_int32_t last = w->c[w->n - 1], vowel = w->c[w->n - 2], before = w->c[w->n - 3];
    /* участок -> участк */
    if ((last == 0x43A || last == 0x446) && (vowel == 0x43E || vowel == 0x435 || vowel == 0x451) &&
        is_consonant(before) && w->n >= 4) {
        v = *w;
        v.c[v.n - 2] = last;
        v.n--;
        consider(col, &v);
    }
    /* and back: участк -> участок, самовыдвиженц -> самовыдвиженец */
    if ((last == 0x43A || last == 0x446) && is_consonant(vowel)) {
        static const utf8proc_int32_t fill[] = { 0x43E, 0x435 }; /* о е */
        for (size_t i = 0; i < 2; i++) {
            v = *w;
            v.c[v.n - 1] = fill[i];
            v.c[v.n++] = last;
            consider(col, &v);
        }
    }
}

/* Kazakh: a final consonant voiced or not, an ы/і dropped, both ways. */
static void kazakh_rules(collected *col, const letters *w)
{
    static const utf8proc_int32_t pairs[][2] = {
        { 0x49B, 0x493 }, /* қ ғ */
        { 0x43A, 0x433 }, /* к г */
        { 0x43F, 0x431 }, /* п б */
    };
    letters v;
    utf8proc_int32_t last = w->c[w->n - 1], vowel = w->c[w->n - 2], before = w->c[w->n - 3];
    /* құқық <-> құқығ */
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        for (size_t way = 0; way < 2; way++)
            if (last == pairs[i][way]) {
                v = *w;
                v.c[v.n - 1] = pairs[i][!way];
                consider(col, &v);
            }
    /* халық -> халқ */
    if ((vowel == 0x44B || vowel == 0x456) && is_consonant(last) && is_consonant(before) &&
        w->n >= 4) {
        v = *w;
        v.c[v.n - 2] = last;
        v.n--;
        consider(col, &v);
    }
    /* халқ -> халық */
    if (is_consonant(last) && is_consonant(vowel) && is_vowel(before)) {
        v = *w;
        v.c[v.n - 1] = back_vowels(w) ? 0x44B : 0x456;
        v.c[v.n++] = last;
        consider(col, &v);
    }
}

/* The rules of the file's header on one stem: the Russian ones for a
 * word without a Kazakh letter, the Kazakh ones for a word with one
 * (порог and порок, луг and лук are different Russian words). */
static void try_rules(collected *col, const char *stem, int kazakh)
{
    letters w;
    if (!stem || !decode(stem, &w) || w.n < 3)
        return;
    if (kazakh)
        kazakh_rules(col, &w);
    else
        russian_rules(col, &w);
}

static int add_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    if (g->exact_only || g->prefix || !w->stem ||
        hs_script_of(w->exact, strlen(w->exact)) != HS_SCRIPT_CYRILLIC)
        return HUSTINGS_STATUS_SUCCESS;
    letters word;
    int kazakh = decode(w->exact, &word) && is_kazakh(&word);
    collected col = { w, ctx, HUSTINGS_STATUS_SUCCESS };
    try_rules(&col, w->stem, kazakh);
    try_rules(&col, w->stem2, kazakh);
    return col.st;
}

int hs_query_add_variants(hs_parsed_query *pq, struct hx_db *db)
{
    return hs_query_each_word(pq, add_word, db);
}
