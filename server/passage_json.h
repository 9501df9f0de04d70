/* passage_json.h - a passage as the JSON object of hustings-query --json. */
#ifndef PASSAGE_JSON_H
#define PASSAGE_JSON_H

#include <json-c/json.h>

#include "hustings.h"

/* The object with the fields and names of hustings-query --json: rank,
 * score, path, title, date, source, byline, lang, site, passage,
 * paragraph, text, highlights, copies, suggestion.  NULL when memory ran
 * out. */
json_object *passage_json(hustings_passage_t *p, const char *suggestion);

/* The fields of a passage of an article listing: path, title, date,
 * source, byline, lang, site, passage, paragraph, text. */
json_object *passage_json_plain(hustings_passage_t *p);

#endif
