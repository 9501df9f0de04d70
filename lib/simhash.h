/* simhash.h - near-duplicate fingerprints of article bodies (internal).
 *
 * Revised wire copy (the same story republished with a new headline and
 * small edits) is found at index time by comparing 64-bit SimHash
 * fingerprints (Charikar 2002; Manku et al., WWW 2007): each 3-word shingle
 * of the body's first HS_SIMHASH_WORDS normalised words (hs_tokenize, the
 * parts of compounds, not their joined form) is hashed with XXH3, and bit i
 * of the fingerprint is the majority vote of bit i over the shingles.
 * Similar texts get fingerprints that differ in few bits.
 *
 * Two articles are near-duplicates when their fingerprints differ in at
 * most HS_SIMHASH_MAX_DISTANCE bits.  To find candidates without comparing
 * every pair, the fingerprint is cut into HS_SIMHASH_BANDS bands of 16 bits:
 * two fingerprints within HS_SIMHASH_BANDS - 1 bits of each other agree on
 * at least one whole band (pigeonhole), so indexing one term per band
 * ("XH" + band key) and comparing the full fingerprints of the documents
 * that share a band term finds every pair.
 *
 * Measured on ../shared/corpora/bbc-news (2,095 articles; body = the
 * passages joined by blank lines, headline left out) against its 38 known
 * pairs (bodies whose first 40 words are identical):
 *
 *   window        distance <= 0   <= 3      <= 6     nearest other pair
 *   40 words      38 / 0          38 / 0    38 / 0   9 bits (12 unrelated)
 *   80 words      37 / 0          38 / 0    38 / 0   13 bits
 *   100 words     37 / 0          37 / 0    38 / 0   13 bits
 *   whole body    35 / 0          37 / 0    37 / 0   12 bits
 *
 * (pairs found / false pairs.  The 9-bit pair at 40 words is another
 * revision of one story whose bodies part at word 38.)  Revised copy keeps
 * the opening and edits further down, so the opening identifies a story:
 * whatever changes after the window cannot hide a copy, and 40 words
 * still keep unrelated articles 12 bits or more apart.  The window is no
 * defence against edits inside it, though: one word changed among the
 * first 40 moves the fingerprint by 3 bits or less only 5% of the time.
 * Word unigrams instead of 3-word shingles tolerate edits better but put
 * unrelated articles as close as 5 bits.
 */
#ifndef HUSTINGS_SIMHASH_H
#define HUSTINGS_SIMHASH_H

#include <stddef.h>
#include <stdint.h>

/* The fingerprint covers the body's first this many words. */
#define HS_SIMHASH_WORDS 40
/* Bodies with fewer words get no fingerprint: a vote over a handful of
 * shingles says little, and short items (a score line, "More to follow")
 * resemble each other without being the same story. */
#define HS_SIMHASH_MIN_WORDS 12
/* Near-duplicates differ in at most this many bits. */
#define HS_SIMHASH_MAX_DISTANCE 3
/* Band keys per fingerprint: HS_SIMHASH_MAX_DISTANCE + 1. */
#define HS_SIMHASH_BANDS 4
/* A band key: band number, 4 hex digits, NUL, e.g. "2f3a0". */
#define HS_SIMHASH_BAND_SIZE 8

/* The fingerprint of text[0..len) (UTF-8) in *out.  Returns 0; 1 when the
 * text has fewer than HS_SIMHASH_MIN_WORDS words (*out is then 0, and the
 * text should not be compared); -1 when out of memory. */
int hs_simhash(const char *text, size_t len, uint64_t *out);

/* How many bits a and b differ in (0..64). */
int hs_simhash_distance(uint64_t a, uint64_t b);

/* The band keys of h, NUL-terminated: out[i] starts with the digit i, so
 * equal keys always mean the same band of two fingerprints. */
void hs_simhash_bands(uint64_t h, char out[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE]);

#endif
