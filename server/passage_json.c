/* passage_json.c - passages as the library writes them in JSON
 * (hustings_passage_to_json), for the answers built around them.
 *
 * A search result is sent as the library wrote it: a json-c object whose
 * serializer copies that text, so that nothing is parsed and written again
 * (which cost a twentieth of a search request).  A passage of an article
 * listing is read back into json-c, whose fields the article's own come
 * from; json-c keeps the digits of a number it parsed. */
#include "passage_json.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/printbuf.h>

/* json_object_to_json_string_fn: the text kept with o. */
static int as_written(json_object *o, struct printbuf *pb, int level, int flags)
{
    (void)level;
    (void)flags;
    const char *text = json_object_get_userdata(o);
    return printbuf_memappend(pb, text, (int)strlen(text)) < 0 ? -1 : 0;
}

static void free_text(json_object *o, void *text)
{
    (void)o;
    free(text);
}

json_object *passage_json(hustings_passage_t *p, const char *suggestion)
{
    char *text = NULL;
    if (hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_RESULT, suggestion, &text) !=
        HUSTINGS_STATUS_SUCCESS)
        return NULL;
    json_object *o = json_object_new_object();
    if (!o)
        free(text);
    else
        json_object_set_serializer(o, as_written, text, free_text);
    return o;
}

json_object *passage_json_highlights(hustings_passage_t *p)
{
    char *text = NULL;
    if (hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_RESULT, NULL, &text) !=
        HUSTINGS_STATUS_SUCCESS)
        return NULL;
    json_object *o = json_tokener_parse(text), *ranges = NULL;
    free(text);
    if (o && json_object_object_get_ex(o, "highlights", &ranges))
        json_object_get(ranges); /* outlives o */
    json_object_put(o);
    return ranges;
}

json_object *passage_json_plain(hustings_passage_t *p)
{
    char *text = NULL;
    if (hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_PASSAGE, NULL, &text) !=
        HUSTINGS_STATUS_SUCCESS)
        return NULL;
    json_object *o = json_tokener_parse(text);
    free(text);
    return o;
}
