/* query_parse.c - from a query string to a tree of word groups and
 * operators.
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*      side by side: soft; with AND: hard
 *   unary   := "NOT" unary | "-" primary | primary
 *   primary := "(" query ")" | field | "=" (word | phrase) | phrase
 *            | word ["NEAR/n" word] | prefix*
 *   field   := title: | source: | site: | author: | lang: | path: | date:
 *
 * Words and phrases go through the same tokenizer as the articles: a chunk
 * that yields several words ("self-nomination", "U.S.") is a phrase, and a
 * compound also offers its parts written together.  A query written as
 * plain words (no operator, field or '=') is parsed leniently and never
 * fails; others get a message pointing at the mistake.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "date.h"
#include "lang.h"
#include "schema.h"
#include <utf8proc.h>

#include "stopwords.h"
#include "synonyms.h"
#include "tokenizer.h"
#include "translit.h"

/* ---- tokens -------------------------------------------------------------- */

typedef enum {
    T_END, T_WORD, T_PHRASE, T_LPAREN, T_RPAREN, T_AND, T_OR, T_NOT, T_MINUS,
    T_EQUALS, T_NEAR, T_FIELD,
} tkind;

typedef struct token {
    tkind kind;
    size_t pos;          /* byte offset in the query */
    const char *text;    /* WORD, PHRASE, FIELD value */
    size_t len;
    const char *field;   /* FIELD: its name */
    unsigned near;       /* NEAR/n */
    int quoted_value;    /* FIELD: the value was a "phrase" */
} token;

static const char *const field_names[] = { "title", "source", "site", "author",
                                           "lang", "path", "date" };

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of a plain chunk starting at i. */
static size_t chunk_end(const char *q, size_t i, size_t len, int lenient)
{
    while (i < len && !is_space(q[i]) && q[i] != '"' &&
           (lenient || (q[i] != '(' && q[i] != ')')))
        i++;
    return i;
}

/* A "phrase" starting at the quote q[i]; sets its text and the index after. */
static size_t lex_phrase(const char *q, size_t i, size_t len, token *t)
{
    size_t start = ++i;
    while (i < len && q[i] != '"')
        i++;
    t->text = q + start;
    t->len = i - start;
    return i < len ? i + 1 : i;
}

/* A field name in any case ("Title:", "DATE:"), as its canonical name. */
static const char *known_field(const char *s, size_t n)
{
    for (size_t f = 0; f < sizeof field_names / sizeof *field_names; f++)
        if (strlen(field_names[f]) == n && strncasecmp(s, field_names[f], n) == 0)
            return field_names[f];
    return NULL;
}

/* Cut q into tokens.  Lenient mode knows no operators, fields or brackets. */
static token *lex(const char *q, int lenient, size_t *count)
{
    size_t len = strlen(q), n = 0, cap = 8, i = 0;
    token *toks = malloc(cap * sizeof *toks);
    while (toks) {
        while (i < len && (is_space(q[i]) || (lenient && (q[i] == '(' || q[i] == ')'))))
            i++;
        if (n + 1 >= cap) {
            token *p = realloc(toks, (cap *= 2) * sizeof *p);
            if (!p) {
                free(toks);
                return NULL;
            }
            toks = p;
        }
        token *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->pos = i;
        if (i >= len) {
            t->kind = T_END;
            break;
        }
        char c = q[i];
        if (c == '"') {
            t->kind = T_PHRASE;
            i = lex_phrase(q, i, len, t);
        } else if (c == '(' || c == ')') {
            t->kind = c == '(' ? T_LPAREN : T_RPAREN;
            i++;
        } else if ((c == '-' || (c == '=' && !lenient)) && i + 1 < len && !is_space(q[i + 1]) &&
                   q[i + 1] != ')') {
            t->kind = c == '-' ? T_MINUS : T_EQUALS;
            i++;
        } else {
            size_t end = chunk_end(q, i, len, lenient);
            const char *colon = memchr(q + i, ':', end - i);
            t->text = q + i;
            t->len = end - i;
            t->kind = T_WORD;
            if (end == i) { /* a lone '-' or '=' */
                t->kind = T_WORD;
                t->len = 1;
                end = i + 1;
            } else if (!lenient && t->len == 3 && strncmp(t->text, "AND", 3) == 0) {
                t->kind = T_AND;
            } else if (!lenient && t->len == 2 && strncmp(t->text, "OR", 2) == 0) {
                t->kind = T_OR;
            } else if (!lenient && t->len == 3 && strncmp(t->text, "NOT", 3) == 0) {
                t->kind = T_NOT;
            } else if (!lenient && t->len > 5 && strncmp(t->text, "NEAR/", 5) == 0) {
                t->kind = T_NEAR;
                t->near = 0;
                for (size_t k = 5; k < t->len; k++) {
                    if (t->text[k] < '0' || t->text[k] > '9' || t->near > 1000) {
                        t->near = 0;
                        break;
                    }
                    t->near = t->near * 10 + (unsigned)(t->text[k] - '0');
                }
            } else if (!lenient && colon && (t->field = known_field(t->text, (size_t)(colon - t->text)))) {
                t->kind = T_FIELD;
                t->text = colon + 1;
                t->len = end - (size_t)(colon + 1 - q);
                if (t->len == 0 && end < len && q[end] == '"') {
                    t->quoted_value = 1;
                    end = lex_phrase(q, end, len, t);
                }
            }
            i = end;
        }
    }
    *count = n;
    return toks;
}

/* True when the query uses any advanced syntax (then it is parsed
 * strictly). */
static int is_advanced(const token *toks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        switch (toks[i].kind) {
        case T_AND: case T_OR: case T_NOT: case T_NEAR: case T_FIELD: case T_EQUALS:
            return 1;
        default:
            break;
        }
    return 0;
}

/* ---- groups ------------------------------------------------------------- */

typedef struct collected {
    hs_qword *words;
    size_t n, cap;
    hs_qword joined;
    size_t n_parts;      /* tokens that are parts of a compound */
    size_t n_joined;     /* compounds */
    hs_stemmer *stemmer;
    const char *text;    /* the chunk, to see capitals */
} collected;

static void free_word(hs_qword *w)
{
    free(w->exact);
    free(w->stem);
    free(w->stem2);
    free(w->key);
    free(w->maybe_key);
    for (size_t i = 0; i < w->n_variants; i++)
        free(w->variants[i]);
    for (size_t i = 0; i < w->n_other_forms; i++)
        free(w->other_forms[i]);
    for (size_t i = 0; i < w->n_family; i++)
        free(w->family[i]);
    for (size_t i = 0; i < w->n_kazakh; i++)
        free(w->kazakh[i]);
    memset(w, 0, sizeof *w);
}

/* How a query word may be a name: not; surely (typed with a capital, or
 * Cyrillic); or perhaps, typed in lower case (the index decides). */
enum { NOT_A_NAME, A_NAME, PERHAPS_A_NAME };

/* A query word: its exact form, its stems in each language its script
 * suggests (queries have no language), and, when it may be a name, its
 * transliteration key. */
static int make_word(hs_qword *w, hs_stemmer *stemmer, const char *term, size_t len,
                     int may_be_name)
{
    const char *langs[HS_STEM_MAX_LANGS];
    size_t n = hs_stem_query_langs(term, len, langs);
    memset(w, 0, sizeof *w);
    if (!(w->exact = strndup(term, len)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t slen;
        const char *stem = hs_stem_lang(stemmer, langs[i], term, len, &slen);
        char *copy = stem ? strndup(stem, slen) : NULL;
        if (!copy) {
            free_word(w);
            return -1;
        }
        if (!w->stem) {
            w->stem = copy;
        } else if (!w->stem2 && strcmp(copy, w->stem) != 0) {
            w->stem2 = copy;
        } else {
            free(copy);
        }
    }
    if (!w->stem && !(w->stem = strndup(term, len))) {
        free_word(w);
        return -1;
    }
    hs_buf key = HS_BUF_INIT;
    int k = may_be_name ? hs_translit_key(term, len, &key) : 0;
    if (k < 0) {
        free_word(w);
        return -1;
    }
    char *made = k > 0 ? hs_buf_detach(&key) : NULL;
    *(may_be_name == PERHAPS_A_NAME ? &w->maybe_key : &w->key) = made;
    hs_buf_free(&key);
    if (k > 0 && !made) {
        free_word(w);
        return -1;
    }
    return 0;
}

static void free_group(hs_qgroup *g)
{
    for (size_t i = 0; i < g->n_words; i++)
        free_word(&g->words[i]);
    free(g->words);
    free_word(&g->joined);
}


static int collect_token(void *ctx, const hs_token *tok)
{
    collected *c = ctx;
    if (tok->flags & HS_TOKEN_JOINED) {
        free_word(&c->joined);
        c->n_joined++;
        return make_word(&c->joined, c->stemmer, tok->term, tok->term_len, NOT_A_NAME);
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        hs_qword *p = realloc(c->words, cap * sizeof *p);
        if (!p)
            return -1;
        c->words = p;
        c->cap = cap;
    }
    int name = hs_translit_wanted(c->text, tok->start, tok->term, tok->term_len) ? A_NAME
               : hs_translit_maybe_name(c->text, tok->start, tok->term, tok->term_len)
                   ? PERHAPS_A_NAME
                                                                             : NOT_A_NAME;
    if (make_word(&c->words[c->n], c->stemmer, tok->term, tok->term_len, name) < 0)
        return -1;
    c->words[c->n].acronym = hs_is_acronym(c->text, tok->start);
    c->n++;
    if (tok->flags & HS_TOKEN_PART)
        c->n_parts++;
    return 0;
}

/* The words of text[0..len) as a group; 1 when made, 0 when the text has
 * no words, -1 when out of memory. */
static int make_group(hs_qgroup *g, hs_stemmer *stemmer, const char *text, size_t len,
                      int quoted)
{
    collected c = { .stemmer = stemmer, .text = text };
    memset(g, 0, sizeof *g);
    int rc = hs_tokenize(text, len, 0, collect_token, &c, NULL) ? -1 : 0;
    if (rc == 0 && c.n > 0) {
        g->words = c.words;
        g->n_words = c.n;
        /* a joined form stands for the chunk only when the chunk is that
         * one compound (not "U.S.-backed", not inside quotes) */
        if (!quoted && c.n_joined == 1 && c.n_parts == c.n) {
            g->joined = c.joined;
            memset(&c.joined, 0, sizeof c.joined);
        }
        g->stopword = c.n == 1 && hs_is_stopword(c.words[0].exact) && !c.words[0].acronym;
        g->quoted = quoted;
        free_word(&c.joined);
        return 1;
    }
    for (size_t i = 0; i < c.n; i++)
        free_word(&c.words[i]);
    free(c.words);
    free_word(&c.joined);
    return rc;
}

/* ---- the tree ------------------------------------------------------------ */

static void free_expr(hs_qexpr *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_kids; i++)
        free_expr(e->kids[i]);
    free(e->kids);
    free_group(&e->group);
    hs_qnode_free(e->filter);
    free(e);
}

static int add_kid(hs_qexpr *e, hs_qexpr *kid)
{
    hs_qexpr **p = realloc(e->kids, (e->n_kids + 1) * sizeof *p);
    if (!p)
        return -1;
    e->kids = p;
    e->kids[e->n_kids++] = kid;
    return 0;
}

typedef struct parser {
    const char *q;
    token *toks;
    size_t n, at;
    hs_stemmer *stemmer;
    hs_buf *error;
    int oom;
    int failed;
    unsigned depth;      /* brackets and NOTs open: the parser recurses */
} parser;

static const token *peek(parser *p)
{
    return &p->toks[p->at];
}

/* Record a mistake at byte `pos` (the first one wins). */
static void fail(parser *p, size_t pos, const char *what)
{
    if (p->failed)
        return;
    p->failed = 1;
    size_t col = 1;
    for (size_t i = 0; i < pos && p->q[i]; i++)
        col += ((unsigned char)p->q[i] & 0xC0) != 0x80;
    hs_buf_reset(p->error);
    hs_buf_printf(p->error, "query error at column %zu: %s\n  %s\n  %*s^", col, what, p->q,
                  (int)(col - 1), "");
}

/* How deep brackets and NOTs may nest: the parser and every walk of the
 * tree recurse, and a query must not be able to overflow the stack. */
#define MAX_DEPTH 100

/* Enter one level of nesting at t, or fail when there are too many. */
static int enter(parser *p, const token *t)
{
    if (p->depth >= MAX_DEPTH) {
        fail(p, t->pos, "brackets and NOTs nest too deep here (at most 100)");
        return -1;
    }
    p->depth++;
    return 0;
}

static hs_qexpr *expr_of_kind(parser *p, hs_qkind kind)
{
    hs_qexpr *e = calloc(1, sizeof *e);
    if (!e)
        p->oom = 1;
    else
        e->kind = kind;
    return e;
}

/* A group expression of the words of text (NULL when it has none). */
static hs_qexpr *group_expr(parser *p, hs_qkind kind, const char *text, size_t len, int quoted)
{
    hs_qgroup g;
    int rc = make_group(&g, p->stemmer, text, len, quoted);
    if (rc <= 0) {
        if (rc < 0)
            p->oom = 1;
        return NULL;
    }
    hs_qexpr *e = expr_of_kind(p, kind);
    if (!e) {
        free_group(&g);
        return NULL;
    }
    e->group = g;
    return e;
}

static hs_qexpr *filter_expr(parser *p, hs_qnode *q)
{
    if (!q) {
        p->oom = 1;
        return NULL;
    }
    hs_qexpr *e = expr_of_kind(p, HS_QK_FILTER);
    if (!e)
        hs_qnode_free(q);
    else
        e->filter = q;
    return e;
}

/* "2005", "2005-04" or "2005-04-01" as the bounds of a value range: lo is
 * the text itself, hi the text followed by 0xFF for partial dates.  An empty
 * text is an open end.  0, or -1 when it is not a date. */
static int date_bound(const char *s, size_t n, hs_buf *lo, hs_buf *hi)
{
    if (n == 0)
        return hs_buf_puts(hi, "\xff");
    char full[11];
    if (n == 4 || n == 7) {
        char probe[11];
        memcpy(probe, s, n);
        memcpy(probe + n, n == 4 ? "-01-01" : "-01", n == 4 ? 6 : 3);
        probe[10] = '\0';
        if (hs_date_parse(probe, 10, full) < 0)
            return -1;
    } else if (n != 10 || hs_date_parse(s, n, full) < 0 || strncmp(full, s, 10) != 0) {
        return -1;
    }
    if (hs_buf_append(lo, s, n) < 0 || hs_buf_append(hi, s, n) < 0)
        return -1;
    return n < 10 ? hs_buf_puts(hi, "\xff") : 0;
}

static hs_qexpr *date_filter(parser *p, const token *t)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < t->len; i++)
        if (t->text[i] == '.' && t->text[i + 1] == '.')
            dots = t->text + i;
    hs_buf lo = HS_BUF_INIT, hi = HS_BUF_INIT, junk = HS_BUF_INIT;
    int ok;
    if (dots) {
        size_t a = (size_t)(dots - t->text), b = t->len - a - 2;
        ok = (a > 0 || b > 0) && date_bound(t->text, a, &lo, &junk) == 0 &&
             date_bound(dots + 2, b, &junk, &hi) == 0;
    } else {
        ok = t->len > 0 && date_bound(t->text, t->len, &lo, &hi) == 0;
    }
    hs_qexpr *e = NULL;
    if (!ok)
        fail(p, t->pos, "a date is YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO");
    else if (lo.len && strcmp(hs_buf_str(&lo), hs_buf_str(&hi)) > 0)
        fail(p, t->pos, "this date range ends before it starts");
    else
        e = filter_expr(p, hs_qnode_value_range(HS_SLOT_DATE, hs_buf_str(&lo), hs_buf_str(&hi)));
    hs_buf_free(&lo);
    hs_buf_free(&hi);
    hs_buf_free(&junk);
    return e;
}

/* The boolean terms prefix+word for each normalised word of text, AND-ed
 * (lang:, author:, path:, site names). */
static hs_qnode *word_terms(const char *prefix, const char *text, size_t len, int whole)
{
    hs_buf norm = HS_BUF_INIT;
    hs_qnode *q = hs_qnode_new(HS_Q_AND);
    if (whole) { /* the whole value, lower-cased, spaces folded */
        size_t i = 0;
        while (i < len && q) {
            while (i < len && is_space(text[i]))
                i++;
            size_t s = i;
            while (i < len && !is_space(text[i]))
                i++;
            if (s == i)
                break;
            if (norm.len)
                hs_buf_putc(&norm, ' ');
            if (hs_normalize_word(text + s, i - s, &norm) < 0) {
                hs_qnode_free(q);
                q = NULL;
            }
        }
        if (q)
            q = hs_qnode_add(q, hs_qnode_term(prefix, hs_buf_str(&norm), norm.len));
    } else {
        for (size_t i = 0; i < len && q;) {
            while (i < len && (text[i] == '/' || is_space(text[i])))
                i++;
            size_t s = i;
            while (i < len && text[i] != '/' && !is_space(text[i]))
                i++;
            if (s == i)
                break;
            hs_buf_reset(&norm);
            if (hs_normalize_word(text + s, i - s, &norm) < 0) {
                hs_qnode_free(q);
                q = NULL;
                break;
            }
            q = hs_qnode_add(q, hs_qnode_term(prefix, norm.data, norm.len));
        }
    }
    hs_buf_free(&norm);
    return q;
}

/* lang:CODE, as documents are tagged (lang.h's codes: "ru-RU", "kz" and
 * "rus" are ru, kk and ru), or an English language name (lang:russian);
 * anything else is a mistake, not a filter that finds nothing. */
static hs_qexpr *lang_filter(parser *p, const token *t)
{
    static const struct {
        const char *name, *code;
    } names[] = {
        { "english", "en" }, { "russian", "ru" }, { "kazakh", "kk" }, { "qazaq", "kk" },
        { "ukrainian", "uk" }, { "kyrgyz", "ky" }, { "uzbek", "uz" }, { "german", "de" },
        { "french", "fr" }, { "spanish", "es" }, { "chinese", "zh" }, { "turkish", "tr" },
    };
    const char *code = hs_lang_code(t->text, t->len);
    for (size_t i = 0; !code && i < sizeof names / sizeof names[0]; i++)
        if (t->len == strlen(names[i].name) && strncasecmp(t->text, names[i].name, t->len) == 0)
            code = names[i].code;
    if (!code) {
        fail(p, t->pos, "lang: needs a language code, e.g. lang:en, lang:ru or lang:kk");
        return NULL;
    }
    return filter_expr(p, hs_qnode_term(HS_PREFIX_LANG, code, strlen(code)));
}

static hs_qexpr *field_expr(parser *p, const token *t)
{
    const char *f = t->field;
    if (t->len == 0) {
        hs_buf msg = HS_BUF_INIT;
        hs_buf_printf(&msg, "%s: needs a value, e.g. %s:word or %s:\"two words\"", f, f, f);
        fail(p, t->pos, hs_buf_str(&msg));
        hs_buf_free(&msg);
        return NULL;
    }
    if (strcmp(f, "date") == 0)
        return date_filter(p, t);
    if (strcmp(f, "title") == 0) {
        hs_qexpr *e = group_expr(p, HS_QK_TITLE, t->text, t->len, t->quoted_value);
        if (!e && !p->oom)
            fail(p, t->pos, "title: needs a word");
        return e;
    }
    if (strcmp(f, "lang") == 0)
        return lang_filter(p, t);
    if (strcmp(f, "author") == 0)
        return filter_expr(p, word_terms(HS_PREFIX_AUTHOR, t->text, t->len, 0));
    if (strcmp(f, "path") == 0)
        return filter_expr(p, word_terms(HS_PREFIX_PATH, t->text, t->len, 0));
    /* source: and site: take a host ("bbc.co.uk") or a site name */
    int host = !t->quoted_value && memchr(t->text, '.', t->len) != NULL;
    const char *text = t->text;
    size_t len = t->len;
    /* a URL pasted whole: its host ("https://www.bbc.co.uk/news" is
     * bbc.co.uk) */
    const char *scheme = host ? strstr(text, "://") : NULL;
    if (scheme && scheme < text + len) {
        len -= (size_t)(scheme + 3 - text);
        text = scheme + 3;
    }
    for (size_t i = 0; host && i < len; i++)
        if (text[i] == '/' || text[i] == ':' || text[i] == '?' || text[i] == '#')
            len = i;
    if (host && len > 4 && strncmp(text, "www.", 4) == 0) {
        text += 4;
        len -= 4;
    }
    return filter_expr(p, word_terms(host ? HS_PREFIX_HOST : HS_PREFIX_SITE, text, len, 1));
}

static hs_qexpr *parse_or(parser *p);

/* A word, possibly word* or word NEAR/n word. */
static hs_qexpr *parse_word(parser *p, int exact_only)
{
    const token *t = &p->toks[p->at++];
    if (t->kind == T_WORD && t->len > 1 && t->text[t->len - 1] == '*' && !exact_only) {
        hs_qexpr *e = group_expr(p, HS_QK_GROUP, t->text, t->len - 1, 0);
        if (e && (e->group.n_words != 1 || strlen(e->group.words[0].exact) < 2)) {
            free_expr(e);
            fail(p, t->pos, "a prefix* needs one word of at least two letters");
            return NULL;
        }
        if (e)
            e->group.prefix = 1;
        return e;
    }
    hs_qexpr *e = group_expr(p, HS_QK_GROUP, t->text, t->len, t->kind == T_PHRASE);
    if (e)
        e->group.exact_only = exact_only;
    if (peek(p)->kind != T_NEAR)
        return e;
    const token *near = &p->toks[p->at++];
    const token *right = peek(p);
    if (!near->near || right->kind != T_WORD || !e || e->group.n_words != 1) {
        free_expr(e);
        fail(p, near->pos, "NEAR/n needs a number and one word on each side, e.g. tax NEAR/5 rise");
        return NULL;
    }
    p->at++;
    hs_qexpr *r = group_expr(p, HS_QK_GROUP, right->text, right->len, 0);
    hs_qexpr *n = r && r->group.n_words == 1 ? expr_of_kind(p, HS_QK_NEAR) : NULL;
    if (!n || add_kid(n, e) < 0) {
        if (n && !p->oom)
            p->oom = 1;
        if (r && r->group.n_words != 1)
            fail(p, right->pos, "NEAR/n needs one word on each side");
        free_expr(n);
        free_expr(e);
        free_expr(r);
        return NULL;
    }
    if (add_kid(n, r) < 0) {
        p->oom = 1;
        free_expr(n);
        free_expr(r);
        return NULL;
    }
    n->window = near->near + 1; /* n words apart: a window of n + 1 */
    return n;
}

static hs_qexpr *parse_primary(parser *p)
{
    const token *t = peek(p);
    switch (t->kind) {
    case T_LPAREN: {
        if (enter(p, t) < 0)
            return NULL;
        p->at++;
        hs_qexpr *e = parse_or(p);
        p->depth--;
        if (peek(p)->kind != T_RPAREN) {
            free_expr(e);
            fail(p, t->pos, "this '(' has no matching ')'");
            return NULL;
        }
        p->at++;
        return e;
    }
    case T_FIELD:
        p->at++;
        return field_expr(p, t);
    case T_EQUALS:
        p->at++;
        if (peek(p)->kind != T_WORD && peek(p)->kind != T_PHRASE) {
            fail(p, t->pos, "'=' asks for exact word forms: =word or =\"a phrase\"");
            return NULL;
        }
        return parse_word(p, 1);
    case T_WORD:
    case T_PHRASE:
        return parse_word(p, 0);
    case T_END:
        fail(p, t->pos, "a word is missing at the end");
        return NULL;
    case T_RPAREN:
        fail(p, t->pos, "this ')' has no matching '('");
        return NULL;
    default:
        fail(p, t->pos, "an operator needs a word or a (group) after it");
        return NULL;
    }
}

static hs_qexpr *parse_unary(parser *p)
{
    const token *t = peek(p);
    if (t->kind == T_NOT || t->kind == T_MINUS) {
        if (enter(p, t) < 0)
            return NULL;
        p->at++;
        hs_qexpr *e = t->kind == T_NOT ? parse_unary(p) : parse_primary(p);
        p->depth--;
        if (e)
            e->excluded = !e->excluded;
        return e;
    }
    return parse_primary(p);
}

static int starts_unary(tkind k)
{
    return k == T_WORD || k == T_PHRASE || k == T_LPAREN || k == T_NOT || k == T_MINUS ||
           k == T_EQUALS || k == T_FIELD;
}

static hs_qexpr *parse_and(parser *p)
{
    hs_qexpr *list = expr_of_kind(p, HS_QK_DEFAULT);
    while (list && !p->failed && !p->oom) {
        const token *t = peek(p);
        if (t->kind == T_AND) {
            if (list->n_kids == 0) {
                fail(p, t->pos, "AND needs a word before it");
                break;
            }
            list->kind = HS_QK_AND;
            p->at++;
            if (!starts_unary(peek(p)->kind)) {
                fail(p, t->pos, "AND needs a word after it");
                break;
            }
            continue;
        }
        if (!starts_unary(t->kind))
            break;
        hs_qexpr *e = parse_unary(p);
        if (e && add_kid(list, e) < 0) {
            p->oom = 1;
            free_expr(e);
        }
    }
    if (list && list->n_kids == 0 && !p->failed && !p->oom) {
        const token *t = peek(p);
        fail(p, t->pos, t->kind == T_OR ? "OR needs a word before it"
                                        : "a word is missing here");
    }
    if (p->failed || p->oom) {
        free_expr(list);
        return NULL;
    }
    if (list->n_kids == 1 && !list->kids[0]->excluded) { /* no list of one */
        hs_qexpr *only = list->kids[0];
        list->n_kids = 0;
        free_expr(list);
        return only;
    }
    return list;
}

static hs_qexpr *parse_or(parser *p)
{
    hs_qexpr *left = parse_and(p);
    if (!left || peek(p)->kind != T_OR)
        return left;
    hs_qexpr *or = expr_of_kind(p, HS_QK_OR);
    if (!or || add_kid(or, left) < 0) {
        p->oom = 1;
        free_expr(or);
        free_expr(left);
        return NULL;
    }
    while (peek(p)->kind == T_OR) {
        const token *t = &p->toks[p->at++];
        if (!starts_unary(peek(p)->kind)) {
            fail(p, t->pos, "OR needs a word after it");
            break;
        }
        hs_qexpr *e = parse_and(p);
        if (!e || add_kid(or, e) < 0) {
            if (e)
                p->oom = 1;
            free_expr(e);
            break;
        }
    }
    if (p->failed || p->oom) {
        free_expr(or);
        return NULL;
    }
    return or;
}

/* ---- the parsed query ---------------------------------------------------- */

static int collect_groups(hs_parsed_query *pq, hs_qexpr *e, int excluded)
{
    excluded ^= e->excluded;
    if (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE) {
        e->group.excluded = excluded;
        if (excluded || e->kind == HS_QK_TITLE)
            return 0;
        const hs_qgroup **p = realloc(pq->groups, (pq->n_groups + 1) * sizeof *p);
        if (!p)
            return -1;
        pq->groups = p;
        pq->groups[pq->n_groups++] = &e->group;
        return 0;
    }
    for (size_t i = 0; i < e->n_kids; i++)
        if (collect_groups(pq, e->kids[i], excluded) < 0)
            return -1;
    return 0;
}

static hs_qexpr *parse_tokens(const char *q, hs_stemmer *stemmer, int lenient, hs_buf *error,
                              int *oom, int *advanced)
{
    size_t n = 0;
    token *toks = lex(q, lenient, &n);
    if (!toks) {
        *oom = 1;
        return NULL;
    }
    *advanced = is_advanced(toks, n);
    parser p = { q, toks, n, 0, stemmer, error, 0, 0, 0 };
    hs_qexpr *root = NULL;
    if (toks[0].kind != T_END) {
        root = parse_or(&p);
        if (root && peek(&p)->kind != T_END)
            fail(&p, peek(&p)->pos, peek(&p)->kind == T_RPAREN
                                        ? "this ')' has no matching '('"
                                        : "unexpected text here");
        if (p.failed || p.oom) {
            free_expr(root);
            root = NULL;
        }
    }
    *oom = p.oom;
    free(toks);
    return p.failed ? NULL : root;
}

/* q with typographic quotes (“…”, „…“, «…», as word processors and news
 * sites type them) made straight, so that a pasted quote is a phrase. */
static char *straighten_quotes(const char *q)
{
    static const char *const curly[] = { "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB" };
    char *out = malloc(strlen(q) + 1), *o = out;
    while (out && *q) {
        size_t skip = 0;
        for (size_t i = 0; i < sizeof curly / sizeof *curly && !skip; i++)
            if (strncmp(q, curly[i], strlen(curly[i])) == 0)
                skip = strlen(curly[i]);
        *o++ = skip ? '"' : *q;
        q += skip ? skip : 1;
    }
    if (out)
        *o = '\0';
    return out;
}

hs_parsed_query *hs_query_parse(const char *typed, hs_stemmer *stemmer, hs_buf *error)
{
    hs_parsed_query *pq = calloc(1, sizeof *pq);
    char *q = straighten_quotes(typed);
    hs_buf scratch = HS_BUF_INIT;
    if (!error)
        error = &scratch;
    if (!pq || !q) {
        free(pq);
        free(q);
        return NULL;
    }
    int oom = 0, advanced = 0;
    hs_buf_reset(error);
    pq->root = parse_tokens(q, stemmer, 0, error, &oom, &advanced);
    if (!pq->root && !oom && error->len && !advanced) {
        /* plain words never fail: brackets and the like are ignored, and
         * what still does not parse has no words to look for */
        hs_buf_reset(error);
        pq->root = parse_tokens(q, stemmer, 1, error, &oom, &advanced);
        hs_buf_reset(error);
    }
    free(q);
    if (oom || error->len || (pq->root && collect_groups(pq, pq->root, 0) < 0)) {
        if (oom)
            hs_buf_reset(error);
        hs_parsed_query_free(pq);
        hs_buf_free(&scratch);
        return NULL;
    }
    hs_buf_free(&scratch);
    return pq;
}

void hs_parsed_query_free(hs_parsed_query *pq)
{
    if (!pq)
        return;
    free_expr(pq->root);
    free(pq->groups);
    free(pq);
}

int hs_query_add_date_range(hs_parsed_query *pq, const char *since, const char *until,
                            hs_buf *error)
{
    if (!since && !until)
        return 0;
    hs_buf lo = HS_BUF_INIT, hi = HS_BUF_INIT, junk = HS_BUF_INIT;
    int rc = 0;
    /* an empty bound is a mistake, not an open end */
    if ((since && (!*since || date_bound(since, strlen(since), &lo, &junk) < 0)) ||
        (!until && hs_buf_puts(&hi, "\xff") < 0)) {
        hs_buf_printf(error, "invalid --since '%s': YYYY, YYYY-MM or YYYY-MM-DD", since);
        rc = -1;
    } else if (until && (!*until || date_bound(until, strlen(until), &junk, &hi) < 0)) {
        hs_buf_printf(error, "invalid --until '%s': YYYY, YYYY-MM or YYYY-MM-DD", until);
        rc = -1;
    } else if (lo.len && strcmp(hs_buf_str(&lo), hs_buf_str(&hi)) > 0) {
        hs_buf_printf(error, "--since %s is after --until %s", since, until);
        rc = -1;
    }
    hs_qexpr *f = NULL, *and = NULL;
    if (rc == 0) {
        hs_qnode *range = hs_qnode_value_range(HS_SLOT_DATE, hs_buf_str(&lo), hs_buf_str(&hi));
        f = range ? calloc(1, sizeof *f) : NULL;
        and = f ? calloc(1, sizeof *and) : NULL;
        if (!and) {
            hs_qnode_free(range);
            free(f);
            rc = -1;
        } else {
            f->kind = HS_QK_FILTER;
            f->filter = range;
            and->kind = HS_QK_AND;
            if (add_kid(and, f) < 0 || (pq->root && add_kid(and, pq->root) < 0)) {
                free_expr(and);
                rc = -1;
            } else {
                pq->root = and;
            }
        }
    }
    hs_buf_free(&lo);
    hs_buf_free(&hi);
    hs_buf_free(&junk);
    return rc;
}

/* ---- synonyms ------------------------------------------------------------ */

/* Whether a kid may take synonyms: a word or phrase, in the text or a
 * title:, neither excluded nor exact nor a prefix. */
/* Quoted words ask for themselves: "general election" is not "poll". */
static int takes_synonyms(const hs_qexpr *e)
{
    return (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE) && !e->excluded &&
           !e->group.exact_only && !e->group.prefix && !e->group.quoted;
}

/* Whether a kid may take part in a run of several (a title: stands alone). */
static int plain_group(const hs_qexpr *e)
{
    return e->kind == HS_QK_GROUP && takes_synonyms(e);
}

/* The normalised key of kids[from..to): their words joined by spaces. */
static int run_key(hs_qexpr **kids, size_t from, size_t to, hs_buf *key)
{
    hs_buf_reset(key);
    for (size_t i = from; i < to; i++)
        for (size_t w = 0; w < kids[i]->group.n_words; w++)
            if ((key->len && hs_buf_putc(key, ' ') < 0) ||
                hs_buf_puts(key, kids[i]->group.words[w].exact) < 0)
                return -1;
    return 0;
}

/* An OR of the run kids[from..to) and each alternative, of the run's kind
 * (a title: gets title: alternatives). */
static hs_qexpr *synonym_or(parser *p, hs_qexpr **kids, size_t from, size_t to,
                            const char *const *alts, size_t n_alts)
{
    hs_qexpr *or = expr_of_kind(p, HS_QK_OR);
    hs_qexpr *run = NULL;
    hs_qkind kind = kids[from]->kind;
    if (!or)
        return NULL;
    if (to - from == 1) {
        run = kids[from];
    } else if ((run = expr_of_kind(p, HS_QK_DEFAULT))) {
        for (size_t i = from; i < to; i++)
            if (add_kid(run, kids[i]) < 0)
                p->oom = 1;
    }
    if (!run || add_kid(or, run) < 0) {
        p->oom = 1;
        return or;
    }
    for (size_t a = 0; a < n_alts && !p->oom; a++) {
        hs_qexpr *alt = group_expr(p, kind, alts[a], strlen(alts[a]), 1);
        if (alt && add_kid(or, alt) < 0) {
            free_expr(alt);
            p->oom = 1;
        }
    }
    return or;
}

static void apply_synonyms(parser *p, hs_qexpr *e, const hs_synonyms *syn, size_t max_words)
{
    if (e->kind != HS_QK_DEFAULT && e->kind != HS_QK_AND && e->kind != HS_QK_OR)
        return;
    for (size_t i = 0; i < e->n_kids; i++)
        apply_synonyms(p, e->kids[i], syn, max_words);
    hs_buf key = HS_BUF_INIT;
    for (size_t i = 0; i < e->n_kids && !p->oom; i++) {
        if (!takes_synonyms(e->kids[i]))
            continue;
        /* the longest run starting here whose words are a key; side by side
         * words only (an OR's kids are alternatives already) */
        size_t end = i + 1, words = e->kids[i]->group.n_words;
        if (e->kind != HS_QK_OR && plain_group(e->kids[i]))
            while (end < e->n_kids && plain_group(e->kids[end]) &&
                   words + e->kids[end]->group.n_words <= max_words)
                words += e->kids[end++]->group.n_words;
        for (; end > i; end--) {
            const char *const *alts = NULL;
            size_t n = 0;
            if (run_key(e->kids, i, end, &key) < 0) {
                p->oom = 1;
                break;
            }
            if ((n = hs_synonyms_lookup(syn, key.data, &alts)) == 0)
                continue;
            hs_qexpr *or = synonym_or(p, e->kids, i, end, alts, n);
            if (!or)
                break;
            e->kids[i] = or;
            memmove(e->kids + i + 1, e->kids + end, (e->n_kids - end) * sizeof *e->kids);
            e->n_kids -= end - i - 1;
            break;
        }
    }
    hs_buf_free(&key);
}

int hs_query_apply_synonyms(hs_parsed_query *pq, const hs_synonyms *syn, hs_stemmer *stemmer)
{
    if (!pq->root || !syn || hs_synonyms_max_words(syn) == 0)
        return 0;
    parser p = { "", NULL, 0, 0, stemmer, NULL, 0, 0, 0 };
    /* a lone word or phrase is a list of one */
    hs_qexpr *list = pq->root;
    if ((list->kind == HS_QK_GROUP || list->kind == HS_QK_TITLE) && !list->excluded) {
        if (!(list = expr_of_kind(&p, HS_QK_DEFAULT)) || add_kid(list, pq->root) < 0) {
            free(list ? list->kids : NULL);
            free(list);
            return -1;
        }
        pq->root = list;
    }
    apply_synonyms(&p, pq->root, syn, hs_synonyms_max_words(syn));
    free(pq->groups);
    pq->groups = NULL;
    pq->n_groups = 0;
    if (p.oom || collect_groups(pq, pq->root, 0) < 0)
        return -1;
    return 0;
}

static int each_word(hs_qexpr *e, hs_qword_fn fn, void *ctx)
{
    int rc = 0;
    if (e->kind == HS_QK_GROUP || e->kind == HS_QK_TITLE)
        for (size_t i = 0; i < e->group.n_words && !rc; i++)
            rc = fn(&e->group, &e->group.words[i], ctx);
    for (size_t i = 0; i < e->n_kids && !rc; i++)
        rc = each_word(e->kids[i], fn, ctx);
    return rc;
}

int hs_query_each_word(hs_parsed_query *pq, hs_qword_fn fn, void *ctx)
{
    return pq && pq->root ? each_word(pq->root, fn, ctx) : 0;
}
