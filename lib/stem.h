/* stem.h - stemming words by their script, with libstemmer (internal).
 *
 * One hs_stemmer serves indexing, query parsing and highlighting alike, so
 * a word always meets its own stem (docs/LESSONS.md: "one stemmer
 * everywhere").  Snowball stemmers keep state: an hs_stemmer belongs to one
 * thread at a time.
 */
#ifndef HUSTINGS_STEM_H
#define HUSTINGS_STEM_H

#include <stddef.h>

typedef enum hs_script {
    HS_SCRIPT_OTHER = 0, /* digits, CJK, ...: not stemmed */
    HS_SCRIPT_LATIN,
    HS_SCRIPT_CYRILLIC,
} hs_script;

typedef struct hs_stemmer hs_stemmer;

/* NULL when out of memory or libstemmer lacks a needed language. */
hs_stemmer *hs_stemmer_new(void);
void hs_stemmer_free(hs_stemmer *st);

/* The script of a normalised word: that of its first letter. */
hs_script hs_script_of(const char *word, size_t len);

/* Stem a normalised word (as the tokenizer gives it): English for Latin
 * script, Russian for Cyrillic, the word itself otherwise.  The result is
 * valid until the next call on st; *out_len receives its length.  NULL only
 * when out of memory. */
const char *hs_stem(hs_stemmer *st, const char *word, size_t len,
                    size_t *out_len);

#endif
