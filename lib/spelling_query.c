/* spelling_query.c - a whole query corrected word by word; see
 * hs_spelling_suggest_query in spelling.h.
 *
 * The query is copied as typed, and only the byte ranges of words to
 * correct are replaced.  The query's own lexer (query_lex.h) tells what
 * is a word to check and what is syntax to keep.
 */
#include "spelling.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "query.h"
#include "query_lex.h"
#include "schema.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "translit.h"

/* How the words of a chunk or phrase are treated. */
typedef enum { M_CHECK, M_KEEP } mode;

typedef struct word {
    size_t start, end;  /* in the chunk */
    char *term;
    unsigned flags;
} word;

typedef struct rewriter {
    hx_db *db;
    hs_stemmer *st;
    hs_buf out;
    int changed;
    /* the words of the chunk in hand */
    word *words;
    size_t n_words, cap_words;
} rewriter;

/* ---- one word --------------------------------------------------------- */

/* How many passages hold the word: the most of its counts as itself and
 * as a stem in any language it could be in, in passages and headlines.
 * 0, or -1 on error. */
static int frequency(rewriter *r, const char *term, unsigned long *freq)
{
    size_t len = strlen(term);
    unsigned long f = 0;
    *freq = 0;
    /* a form that is its own stem has only its stem term (schema.h) */
    if (hs_query_form_freq(r->db, "", term, freq) != HUSTINGS_STATUS_SUCCESS ||
        hs_query_form_freq(r->db, HS_PREFIX_TITLE, term, &f) != HUSTINGS_STATUS_SUCCESS)
        return -1;
    *freq = f > *freq ? f : *freq;
    const char *langs[HS_STEM_MAX_LANGS];
    size_t n = hs_stem_query_langs(term, len, langs);
    for (size_t k = 0; k < n; k++) {
        size_t slen;
        const char *stem = hs_stem_lang(r->st, langs[k], term, len, &slen);
        if (!stem || hs_query_term_freq_len(r->db, HS_PREFIX_STEM, stem, slen, &f) != HUSTINGS_STATUS_SUCCESS)
            return -1;
        *freq = f > *freq ? f : *freq;
        if (hs_query_term_freq_len(r->db, HS_PREFIX_TITLE_STEM, stem, slen, &f) !=
                HUSTINGS_STATUS_SUCCESS)
            return -1;
        *freq = f > *freq ? f : *freq;
    }
    return 0;
}

/* Whether term is a stop word, or stems like one ("cans", "doings") in a
 * language it could be in: the index has no stem term for it
 * (index_write.c), so its frequency says nothing.  1, 0, or -1 when out
 * of memory. */
static int stop_stemmed(rewriter *r, const char *term)
{
    if (hs_is_stopword(term))
        return 1;
    size_t len = strlen(term);
    const char *langs[HS_STEM_MAX_LANGS];
    size_t n = hs_stem_query_langs(term, len, langs);
    for (size_t k = 0; k < n; k++) {
        size_t slen;
        const char *stem = hs_stem_lang(r->st, langs[k], term, len, &slen);
        if (!stem)
            return -1;
        if (hs_is_stop_stem(stem, slen))
            return 1;
    }
    return 0;
}

/* Whether the index holds term, which it holds, as a name: its
 * transliteration key is a name's (translit.h), in passages or headlines.
 * 1, 0, or -1 on error. */
static int held_as_name(rewriter *r, const char *term)
{
    hs_buf key = HS_BUF_INIT;
    unsigned long n = 0, in_titles = 0;
    int k = hs_translit_key(term, strlen(term), &key);
    int rc = k < 0 ? -1 : 0;
    if (k > 0 &&
        (hs_query_term_freq(r->db, HS_PREFIX_NAME, key.data, &n) != HUSTINGS_STATUS_SUCCESS ||
         hs_query_term_freq(r->db, HS_PREFIX_TITLE_NAME, key.data, &in_titles) !=
             HUSTINGS_STATUS_SUCCESS))
        rc = -1;
    hs_buf_free(&key);
    return rc < 0 ? -1 : n + in_titles > 0;
}

/* Append the suggestion in the case of the typed word: all capitals, a
 * capital first letter, or as it is. */
static int put_cased(hs_buf *out, const char *typed, size_t typed_len, const char *sugg)
{
    int upper = 0, lower = 0, first_upper = 0;
    for (size_t i = 0; i < typed_len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)typed + i,
                                              (utf8proc_ssize_t)(typed_len - i), &cp);
        if (k <= 0)
            break;
        if (utf8proc_isupper(cp)) {
            upper++;
            first_upper |= i == 0;
        } else if (utf8proc_islower(cp)) {
            lower++;
        }
        i += (size_t)k;
    }
    int all = upper > 1 && lower == 0;
    size_t len = strlen(sugg);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)sugg + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0)
            return hs_buf_append(out, sugg + i, len - i);
        if (all || (first_upper && i == 0)) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
            if (hs_buf_append(out, (const char *)enc, (size_t)m) < 0)
                return -1;
        } else if (hs_buf_append(out, sugg + i, (size_t)k) < 0) {
            return -1;
        }
        i += (size_t)k;
    }
    return 0;
}

/* ---- chunks ----------------------------------------------------------- */

static void clear_words(rewriter *r)
{
    for (size_t i = 0; i < r->n_words; i++)
        free(r->words[i].term);
    r->n_words = 0;
}

static int collect(void *ctx, const hs_token *tok)
{
    rewriter *r = ctx;
    if (r->n_words == r->cap_words) {
        size_t cap = r->cap_words ? 2 * r->cap_words : 8;
        word *p = realloc(r->words, cap * sizeof *p);
        if (!p)
            return -1;
        r->words = p;
        r->cap_words = cap;
    }
    word *w = &r->words[r->n_words];
    if (!(w->term = strndup(tok->term, tok->term_len)))
        return -1;
    w->start = tok->start;
    w->end = tok->end;
    w->flags = tok->flags;
    r->n_words++;
    return 0;
}

/* 1 when the compound whose first part is word i is in the index written
 * together (then it is kept whole), 0 when not, -1 on error. */
static int compound_known(rewriter *r, size_t i)
{
    size_t j = i;
    unsigned long f = 0;
    while (j < r->n_words && (r->words[j].flags & HS_TOKEN_PART))
        j++;
    if (j < r->n_words && (r->words[j].flags & HS_TOKEN_JOINED) &&
        frequency(r, r->words[j].term, &f) < 0)
        return -1;
    return f > HS_SPELLING_RARE;
}

/* Copy text[0..len) to the output with its misspelt words corrected. */
static int put_words(rewriter *r, const char *text, size_t len, mode m)
{
    if (m == M_KEEP)
        return hs_buf_append(&r->out, text, len);
    clear_words(r);
    if (hs_tokenize(text, len, 0, collect, r, NULL) != 0)
        return -1;
    size_t copied = 0;
    for (size_t i = 0; i < r->n_words; i++) {
        word *w = &r->words[i];
        if (w->flags & HS_TOKEN_JOINED)
            continue;
        if ((w->flags & HS_TOKEN_PART) && !(i > 0 && (r->words[i - 1].flags & HS_TOKEN_PART))) {
            int k = compound_known(r, i);
            if (k < 0)
                return -1;
            if (k) {
                while (i + 1 < r->n_words && (r->words[i + 1].flags & HS_TOKEN_PART))
                    i++;
                continue;
            }
        }
        int stop = stop_stemmed(r, w->term);
        if (stop < 0)
            return -1;
        if (stop)
            continue; /* meant, though the index has no stem term for it */
        unsigned long freq;
        if (frequency(r, w->term, &freq) < 0)
            return -1;
        if (freq > HS_SPELLING_RARE)
            continue;
        /* a rare name that the index holds is meant (Annan is no misspelt
         * "annual"), and so is an acronym typed in capitals, held or not
         * (MRSA is no "Mrs", OSCE no "once") */
        int name = hs_is_acronym(text, w->start) ? 1 : freq > 0 ? held_as_name(r, w->term) : 0;
        if (name < 0)
            return -1;
        if (name)
            continue;
        hs_buf sugg = HS_BUF_INIT;
        int rc = hs_spelling_suggest_freq(r->db, w->term, freq, &sugg);
        if (rc == 1 && (hs_buf_append(&r->out, text + copied, w->start - copied) < 0 ||
                        put_cased(&r->out, text + w->start, w->end - w->start, sugg.data) < 0))
            rc = -1;
        hs_buf_free(&sugg);
        if (rc < 0)
            return -1;
        if (rc == 1) {
            copied = w->end;
            r->changed = 1;
        }
    }
    return hs_buf_append(&r->out, text + copied, len - copied);
}

/* The mode of a token's words, given the mode the tokens before it ask
 * for. */
static mode mode_of(const hs_qtok *t, mode m)
{
    if (m == M_KEEP)
        return M_KEEP;
    if (t->kind == HS_QT_FIELD)
        return t->field->flags & HS_FIELD_WORDS ? M_CHECK : M_KEEP;
    if (t->kind == HS_QT_WORD && t->len > 1 && t->text[t->len - 1] == '*')
        return M_KEEP; /* prefix* */
    return m;
}

int hs_spelling_suggest_query(hx_db *db, const char *query_string, hs_stemmer *st,
                              hs_buf *out)
{
    size_t n = 0, copied = 0;
    hs_qtok *toks = hs_query_lex(query_string, 0, &n);
    if (!toks)
        return -1;
    rewriter r = { db, st, HS_BUF_INIT, 0, NULL, 0, 0 };
    int failed = 0;
    mode next = M_CHECK; /* of the next word or phrase */
    for (size_t i = 0; i < n && !failed; i++) {
        const hs_qtok *t = &toks[i];
        mode m = next;
        next = M_CHECK;
        switch (t->kind) {
        case HS_QT_NOT:
        case HS_QT_MINUS:
            next = M_KEEP;
            break;
        case HS_QT_EQUALS: /* exactly as typed, a quotation perhaps */
            next = M_KEEP;
            break;
        case HS_QT_LPAREN:
        case HS_QT_RPAREN:
            next = m;
            break;
        case HS_QT_WORD:
        case HS_QT_PHRASE:
        case HS_QT_FIELD: {
            size_t at = (size_t)(t->text - query_string), name_len;
            if (hs_query_unknown_field(query_string, t, &name_len))
                at += name_len + 1; /* "titel:" stays: a warning names the field */
            size_t len = t->len - (at - (size_t)(t->text - query_string));
            failed = hs_buf_append(&r.out, query_string + copied, at - copied) < 0 ||
                     put_words(&r, query_string + at, len, mode_of(t, m)) < 0;
            copied = at + len;
            break;
        }
        default: /* AND, OR, NEAR/n, the end */
            break;
        }
    }
    failed |= hs_buf_puts(&r.out, query_string + copied) < 0;
    int rc = failed ? -1 : r.changed;
    if (rc == 1 && hs_buf_append(out, r.out.data, r.out.len) < 0)
        rc = -1;
    clear_words(&r);
    free(r.words);
    free(toks);
    hs_buf_free(&r.out);
    return rc;
}
