/* match_rules.c - the rules xapian_glue.cc applies (match_rules.h). */
#include "match_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The terms that the wildcards of one query may expand to, shared among
 * them (each at most WILDCARD_MAX, the most frequent): 50 prefix* words of
 * 1000 terms each took 8 s to match.  A query whose wildcards would get
 * fewer than WILDCARD_MIN each is refused: fewer would leave out words
 * the user meant, without saying so. */
enum { WILDCARD_BUDGET = 8000, WILDCARD_MAX = 1000, WILDCARD_MIN = 50 };

/* The wildcards of q: how many in *n, and the words they begin with
 * (their terms without the prefix of capitals) in words[0..*n). */
static void list_wildcards(const hs_qnode *q, const char **words, size_t *n)
{
    if (q->op == HS_Q_WILDCARD) {
        const char *w = q->term;
        while (*w >= 'A' && *w <= 'Z')
            w++;
        if (words)
            words[*n] = w;
        ++*n;
    }
    for (size_t i = 0; i < q->n_kids; i++)
        list_wildcards(q->kids[i], words, n);
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int hs_wildcard_expansion(const hs_qnode *q, unsigned *each, char *why, size_t size)
{
    size_t n = 0;
    list_wildcards(q, NULL, &n);
    *each = WILDCARD_MAX;
    if (n == 0 || WILDCARD_BUDGET / n >= WILDCARD_MIN) {
        if (n && WILDCARD_BUDGET / n < WILDCARD_MAX)
            *each = (unsigned)(WILDCARD_BUDGET / n);
        return 0;
    }
    /* each word* is looked up in several forms and fields: say how many
     * words* the query may have, at that rate */
    const char **words = malloc(n * sizeof *words);
    if (!words)
        return -1;
    size_t listed = 0, distinct = 0;
    list_wildcards(q, words, &listed);
    qsort(words, n, sizeof *words, compare_words);
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || strcmp(words[i - 1], words[i]) != 0;
    free(words);
    size_t most = WILDCARD_BUDGET / WILDCARD_MIN * distinct / n;
    snprintf(why, size, "too many wildcards in one query (%zu words ending in *; at most %zu here)",
             distinct, most ? most : 1);
    return 1;
}

void hs_time_limit_refusal(double seconds, char *why, size_t size)
{
    snprintf(why, size,
             "the search was cut short: it took longer than its time limit of %g s; narrow it "
             "(more words, fewer wildcards, a date range) or allow it more time",
             seconds);
}

const char *hs_unset_sort_value(int descending)
{
    /* "" before every value going down, "\xff" after every date going up */
    return descending ? "" : "\xff";
}

unsigned hs_shard_local_docid(unsigned docid, unsigned n)
{
    return (docid - 1) / n + 1;
}

unsigned hs_shard_earlier_docid(unsigned docid, unsigned back, unsigned n)
{
    return n && back <= (docid - 1) / n ? docid - back * n : 0;
}
