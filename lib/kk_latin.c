/* kk_latin.c - Kazakh in its three Latin alphabets; see kk_latin.h and
 * doc/kazakh-latin.md. */
#include "kk_latin.h"

#include <string.h>

#include <utf8proc.h>

/* One letter of an alphabet: Latin `first` (and `second`, for a digraph
 * or an apostrophe letter) is Cyrillic `cyr`; IY is и or й. */
#define IY (-1)
typedef struct letter {
    utf8proc_int32_t first, second, cyr;
} letter;

/* Letters common to the three alphabets. */
static const letter common[] = {
    { 'a', 0, 0x430 }, { 'b', 0, 0x431 }, { 'd', 0, 0x434 }, { 'e', 0, 0x435 },
    { 'f', 0, 0x444 }, { 'g', 0, 0x433 }, { 'h', 0, 0x445 }, { 'j', 0, 0x436 },
    { 'k', 0, 0x43A }, { 'l', 0, 0x43B }, { 'm', 0, 0x43C }, { 'n', 0, 0x43D },
    { 'o', 0, 0x43E }, { 'p', 0, 0x43F }, { 'q', 0, 0x49B }, { 'r', 0, 0x440 },
    { 's', 0, 0x441 }, { 't', 0, 0x442 }, { 'v', 0, 0x432 }, { 'y', 0, 0x44B },
    { 'z', 0, 0x437 },
};

/* 2017 (decree 569, 26 October 2017). */
static const letter only_2017[] = {
    { 'a', '\'', 0x4D9 }, { 'g', '\'', 0x493 }, { 'i', '\'', IY }, { 'n', '\'', 0x4A3 },
    { 'o', '\'', 0x4E9 }, { 'u', '\'', 0x4AF }, { 'y', '\'', 0x443 }, { 's', '\'', 0x448 },
    { 'c', '\'', 0x447 }, { 'i', 0, 0x456 }, { 'u', 0, 0x4B1 },
};

/* 2018 (decree of 19 February 2018). */
static const letter only_2018[] = {
    { 's', 'h', 0x448 }, { 'c', 'h', 0x447 }, { 0xE1, 0, 0x4D9 } /* á */,
    { 0x1F5, 0, 0x493 } /* ǵ */, { 0x144, 0, 0x4A3 } /* ń */, { 0xF3, 0, 0x4E9 } /* ó */,
    { 0xFA, 0, 0x4AF } /* ú */, { 0xFD, 0, 0x443 } /* ý */, { 0x131, 0, IY } /* ı */,
    { 'i', 0, 0x456 }, { 'u', 0, 0x4B1 },
};

/* 2021 (the government's proposal of 28 January 2021). */
static const letter only_2021[] = {
    { 0xE4, 0, 0x4D9 } /* ä */, { 0x11F, 0, 0x493 } /* ğ */, { 0xF1, 0, 0x4A3 } /* ñ */,
    { 0x14B, 0, 0x4A3 } /* ŋ */, { 0xF6, 0, 0x4E9 } /* ö */, { 0x15F, 0, 0x448 } /* ş */,
    { 0xE7, 0, 0x447 } /* ç */, { 0xFC, 0, 0x4AF } /* ü */, { 0x16B, 0, 0x4B1 } /* ū */,
    { 0x131, 0, 0x456 } /* ı */, { 'i', 0, IY }, { 'u', 0, 0x443 },
};

typedef struct alphabet {
    const letter *own;
    size_t n_own;
} alphabet;

static alphabet alphabet_of(hs_kk_latin v)
{
    switch (v) {
    case HS_KK_LATIN_2017:
        return (alphabet){ only_2017, sizeof only_2017 / sizeof only_2017[0] };
    case HS_KK_LATIN_2018:
        return (alphabet){ only_2018, sizeof only_2018 / sizeof only_2018[0] };
    case HS_KK_LATIN_2021:
        return (alphabet){ only_2021, sizeof only_2021 / sizeof only_2021[0] };
    case HS_KK_LATIN_NONE:
        break;
    }
    return (alphabet){ NULL, 0 };
}

/* The letter of `a` (or the common ones) that c, then next, spell: a
 * two-character letter first; NULL for none. */
static const letter *find(alphabet a, utf8proc_int32_t c, utf8proc_int32_t next)
{
    for (size_t i = 0; i < a.n_own; i++)
        if (a.own[i].first == c && a.own[i].second && a.own[i].second == next)
            return &a.own[i];
    for (size_t i = 0; i < a.n_own; i++)
        if (a.own[i].first == c && !a.own[i].second)
            return &a.own[i];
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (common[i].first == c)
            return &common[i];
    return NULL;
}

static int cyrillic_vowel(utf8proc_int32_t c)
{
    static const utf8proc_int32_t v[] = { 0x430, 0x4D9, 0x435, 0x438, 0x43E, 0x4E9, 0x443,
                                          0x4B1, 0x4AF, 0x44B, 0x456 };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return 1;
    return 0;
}

/* The code points of s[0..len) into cp (at most max); how many, or -1 when
 * s is not valid UTF-8 or too long.  A combining dot above (what case
 * folding makes of İ: i and U+0307) is dropped. */
static long decode(const char *s, size_t len, utf8proc_int32_t *cp, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0 || n == max)
            return -1;
        i += (size_t)k;
        if (c == 0x307 && n > 0 && cp[n - 1] == 'i')
            continue;
        cp[n++] = c == 0x2019 || c == 0x2BC ? '\'' : c;
    }
    return (long)n;
}

#define MAX_WORD 128

int hs_kk_latin_to_cyrillic(const char *word, size_t len, hs_kk_latin v, hs_buf *out)
{
    alphabet a = alphabet_of(v);
    utf8proc_int32_t cp[MAX_WORD], cyr[MAX_WORD];
    long n = a.own ? decode(word, len, cp, MAX_WORD) : -1;
    if (n <= 0)
        return 0;
    size_t m = 0;
    for (long i = 0; i < n; i++) {
        const letter *l = find(a, cp[i], i + 1 < n ? cp[i + 1] : 0);
        if (!l)
            return 0; /* not a letter of this alphabet */
        if (l->second)
            i++;
        cyr[m] = l->cyr == IY ? (m > 0 && cyrillic_vowel(cyr[m - 1]) ? 0x439 : 0x438) : l->cyr;
        m++;
    }
    size_t mark = out->len;
    for (size_t i = 0; i < m; i++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cyr[i], enc);
        if (hs_buf_append(out, (const char *)enc, (size_t)k) < 0) {
            out->len = mark;
            return -1;
        }
    }
    return 1;
}

/* ---- which alphabet ---------------------------------------------------- */

typedef struct evidence {
    size_t words;                  /* Latin words */
    size_t own[4];                 /* words with a letter of one alphabet only,
                                      by hs_kk_latin */
    size_t own_2017_not_og;        /* 2017 ones beyond o' and g' */
    size_t distinct_2021;          /* words with ä ū ñ or ŋ */
    size_t q, x;                   /* words with q, with x or w */
    size_t alien;                  /* words with a letter Kazakh never writes */
} evidence;

typedef struct word_marks {
    int latin, own[4], not_og, distinct_2021, q, x, alien;
} word_marks;

static int is_2018_letter(utf8proc_int32_t c)
{
    return c == 0xE1 || c == 0x1F5 || c == 0x144 || c == 0xF3 || c == 0xFA || c == 0xFD;
}

static int is_2021_letter(utf8proc_int32_t c)
{
    return c == 0xE4 || c == 0x11F || c == 0xF1 || c == 0x14B || c == 0xF6 || c == 0x15F ||
           c == 0xE7 || c == 0xFC || c == 0x16B;
}

/* A lower-case Latin letter beyond a-z that no Kazakh alphabet writes. */
static int is_alien(utf8proc_int32_t c)
{
    return c >= 0xC0 && c < 0x250 && !is_2018_letter(c) && !is_2021_letter(c) && c != 0x131 &&
           c != 0xF7;
}

static void end_word(evidence *e, word_marks *w)
{
    if (w->latin) {
        e->words++;
        for (int v = 1; v < 4; v++)
            e->own[v] += (size_t)w->own[v];
        e->own_2017_not_og += (size_t)w->not_og;
        e->distinct_2021 += (size_t)w->distinct_2021;
        e->q += (size_t)w->q;
        e->x += (size_t)w->x;
        e->alien += (size_t)w->alien;
    }
    memset(w, 0, sizeof *w);
}

static void gather(const char *text, size_t len, evidence *e)
{
    word_marks w;
    memset(e, 0, sizeof *e);
    memset(&w, 0, sizeof w);
    utf8proc_int32_t prev = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        i += k > 0 ? (size_t)k : 1;
        if (k <= 0)
            c = ' ';
        utf8proc_int32_t lower = utf8proc_tolower(c);
        int letter = utf8proc_category(c) >= UTF8PROC_CATEGORY_LU &&
                     utf8proc_category(c) <= UTF8PROC_CATEGORY_LO;
        int apostrophe = c == '\'' || c == 0x2019 || c == 0x2BC;
        if (letter && ((lower >= 'a' && lower <= 'z') || (lower >= 0xC0 && lower < 0x250))) {
            w.latin = 1;
            w.own[HS_KK_LATIN_2018] |= is_2018_letter(lower);
            w.own[HS_KK_LATIN_2021] |= is_2021_letter(lower);
            w.distinct_2021 |= lower == 0xE4 || lower == 0x16B || lower == 0xF1 || lower == 0x14B;
            w.q |= lower == 'q';
            w.x |= lower == 'x' || lower == 'w'; /* Uzbek, Azerbaijani; Tatar */
            w.alien |= is_alien(lower);
        } else if (apostrophe && prev > 0 && prev < 128 && strchr("agnouysci", (int)prev)) {
            w.own[HS_KK_LATIN_2017] = 1; /* a 2017 letter; the word goes on */
            w.not_og |= prev != 'o' && prev != 'g';
        } else if (!letter && c != 0x307) {
            end_word(e, &w);
        }
        prev = letter ? lower : 0;
    }
    end_word(e, &w);
}

hs_kk_latin hs_kk_latin_detect(const char *text, size_t len, int sure)
{
    evidence e;
    gather(text, len, &e);
    if (e.words == 0)
        return HS_KK_LATIN_NONE;
    hs_kk_latin best = HS_KK_LATIN_2018;
    for (int v = HS_KK_LATIN_2017; v <= HS_KK_LATIN_2021; v++)
        if (e.own[v] > e.own[best])
            best = (hs_kk_latin)v;
    if (!sure)
        return best;
    if (e.words < 8 || e.q * 20 < e.words || e.alien * 50 > e.words || e.x * 50 > e.words ||
        e.own[best] * 10 < e.words)
        return HS_KK_LATIN_NONE;
    /* the other alphabets' letters a slip at most */
    for (int v = HS_KK_LATIN_2017; v <= HS_KK_LATIN_2021; v++)
        if (v != (int)best && e.own[v] * 2 > e.own[best])
            return HS_KK_LATIN_NONE;
    if (best == HS_KK_LATIN_2021 && e.distinct_2021 == 0)
        return HS_KK_LATIN_NONE; /* Turkish, Azerbaijani */
    if (best == HS_KK_LATIN_2017 && e.own_2017_not_og * 2 < e.own[best])
        return HS_KK_LATIN_NONE; /* Uzbek */
    return best;
}

static const char *const langs[] = { NULL, "kk-Latn-2017", "kk-Latn-2018", "kk-Latn-2021" };

const char *hs_kk_latin_lang(hs_kk_latin v)
{
    return (unsigned)v < sizeof langs / sizeof langs[0] ? langs[v] : NULL;
}

hs_kk_latin hs_kk_latin_of_lang(const char *lang)
{
    for (int v = HS_KK_LATIN_2017; lang && v <= HS_KK_LATIN_2021; v++)
        if (!strcmp(lang, langs[v]))
            return (hs_kk_latin)v;
    return HS_KK_LATIN_NONE;
}

int hs_lang_is_kazakh(const char *lang)
{
    return lang && lang[0] == 'k' && lang[1] == 'k' && (!lang[2] || lang[2] == '-');
}
