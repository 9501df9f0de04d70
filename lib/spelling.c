/* spelling.c - the nearest frequent word of the index; see spelling.h. */
#include "spelling.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <utf8proc.h>

#include "index_internal.h"
#include "query.h"
#include "schema.h"
#include "tokenizer.h"

/* A normalised term has at most HS_TERM_MAX_BYTES bytes, so as many code
 * points at most. */
#define MAX_CPS HS_TERM_MAX_BYTES

/* Letters counted by code point modulo LETTER_BINS: what two words do not
 * share bounds their distance from below, cheaply (letters_too_far). */
#define LETTER_BINS 64

/* A candidate: a term, how far from the word, how frequent. */
typedef struct candidate {
    hs_buf term;
    int distance;             /* > max_distance while there is none */
    unsigned long freq;
} candidate;

/* Stems nearer than the best word kept to be confirmed as words: a form
 * that is its own stem has no exact term (schema.h), so stems are
 * candidates too, but a stem need not be a word ("nomin"). */
#define STEM_CANDIDATES 4

typedef struct search {
    int32_t word[MAX_CPS];
    size_t n;                 /* code points in word */
    unsigned char bins[LETTER_BINS]; /* its letters (letters_too_far) */
    int max_edits;            /* edits allowed */
    int max_distance;         /* the same in cost: max_edits * COST_EDIT */
    unsigned long min_freq;   /* candidates must be more frequent */
    candidate best;           /* the nearest exact form */
    candidate stems[STEM_CANDIDATES]; /* the nearest stems, nearest first */
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
    /* which letters are vowels, once per letter rather than per cell */
    unsigned char vowel_a[MAX_CPS], vowel_b[MAX_CPS];
    for (size_t i = 0; i < na; i++)
        vowel_a[i] = (unsigned char)is_vowel(a[i]);
    for (size_t j = 0; j < nb; j++)
        vowel_b[j] = (unsigned char)is_vowel(b[j]);
    int rows[3][MAX_CPS + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j * COST_LIKELY;
    for (size_t i = 1; i <= na; i++) {
        int row_min = cur[0] = (int)i * COST_EDIT;
        for (size_t j = 1; j <= nb; j++) {
            int d = prev[j - 1] + (a[i - 1] == b[j - 1]                  ? 0
                                   : vowel_a[i - 1] && vowel_b[j - 1] ? COST_LIKELY
                                                                      : COST_EDIT);
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

static void count_letters(const int32_t *cps, size_t n, unsigned char *bins)
{
    memset(bins, 0, LETTER_BINS);
    for (size_t i = 0; i < n; i++)
        bins[(uint32_t)cps[i] % LETTER_BINS]++;
}

/* True when the letters of a word (counted in word_bins) and of b cannot be
 * within max (in cost) of each other: each letter one has and the other
 * lacks costs at least COST_LIKELY / 2 to explain (a substitution, the
 * cheapest edit per letter, explains two for COST_LIKELY; an extra or a
 * missing letter one for COST_EDIT or COST_LIKELY; a swap none), and
 * letters sharing a bin only hide differences. */
static int letters_too_far(const unsigned char *word_bins, const int32_t *b, size_t nb, int max)
{
    unsigned char bins[LETTER_BINS];
    count_letters(b, nb, bins);
    int unshared = 0;
    for (size_t k = 0; k < LETTER_BINS; k++)
        unshared += abs((int)word_bins[k] - (int)bins[k]);
    return unshared * COST_LIKELY > 2 * max;
}

/* True when words of na and nb code points are more than max_edits edits
 * apart by their lengths alone. */
static int too_far(size_t na, size_t nb, int max_edits)
{
    return (na > nb ? na - nb : nb - na) > (size_t)max_edits;
}

/* The edits a suggestion may make to a word of n code points. */
static int max_edits_for(size_t n)
{
    return n <= HS_SPELLING_SHORT_WORD ? HS_SPELLING_MAX_DISTANCE_SHORT : HS_SPELLING_MAX_DISTANCE;
}

/* Nearer, then more frequent, then first in byte order. */
static int better(const candidate *c, int d, unsigned long freq, const char *term)
{
    if (d != c->distance)
        return d < c->distance;
    if (freq != c->freq)
        return freq > c->freq;
    return strcmp(term, hs_buf_str(&c->term)) < 0;
}

static int set_candidate(candidate *c, const char *term, int d, unsigned long freq)
{
    hs_buf_reset(&c->term);
    c->distance = d;
    c->freq = freq;
    return hs_buf_puts(&c->term, term);
}

/* Keep stem among the nearest STEM_CANDIDATES stems, when it is one. */
static int keep_stem(search *s, const char *stem, int d, unsigned long freq)
{
    size_t at = STEM_CANDIDATES;
    while (at > 0 && better(&s->stems[at - 1], d, freq, stem))
        at--;
    if (at == STEM_CANDIDATES)
        return 0;
    candidate last = s->stems[STEM_CANDIDATES - 1];
    memmove(&s->stems[at + 1], &s->stems[at],
            (STEM_CANDIDATES - 1 - at) * sizeof *s->stems);
    s->stems[at] = last; /* reuse its buffer */
    return set_candidate(&s->stems[at], stem, d, freq);
}

/* hx_term_fn over exact forms ("" terms) and stems (HS_PREFIX_STEM terms,
 * whose prefix is skipped). */
static int consider(void *ctx, const char *term, unsigned long freq)
{
    search *s = ctx;
    int32_t cps[MAX_CPS];
    int stem = strncmp(term, HS_PREFIX_STEM, strlen(HS_PREFIX_STEM)) == 0;
    if (stem)
        term += strlen(HS_PREFIX_STEM);
    if (freq <= s->min_freq)
        return 0;
    size_t n = decode(term, cps);
    if (n == 0 || too_far(s->n, n, s->max_edits) ||
        letters_too_far(s->bins, cps, n, s->max_distance) || has_digit(cps, n))
        return 0;
    int d = distance(s->word, s->n, cps, n, s->max_distance);
    if (d == 0 || d > s->max_distance || !better(&s->best, d, freq, term))
        return 0;
    if ((stem ? keep_stem(s, term, d, freq) : set_candidate(&s->best, term, d, freq)) < 0) {
        s->failed = 1;
        return 1;
    }
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
    hs_buf stems = HS_BUF_INIT;
    int rc = hs_buf_puts(&stems, HS_PREFIX_STEM) < 0 ||
                     hs_buf_puts(&stems, (const char *)prefix) < 0 ||
                     hx_db_each_term(db, (const char *)prefix, consider, s) != HUSTINGS_STATUS_SUCCESS ||
                     hx_db_each_term(db, stems.data, consider, s) != HUSTINGS_STATUS_SUCCESS
                 ? -1
                 : 0;
    hs_buf_free(&stems);
    return rc || s->failed ? -1 : 0;
}

/* Passages of a stem read to find it written as a word. */
#define CONFIRM_PASSAGES 10

typedef struct confirm {
    const char *word;
    size_t read;
    int found;
    int failed;
} confirm;

static int is_word(void *ctx, const hs_token *tok)
{
    confirm *c = ctx;
    if (strlen(c->word) == tok->term_len && memcmp(c->word, tok->term, tok->term_len) == 0) {
        c->found = 1;
        return 1;
    }
    return 0;
}

/* hx_doc_fn: does this passage write c->word as a word? */
static int confirm_in(void *ctx, unsigned docid, const char *data, size_t len)
{
    confirm *c = ctx;
    (void)docid;
    json_object *o = hs_data_parse(data, len);
    const char *t = hs_data_text(o);
    if (!o)
        c->failed = 1;
    else if (t && hs_tokenize(t, strlen(t), 1, is_word, c, NULL) < 0)
        c->failed = 1;
    json_object_put(o);
    return c->found || c->failed || ++c->read == CONFIRM_PASSAGES;
}

/* Whether stem is written as a word in one of the first passages that
 * hold it: 1, 0, or -1 on failure. */
static int written(hx_db *db, const char *stem)
{
    hs_buf term = HS_BUF_INIT;
    confirm c = { stem, 0, 0, 0 };
    int rc = hs_buf_puts(&term, HS_PREFIX_STEM) < 0 || hs_buf_puts(&term, stem) < 0 ||
                     hx_db_each_doc(db, term.data, confirm_in, &c) != HUSTINGS_STATUS_SUCCESS ||
                     c.failed
                 ? -1
                 : c.found;
    hs_buf_free(&term);
    return rc;
}

/* The answer: the nearest stem that is better than the best exact form
 * and written as a word, else that form.  0, or -1 on failure. */
static int settle(hx_db *db, search *s)
{
    for (size_t i = 0; i < STEM_CANDIDATES && s->stems[i].term.len; i++) {
        candidate *c = &s->stems[i];
        if (!better(&s->best, c->distance, c->freq, hs_buf_str(&c->term)))
            break;
        int w = written(db, hs_buf_str(&c->term));
        if (w < 0)
            return -1;
        if (w)
            return set_candidate(&s->best, hs_buf_str(&c->term), c->distance, c->freq);
    }
    return 0;
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
    count_letters(s.word, s.n, s.bins);
    s.max_edits = max_edits_for(s.n);
    s.max_distance = s.max_edits * COST_EDIT;
    s.best.distance = s.max_distance + 1;
    for (size_t i = 0; i < STEM_CANDIDATES; i++)
        s.stems[i].distance = s.max_distance + 1;
    s.min_freq = freq == 0 ? 0 : freq * HS_SPELLING_MIN_RATIO - 1;

    int rc = visit(db, &s, s.word[0], 0);
    if (rc == 0)
        rc = visit_first_letter_mistakes(db, &s);
    if (rc == 0)
        rc = settle(db, &s);
    if (rc == 0 && s.best.term.len > 0)
        rc = hs_buf_append(out, s.best.term.data, s.best.term.len) < 0 ? -1 : 1;
    hs_buf_free(&s.best.term);
    for (size_t i = 0; i < STEM_CANDIDATES; i++)
        hs_buf_free(&s.stems[i].term);
    return rc;
}

int hs_spelling_distance(const char *typed, const char *word)
{
    int32_t a[MAX_CPS], b[MAX_CPS];
    size_t na = decode(typed, a), nb = decode(word, b);
    int max_edits = max_edits_for(na);
    if (!na || !nb || too_far(na, nb, max_edits))
        return -1;
    int d = distance(a, na, b, nb, max_edits * COST_EDIT);
    return d > max_edits * COST_EDIT ? -1 : d;
}

int hs_spelling_suggest(hx_db *db, const char *word, hs_buf *out)
{
    unsigned long freq = 0;
    if (!*word || strlen(word) > HS_TERM_MAX_BYTES)
        return 0;  /* no term of the index is longer */
    if (hs_query_form_freq(db, "", word, &freq) != HUSTINGS_STATUS_SUCCESS)
        return -1;
    return hs_spelling_suggest_freq(db, word, freq, out);
}
