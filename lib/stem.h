/* stem.h - stemming words by language and script (internal).
 *
 * One hs_stemmer serves indexing, query parsing and highlighting alike, so
 * a word always meets its own stem: a query word stemmed otherwise than
 * the text was would find nothing, and a highlighter stemming otherwise
 * would mark other words than those that matched.  Snowball stemmers keep
 * state: an hs_stemmer belongs to one thread at a time.
 *
 * Which stemmer a word gets:
 *  - Latin script in a Kazakh text ("kk", or "kk-Latn-2017", -2018 or
 *    -2021 for one of Kazakh's Latin alphabets, kk_latin.h): Kazakh, on
 *    the word converted to Cyrillic (so that the stem is the one the word
 *    has in Cyrillic), when every letter of it is one of that alphabet's;
 *  - other Latin script: English (libstemmer);
 *  - Cyrillic with a Kazakh letter (ә ғ қ ң ө ұ ү һ і): Kazakh (stem_kk.h),
 *    whatever the article's language;
 *  - other Cyrillic: Kazakh in a Kazakh article, Russian otherwise;
 *  - anything else (digits, other scripts): the word itself.
 * Russian ё is folded to е by the tokenizer, before stemming.
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

/* Stem a normalised word (as the tokenizer gives it) of an article in
 * language lang ("en", "ru", "kk", another code, or NULL when unknown):
 * see the rules above; only "kk" changes anything (other languages are
 * stemmed by script).  The result points into st or into word and is valid
 * until the next call on st or until word goes; *out_len receives its
 * length.  NULL only when out of memory. */
const char *hs_stem_lang(hs_stemmer *st, const char *lang, const char *word,
                         size_t len, size_t *out_len);

/* hs_stem_lang() with no language: by script and letters alone. */
const char *hs_stem(hs_stemmer *st, const char *word, size_t len,
                    size_t *out_len);

/* Queries have no language (a few words are too few to identify one, and
 * one query searches articles of every language), so a query word is
 * stemmed in each language its article could have had, and the stems are
 * ORed.  Stores those languages in langs and returns how many (1 or 2):
 * {"en"} for Latin script, {"kk"} for Cyrillic with a Kazakh letter,
 * {"ru", "kk"} for other Cyrillic (сайлау has no Kazakh letter, yet
 * Kazakh articles stem сайлауда to сайлау), {NULL} for the rest.  Pass
 * each to hs_stem_lang(); the stems may be equal. */
#define HS_STEM_MAX_LANGS 2
size_t hs_stem_query_langs(const char *word, size_t len,
                           const char *langs[HS_STEM_MAX_LANGS]);

#endif
