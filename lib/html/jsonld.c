/* html/jsonld.c - schema.org JSON-LD with json-c; see html/jsonld.h. */
#include "jsonld.h"

#include <limits.h>
#include <string.h>

#include <json-c/json.h>

/* How far into arrays and "@graph" an article object is looked for. */
#define MAX_OBJECTS 64

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int is_article_type_name(const char *t)
{
    return ends_with(t, "Article") || ends_with(t, "Posting") ||
           strcmp(t, "Report") == 0 || strcmp(t, "APIReference") == 0;
}

static int is_article(json_object *o)
{
    json_object *type;
    if (!json_object_is_type(o, json_type_object) ||
        !json_object_object_get_ex(o, "@type", &type))
        return 0;
    if (json_object_is_type(type, json_type_string))
        return is_article_type_name(json_object_get_string(type));
    if (!json_object_is_type(type, json_type_array))
        return 0;
    size_t n = json_object_array_length(type);
    for (size_t i = 0; i < n && i < MAX_OBJECTS; i++) {
        json_object *t = json_object_array_get_idx(type, i);
        if (json_object_is_type(t, json_type_string) &&
            is_article_type_name(json_object_get_string(t)))
            return 1;
    }
    return 0;
}

/* Copy the string member `key` of o, trimmed, into out. */
static int take_string(json_object *o, const char *key, hs_buf *out)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return 0;
    const char *s = json_object_get_string(v);
    size_t len = (size_t)json_object_get_string_len(v);
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                       s[len - 1] == '\r'))
        len--;
    hs_buf_reset(out);
    return hs_buf_append(out, s, len);
}

/* One author: a string, or an object with a "name". */
static int add_author(json_object *a, hs_buf *out)
{
    const char *name = NULL;
    json_object *v;
    if (json_object_is_type(a, json_type_string))
        name = json_object_get_string(a);
    else if (json_object_is_type(a, json_type_object) &&
             json_object_object_get_ex(a, "name", &v) &&
             json_object_is_type(v, json_type_string))
        name = json_object_get_string(v);
    if (!name || !*name)
        return 0;
    if (out->len > 0 && hs_buf_puts(out, ", ") < 0)
        return -1;
    return hs_buf_puts(out, name);
}

static int take_authors(json_object *o, hs_buf *out)
{
    json_object *a;
    if (!json_object_object_get_ex(o, "author", &a))
        return 0;
    if (!json_object_is_type(a, json_type_array))
        return add_author(a, out);
    size_t n = json_object_array_length(a);
    for (size_t i = 0; i < n && i < MAX_OBJECTS; i++)
        if (add_author(json_object_array_get_idx(a, i), out) < 0)
            return -1;
    return 0;
}

static int take_article(json_object *o, hs_jsonld *out)
{
    json_object *publisher;
    out->found = 1;
    if (take_string(o, "headline", &out->headline) < 0 ||
        take_string(o, "name", &out->name) < 0 || take_authors(o, &out->author) < 0 ||
        take_string(o, "datePublished", &out->published) < 0 ||
        take_string(o, "inLanguage", &out->language) < 0)
        return -1;
    if (json_object_object_get_ex(o, "publisher", &publisher) &&
        json_object_is_type(publisher, json_type_object))
        return take_string(publisher, "name", &out->publisher);
    return 0;
}

/* The article object in v: v itself, an element of the array v, or one of
 * v's "@graph"; NULL when there is none. */
static json_object *find_article(json_object *v)
{
    json_object *graph;
    if (is_article(v))
        return v;
    if (json_object_is_type(v, json_type_object) &&
        json_object_object_get_ex(v, "@graph", &graph))
        v = graph;
    if (!json_object_is_type(v, json_type_array))
        return NULL;
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n && i < MAX_OBJECTS; i++) {
        json_object *item = json_object_array_get_idx(v, i);
        if (is_article(item))
            return item;
    }
    return NULL;
}

/* Strip white space and one pair of <![CDATA[ ]]> or <!-- --> markers. */
static void unwrap(const char **s, size_t *len)
{
    static const char *const open[] = { "<![CDATA[", "<!--" };
    static const char *const close[] = { "]]>", "-->" };
    for (int pass = 0; pass < 2; pass++) {
        while (*len > 0 && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')) {
            (*s)++;
            (*len)--;
        }
        while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' ||
                            (*s)[*len - 1] == '\n' || (*s)[*len - 1] == '\r'))
            (*len)--;
        if (pass == 1)
            return;
        for (int i = 0; i < 2; i++) {
            size_t o = strlen(open[i]), c = strlen(close[i]);
            if (*len >= o + c && memcmp(*s, open[i], o) == 0 &&
                memcmp(*s + *len - c, close[i], c) == 0) {
                *s += o;
                *len -= o + c;
                break;
            }
        }
    }
}

int hs_jsonld_read(const char *text, size_t len, hs_jsonld *out)
{
    if (out->found || !text)
        return 0;
    unwrap(&text, &len);
    if (len == 0 || len > INT_MAX)
        return 0;
    json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
    if (!tok)
        return -1;
    json_object *v = json_tokener_parse_ex(tok, text, (int)len);
    int rc = 0;
    if (v && json_tokener_get_error(tok) == json_tokener_success) {
        json_object *article = find_article(v);
        if (article)
            rc = take_article(article, out);
    }
    json_object_put(v);
    json_tokener_free(tok);
    return rc;
}

void hs_jsonld_free(hs_jsonld *j)
{
    hs_buf_free(&j->headline);
    hs_buf_free(&j->name);
    hs_buf_free(&j->author);
    hs_buf_free(&j->published);
    hs_buf_free(&j->publisher);
    hs_buf_free(&j->language);
}
