/* query_parse.c - from a query string to groups of words.
 *
 * The string is cut into chunks at white space and double quotes; each
 * chunk (or quoted span) goes through the same tokenizer as the articles.
 * A chunk that yields one word is a word; one that yields several (a
 * hyphenated compound, "U.S.") is a phrase, and a compound also offers its
 * parts written together.  A leading '-' excludes the chunk.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "tokenizer.h"

typedef struct collected {
    hs_qword *words;
    size_t n, cap;
    hs_qword joined;
    size_t n_parts;      /* tokens that are parts of a compound */
    size_t n_joined;     /* compounds */
    hs_stemmer *stemmer;
} collected;

static int make_word(hs_qword *w, hs_stemmer *stemmer, const char *term, size_t len)
{
    size_t slen;
    const char *stem = hs_stem(stemmer, term, len, &slen);
    w->exact = strndup(term, len);
    w->stem = stem ? strndup(stem, slen) : NULL;
    if (!w->exact || !w->stem) {
        free(w->exact);
        free(w->stem);
        w->exact = w->stem = NULL;
        return -1;
    }
    return 0;
}

static void free_word(hs_qword *w)
{
    free(w->exact);
    free(w->stem);
}

static int collect_token(void *ctx, const hs_token *tok)
{
    collected *c = ctx;
    if (tok->flags & HS_TOKEN_JOINED) {
        free_word(&c->joined);
        c->n_joined++;
        return make_word(&c->joined, c->stemmer, tok->term, tok->term_len);
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        hs_qword *p = realloc(c->words, cap * sizeof *p);
        if (!p)
            return -1;
        c->words = p;
        c->cap = cap;
    }
    if (make_word(&c->words[c->n], c->stemmer, tok->term, tok->term_len) < 0)
        return -1;
    c->n++;
    if (tok->flags & HS_TOKEN_PART)
        c->n_parts++;
    return 0;
}

static int add_group(hs_parsed_query *pq, hs_qgroup *g)
{
    hs_qgroup *p = realloc(pq->groups, (pq->n_groups + 1) * sizeof *p);
    if (!p)
        return -1;
    pq->groups = p;
    pq->groups[pq->n_groups++] = *g;
    return 0;
}

/* Turn text[0..len) into one group of pq (none when it has no words). */
static int parse_chunk(hs_parsed_query *pq, hs_stemmer *stemmer, const char *text,
                       size_t len, int excluded, int quoted)
{
    collected c = { NULL, 0, 0, { NULL, NULL }, 0, 0, stemmer };
    int rc = hs_tokenize(text, len, 0, collect_token, &c, NULL);
    /* a joined form stands for the chunk only when the chunk is that one
     * compound (not "U.S.-backed", not inside quotes) */
    int whole_compound = !quoted && c.n_joined == 1 && c.n_parts == c.n;
    if (rc == 0 && c.n > 0) {
        hs_qgroup g = { c.words, c.n, { NULL, NULL }, excluded, 0 };
        if (whole_compound) {
            g.joined = c.joined;
            c.joined.exact = c.joined.stem = NULL;
        }
        g.stopword = c.n == 1 && hs_is_stopword(c.words[0].exact);
        if (add_group(pq, &g) == 0) {
            free_word(&c.joined);
            return 0;
        }
        rc = -1;
    }
    for (size_t i = 0; i < c.n; i++)
        free_word(&c.words[i]);
    free(c.words);
    free_word(&c.joined);
    return rc ? -1 : 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

hs_parsed_query *hs_query_parse(const char *q, hs_stemmer *stemmer)
{
    hs_parsed_query *pq = calloc(1, sizeof *pq);
    if (!pq)
        return NULL;
    size_t i = 0, len = strlen(q);
    while (i < len) {
        if (is_space(q[i])) {
            i++;
            continue;
        }
        int excluded = 0;
        if (q[i] == '-' && i + 1 < len && !is_space(q[i + 1])) {
            excluded = 1;
            i++;
        }
        size_t start = i, end;
        int quoted = q[i] == '"';
        if (quoted) {
            start = ++i;
            while (i < len && q[i] != '"')
                i++;
            end = i;
            if (i < len)
                i++; /* the closing quote */
        } else {
            while (i < len && !is_space(q[i]) && q[i] != '"')
                i++;
            end = i;
        }
        if (parse_chunk(pq, stemmer, q + start, end - start, excluded, quoted) < 0) {
            hs_parsed_query_free(pq);
            return NULL;
        }
    }
    return pq;
}

void hs_parsed_query_free(hs_parsed_query *pq)
{
    if (!pq)
        return;
    for (size_t g = 0; g < pq->n_groups; g++) {
        for (size_t w = 0; w < pq->groups[g].n_words; w++)
            free_word(&pq->groups[g].words[w]);
        free(pq->groups[g].words);
        free_word(&pq->groups[g].joined);
    }
    free(pq->groups);
    free(pq);
}
