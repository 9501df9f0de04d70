/* tokenizer.h - the one tokenizer of hustings (internal).
 *
 * The same code splits article text for indexing, query strings for
 * parsing and result passages for highlighting, so the three always agree
 * on what a word is.  Like SQLite FTS5's tokenizer interface, it hands each
 * token to a callback together with its byte offsets in the original text.
 *
 * What a word is:
 *  - a run of letters, digits and combining marks (Unicode categories L*,
 *    N*, M*);
 *  - an apostrophe (' or U+2019 or U+02BC) between two letters stays inside
 *    the word: "didn't", "O'Brien" (normalised to ');
 *  - words joined by single hyphens (U+002D, U+2010, U+2011) form a
 *    compound: "self-nomination" gives "self" and "nomination" at
 *    consecutive positions (HS_TOKEN_PART) and then the joined form
 *    "selfnomination" (HS_TOKEN_JOINED) at the first part's position,
 *    spanning the whole compound.
 * Each term is NFKC-normalised and case-folded (utf8proc), with Russian ё
 * folded to е, Latin look-alikes in a Cyrillic word made Cyrillic (выбоpы
 * typed with a Latin p is выборы), default-ignorable characters dropped
 * and terms cut to HS_TERM_MAX_BYTES at a character boundary.  Invalid UTF-8 separates words and never stops the tokenizer.
 */
#ifndef HUSTINGS_TOKENIZER_H
#define HUSTINGS_TOKENIZER_H

#include <stddef.h>

/* Xapian refuses terms over ~245 bytes; with prefixes and room to spare,
 * words are cut here (the same way for documents and queries). */
#define HS_TERM_MAX_BYTES 80

enum {
    HS_TOKEN_PART = 1,    /* one part of a hyphenated compound */
    HS_TOKEN_JOINED = 2,  /* a compound's parts joined together */
};

typedef struct hs_token {
    const char *term;  /* normalised, NUL-terminated; valid during the call */
    size_t term_len;
    size_t start, end; /* byte range [start, end) of the original text */
    unsigned pos;      /* word position */
    unsigned flags;    /* HS_TOKEN_* */
} hs_token;

/* Called for each token in text order (a compound's parts come before its
 * joined form).  A non-zero return stops tokenizing and is passed on. */
typedef int (*hs_token_fn)(void *ctx, const hs_token *tok);

/* Tokenize text[0..len).  Positions start at first_pos; *next_pos (when not
 * NULL) receives the position after the last word.  Returns 0, the
 * callback's non-zero value, or -1 when out of memory. */
int hs_tokenize(const char *text, size_t len, unsigned first_pos,
                hs_token_fn fn, void *ctx, unsigned *next_pos);

/* Normalise one word as the tokenizer does (without splitting it): the
 * result is appended to out.  0, or -1 when out of memory. */
struct hs_buf;
int hs_normalize_word(const char *word, size_t len, struct hs_buf *out);

#endif
