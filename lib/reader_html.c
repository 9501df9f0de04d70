/* reader_html.c - the HTML page reader; see reader_html.h.
 *
 * bytes --encoding.c--> UTF-8 --libxml2--> tree --html/meta.c--> metadata
 *                                             --html/extract.c--> paragraphs
 * Paragraphs are numbered from 1 in page order (0 is the headline, as in
 * the text reader).
 */
#include "reader_html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/dom.h"
#include "html/extract.h"
#include "html/meta.h"
#include "timestamp.h"

static int set_field(int (*set)(hs_article *, const char *, size_t), hs_article *a,
                     const hs_buf *b)
{
    return b->len > 0 ? set(a, b->data, b->len) : 0;
}

static int fill_metadata(hs_article *a, const hs_html_meta *m)
{
    if (set_field(hs_article_set_title, a, &m->title) < 0 ||
        set_field(hs_article_set_byline, a, &m->byline) < 0 ||
        set_field(hs_article_set_lang, a, &m->lang) < 0 ||
        set_field(hs_article_set_site, a, &m->site) < 0 ||
        set_field(hs_article_set_source, a, &m->source) < 0)
        return -1;
    return m->has_date ? hs_article_set_timestamp(a, &m->date) : 0;
}

/* Where the date begins when s[0..len) ends with one ("By Jane Roe
 * March 19, 2023", "Sunday, March 19, 2023": 0), parsed into *t; len
 * when it does not.  Tried from each word start, longest first. */
static size_t date_at_end(const char *s, size_t len, hs_timestamp *t)
{
    for (size_t i = 0; i < len; i++)
        if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ' &&
            hs_timestamp_parse(s + i, len - i, t) == 0)
            return i;
    return len;
}

/* Where the name of a byline ends once what came before its date is
 * taken off: separators ("Jane Roe, ", "Jane Roe | ", "Jane Roe · "),
 * then a label ("Published on", "Updated:", "Jane Roe, Published:"),
 * repeatedly.  0: no name is left ("Last Updated: ..."). */
static size_t name_end(const char *s, size_t at)
{
    static const char *const labels[] = { "published", "updated", "posted", "last",
                                          "on", "at", "date", "опубликовано",
                                          "обновлено", "жарияланды" };
    for (;;) {
        size_t was = at;
        while (at > 0 && strchr(" ,|-", s[at - 1]))
            at--;
        if (at >= 2 && (unsigned char)s[at - 2] == 0xC2 && (unsigned char)s[at - 1] == 0xB7)
            at -= 2; /* · */
        if (at > 0 && s[at - 1] == ':') /* a label: back to the separator */
            while (at > 0 && !strchr(",|", s[at - 1]))
                at--;
        size_t word = at;
        while (word > 0 && s[word - 1] != ' ')
            word--;
        for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
            if (at - word == strlen(labels[i]) && !strncasecmp(s + word, labels[i], at - word))
                at = word;
        if (at == was)
            return at;
    }
}

/* Datelines the body extraction took for text: a date at the end of the
 * byline, a first passage that is only a date.  They are the article's
 * date when it has none, and are taken out. */
static int take_datelines(hs_article *a)
{
    hs_timestamp t;
    if (a->byline) {
        size_t len = strlen(a->byline), at = date_at_end(a->byline, len, &t);
        if (at < len) {
            if (!a->date && hs_article_set_timestamp(a, &t) < 0)
                return -1;
            at = name_end(a->byline, at);
            if (at == 0) {
                free(a->byline);
                a->byline = NULL;
            } else {
                a->byline[at] = '\0';
            }
        }
    }
    for (size_t i = 0; i < a->n_passages && i < 2; i++) {
        const char *text = a->passages[i].text;
        size_t len = strlen(text);
        if (len > 64 || date_at_end(text, len, &t) != 0)
            continue;
        if (!a->date && hs_article_set_timestamp(a, &t) < 0)
            return -1;
        free(a->passages[i].text);
        memmove(a->passages + i, a->passages + i + 1,
                (a->n_passages - i - 1) * sizeof *a->passages);
        a->n_passages--;
        break;
    }
    return 0;
}

hs_read_status hs_read_html(const char *path, const char *data, size_t len,
                            hs_article_list *out, hs_buf *why)
{
    if (len == 0 || !data)
        return hs_read_bad(why, "empty file");
    xmlDocPtr doc;
    hs_read_status st = hs_html_parse(data, len, &doc, why);
    if (st != HS_READ_OK)
        return st;

    hs_html_meta meta = HS_HTML_META_INIT;
    hs_buf byline = HS_BUF_INIT;
    hs_article *a = NULL;
    hs_paragraph_adder ad = { NULL, 0 };
    const char *reason = NULL; /* why it is no article; NULL: out of memory */
    int rc = -1;

    if (hs_html_meta_read(doc, &meta) < 0 || !(a = hs_article_new(path)))
        goto done;
    a->format = "html";
    if (fill_metadata(a, &meta) < 0)
        goto done;
    ad.a = a;
    hs_buf *want_byline = meta.byline.len ? NULL : &byline;
    int found = hs_html_extract_article(doc, hs_buf_str(&meta.title), want_byline,
                                        hs_paragraph_adder_add, &ad);
    if (found == -2)
        reason = "page has more than a million elements";
    if (found != 0)
        goto done;
    if (byline.len > 0 && hs_article_set_byline(a, byline.data, byline.len) < 0)
        goto done;
    if (take_datelines(a) < 0)
        goto done;
    if (a->n_passages == 0) {
        reason = "no article text found";
        goto done;
    }
    rc = hs_article_list_add(out, a);
    a = NULL; /* the list has it, or freed it */
done:
    if (rc < 0)
        st = reason ? hs_read_bad(why, reason) : hs_read_no_memory(why);
    hs_article_free(a);
    hs_buf_free(&byline);
    hs_html_meta_free(&meta);
    xmlFreeDoc(doc);
    return st;
}
