/* stopwords.h - the most frequent function words of English and Russian.
 *
 * A query does not require them (query_parse.c).  The index gives no
 * positions to any word whose stem is a stop word's stem (index_write.c),
 * so phrases step over such words (query_build.c): deciding by the stem,
 * on both sides, keeps "cans of beer" matching "can of beer".
 */
#ifndef HS_STOPWORDS_H
#define HS_STOPWORDS_H

#include <stddef.h>

/* True for a stop word (normalised form, as the tokenizer gives it). */
int hs_is_stopword(const char *word);

/* True when the stem[0..len) is the stem of a stop word, in any language
 * a query could stem it in (stem.h).  Thread-safe: the stems are computed
 * once, on first use. */
int hs_is_stop_stem(const char *stem, size_t len);

/* Compute the stems now.  Called before indexing threads start, so that
 * their creation orders it before every use (which thread checkers such as
 * helgrind can see; they do not understand call_once's fast path). */
void hs_stop_stems_init(void);

#endif
