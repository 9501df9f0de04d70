/* doc_data.c - writing and reading the data stored with each document;
 * see doc_data.h. */
#include "doc_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "schema.h"

char *hs_passage_data(const hs_article *a, size_t i, const char *cluster, int has_fp,
                      uint64_t fp)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    /* the article's fields go into its first passage only: a later one
     * finds it `ordinal` documents earlier (passages.c) */
    if (i == 0) {
        json_object_object_add(o, "path", json_object_new_string(a->path));
        if (a->id)
            json_object_object_add(o, "id", json_object_new_string(a->id));
        json_object_object_add(o, "title", json_object_new_string(a->title));
        if (a->date)
            json_object_object_add(o, "date", json_object_new_string(a->date));
        /* a date of the article's own is the rule, and goes unsaid */
        if (a->date && a->date_from_mtime)
            json_object_object_add(o, "date_source", json_object_new_string("mtime"));
        if (a->source)
            json_object_object_add(o, "source", json_object_new_string(a->source));
        if (a->byline)
            json_object_object_add(o, "byline", json_object_new_string(a->byline));
        if (a->lang)
            json_object_object_add(o, "lang", json_object_new_string(a->lang));
        if (a->site)
            json_object_object_add(o, "site", json_object_new_string(a->site));
        json_object_object_add(o, "format", json_object_new_string(a->format));
        if (cluster[0])
            json_object_object_add(o, "cluster", json_object_new_string(cluster));
        if (has_fp) {
            char hex[17];
            snprintf(hex, sizeof hex, "%016llx", (unsigned long long)fp);
            json_object_object_add(o, "simhash", json_object_new_string(hex));
        }
    }
    json_object_object_add(o, "ordinal", json_object_new_int64((int64_t)i));
    json_object_object_add(o, "paragraph",
                           json_object_new_int64(a->passages[i].paragraph));
    json_object_object_add(o, "text", json_object_new_string(a->passages[i].text));
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    char *copy = s ? strdup(s) : NULL;
    json_object_put(o);
    return copy;
}

const char *hs_data_date_source(const char *date, const char *stored)
{
    if (!date)
        return NULL;
    return stored && strcmp(stored, "mtime") == 0 ? "mtime" : "article";
}

int hs_article_doc_set_data(hx_doc *doc, const char *id)
{
    hs_buf data = HS_BUF_INIT;
    int rc = id && (hs_buf_puts(&data, HS_ARTICLE_DOC_ID) < 0 || hs_buf_puts(&data, id) < 0)
                 ? -1
                 : hx_doc_set_data(doc, data.data ? data.data : "", data.len);
    hs_buf_free(&data);
    return rc;
}

int hs_article_doc_id(const char *data, size_t len, char **id)
{
    size_t mark = strlen(HS_ARTICLE_DOC_ID);
    *id = len > mark ? strndup(data + mark, len - mark) : NULL;
    return len <= mark || *id ? 0 : -1;
}

json_object *hs_data_parse(const char *data, size_t len)
{
    json_tokener *tok = json_tokener_new();
    json_object *o = tok ? json_tokener_parse_ex(tok, data, (int)len) : NULL;
    json_tokener_free(tok);
    return o;
}

const char *hs_data_text(json_object *o)
{
    json_object *v;
    return o && json_object_object_get_ex(o, "text", &v) ? json_object_get_string(v) : NULL;
}

int hs_copy_fields_read(const char *data, size_t len, hs_copy_fields *out)
{
    memset(out, 0, sizeof *out);
    json_object *o = hs_data_parse(data, len);
    json_object *v;
    const char *path = o && json_object_object_get_ex(o, "path", &v) ? json_object_get_string(v) : "";
    const char *id = o && json_object_object_get_ex(o, "id", &v) ? json_object_get_string(v) : NULL;
    const char *fp = o && json_object_object_get_ex(o, "simhash", &v) ? json_object_get_string(v) : NULL;
    const char *cl = o && json_object_object_get_ex(o, "cluster", &v) ? json_object_get_string(v) : NULL;
    int rc = o && (out->path = strdup(path)) && (!id || (out->id = strdup(id))) ? 0 : -1;
    if (rc == 0 && fp && cl) {
        out->has_fp = 1;
        out->fp = strtoull(fp, NULL, 16);
        snprintf(out->cluster, sizeof out->cluster, "%s", cl);
    }
    json_object_put(o);
    return rc;
}

void hs_copy_fields_free(hs_copy_fields *f)
{
    free(f->path);
    free(f->id);
    f->path = f->id = NULL;
}
