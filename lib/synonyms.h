/* synonyms.h - an optional synonyms file, applied at query time
 * (internal).
 *
 * The file is UTF-8 text, one group of synonyms a line:
 *
 *     # comments run from '#' to the end of the line; blank lines are ignored
 *     self-nomination = independent candidate, self-nominee
 *     CEC = Central Election Commission
 *     самовыдвижение = самовыдвиженец
 *
 * Each side of '=' is a word or a phrase (several words, or a hyphenated
 * compound); the right side lists one or more of them, separated by
 * commas.  Entries are matched on their normalised form (see
 * hs_synonyms_normalize_key): case, Unicode compatibility forms, spacing
 * and the hyphens of a compound do not matter, so
 * "Self-Nomination", "self nomination" and "self-nomination" are one key.
 * A compound written as one word ("selfnomination") is a different key.
 *
 * Synonyms are symmetric: every member of a line's group maps to all the
 * others.  They are not transitive across lines: "a = b" and "b = c" make
 * b an alternative of a and of c, but not a and c of each other.
 *
 * A line with "=>" instead of "=" goes one way: "election => poll" makes
 * a query for election also find poll, while a query for poll (as in an
 * opinion poll) finds just poll.
 */
#ifndef HUSTINGS_SYNONYMS_H
#define HUSTINGS_SYNONYMS_H

#include <stddef.h>

#include "buf.h"

typedef struct hs_synonyms hs_synonyms;

/* The normalised key of text[0..len): its words (as the tokenizer gives
 * them, the parts of a compound as separate words) joined by single
 * spaces, appended to out.  Nothing is appended when the text has no
 * words.  0, or -1 when out of memory. */
int hs_synonyms_normalize_key(const char *text, size_t len, hs_buf *out);

/* Read the synonyms file at path.  NULL on failure, with a one-line reason
 * (without the path) appended to why: the system's message when the file
 * cannot be read, "line N: ..." for a malformed line, or "out of memory". */
hs_synonyms *hs_synonyms_load(const char *path, hs_buf *why);

/* The same from the contents of a file, data[0..len). */
hs_synonyms *hs_synonyms_parse(const char *data, size_t len, hs_buf *why);

/* Add every entry of src to dst, as if src's lines were also dst's: the
 * two are applied to a query in one pass, so they never chain (a = b in
 * one, b = c in the other).  0, or -1 when out of memory. */
int hs_synonyms_add_all(hs_synonyms *dst, const hs_synonyms *src);

/* The built-in thesaurus (data/thesaurus.txt, compiled in; thesaurus.h),
 * parsed.  NULL only when out of memory: the tests check that it parses. */
hs_synonyms *hs_synonyms_builtin(void);

void hs_synonyms_free(hs_synonyms *syn);

/* How many keys have alternatives. */
size_t hs_synonyms_count(const hs_synonyms *syn);

/* The most words any key has (0 when there are none): a query need not
 * look up runs of more words than this. */
size_t hs_synonyms_max_words(const hs_synonyms *syn);

/* The alternatives of a normalised key (as hs_synonyms_normalize_key makes
 * it): returns their number and sets *alternatives to an array of that
 * many normalised keys (words separated by single spaces), in the order
 * the file gives them; 0 when the key has none (*alternatives is then
 * NULL).  The array belongs to syn. */
size_t hs_synonyms_lookup(const hs_synonyms *syn, const char *normalised_key,
                          const char *const **alternatives);

#endif
