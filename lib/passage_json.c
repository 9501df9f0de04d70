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

/* The article's fields and the passage's place and text, in the order of
 * a search result. */
static int put_fields(json_object *o, hustings_passage_t *p)
{
    return put_string(o, "path", hustings_passage_get_path(p)) < 0 ||
           put_string(o, "title", hustings_passage_get_title(p)) < 0 ||
           put_string(o, "date", hustings_passage_get_date(p)) < 0 ||
           put_string(o, "source", hustings_passage_get_source(p)) < 0 ||
           put_string(o, "byline", hustings_passage_get_byline(p)) < 0 ||
           put_string(o, "lang", hustings_passage_get_lang(p)) < 0 ||
           put_string(o, "site", hustings_passage_get_site(p)) < 0 ||
           put_int(o, "passage", hustings_passage_get_ordinal(p)) < 0 ||
           put_int(o, "paragraph", hustings_passage_get_paragraph(p)) < 0 ||
           put_string(o, "text", hustings_passage_get_text(p)) < 0
               ? -1
               : 0;
}

static int put_result(json_object *o, hustings_passage_t *p, const char *suggestion)
{
    return put_int(o, "rank", hustings_passage_get_rank(p)) < 0 ||
           put(o, "score", json_object_new_double(hustings_passage_get_score(p))) < 0 ||
           put_fields(o, p) < 0 || put(o, "highlights", highlights(p)) < 0 ||
           put_int(o, "copies", (int64_t)hustings_passage_get_copies(p)) < 0 ||
           put_string(o, "suggestion", suggestion) < 0
               ? -1
               : 0;
}

/* The members of a dump, in its own (older) order. */
static int put_dump(json_object *o, hustings_passage_t *p)
{
    return put_string(o, "path", hustings_passage_get_path(p)) < 0 ||
           put_int(o, "passage", hustings_passage_get_ordinal(p)) < 0 ||
           put_string(o, "title", hustings_passage_get_title(p)) < 0 ||
           put_string(o, "date", hustings_passage_get_date(p)) < 0 ||
           put_string(o, "text", hustings_passage_get_text(p)) < 0
               ? -1
               : 0;
}

hustings_status_t hustings_passage_to_json(hustings_passage_t *passage,
                                           hustings_passage_json_form_t form,
                                           const char *suggestion, char **json)
{
    if (!passage || !json)
        return HUSTINGS_STATUS_NULL_POINTER;
    json_object *o = json_object_new_object();
    if (!o)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    int rc;
    switch (form) {
    case HUSTINGS_PASSAGE_JSON_PASSAGE:
        rc = put_fields(o, passage);
        break;
    case HUSTINGS_PASSAGE_JSON_DUMP:
        rc = put_dump(o, passage);
        break;
    default:
        rc = put_result(o, passage, suggestion);
        break;
    }
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
