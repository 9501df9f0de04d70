/* query_lex.h - the query language's words (internal): its field table
 * and its lexer, shared by the parser (query_parse.c), the spelling
 * rewriter (spelling_query.c) and the filter API (query_fields.c).
 */
#ifndef HUSTINGS_QUERY_LEX_H
#define HUSTINGS_QUERY_LEX_H

#include <stddef.h>

typedef enum hs_field_id {
    HS_FIELD_TITLE,   /* words of the headline */
    HS_FIELD_SOURCE,  /* a host or URL, or a site name */
    HS_FIELD_SITE,    /* the same as source: */
    HS_FIELD_AUTHOR,  /* words of the byline */
    HS_FIELD_LANG,    /* a language code or name */
    HS_FIELD_PATH,    /* folder and file names of the path */
    HS_FIELD_DATE,    /* a date or a range of dates */
} hs_field_id;

/* Field flags. */
#define HS_FIELD_WORDS 1u  /* its value is words of text, stemmed and
                              spell-checked (title:); else a value that
                              filters, taken as typed and never corrected */

typedef struct hs_field {
    const char *name;    /* as typed before ':' (in any case) */
    hs_field_id id;
    const char *prefix;  /* its terms' prefix (schema.h); NULL where the
                            value decides (a host or a site name) or it is
                            a value range (date:) */
    unsigned flags;
} hs_field;

/* The field called s[0..n) in any case ("Title", "DATE"), or NULL. */
const hs_field *hs_field_named(const char *s, size_t n);

/* The field of that id. */
const hs_field *hs_field_of(hs_field_id id);

/* The fields, in the table's order: field i for i < hs_field_count(). */
size_t hs_field_count(void);
const hs_field *hs_field_at(size_t i);

typedef enum hs_qtok_kind {
    HS_QT_END, HS_QT_WORD, HS_QT_PHRASE, HS_QT_LPAREN, HS_QT_RPAREN, HS_QT_AND, HS_QT_OR,
    HS_QT_NOT, HS_QT_MINUS, HS_QT_EQUALS, HS_QT_NEAR, HS_QT_FIELD,
} hs_qtok_kind;

typedef struct hs_qtok {
    hs_qtok_kind kind;
    size_t pos, end;         /* its bytes in the query: [pos, end) */
    const char *text;        /* WORD, PHRASE, FIELD: the word, the phrase
                                inside its quotes, the field's value */
    size_t len;
    const hs_field *field;   /* FIELD: which */
    unsigned near;           /* NEAR/n: n, 0 when not a number to 1000 */
    int quoted_value;        /* FIELD: the value was a "phrase" */
} hs_qtok;

/* Whether c separates words of a query (and of a field's value). */
int hs_query_is_space(char c);

/* Cut q into tokens, the last of kind HS_QT_END; *count includes it.
 * Quotes may be straight or typographic (“…”, „…“, «…»).  Lenient
 * mode (plain words) knows no operators, fields or brackets: brackets
 * are passed over like spaces.  The caller free()s the array; NULL when
 * memory ran out. */
hs_qtok *hs_query_lex(const char *q, int lenient, size_t *count);

/* Whether the WORD token t of q reads as a field the language does not
 * have: a name of two ASCII letters or more, ':' and a value, in the
 * chunk ("titel:observers") or quoted after it ("titel:\"a b\""); not a
 * URL ("http://...") nor a time ("10:30").  Its name is t->text[0..*name_len). */
int hs_query_unknown_field(const char *q, const hs_qtok *t, size_t *name_len);

/* Whether the tokens use syntax beyond plain words (an operator, a field,
 * '='): such a query is parsed strictly. */
int hs_query_is_advanced(const hs_qtok *toks, size_t count);

#endif
