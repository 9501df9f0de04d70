/* spelling.h - "did you mean": corrections from the index vocabulary
 * (internal).
 *
 * Candidates are the passage words of the index, so a suggestion always
 * finds something: its exact forms (unprefixed terms, see schema.h), and
 * the stems (Z terms) that the text writes as words, for a word that is
 * its own stem has no exact term ("blair"; "nomin" is no word).  A candidate must
 * lie within HS_SPELLING_MAX_DISTANCE edits of the word, or
 * HS_SPELLING_MAX_DISTANCE_SHORT for words of up to HS_SPELLING_SHORT_WORD
 * characters, by Damerau-Levenshtein distance (insertions, deletions,
 * substitutions and transpositions of adjacent characters, counted on
 * Unicode code points).  The nearest candidate wins, and among equally
 * near ones the most frequent (then the first in byte order): "bleir"
 * becomes "blair", one edit away, rather than the far more frequent
 * "their", two edits away.  "Nearest" weighs the edits a little: a letter
 * left out, two letters swapped or one vowel typed for another count 0.8
 * of an edit, so that "yong" becomes "young" rather than the more
 * frequent "long", and "postel" "postal" rather than "poster".

 * The vocabulary is searched, not scanned: first every term that starts
 * with the word's first character, then, for Latin and Cyrillic words, the
 * terms whose first two characters allow a mistake in the first letter
 * (a wrong, missing or extra first letter, or the first two swapped): one
 * prefix look-up per letter of the alphabet.  A query word costs a few
 * milliseconds on an index of the 2,095 BBC articles.
 */
#ifndef HUSTINGS_SPELLING_H
#define HUSTINGS_SPELLING_H

#include "buf.h"
#include "stem.h"
#include "xapian_glue.h"

/* Words shorter than this (in characters) get no suggestion. */
#define HS_SPELLING_MIN_WORD 3
/* Words of up to this many characters may be one edit from a suggestion;
 * longer words two. */
#define HS_SPELLING_SHORT_WORD 4
#define HS_SPELLING_MAX_DISTANCE_SHORT 1
#define HS_SPELLING_MAX_DISTANCE 2
/* A word in more passages than this is taken as meant, never corrected:
 * "mrs" stays "mrs" although "mr" is far more frequent. */
#define HS_SPELLING_RARE 3
/* A rare word of the index is only corrected to a word this many times
 * more frequent (in passages): a misspelling that slipped into a few
 * articles does not hide the common spelling, and a rare real word keeps
 * its place. */
#define HS_SPELLING_MIN_RATIO 20

/* A correction for `word`, a normalised word as the tokenizer gives it
 * (lower-cased, NFKC).  Returns 1 and appends the suggestion to out; 0 when
 * no word of the index is a better guess (out unchanged): the word is too
 * short, holds a digit, is in more than HS_SPELLING_RARE passages, or has
 * no near neighbour at least HS_SPELLING_MIN_RATIO times as frequent as
 * itself; -1 when out of memory or on a Xapian error (then hx_db_error(db)
 * says which). */
int hs_spelling_suggest(hx_db *db, const char *word, hs_buf *out);

/* The same for a word whose frequency the caller has measured: freq
 * passages hold it (in any form the caller counts, e.g. its stem). */
int hs_spelling_suggest_freq(hx_db *db, const char *word, unsigned long freq,
                             hs_buf *out);

/* How far the word typed is from `word`, both normalised words, as a
 * suggestion measures it (in tenths of an edit, the likelier mistakes
 * costing less); -1 when further than a suggestion may be for a word of
 * that length, or when either is not UTF-8. */
int hs_spelling_distance(const char *typed, const char *word);

/* The query string corrected word by word.  Words that are in the index
 * (as a word or a stem, in passages or headlines) in more than
 * HS_SPELLING_RARE passages are kept, and so are names the index holds,
 * however rare (a word it holds whose transliteration key is a name's:
 * "Annan"), acronyms (two to four capitals: "MRSA", held or not), and
 * everything else the user typed: spacing, quotes, brackets,
 * AND, OR, NOT, NEAR/n, prefix* words, excluded words (-word, NOT word),
 * exact forms (=word, ="a phrase", which may quote a misspelling), field
 * names, known or not ("titel:" stays; the query warns of it), and the
 * values of the fields source:, site:, author:, lang:, path: and date: (a
 * title: value is corrected).  A hyphenated compound keeps its hyphens and has
 * its parts corrected, unless it is in the index written together.  A
 * corrected word takes the case of the typed one ("Electoin" becomes
 * "Election").
 * Returns 1 and appends the corrected query to out when a word changed, 0
 * when none did (out unchanged), -1 as hs_spelling_suggest. */
int hs_spelling_suggest_query(hx_db *db, const char *query_string,
                              hs_stemmer *st, hs_buf *out);

#endif
