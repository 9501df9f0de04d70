/* response.c - JSON bodies and JSON errors, always written by json-c. */
#include "serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8_valid.h"

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

/* A JSON string of s, valid UTF-8 whatever s holds (a Host header or an
 * index path given in Latin-1): each byte that is not part of a valid
 * character becomes U+FFFD.  NULL when out of memory. */
static json_object *json_text(const char *s)
{
    size_t len = strlen(s);
    if (utf8_valid(s, len))
        return json_object_new_string(s);
    char *fixed = malloc(3 * len + 1);
    if (!fixed)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + k <= len && utf8_valid(s + i, k)) {
            memcpy(fixed + n, s + i, k);
            n += k;
            i += k;
        } else {
            memcpy(fixed + n, "\xEF\xBF\xBD", 3);
            n += 3;
            i++;
        }
    }
    fixed[n] = '\0';
    json_object *o = json_object_new_string(fixed);
    free(fixed);
    return o;
}

void response_error(response *rs, unsigned status, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    json_object *obj = json_object_new_object();
    if (obj && json_put(obj, "error", json_text(message)) < 0) {
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
    return json_put(obj, key, json_text(s));
}

int json_put_int(json_object *obj, const char *key, long long n)
{
    return json_put(obj, key, json_object_new_int64((int64_t)n));
}
