/* synonyms.c - reading the synonyms file; see synonyms.h. */
#include "synonyms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"
#include "strmap.h"
#include "thesaurus.h"
#include "tokenizer.h"
#include "utf8.h"

/* A synonyms file is small; this bounds what a wrong path can cost. */
#define MAX_SYNONYMS_BYTES (16u * 1024 * 1024)

typedef struct entry {
    char **alts;
    size_t n, cap;
} entry;

struct hs_synonyms {
    hs_strmap *map;    /* normalised key -> entry */
    size_t max_words;  /* in the longest key */
};

/* ---- keys --------------------------------------------------------------- */

static int put_word(void *ctx, const hs_token *tok)
{
    hs_buf *out = ctx;
    if (tok->flags & HS_TOKEN_JOINED)
        return 0;
    if (out->len > 0 && hs_buf_putc(out, ' ') < 0)
        return -1;
    return hs_buf_append(out, tok->term, tok->term_len);
}

int hs_synonyms_normalize_key(const char *text, size_t len, hs_buf *out)
{
    hs_buf key = HS_BUF_INIT;  /* empty, so that put_word knows the first word */
    int rc = hs_tokenize(text, len, 0, put_word, &key, NULL) != 0 ? -1 : 0;
    if (rc == 0 && key.len > 0)
        rc = hs_buf_append(out, key.data, key.len);
    hs_buf_free(&key);
    return rc;
}

/* ---- the map ------------------------------------------------------------ */

static void free_entry(void *p)
{
    entry *e = p;
    for (size_t i = 0; i < e->n; i++)
        free(e->alts[i]);
    free(e->alts);
    free(e);
}

/* Record alt as an alternative of key (once).  0, or -1 when out of
 * memory. */
static int add_alternative(hs_synonyms *syn, const char *key, const char *alt)
{
    entry *e = hs_strmap_get(syn->map, key);
    if (!e) {
        if (!(e = calloc(1, sizeof *e)))
            return -1;
        if (hs_strmap_put(syn->map, key, e, NULL) < 0) {
            free(e);
            return -1;
        }
    }
    for (size_t i = 0; i < e->n; i++)
        if (strcmp(e->alts[i], alt) == 0)
            return 0;
    if (e->n == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 4;
        char **p = realloc(e->alts, cap * sizeof *p);
        if (!p)
            return -1;
        e->alts = p;
        e->cap = cap;
    }
    if (!(e->alts[e->n] = strdup(alt)))
        return -1;
    e->n++;
    return 0;
}

/* ---- lines -------------------------------------------------------------- */

/* The keys of one line, as offsets into a buffer of NUL-separated keys;
 * the first is the left side. */
typedef struct group {
    hs_buf keys;
    size_t *starts;
    size_t n, cap;
    int one_way;       /* "=>": only the left side maps to the others */
} group;

static void group_free(group *g)
{
    hs_buf_free(&g->keys);
    free(g->starts);
}

typedef enum { LINE_OK, LINE_OOM, LINE_BAD } line_status;

/* Add the side or list item s[0..len) to the group; the item must hold a
 * word.  `what` names it in the message. */
static line_status add_item(group *g, const char *s, size_t len, const char *what,
                            unsigned line_no, hs_buf *why)
{
    size_t start = g->keys.len;
    if (hs_synonyms_normalize_key(s, len, &g->keys) < 0)
        return LINE_OOM;
    if (g->keys.len == start) {
        while (len && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (len == 0)
            return hs_buf_printf(why, "line %u: %s is empty", line_no, what) < 0
                       ? LINE_OOM : LINE_BAD;
        return hs_buf_printf(why, "line %u: %s \"%.*s\" has no words", line_no, what,
                             (int)len, s) < 0 ? LINE_OOM : LINE_BAD;
    }
    if (hs_buf_putc(&g->keys, '\0') < 0)
        return LINE_OOM;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 8;
        size_t *p = realloc(g->starts, cap * sizeof *p);
        if (!p)
            return LINE_OOM;
        g->starts = p;
        g->cap = cap;
    }
    g->starts[g->n++] = start;
    return LINE_OK;
}

/* Split the content of a line (comment removed) into its group. */
static line_status split_line(group *g, const char *s, size_t len, unsigned line_no,
                              hs_buf *why)
{
    const char *eq = memchr(s, '=', len);
    if (!eq)
        return hs_buf_printf(why, "line %u: no '=' (the form is "
                                  "\"word = synonym, other synonym\")", line_no) < 0
                   ? LINE_OOM : LINE_BAD;
    size_t left = (size_t)(eq - s);
    g->one_way = left + 1 < len && eq[1] == '>';
    const char *right = eq + 1 + g->one_way;
    if (memchr(s, ',', left))
        return hs_buf_printf(why, "line %u: a ',' before '%s' (the left side is one "
                                  "word or phrase)", line_no, g->one_way ? "=>" : "=") < 0
                   ? LINE_OOM : LINE_BAD;
    if (memchr(right, '=', (size_t)(s + len - right)))
        return hs_buf_printf(why, "line %u: more than one '='", line_no) < 0
                   ? LINE_OOM : LINE_BAD;
    line_status st = add_item(g, s, left, "the left side", line_no, why);
    const char *item = right, *end = s + len;
    unsigned k = 1;
    while (st == LINE_OK) {
        const char *comma = memchr(item, ',', (size_t)(end - item));
        const char *stop = comma ? comma : end;
        char what[48];
        snprintf(what, sizeof what, "synonym %u", k++);
        st = add_item(g, item, (size_t)(stop - item), what, line_no, why);
        if (!comma)
            break;
        item = comma + 1;
    }
    return st;
}

static size_t count_words(const char *key)
{
    size_t n = 1;
    for (; *key; key++)
        n += *key == ' ';
    return n;
}

/* Note key as one to look up: max_words covers it. */
static void note_key(hs_synonyms *syn, const char *key)
{
    size_t words = count_words(key);
    if (words > syn->max_words)
        syn->max_words = words;
}

/* Every key of the group maps to each of the others; with "=>", only the
 * left side does. */
static int add_group(hs_synonyms *syn, const group *g)
{
    size_t lefts = g->one_way ? 1 : g->n;
    for (size_t i = 0; i < lefts; i++)
        note_key(syn, g->keys.data + g->starts[i]);
    for (size_t i = 0; i < lefts; i++)
        for (size_t j = 0; j < g->n; j++) {
            const char *a = g->keys.data + g->starts[i];
            const char *b = g->keys.data + g->starts[j];
            if (strcmp(a, b) != 0 && add_alternative(syn, a, b) < 0)
                return -1;
        }
    return 0;
}

static line_status parse_line(hs_synonyms *syn, const char *s, size_t len,
                              unsigned line_no, hs_buf *why)
{
    const char *hash = memchr(s, '#', len);
    if (hash)
        len = (size_t)(hash - s);
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f'))
        i++;
    if (i == len)
        return LINE_OK;
    if (!hs_utf8_valid(s, len))
        return hs_buf_printf(why, "line %u: not valid UTF-8", line_no) < 0
                   ? LINE_OOM : LINE_BAD;
    group g = { HS_BUF_INIT, NULL, 0, 0, 0 };
    line_status st = split_line(&g, s, len, line_no, why);
    if (st == LINE_OK && add_group(syn, &g) < 0)
        st = LINE_OOM;
    group_free(&g);
    return st;
}

/* ---- files -------------------------------------------------------------- */

hs_synonyms *hs_synonyms_parse(const char *data, size_t len, hs_buf *why)
{
    hs_synonyms *syn = calloc(1, sizeof *syn);
    if (!syn || !(syn->map = hs_strmap_new())) {
        free(syn);
        hs_buf_puts(why, "out of memory");
        return NULL;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t why_start = why->len;
    unsigned line_no = 1;
    for (size_t i = 0; i < len; line_no++) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        line_status st = parse_line(syn, data + i, end - i, line_no, why);
        if (st != LINE_OK) {
            if (st == LINE_OOM) { /* drop a half-written message */
                if (why->data) {
                    why->len = why_start;
                    why->data[why_start] = '\0';
                }
                hs_buf_puts(why, "out of memory");
            }
            hs_synonyms_free(syn);
            return NULL;
        }
        i = end + 1;
    }
    return syn;
}

hs_synonyms *hs_synonyms_load(const char *path, hs_buf *why)
{
    hs_buf data = HS_BUF_INIT;
    hs_synonyms *syn = NULL;
    if (hs_read_file(path, MAX_SYNONYMS_BYTES, &data, why) == 0)
        syn = hs_synonyms_parse(hs_buf_str(&data), data.len, why);
    hs_buf_free(&data);
    return syn;
}

typedef struct add_ctx {
    hs_synonyms *dst;
    int failed;
} add_ctx;

static int add_entry(void *ctx, const char *key, void *value)
{
    add_ctx *c = ctx;
    const entry *e = value;
    for (size_t i = 0; i < e->n && !c->failed; i++)
        c->failed = add_alternative(c->dst, key, e->alts[i]) < 0;
    note_key(c->dst, key);
    return c->failed;
}

int hs_synonyms_add_all(hs_synonyms *dst, const hs_synonyms *src)
{
    add_ctx c = { dst, 0 };
    hs_strmap_each(src->map, add_entry, &c);
    return c.failed ? -1 : 0;
}

hs_synonyms *hs_synonyms_builtin(void)
{
    const embedded_file *f = &hs_thesaurus_files[0];
    hs_buf why = HS_BUF_INIT;
    hs_synonyms *syn = hs_synonyms_parse((const char *)f->data, f->len, &why);
    hs_buf_free(&why);
    return syn;
}

void hs_synonyms_free(hs_synonyms *syn)
{
    if (!syn)
        return;
    hs_strmap_free(syn->map, free_entry);
    free(syn);
}

size_t hs_synonyms_count(const hs_synonyms *syn)
{
    return hs_strmap_count(syn->map);
}

size_t hs_synonyms_max_words(const hs_synonyms *syn)
{
    return syn->max_words;
}

size_t hs_synonyms_lookup(const hs_synonyms *syn, const char *normalised_key,
                          const char *const **alternatives)
{
    const entry *e = hs_strmap_get(syn->map, normalised_key);
    *alternatives = e ? (const char *const *)e->alts : NULL;
    return e ? e->n : 0;
}
