/* article_key.h - how the index names an article and the file it came
 * from: its absolute path, its name (path#id), its key, its terms and its
 * tag (internal). */
#ifndef HUSTINGS_ARTICLE_KEY_H
#define HUSTINGS_ARTICLE_KEY_H

#include <stddef.h>

#include "buf.h"

/* The key that names an article in the index (its XA term without the
 * prefix): its path's text form (path_text.h, as hs_article_new keeps
 * it), or for very long paths its start and a hash.
 * Appended to out; 0 or -1 when out of memory. */
int hs_article_key(const char *path, hs_buf *out);

/* The value every passage of an article holds in HS_SLOT_ARTICLE: 16 hex
 * digits of the XXH3-64 hash of its article term, so that a passage can
 * check that the first passage it reads its fields from is its article's. */
void hs_article_tag(const hs_buf *article_term, char tag[17]);
/* The XG term of a tag (schema.h) in term; its length. */
#define HS_ARTICLE_TAG_TERM 24
size_t hs_article_tag_term(const char tag[17], char term[HS_ARTICLE_TAG_TERM]);

/* An article's name: its path, or path#id for an item of a feed; appended
 * to out.  0 or -1. */
int hs_article_name(const char *path, const char *id, hs_buf *out);

/* The boolean terms of an article (XA: path, or path#id) and of the file
 * it came from (XF: path, which only articles with an id carry: an article
 * without one is its whole file), appended to the two buffers.  0 or -1. */
int hs_article_terms(const char *path, const char *id, hs_buf *article_term,
                     hs_buf *file_term);

/* path made absolute (symbolic links resolved when it exists; else those
 * of its nearest existing folder, and "." and ".." taken out); malloc'd. */
char *hs_absolute_path(const char *path);

#endif
