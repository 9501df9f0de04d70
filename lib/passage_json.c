/* passage_json.c - a passage as one JSON object (hustings_passage_to_json):
 * the one writer behind hustings-query --json and --dump and the answers
 * of hustings-serve, so that a script reads a passage alike from each. */
#include "hustings.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "utf8.h"

/* Add key: value to o, taking value; -1 when value is NULL (its
 * constructor ran out of memory) or the add fails. */
static int put(json_object *o, const char *key, json_object *value)
{
    if (!value)
        return -1;
    if (json_object_object_add(o, key, value) != 0) {
        json_object_put(value);
        return -1;
    }
    return 0;
}

static int put_int(json_object *o, const char *key, int64_t n)
{
    return put(o, key, json_object_new_int64(n));
}

/* A string, or null when s is NULL.  Fields are valid UTF-8 as the
 * indexer writes them; should one not be (an index written otherwise),
 * each bad byte becomes U+FFFD, so that the output is still JSON. */
static int put_string(json_object *o, const char *key, const char *s)
{
    if (!s)
        return json_object_object_add(o, key, NULL) == 0 ? 0 : -1;
    size_t len = strlen(s);
    if (hs_utf8_valid(s, len))
        return put(o, key, json_object_new_string(s));
    hs_buf fixed = HS_BUF_INIT;
    int rc = hs_utf8_sanitize(s, len, &fixed) < 0
                 ? -1
                 : put(o, key, json_object_new_string(hs_buf_str(&fixed)));
    hs_buf_free(&fixed);
    return rc;
}

/* Append value to array, taking it; -1 as put. */
static int append(json_object *array, json_object *value)
{
    if (!value)
        return -1;
    if (json_object_array_add(array, value) != 0) {
        json_object_put(value);
        return -1;
    }
    return 0;
}

/* [[start, end], ...]: byte offsets into the text. */
static json_object *highlights(hustings_passage_t *p)
{
    json_object *list = json_object_new_array();
    for (unsigned i = 0; list && i < hustings_passage_count_highlights(p); i++) {
        size_t s, e;
        hustings_passage_get_highlight(p, i, &s, &e);
        json_object *pair = json_object_new_array();
        if (pair && (append(pair, json_object_new_int64((int64_t)s)) < 0 ||
                     append(pair, json_object_new_int64((int64_t)e)) < 0)) {
            json_object_put(pair);
            pair = NULL;
        }
        if (append(list, pair) < 0) {
            json_object_put(list);
            list = NULL;
        }
    }
    return list;
}

/* The members, each written by put_member; a form is a list of them. */
typedef enum {
    M_RANK, M_SCORE, M_PATH, M_TITLE, M_DATE, M_SOURCE, M_BYLINE, M_LANG, M_SITE,
    M_ORDINAL, M_PARAGRAPH, M_TEXT, M_HIGHLIGHTS, M_COPIES, M_SUGGESTION, M_END
} member;

static const member result_form[] = {
    M_RANK, M_SCORE, M_PATH, M_TITLE, M_DATE, M_SOURCE, M_BYLINE, M_LANG, M_SITE,
    M_ORDINAL, M_PARAGRAPH, M_TEXT, M_HIGHLIGHTS, M_COPIES, M_SUGGESTION, M_END
};
static const member passage_form[] = {
    M_PATH, M_TITLE, M_DATE, M_SOURCE, M_BYLINE, M_LANG, M_SITE,
    M_ORDINAL, M_PARAGRAPH, M_TEXT, M_END
};
/* the dump's own, older order */
static const member dump_form[] = { M_PATH, M_ORDINAL, M_TITLE, M_DATE, M_TEXT, M_END };

static int put_member(json_object *o, member m, hustings_passage_t *p, const char *suggestion)
{
    switch (m) {
    case M_RANK:
        return put_int(o, "rank", hustings_passage_get_rank(p));
    case M_SCORE:
        return put(o, "score", json_object_new_double(hustings_passage_get_score(p)));
    case M_PATH:
        return put_string(o, "path", hustings_passage_get_path(p));
    case M_TITLE:
        return put_string(o, "title", hustings_passage_get_title(p));
    case M_DATE:
        return put_string(o, "date", hustings_passage_get_date(p));
    case M_SOURCE:
        return put_string(o, "source", hustings_passage_get_source(p));
    case M_BYLINE:
        return put_string(o, "byline", hustings_passage_get_byline(p));
    case M_LANG:
        return put_string(o, "lang", hustings_passage_get_lang(p));
    case M_SITE:
        return put_string(o, "site", hustings_passage_get_site(p));
    case M_ORDINAL:
        return put_int(o, "passage", hustings_passage_get_ordinal(p));
    case M_PARAGRAPH:
        return put_int(o, "paragraph", hustings_passage_get_paragraph(p));
    case M_TEXT:
        return put_string(o, "text", hustings_passage_get_text(p));
    case M_HIGHLIGHTS:
        return put(o, "highlights", highlights(p));
    case M_COPIES:
        return put_int(o, "copies", (int64_t)hustings_passage_get_copies(p));
    case M_SUGGESTION:
        return put_string(o, "suggestion", suggestion);
    default:
        return -1;
    }
}

hustings_status_t hustings_passage_to_json(hustings_passage_t *passage,
                                           hustings_passage_json_form_t form,
                                           const char *suggestion, char **json)
{
    if (!passage || !json)
        return HUSTINGS_STATUS_NULL_POINTER;
    const member *m = form == HUSTINGS_PASSAGE_JSON_PASSAGE ? passage_form
                      : form == HUSTINGS_PASSAGE_JSON_DUMP  ? dump_form
                                                            : result_form;
    json_object *o = json_object_new_object();
    int rc = o ? 0 : -1;
    for (; rc == 0 && *m != M_END; m++)
        rc = put_member(o, *m, passage, suggestion);
    const char *text = rc < 0 ? NULL
                              : json_object_to_json_string_ext(
                                    o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    char *copy = text ? strdup(text) : NULL;
    json_object_put(o);
    if (!copy)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    *json = copy;
    return HUSTINGS_STATUS_SUCCESS;
}
