/* simhash.c - SimHash over word shingles; see simhash.h. */
#include "simhash.h"

#include <stdio.h>

#include <xxhash.h>

#include "tokenizer.h"

#define SHINGLE 3

typedef struct shingler {
    uint64_t recent[SHINGLE];  /* hashes of the last SHINGLE words */
    unsigned words;
    unsigned max_words;
    int votes[64];
} shingler;

static void vote(shingler *w, uint64_t h)
{
    for (int i = 0; i < 64; i++)
        w->votes[i] += (h >> i) & 1 ? 1 : -1;
}

/* The hash of the shingle of the last SHINGLE words, from their hashes. */
static uint64_t shingle_hash(const shingler *w)
{
    uint64_t seq[SHINGLE];
    for (unsigned k = 0; k < SHINGLE; k++)
        seq[k] = w->recent[(w->words - SHINGLE + k) % SHINGLE];
    return XXH3_64bits(seq, sizeof seq);
}

static int on_token(void *ctx, const hs_token *tok)
{
    shingler *w = ctx;
    if (tok->flags & HS_TOKEN_JOINED)
        return 0;
    if (w->words == w->max_words)
        return 1;
    w->recent[w->words % SHINGLE] = XXH3_64bits(tok->term, tok->term_len);
    w->words++;
    if (w->words >= SHINGLE)
        vote(w, shingle_hash(w));
    return 0;
}

/* The fingerprint of the first max_words words of text (hs_simhash's
 * contract; the window is a parameter for measuring others). */
static int fingerprint(const char *text, size_t len, unsigned max_words,
                       uint64_t *out)
{
    shingler w = { { 0 }, 0, max_words, { 0 } };
    *out = 0;
    if (hs_tokenize(text, len, 0, on_token, &w, NULL) < 0)
        return -1;
    if (w.words < HS_SIMHASH_MIN_WORDS)
        return 1;
    uint64_t h = 0;
    for (int i = 0; i < 64; i++)  /* a tied vote gives 0 */
        if (w.votes[i] > 0)
            h |= (uint64_t)1 << i;
    *out = h;
    return 0;
}

int hs_simhash(const char *text, size_t len, uint64_t *out)
{
    return fingerprint(text, len, HS_SIMHASH_WORDS, out);
}

int hs_simhash_distance(uint64_t a, uint64_t b)
{
    uint64_t x = a ^ b;
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

void hs_simhash_bands(uint64_t h, char out[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE])
{
    for (int i = 0; i < HS_SIMHASH_BANDS; i++)
        snprintf(out[i], HS_SIMHASH_BAND_SIZE, "%d%04x", i,
                 (unsigned)(h >> (16 * i)) & 0xffffu);
}
