/* passage_json.h - a passage as a json-c object, in the library's JSON
 * (hustings_passage_to_json). */
#ifndef PASSAGE_JSON_H
#define PASSAGE_JSON_H

#include <json-c/json.h>

#include "hustings.h"

/* A search result: the object of hustings-query --json (rank, score,
 * path, title, date, source, byline, lang, site, passage, paragraph, text,
 * highlights, copies, suggestion), to be written out only (its members
 * cannot be read).  NULL when memory ran out. */
json_object *passage_json(hustings_passage_t *p, const char *suggestion);

/* A search result's "highlights", [[start, end], ...], as the library
 * writes them.  NULL when memory ran out. */
json_object *passage_json_highlights(hustings_passage_t *p);

/* A passage of an article listing: path, title, date, source, byline,
 * lang, site, passage, paragraph, text.  NULL when memory ran out. */
json_object *passage_json_plain(hustings_passage_t *p);

#endif
