/* query_lex.c - the field table and the lexer of the query language; see
 * query_lex.h. */
#include "query_lex.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schema.h"

static const hs_field fields[] = {
    { "title", HS_FIELD_TITLE, HS_PREFIX_TITLE, HS_FIELD_WORDS },
    { "source", HS_FIELD_SOURCE, NULL, 0 },
    { "site", HS_FIELD_SITE, NULL, 0 },
    { "author", HS_FIELD_AUTHOR, HS_PREFIX_AUTHOR, 0 },
    { "lang", HS_FIELD_LANG, HS_PREFIX_LANG, 0 },
    { "path", HS_FIELD_PATH, HS_PREFIX_PATH, 0 },
    { "date", HS_FIELD_DATE, NULL, 0 },
};

const hs_field *hs_field_named(const char *s, size_t n)
{
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
        if (strlen(fields[f].name) == n && strncasecmp(s, fields[f].name, n) == 0)
            return &fields[f];
    return NULL;
}

const hs_field *hs_field_of(hs_field_id id)
{
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
        if (fields[f].id == id)
            return &fields[f];
    return NULL;
}

size_t hs_field_count(void)
{
    return sizeof fields / sizeof *fields;
}

const hs_field *hs_field_at(size_t i)
{
    return i < hs_field_count() ? &fields[i] : NULL;
}

int hs_query_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The length of a quote at q[i], 0 when there is none: straight, or
 * typographic as word processors and news sites type them, so that a
 * pasted quote is a phrase. */
static size_t quote_at(const char *q, size_t i)
{
    static const char *const curly[] = { "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB" };
    if (q[i] == '"')
        return 1;
    for (size_t k = 0; k < sizeof curly / sizeof *curly; k++)
        if (strncmp(q + i, curly[k], strlen(curly[k])) == 0)
            return strlen(curly[k]);
    return 0;
}

/* The end of a plain chunk starting at i. */
static size_t chunk_end(const char *q, size_t i, size_t len, int lenient)
{
    while (i < len && !hs_query_is_space(q[i]) && !quote_at(q, i) &&
           (lenient || (q[i] != '(' && q[i] != ')')))
        i++;
    return i;
}

/* A "phrase" whose opening quote is at i; sets its text and returns the
 * index after its closing quote (or the end of the query). */
static size_t lex_phrase(const char *q, size_t i, size_t len, hs_qtok *t)
{
    size_t start = i + quote_at(q, i), close = 0;
    i = start;
    while (i < len && !(close = quote_at(q, i)))
        i++;
    t->text = q + start;
    t->len = i - start;
    return i + close;
}

/* NEAR/n's n, 0 when it is not a number up to about 1000. */
static unsigned near_of(const char *s, size_t n)
{
    unsigned near = 0;
    for (size_t k = 5; k < n; k++) {
        if (s[k] < '0' || s[k] > '9' || near > 1000)
            return 0;
        near = near * 10 + (unsigned)(s[k] - '0');
    }
    return near;
}

/* The chunk q[i..end) as a word, an operator or a field:value; returns
 * the index after it (a field's quoted value included). */
static size_t lex_chunk(const char *q, size_t i, size_t end, size_t len, int lenient, hs_qtok *t)
{
    t->text = q + i;
    t->len = end - i;
    t->kind = HS_QT_WORD;
    if (end == i) /* a lone '-' or '=' */
        return i + (t->len = 1);
    if (lenient)
        return end;
    const char *colon = memchr(q + i, ':', end - i);
    if (t->len == 3 && strncmp(t->text, "AND", 3) == 0) {
        t->kind = HS_QT_AND;
    } else if (t->len == 2 && strncmp(t->text, "OR", 2) == 0) {
        t->kind = HS_QT_OR;
    } else if (t->len == 3 && strncmp(t->text, "NOT", 3) == 0) {
        t->kind = HS_QT_NOT;
    } else if (t->len > 5 && strncmp(t->text, "NEAR/", 5) == 0) {
        t->kind = HS_QT_NEAR;
        t->near = near_of(t->text, t->len);
    } else if (colon && (t->field = hs_field_named(t->text, (size_t)(colon - t->text)))) {
        t->kind = HS_QT_FIELD;
        t->text = colon + 1;
        t->len = end - (size_t)(colon + 1 - q);
        if (t->len == 0 && end < len && quote_at(q, end)) {
            t->quoted_value = 1;
            end = lex_phrase(q, end, len, t);
        }
    }
    return end;
}

hs_qtok *hs_query_lex(const char *q, int lenient, size_t *count)
{
    size_t len = strlen(q), n = 0, cap = 8, i = 0;
    hs_qtok *toks = malloc(cap * sizeof *toks);
    while (toks) {
        while (i < len && (hs_query_is_space(q[i]) || (lenient && (q[i] == '(' || q[i] == ')'))))
            i++;
        if (n + 1 >= cap) {
            hs_qtok *p = realloc(toks, (cap *= 2) * sizeof *p);
            if (!p) {
                free(toks);
                return NULL;
            }
            toks = p;
        }
        hs_qtok *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->pos = i;
        if (i >= len) {
            t->kind = HS_QT_END;
            t->end = i;
            break;
        }
        char c = q[i];
        if (quote_at(q, i)) {
            t->kind = HS_QT_PHRASE;
            i = lex_phrase(q, i, len, t);
        } else if (c == '(' || c == ')') {
            t->kind = c == '(' ? HS_QT_LPAREN : HS_QT_RPAREN;
            i++;
        } else if ((c == '-' || (c == '=' && !lenient)) && i + 1 < len &&
                   !hs_query_is_space(q[i + 1]) && q[i + 1] != ')') {
            t->kind = c == '-' ? HS_QT_MINUS : HS_QT_EQUALS;
            i++;
        } else {
            i = lex_chunk(q, i, chunk_end(q, i, len, lenient), len, lenient, t);
        }
        t->end = i;
    }
    *count = n;
    return toks;
}

/* Field names are ASCII letters. */
static int is_name_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hs_query_unknown_field(const char *q, const hs_qtok *t, size_t *name_len)
{
    if (t->kind != HS_QT_WORD)
        return 0;
    size_t n = 0;
    while (n < t->len && is_name_letter(t->text[n]))
        n++;
    if (n < 2 || n == t->len || t->text[n] != ':' || hs_field_named(t->text, n))
        return 0;
    size_t value = n + 1;
    const char *after = t->text + t->len; /* a quoted value follows the chunk */
    if (value == t->len ? !quote_at(q, (size_t)(after - q))
                        : t->text[value] == '/')
        return 0;
    *name_len = n;
    return 1;
}

int hs_query_is_advanced(const hs_qtok *toks, size_t count)
{
    for (size_t i = 0; i < count; i++)
        switch (toks[i].kind) {
        case HS_QT_AND: case HS_QT_OR: case HS_QT_NOT: case HS_QT_NEAR: case HS_QT_FIELD:
        case HS_QT_EQUALS:
            return 1;
        default:
            break;
        }
    return 0;
}
