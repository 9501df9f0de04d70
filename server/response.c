/* response.c - JSON bodies and JSON errors, always written by json-c. */
#include "serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char json_content_type[] = "application/json; charset=utf-8";
/* When even the error cannot be built. */
static const char oom_body[] = "{\"error\":\"out of memory\"}";

void response_json(response *rs, unsigned status, json_object *obj)
{
    const char *text = obj ? json_object_to_json_string_ext(
                                 obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
                           : NULL;
    free(rs->body);
    rs->body = text ? strdup(text) : NULL;
    rs->type = json_content_type;
    rs->data = NULL;
    if (rs->body) {
        rs->status = status;
        rs->len = strlen(rs->body);
    } else {
        rs->status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        rs->data = oom_body;
        rs->len = sizeof oom_body - 1;
    }
    json_object_put(obj);
}

void response_error(response *rs, unsigned status, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    json_object *obj = json_object_new_object();
    if (obj && json_put(obj, "error", json_object_new_string(message)) < 0) {
        json_object_put(obj);
        obj = NULL;
    }
    response_json(rs, status, obj);
}

int json_put(json_object *obj, const char *key, json_object *value)
{
    if (!value)
        return -1;
    if (json_object_object_add(obj, key, value) != 0) {
        json_object_put(value);
        return -1;
    }
    return 0;
}

int json_put_string(json_object *obj, const char *key, const char *s)
{
    if (!s)
        return json_object_object_add(obj, key, NULL) == 0 ? 0 : -1;
    return json_put(obj, key, json_object_new_string(s));
}

int json_put_int(json_object *obj, const char *key, long long n)
{
    return json_put(obj, key, json_object_new_int64((int64_t)n));
}
