/* spelling.c - the nearest frequent word of the index; see spelling.h. */
#include "spelling.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "tokenizer.h"

/* A normalised term has at most HS_TERM_MAX_BYTES bytes, so as many code
 * points at most. */
#define MAX_CPS HS_TERM_MAX_BYTES

typedef struct search {
    int32_t word[MAX_CPS];
    size_t n;                 /* code points in word */
    int max_edits;            /* edits allowed */
    int max_distance;         /* the same in cost: max_edits * COST_EDIT */
    unsigned long min_freq;   /* candidates must be more frequent */
    hs_buf best;
    int best_distance;        /* > max_distance while there is none */
    unsigned long best_freq;
    int failed;               /* out of memory */
} search;

/* The code points of s, or 0 when it is not valid UTF-8 or too long. */
static size_t decode(const char *s, int32_t *cps)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0 || n == MAX_CPS)
            return 0;
        cps[n++] = cp;
        i += (size_t)k;
    }
    return n;
}

static int has_digit(const int32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (utf8proc_category(cps[i]) == UTF8PROC_CATEGORY_ND)
            return 1;
    return 0;
}

/* Upper-case ASCII starts the prefixed terms: never a normalised word. */
static int has_ascii_upper(const int32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cps[i] >= 'A' && cps[i] <= 'Z')
            return 1;
    return 0;
}

/* Edit costs, in tenths of an edit.  The mistakes people make most when
 * typing (Damerau 1964; Kukich 1992) cost a little less, so that among
 * candidates as many edits away the likelier mistake wins: "yong" is
 * "young" with a letter left out before it is "long", "postel" is
 * "postal" with a vowel mistaken before it is "poster". */
enum {
    COST_EDIT = 10,       /* a letter typed wrong or typed too many */
    COST_LIKELY = 8,      /* a letter left out, two swapped, a vowel for a vowel */
};

static int is_vowel(int32_t c)
{
    static const int32_t vowels[] = {
        'a', 'e', 'i', 'o', 'u',
        0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, /* а е и о у ы э ю я */
        0x4D9, 0x4E9, 0x4B1, 0x4AF, 0x456,                           /* ә ө ұ ү і */
    };
    for (size_t i = 0; i < sizeof vowels / sizeof *vowels; i++)
        if (vowels[i] == c)
            return 1;
    return 0;
}

static int substitution(int32_t a, int32_t b)
{
    if (a == b)
        return 0;
    return is_vowel(a) && is_vowel(b) ? COST_LIKELY : COST_EDIT;
}

static int min2(int a, int b)
{
    return a < b ? a : b;
}

/* The weighted Damerau-Levenshtein distance (optimal string alignment: no
 * substring is edited twice) from the typed word a to the term b, or
 * max + 1 as soon as it must exceed max.  A letter of b missing from a
 * costs COST_LIKELY, an extra letter in a COST_EDIT. */
static int distance(const int32_t *a, size_t na, const int32_t *b, size_t nb, int max)
{
    int rows[3][MAX_CPS + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j * COST_LIKELY;
    for (size_t i = 1; i <= na; i++) {
        int row_min = cur[0] = (int)i * COST_EDIT;
        for (size_t j = 1; j <= nb; j++) {
            int d = prev[j - 1] + substitution(a[i - 1], b[j - 1]);
            d = min2(d, prev[j] + COST_EDIT);        /* a[i-1] typed too many */
            d = min2(d, cur[j - 1] + COST_LIKELY);   /* b[j-1] left out */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                a[i - 1] != a[i - 2])
                d = min2(d, prev2[j - 2] + COST_LIKELY);
            cur[j] = d;
            row_min = min2(row_min, d);
        }
        if (row_min > max)
            return max + 1;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb] <= max ? prev[nb] : max + 1;
}

/* True when words of na and nb code points are more than max_edits edits
 * apart by their lengths alone. */
static int too_far(size_t na, size_t nb, int max_edits)
{
    return (na > nb ? na - nb : nb - na) > (size_t)max_edits;
}

/* Nearer, then more frequent, then first in byte order. */
static int better(const search *s, int d, unsigned long freq, const char *term)
{
    if (d != s->best_distance)
        return d < s->best_distance;
    if (freq != s->best_freq)
        return freq > s->best_freq;
    return strcmp(term, hs_buf_str(&s->best)) < 0;
}

static int consider(void *ctx, const char *term, unsigned long freq)
{
    search *s = ctx;
    int32_t cps[MAX_CPS];
    if (freq <= s->min_freq)
        return 0;
    size_t n = decode(term, cps);
    if (n == 0 || too_far(s->n, n, s->max_edits) || has_digit(cps, n))
        return 0;
    int d = distance(s->word, s->n, cps, n, s->max_distance);
    if (d == 0 || d > s->max_distance || !better(s, d, freq, term))
        return 0;
    hs_buf_reset(&s->best);
    if (hs_buf_puts(&s->best, term) < 0) {
        s->failed = 1;
        return 1;
    }
    s->best_distance = d;
    s->best_freq = freq;
    return 0;
}

/* Visit the terms that start with the characters a (and b, when not 0). */
static int visit(hx_db *db, search *s, int32_t a, int32_t b)
{
    utf8proc_uint8_t prefix[9];
    utf8proc_ssize_t n = utf8proc_encode_char(a, prefix);
    if (b)
        n += utf8proc_encode_char(b, prefix + n);
    prefix[n] = '\0';
    if (hx_db_each_term(db, (const char *)prefix, consider, s) != HUSTINGS_STATUS_SUCCESS)
        return -1;
    return s->failed ? -1 : 0;
}

static const int32_t kazakh_letters[] = { 0x4D9, 0x493, 0x49B, 0x4A3, 0x4E9,
                                          0x4B1, 0x4AF, 0x4BB, 0x456 };

/* The letters a Latin or Cyrillic word may begin with; 0 for others. */
static size_t alphabet(int32_t first, int32_t *letters)
{
    char utf8[4];
    utf8proc_ssize_t len = utf8proc_encode_char(first, (utf8proc_uint8_t *)utf8);
    size_t count = 0;
    switch (hs_script_of(utf8, (size_t)len)) {
    case HS_SCRIPT_LATIN:
        for (int32_t c = 'a'; c <= 'z'; c++)
            letters[count++] = c;
        break;
    case HS_SCRIPT_CYRILLIC:
        for (int32_t c = 0x430; c <= 0x44F; c++)  /* а..я; ё is folded to е */
            letters[count++] = c;
        for (size_t k = 0; k < sizeof kazakh_letters / sizeof *kazakh_letters; k++)
            letters[count++] = kazakh_letters[k];
        break;
    case HS_SCRIPT_OTHER:
        break;
    }
    return count;
}

/* The terms a mistake in the first letter hides from the first pass:
 * X w1... (w0 wrong), X w0... (first letter missing, or the first two
 * swapped when X is w1) and w1 w2... (an extra first letter). */
static int visit_first_letter_mistakes(hx_db *db, search *s)
{
    int32_t letters[64];
    size_t count = alphabet(s->word[0], letters);
    const int32_t *w = s->word;
    if (count == 0)
        return 0;
    for (size_t k = 0; k < count; k++) {
        if (letters[k] == w[0])
            continue; /* seen in the first pass */
        if (visit(db, s, letters[k], w[1]) < 0 || visit(db, s, letters[k], w[0]) < 0)
            return -1;
    }
    return w[1] == w[0] ? 0 : visit(db, s, w[1], w[2]);
}

int hs_spelling_suggest_freq(hx_db *db, const char *word, unsigned long freq,
                             hs_buf *out)
{
    search s;
    memset(&s, 0, sizeof s);
    s.n = decode(word, s.word);
    if (s.n < HS_SPELLING_MIN_WORD || freq > HS_SPELLING_RARE ||
        has_digit(s.word, s.n) || has_ascii_upper(s.word, s.n))
        return 0;
    s.max_edits = s.n <= HS_SPELLING_SHORT_WORD ? HS_SPELLING_MAX_DISTANCE_SHORT
                                                : HS_SPELLING_MAX_DISTANCE;
    s.max_distance = s.max_edits * COST_EDIT;
    s.best_distance = s.max_distance + 1;
    s.min_freq = freq == 0 ? 0 : freq * HS_SPELLING_MIN_RATIO - 1;

    int rc = visit(db, &s, s.word[0], 0);
    if (rc == 0)
        rc = visit_first_letter_mistakes(db, &s);
    if (rc == 0 && s.best.len > 0)
        rc = hs_buf_append(out, s.best.data, s.best.len) < 0 ? -1 : 1;
    hs_buf_free(&s.best);
    return rc;
}

int hs_spelling_suggest(hx_db *db, const char *word, hs_buf *out)
{
    unsigned long freq = 0;
    if (!*word || strlen(word) > HS_TERM_MAX_BYTES)
        return 0;  /* no term of the index is longer */
    if (hx_db_term_freq(db, word, &freq) != HUSTINGS_STATUS_SUCCESS)
        return -1;
    return hs_spelling_suggest_freq(db, word, freq, out);
}
