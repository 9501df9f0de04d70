/* stopwords.h - the most frequent function words of English and Russian.
 *
 * A query does not require them (query_parse.c), and the index gives them
 * no positions (index_write.c), so phrases step over them (query_build.c).
 */
#ifndef HS_STOPWORDS_H
#define HS_STOPWORDS_H

#include <stddef.h>

/* True for a stop word (normalised form, as the tokenizer gives it). */
int hs_is_stopword(const char *word);

/* The same for the len bytes at word, which need not end in a NUL. */
int hs_is_stopword_len(const char *word, size_t len);

#endif
