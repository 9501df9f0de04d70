/* tokenizer.c - words, compounds and normalisation; see tokenizer.h. */
#include "tokenizer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "utf8.h"

/* A compound longer than this is cut into several compounds. */
#define MAX_PARTS 16

typedef struct span {
    size_t start, end;
} span;

/* Decode the code point at s[i]; invalid bytes give -1 and length 1. */
static size_t decode(const char *s, size_t len, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t u;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &u);
    if (n <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = u;
    return (size_t)n;
}

static int is_word_cp(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* Invisible format characters (soft hyphen, zero-width joiners) that
 * editors leave inside words. */
static int is_invisible(int32_t cp)
{
    return cp > 0x7F && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* True when a word code point starts at s[i]. */
static int word_at(const char *s, size_t len, size_t i)
{
    int32_t cp;
    if (i >= len)
        return 0;
    decode(s, len, i, &cp);
    return is_word_cp(cp);
}

/* Scan one word starting at s[i] (a word code point); returns its end. */
static size_t scan_word(const char *s, size_t len, size_t i)
{
    while (i < len) {
        int32_t cp;
        size_t n = decode(s, len, i, &cp);
        if (is_word_cp(cp) ||
            ((is_apostrophe(cp) || is_invisible(cp)) && word_at(s, len, i + n))) {
            i += n;
            continue;
        }
        break;
    }
    return i;
}

/* Cut out->data back to at most max bytes past `from`, at a character
 * boundary. */
static void truncate_term(hs_buf *out, size_t from, size_t max)
{
    if (out->len - from <= max)
        return;
    size_t end = from + max;
    while (end > from && ((unsigned char)out->data[end] & 0xC0) == 0x80)
        end--;
    out->len = end;
    out->data[end] = '\0';
}

/* Append the code point cp, with the tokenizer's own foldings applied. */
static int put_folded(hs_buf *out, int32_t cp)
{
    if (cp == 0x2019 || cp == 0x02BC)
        cp = '\'';
    else if (cp == 0x0451)  /* ё -> е */
        cp = 0x0435;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    return hs_buf_append(out, (const char *)enc, (size_t)n);
}

/* The Cyrillic letter a folded Latin one looks like, or 0: text typed
 * on a Latin keyboard or converted badly mixes them into Cyrillic words
 * (выбоpы with a Latin p, мәжiлiс with Latin i, əкiм with a schwa). */
static int32_t cyrillic_twin(int32_t cp)
{
    static const struct {
        int32_t latin, cyrillic;
    } twins[] = {
        { 'a', 0x430 }, { 'b', 0x432 }, { 'c', 0x441 }, { 'e', 0x435 }, { 'i', 0x456 },
        { 'k', 0x43A }, { 'm', 0x43C }, { 'o', 0x43E }, { 'p', 0x440 }, { 't', 0x442 },
        { 'x', 0x445 }, { 'y', 0x443 }, { 0x259, 0x4D9 } /* ə ә */,
    };
    for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++)
        if (twins[i].latin == cp)
            return twins[i].cyrillic;
    return 0;
}

/* Whether the folded word s[0..n) is Cyrillic with Latin look-alikes in
 * it: at least as many Cyrillic letters as Latin ones, and every Latin
 * letter one with a Cyrillic twin. */
static int has_latin_twins(const utf8proc_uint8_t *s, utf8proc_ssize_t n)
{
    size_t cyrillic = 0, latin = 0;
    for (utf8proc_ssize_t j = 0; j < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + j, n - j, &cp);
        if (k <= 0)
            return 0;
        if (cp >= 0x400 && cp < 0x530)
            cyrillic++;
        else if (cyrillic_twin(cp))
            latin++;
        else if ((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250))
            return 0; /* a Latin letter with no twin: a mixed word, kept */
        j += k;
    }
    return latin > 0 && cyrillic >= latin;
}

int hs_normalize_word(const char *word, size_t len, hs_buf *out)
{
    size_t from = out->len;
    size_t i;

    for (i = 0; i < len && (unsigned char)word[i] < 0x80; i++)
        ;
    if (i == len) { /* ASCII: lower-casing is the whole normalisation */
        if (hs_buf_grow(out, len) < 0)
            return -1;
        for (i = 0; i < len; i++) {
            char c = word[i];
            out->data[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->data[out->len] = '\0';
        truncate_term(out, from, HS_TERM_MAX_BYTES);
        return 0;
    }

    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        (const utf8proc_uint8_t *)word, (utf8proc_ssize_t)len, &mapped,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    if (n < 0) { /* not valid UTF-8: keep it repaired, and cut like any term */
        if (n == UTF8PROC_ERROR_NOMEM || hs_utf8_sanitize(word, len, out) < 0)
            return -1;
        truncate_term(out, from, HS_TERM_MAX_BYTES);
        return 0;
    }
    int twins = has_latin_twins(mapped, n);
    for (utf8proc_ssize_t j = 0; j < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(mapped + j, n - j, &cp);
        if (k <= 0)
            break;
        if (twins && cyrillic_twin(cp))
            cp = cyrillic_twin(cp);
        if (put_folded(out, cp) < 0) {
            free(mapped);
            return -1;
        }
        j += k;
    }
    free(mapped);
    truncate_term(out, from, HS_TERM_MAX_BYTES);
    return 0;
}

typedef struct emitter {
    const char *text;
    hs_token_fn fn;
    void *ctx;
    hs_buf term;
    hs_buf joined;
} emitter;

/* Emit the parts of one compound (or a lone word) starting at pos. */
static int emit_compound(emitter *e, const span *parts, unsigned n, unsigned pos)
{
    hs_buf_reset(&e->joined);
    unsigned emitted = 0;
    for (unsigned k = 0; k < n; k++) {
        hs_buf_reset(&e->term);
        if (hs_normalize_word(e->text + parts[k].start,
                              parts[k].end - parts[k].start, &e->term) < 0)
            return -1;
        if (e->term.len == 0)
            continue;
        if (n > 1 && hs_buf_append(&e->joined, e->term.data, e->term.len) < 0)
            return -1;
        hs_token tok = { e->term.data, e->term.len, parts[k].start,
                         parts[k].end, pos + k,
                         n > 1 ? HS_TOKEN_PART : 0 };
        int rc = e->fn(e->ctx, &tok);
        if (rc)
            return rc;
        emitted++;
    }
    if (emitted > 1) {
        truncate_term(&e->joined, 0, HS_TERM_MAX_BYTES);
        hs_token tok = { e->joined.data, e->joined.len, parts[0].start,
                         parts[n - 1].end, pos, HS_TOKEN_JOINED };
        int rc = e->fn(e->ctx, &tok);
        if (rc)
            return rc;
    }
    return 0;
}

int hs_tokenize(const char *text, size_t len, unsigned first_pos,
                hs_token_fn fn, void *ctx, unsigned *next_pos)
{
    emitter e = { text, fn, ctx, HS_BUF_INIT, HS_BUF_INIT };
    unsigned pos = first_pos;
    size_t i = 0;
    int rc = 0;

    while (i < len && rc == 0) {
        int32_t cp;
        size_t n = decode(text, len, i, &cp);
        if (!is_word_cp(cp)) {
            i += n;
            continue;
        }
        span parts[MAX_PARTS];
        unsigned nparts = 0;
        for (;;) {
            parts[nparts].start = i;
            i = scan_word(text, len, i);
            parts[nparts].end = i;
            nparts++;
            if (i >= len || nparts == MAX_PARTS)
                break;
            size_t h = decode(text, len, i, &cp);
            if (!is_hyphen(cp) || !word_at(text, len, i + h))
                break;
            i += h;
        }
        rc = emit_compound(&e, parts, nparts, pos);
        pos += nparts; /* a part that normalises to nothing leaves a gap */
    }
    hs_buf_free(&e.term);
    hs_buf_free(&e.joined);
    if (next_pos)
        *next_pos = pos;
    return rc;
}
