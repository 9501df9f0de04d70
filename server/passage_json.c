/* passage_json.c - passages as JSON, field for field as query/output.c
 * writes them, so that scripts can read either. */
#include "passage_json.h"

#include "serve.h"

/* The article's fields and the passage's place and text. */
static int put_common(json_object *o, hustings_passage_t *p)
{
    return json_put_string(o, "path", hustings_passage_get_path(p)) < 0 ||
           json_put_string(o, "title", hustings_passage_get_title(p)) < 0 ||
           json_put_string(o, "date", hustings_passage_get_date(p)) < 0 ||
           json_put_string(o, "source", hustings_passage_get_source(p)) < 0 ||
           json_put_string(o, "byline", hustings_passage_get_byline(p)) < 0 ||
           json_put_string(o, "lang", hustings_passage_get_lang(p)) < 0 ||
           json_put_string(o, "site", hustings_passage_get_site(p)) < 0 ||
           json_put_int(o, "passage", hustings_passage_get_ordinal(p)) < 0 ||
           json_put_int(o, "paragraph", hustings_passage_get_paragraph(p)) < 0 ||
           json_put_string(o, "text", hustings_passage_get_text(p)) < 0
               ? -1
               : 0;
}

/* [start, end] */
static json_object *pair(size_t start, size_t end)
{
    json_object *a = json_object_new_array();
    json_object *s = json_object_new_int64((int64_t)start);
    json_object *e = json_object_new_int64((int64_t)end);
    if (!a || !s || !e || json_object_array_add(a, s) != 0) {
        json_object_put(a);
        json_object_put(s);
        json_object_put(e);
        return NULL;
    }
    if (json_object_array_add(a, e) != 0) {
        json_object_put(a);
        json_object_put(e);
        return NULL;
    }
    return a;
}

/* [[start, end], ...]: byte offsets into text. */
static json_object *highlights(hustings_passage_t *p)
{
    json_object *list = json_object_new_array();
    for (unsigned i = 0; list && i < hustings_passage_count_highlights(p); i++) {
        size_t s, e;
        hustings_passage_get_highlight(p, i, &s, &e);
        json_object *item = pair(s, e);
        if (!item || json_object_array_add(list, item) != 0) {
            json_object_put(item);
            json_object_put(list);
            return NULL;
        }
    }
    return list;
}

json_object *passage_json(hustings_passage_t *p, const char *suggestion)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    /* the order of output.c */
    if (json_put_int(o, "rank", hustings_passage_get_rank(p)) < 0 ||
        json_put(o, "score", json_object_new_double(hustings_passage_get_score(p))) < 0 ||
        put_common(o, p) < 0 || json_put(o, "highlights", highlights(p)) < 0 ||
        json_put_int(o, "copies", (long long)hustings_passage_get_copies(p)) < 0 ||
        json_put_string(o, "suggestion", suggestion) < 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

json_object *passage_json_plain(hustings_passage_t *p)
{
    json_object *o = json_object_new_object();
    if (o && put_common(o, p) < 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}
