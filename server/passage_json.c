/* passage_json.c - passages as the library writes them in JSON
 * (hustings_passage_to_json), read back into json-c for the answers built
 * around them.  json-c keeps the digits of a number it parsed, so a score
 * is sent as the library wrote it, as hustings-query --json prints it. */
#include "passage_json.h"

#include <stdlib.h>

static json_object *parsed(hustings_passage_t *p, hustings_passage_json_form_t form,
                           const char *suggestion)
{
    char *text = NULL;
    if (hustings_passage_to_json(p, form, suggestion, &text) != HUSTINGS_STATUS_SUCCESS)
        return NULL;
    json_object *o = json_tokener_parse(text);
    free(text);
    return o;
}

json_object *passage_json(hustings_passage_t *p, const char *suggestion)
{
    return parsed(p, HUSTINGS_PASSAGE_JSON_RESULT, suggestion);
}

json_object *passage_json_plain(hustings_passage_t *p)
{
    return parsed(p, HUSTINGS_PASSAGE_JSON_PASSAGE, NULL);
}
