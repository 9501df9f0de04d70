/* stem_kk.c - a light Kazakh stemmer; see stem_kk.h for the rules.
 *
 * The word is decoded once into code points with their byte offsets; an
 * ending matches when its UTF-8 bytes end the current stem, and is taken
 * off when the letter before it, the vowel harmony and the length of what
 * is left allow it.
 */
#include "stem_kk.h"

#include <string.h>

#include <utf8proc.h>

/* Longer words are left whole (the tokenizer cuts terms at 80 bytes). */
#define MAX_LETTERS 64

/* What may come before an ending: classes of the stem's last letter. */
enum {
    AFTER_VOWEL = 1 << 0,   /* а ә е ё о ө ұ ү ы і э ю я и */
    AFTER_RJU = 1 << 1,     /* р й у (and и, which is ый/ій) */
    AFTER_L = 1 << 2,       /* л */
    AFTER_NASAL = 1 << 3,   /* м н ң */
    AFTER_ZH = 1 << 4,      /* ж з */
    AFTER_VOICELESS = 1 << 5, /* the other consonants */
    AFTER_POSS3 = 1 << 6,   /* a 3rd person possessive -ы/-і, -сы/-сі,
                               which must then come off as well */
};
#define AFTER_CONSONANT \
    (AFTER_RJU | AFTER_L | AFTER_NASAL | AFTER_ZH | AFTER_VOICELESS)
#define AFTER_VOICED (AFTER_VOWEL | AFTER_RJU | AFTER_L | AFTER_NASAL | AFTER_ZH)

typedef enum harmony { ANY, BACK, FRONT } harmony;

typedef struct ending {
    const char *text;
    size_t bytes;      /* all Cyrillic: two bytes a letter */
    unsigned after;
    harmony vowels;
} ending;

#define E(text, after, vowels) { text, sizeof text - 1, after, vowels }

/* Each slot's endings, longest first: the first that fits is taken. */
static const ending case_endings[] = {
    E("менен", AFTER_VOWEL | AFTER_RJU | AFTER_L, ANY),
    E("бенен", AFTER_NASAL | AFTER_ZH, ANY),
    E("пенен", AFTER_VOICELESS, ANY),
    E("ның", AFTER_VOWEL | AFTER_NASAL, BACK),
    E("нің", AFTER_VOWEL | AFTER_NASAL, FRONT),
    E("дың", AFTER_RJU | AFTER_L | AFTER_ZH, BACK),
    E("дің", AFTER_RJU | AFTER_L | AFTER_ZH, FRONT),
    E("тың", AFTER_VOICELESS, BACK),
    E("тің", AFTER_VOICELESS, FRONT),
    E("дан", AFTER_VOWEL | AFTER_RJU | AFTER_L | AFTER_ZH, BACK),
    E("ден", AFTER_VOWEL | AFTER_RJU | AFTER_L | AFTER_ZH, FRONT),
    E("нан", AFTER_NASAL, BACK),
    E("нен", AFTER_NASAL, FRONT),
    E("нан", AFTER_POSS3, BACK),
    E("нен", AFTER_POSS3, FRONT),
    E("тан", AFTER_VOICELESS, BACK),
    E("тен", AFTER_VOICELESS, FRONT),
    E("нда", AFTER_POSS3, BACK),
    E("нде", AFTER_POSS3, FRONT),
    E("мен", AFTER_VOWEL | AFTER_RJU | AFTER_L, ANY),
    E("бен", AFTER_NASAL | AFTER_ZH, ANY),
    E("пен", AFTER_VOICELESS, ANY),
    E("да", AFTER_VOICED, BACK),
    E("де", AFTER_VOICED, FRONT),
    E("та", AFTER_VOICELESS, BACK),
    E("те", AFTER_VOICELESS, FRONT),
    E("ға", AFTER_VOICED, BACK),
    E("ге", AFTER_VOICED, FRONT),
    E("қа", AFTER_VOICELESS, BACK),
    E("ке", AFTER_VOICELESS, FRONT),
    E("на", AFTER_POSS3, BACK),
    E("не", AFTER_POSS3, FRONT),
    E("ны", AFTER_VOWEL, BACK),
    E("ні", AFTER_VOWEL, FRONT),
    E("ды", AFTER_RJU | AFTER_L | AFTER_NASAL | AFTER_ZH, BACK),
    E("ді", AFTER_RJU | AFTER_L | AFTER_NASAL | AFTER_ZH, FRONT),
    E("ты", AFTER_VOICELESS, BACK),
    E("ті", AFTER_VOICELESS, FRONT),
    E("н", AFTER_POSS3, ANY),
};

/* Adjectives of place and time, before a case ending or alone:
 * Алматыдағы, жылғы, бұрынғыдан. */
static const ending gy_endings[] = {
    E("ндағы", AFTER_POSS3, BACK),
    E("ндегі", AFTER_POSS3, FRONT),
    E("дағы", AFTER_VOICED, BACK),
    E("дегі", AFTER_VOICED, FRONT),
    E("тағы", AFTER_VOICELESS, BACK),
    E("тегі", AFTER_VOICELESS, FRONT),
    E("ғы", AFTER_CONSONANT & ~AFTER_VOICELESS, BACK),
    E("гі", AFTER_CONSONANT & ~AFTER_VOICELESS, FRONT),
    E("қы", AFTER_VOICELESS, BACK),
    E("кі", AFTER_VOICELESS, FRONT),
};

static const ending possessive_endings[] = {
    E("ымыз", AFTER_CONSONANT, BACK),
    E("іміз", AFTER_CONSONANT, FRONT),
    E("мыз", AFTER_VOWEL, BACK),
    E("міз", AFTER_VOWEL, FRONT),
    E("сы", AFTER_VOWEL, BACK),
    E("сі", AFTER_VOWEL, FRONT),
    E("ы", AFTER_CONSONANT, BACK),
    E("і", AFTER_CONSONANT, FRONT),
};

/* The 3rd person possessive alone, which a case ending of AFTER_POSS3
 * needs behind it; also the bare stem-final vowel of the last step. */
static const ending poss3_endings[] = {
    E("сы", AFTER_VOWEL, BACK),
    E("сі", AFTER_VOWEL, FRONT),
    E("ы", AFTER_CONSONANT, BACK),
    E("і", AFTER_CONSONANT, FRONT),
};

static const ending plural_endings[] = {
    E("лар", AFTER_VOWEL | AFTER_RJU, BACK),
    E("лер", AFTER_VOWEL | AFTER_RJU, FRONT),
    E("дар", AFTER_L | AFTER_NASAL | AFTER_ZH, BACK),
    E("дер", AFTER_L | AFTER_NASAL | AFTER_ZH, FRONT),
    E("тар", AFTER_VOICELESS, BACK),
    E("тер", AFTER_VOICELESS, FRONT),
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* The word as letters. */
typedef struct word {
    const char *bytes;
    int32_t cp[MAX_LETTERS];
    size_t off[MAX_LETTERS + 1]; /* byte offset of each letter, and the end */
    size_t n;
} word;

static int is_vowel(int32_t c)
{
    switch (c) {
    case 0x430: /* а */ case 0x4D9: /* ә */ case 0x435: /* е */
    case 0x451: /* ё */ case 0x43E: /* о */ case 0x4E9: /* ө */
    case 0x4B1: /* ұ */ case 0x4AF: /* ү */ case 0x44B: /* ы */
    case 0x456: /* і */ case 0x44D: /* э */ case 0x44E: /* ю */
    case 0x44F: /* я */ case 0x438: /* и */ case 0x443: /* у */
        return 1;
    default:
        return 0;
    }
}

static int is_back_vowel(int32_t c)
{
    return c == 0x430 || c == 0x43E || c == 0x4B1 || c == 0x44B ||
           c == 0x44F || c == 0x451; /* а о ұ ы я ё */
}

static int is_front_vowel(int32_t c)
{
    return c == 0x4D9 || c == 0x435 || c == 0x4E9 || c == 0x4AF ||
           c == 0x456 || c == 0x44D; /* ә е ө ү і э */
}

static int is_cyrillic_letter(int32_t c)
{
    return c >= 0x400 && c < 0x530;
}

/* The class of the letter before position k (soft and hard signs are
 * skipped: they only mark the letter before them). */
static unsigned class_before(const word *w, size_t k)
{
    while (k > 0 && (w->cp[k - 1] == 0x44C || w->cp[k - 1] == 0x44A))
        k--;
    if (k == 0)
        return 0;
    int32_t c = w->cp[k - 1];
    switch (c) {
    case 0x443: /* у: a glide after Kazakh vowels */
    case 0x440: /* р */ case 0x439: /* й */
        return AFTER_RJU;
    case 0x438: /* и */
        return AFTER_VOWEL | AFTER_RJU;
    case 0x43B: /* л */
        return AFTER_L;
    case 0x43C: /* м */ case 0x43D: /* н */ case 0x4A3: /* ң */
        return AFTER_NASAL;
    case 0x436: /* ж */ case 0x437: /* з */
        return AFTER_ZH;
    default:
        if (is_vowel(c))
            return AFTER_VOWEL;
        return is_cyrillic_letter(c) ? AFTER_VOICELESS : 0;
    }
}

/* The harmony of w[0..k): that of its last vowel.  у and и after a vowel
 * are glides (сайлау is back); after a consonant, and ю always, they could
 * go either way (округ takes -тер). */
static harmony harmony_of(const word *w, size_t k)
{
    while (k > 0) {
        int32_t c = w->cp[--k];
        if (is_back_vowel(c))
            return BACK;
        /* е after a vowel is [je]: Kazakh writes Тоқаевтың, back. */
        if (c == 0x435 && k > 0 && is_vowel(w->cp[k - 1]))
            return ANY;
        if (is_front_vowel(c))
            return FRONT;
        if (c == 0x443 || c == 0x438) { /* у, и */
            if (k > 0 && is_vowel(w->cp[k - 1]))
                continue;
            return ANY;
        }
        if (c == 0x44E) /* ю */
            return ANY;
    }
    return ANY;
}

/* A stem must keep HS_KK_MIN_STEM letters, one of them a vowel. */
static int stem_ok(const word *w, size_t k)
{
    if (k < HS_KK_MIN_STEM)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (is_vowel(w->cp[i]))
            return 1;
    return 0;
}

static int ends_with(const word *w, size_t k, const ending *e)
{
    size_t m = e->bytes / 2;
    return m <= k && w->off[k] - w->off[k - m] == e->bytes &&
           memcmp(w->bytes + w->off[k - m], e->text, e->bytes) == 0;
}

static int is_y_or_i(int32_t c)
{
    return c == 0x44B || c == 0x456; /* ы, і */
}

/* Ambiguous spots where an ending that fits is still not taken off:
 *  - -сы/-сі after ы/і: мәжілісі is мәжіліс + і and дауысы is дауыс + ы;
 *    only agent nouns and participles in -шы, -ды, -ты (сайлаушысы,
 *    қорытындысы, жартысы) take -сы there;
 *  - -тан after a consonant and с: Қазақстан, Өзбекстан are not ablatives
 *    (дауыстан is);
 *  - -ды/-ді after -ын/-ін: қорытынды, орынды, үйінді are words of their
 *    own more often than accusatives of тұрғын or жиын. */
static int vetoed(const word *w, size_t start, const ending *e)
{
    int32_t last = w->cp[start - 1];
    if (!strcmp(e->text, "сы") || !strcmp(e->text, "сі")) {
        if (!is_y_or_i(last) || start < 2)
            return 0;
        int32_t c = w->cp[start - 2];
        return c != 0x448 && c != 0x434 && c != 0x442; /* ш д т */
    }
    if (!strcmp(e->text, "тан"))
        return last == 0x441 && start >= 2 &&
               class_before(w, start - 1) != AFTER_VOWEL; /* с */
    if (!strcmp(e->text, "ды") || !strcmp(e->text, "ді"))
        return last == 0x43D && start >= 2 && is_y_or_i(w->cp[start - 2]);
    return 0;
}

/* Whether e ends w[0..k) and may come off: the new end, or k if not.
 * AFTER_POSS3 is checked by the caller. */
static size_t match(const word *w, size_t k, const ending *e)
{
    if (!ends_with(w, k, e))
        return k;
    size_t start = k - e->bytes / 2;
    if (!stem_ok(w, start))
        return k;
    if (e->vowels != ANY) {
        harmony h = harmony_of(w, start);
        if (h != ANY && h != e->vowels)
            return k;
    }
    if (e->after != AFTER_POSS3 && !(class_before(w, start) & e->after))
        return k;
    return vetoed(w, start, e) ? k : start;
}

/* Take off the first ending of the list that fits; returns the new end
 * (k when none does).  Endings needing a possessive are skipped. */
static size_t strip_one(const word *w, size_t k, const ending *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (list[i].after == AFTER_POSS3)
            continue;
        size_t start = match(w, k, &list[i]);
        if (start < k)
            return start;
    }
    return k;
}

static int ends_with_plural(const word *w, size_t k)
{
    for (size_t i = 0; i < COUNT(plural_endings); i++)
        if (ends_with(w, k, &plural_endings[i]))
            return 1;
    return 0;
}

/* A case ending used after a 3rd person possessive comes off only
 * together with that possessive.  The bare accusative -н asks more: that
 * the possessive be -сы/-сі or follow a plural or a verbal noun in -у
 * (нәтижесін, қолдарын, сайлауын), since so many stems end in -ын/-ін
 * (тұрғын, бүгін, кейін, мүмкін). */
static size_t strip_after_poss3(const word *w, size_t k, const ending *e)
{
    size_t start = match(w, k, e);
    if (start == k || !is_y_or_i(w->cp[start - 1]))
        return k;
    size_t stem = strip_one(w, start, poss3_endings, COUNT(poss3_endings));
    if (stem == start)
        return k;
    if (!strcmp(e->text, "н") && start - stem == 1 &&
        !ends_with_plural(w, stem) && w->cp[stem - 1] != 0x443) /* у */
        return k;
    return stem;
}

/* One ending of a slot whose list may hold endings used after a 3rd
 * person possessive; *poss is set when such a possessive went too. */
static size_t strip_slot(const word *w, size_t k, const ending *list,
                         size_t n, int *poss)
{
    for (size_t i = 0; i < n; i++) {
        const ending *e = &list[i];
        if (e->after != AFTER_POSS3) {
            size_t start = match(w, k, e);
            if (start < k)
                return start;
            continue;
        }
        size_t stem = strip_after_poss3(w, k, e);
        if (stem < k) {
            *poss = 1;
            return stem;
        }
    }
    return k;
}

static int decode(word *w, const char *s, size_t len)
{
    size_t i = 0;
    w->bytes = s;
    w->n = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                 (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0 || w->n == MAX_LETTERS)
            return -1;
        w->cp[w->n] = c;
        w->off[w->n++] = i;
        i += (size_t)step;
    }
    w->off[w->n] = len;
    return 0;
}

size_t hs_stem_kk(const char *s, size_t len)
{
    word w;
    int poss = 0;

    if (!s || decode(&w, s, len) < 0 || w.n <= HS_KK_MIN_STEM ||
        !is_cyrillic_letter(w.cp[0]))
        return len;
    size_t k = strip_slot(&w, w.n, case_endings, COUNT(case_endings), &poss);
    if (!poss)
        k = strip_slot(&w, k, gy_endings, COUNT(gy_endings), &poss);
    if (!poss)
        k = strip_one(&w, k, possessive_endings, COUNT(possessive_endings));
    k = strip_one(&w, k, plural_endings, COUNT(plural_endings));
    k = strip_one(&w, k, poss3_endings + 2, 2); /* bare -ы/-і */
    return w.off[k];
}

int hs_kk_letter_strong(int32_t cp)
{
    switch (cp) {
    case 0x4D8: case 0x4D9: /* Ә ә */
    case 0x492: case 0x493: /* Ғ ғ */
    case 0x49A: case 0x49B: /* Қ қ */
    case 0x4A2: case 0x4A3: /* Ң ң */
    case 0x4E8: case 0x4E9: /* Ө ө */
    case 0x4B0: case 0x4B1: /* Ұ ұ */
    case 0x4AE: case 0x4AF: /* Ү ү */
    case 0x4BA: case 0x4BB: /* Һ һ */
        return 1;
    default:
        return 0;
    }
}

int hs_kk_letter(int32_t cp)
{
    return hs_kk_letter_strong(cp) || cp == 0x406 || cp == 0x456; /* І і */
}

int hs_has_kk_letters(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                 (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0) {
            i++;
            continue;
        }
        if (hs_kk_letter(c))
            return 1;
        i += (size_t)step;
    }
    return 0;
}
