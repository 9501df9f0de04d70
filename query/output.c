/* output.c - text, JSON Lines, TSV and CSV (csv.c) renderings of a
 * passage, and the lines around them: facets, warnings, a suggestion. */
#include "output.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "csv.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"
#define INDENT "   "

/* The path as the user would type it: relative to the current folder when
 * it lies below it. */
static const char *display_path(const char *path, char *cwd, size_t size)
{
    if (!getcwd(cwd, size))
        return path;
    size_t n = strlen(cwd);
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

/* Columns taken by s[0..len): one per character, near enough for text. */
static int columns(const char *s, size_t len)
{
    int cols = 0;
    for (size_t i = 0; i < len; i++)
        cols += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cols;
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Print text[from..to) marking the parts that lie in highlights. */
static void print_marked(FILE *out, const char *text, size_t from, size_t to,
                         hustings_passage_t *p, int bold)
{
    unsigned n = hustings_passage_count_highlights(p);
    size_t i = from;
    while (i < to) {
        size_t next = to;
        int inside = 0;
        for (unsigned h = 0; h < n; h++) {
            size_t s, e;
            hustings_passage_get_highlight(p, h, &s, &e);
            if (s <= i && i < e) {
                inside = 1;
                next = e < to ? e : to;
                break;
            }
            if (s > i && s < next)
                next = s;
        }
        if (inside && bold)
            fputs(BOLD, out);
        fwrite(text + i, 1, next - i, out);
        if (inside && bold)
            fputs(RESET, out);
        i = next;
    }
}

/* The passage, word-wrapped under INDENT; white space runs become one
 * space, so lines of the source do not break the layout. */
static void print_wrapped(FILE *out, const output_options *opt, hustings_passage_t *p)
{
    const char *text = hustings_passage_get_text(p);
    size_t len = strlen(text), i = 0;
    int width = opt->width - (int)strlen(INDENT), col = 0;
    if (width < 20)
        width = 20;
    fputs(INDENT, out);
    while (i < len) {
        while (i < len && is_space(text[i]))
            i++;
        size_t start = i;
        while (i < len && !is_space(text[i]))
            i++;
        if (start == i)
            break;
        int w = columns(text + start, i - start);
        if (col > 0 && col + 1 + w > width) {
            fputs("\n" INDENT, out);
            col = 0;
        } else if (col > 0) {
            /* a space inside a highlighted phrase stays highlighted */
            print_marked(out, text, start - 1, start, p, opt->bold);
            col++;
        }
        print_marked(out, text, start, i, p, opt->bold);
        col += w;
    }
    fputc('\n', out);
}

static int same_or_both_null(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether a and b are passages of one article: one file, and within a
 * feed one item (items may share a title, not also a link and a date). */
static int same_article(hustings_passage_t *a, hustings_passage_t *b)
{
    return strcmp(hustings_passage_get_path(a), hustings_passage_get_path(b)) == 0 &&
           strcmp(hustings_passage_get_title(a), hustings_passage_get_title(b)) == 0 &&
           same_or_both_null(hustings_passage_get_source(a), hustings_passage_get_source(b)) &&
           same_or_both_null(hustings_passage_get_date(a), hustings_passage_get_date(b));
}

static int output_text(FILE *out, const output_options *opt, hustings_passage_t *p,
                       hustings_passage_t *previous)
{
    char cwd[PATH_MAX];
    const char *date = hustings_passage_get_date(p);
    const char *source = hustings_passage_get_source(p);
    const char *title = hustings_passage_get_title(p);

    if (previous && same_article(previous, p)) { /* grouped under the one before */
        fprintf(out, "%u. same article, passage %u · score %.3f\n", hustings_passage_get_rank(p),
                hustings_passage_get_ordinal(p), hustings_passage_get_score(p));
        print_wrapped(out, opt, p);
        fputc('\n', out);
        return ferror(out) ? -1 : 0;
    }

    fprintf(out, "%u. %s%s%s\n", hustings_passage_get_rank(p), opt->bold ? BOLD : "",
            *title ? title : "(untitled)", opt->bold ? RESET : "");
    fputs(INDENT, out);
    if (date)
        fprintf(out, "%s · ", date);
    fprintf(out, "%s · passage %u · score %.3f\n",
            display_path(hustings_passage_get_path(p), cwd, sizeof cwd),
            hustings_passage_get_ordinal(p), hustings_passage_get_score(p));
    if (source)
        fprintf(out, INDENT "%s\n", source);
    unsigned long copies = hustings_passage_get_copies(p);
    if (copies > 1)
        fprintf(out, opt->collapse ? INDENT "(%lu copies of this story; --no-collapse shows them all)\n"
                                   : INDENT "(one of %lu copies of this story)\n",
                copies);
    print_wrapped(out, opt, p);
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}

/* o on one line of out, and o released: 0, or -1 on a write or memory
 * error. */
static int put_json_line(FILE *out, json_object *o)
{
    const char *line = o ? json_object_to_json_string_ext(
                               o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
                         : NULL;
    int rc = !line || fputs(line, out) < 0 || fputc('\n', out) < 0 ? -1 : 0;
    json_object_put(o);
    return rc;
}

/* One line of JSON, as the library writes a passage in that form. */
static int output_json(FILE *out, hustings_passage_t *p, hustings_passage_json_form_t form,
                       const char *suggestion)
{
    char *line = NULL;
    if (hustings_passage_to_json(p, form, suggestion, &line) != HUSTINGS_STATUS_SUCCESS)
        return -1;
    int rc = fputs(line, out) < 0 || fputc('\n', out) < 0 ? -1 : 0;
    free(line);
    return rc;
}

/* A search result's line: the library's object for the passage
 * (hustings_passage_to_json, which hustings-serve's answers share) led by
 * "type": "result", and with "date_source" after "date", which are this
 * program's lines' own. */
static int output_result_json(FILE *out, hustings_passage_t *p, const char *suggestion)
{
    char *line = NULL;
    if (hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_RESULT, suggestion, &line) !=
        HUSTINGS_STATUS_SUCCESS)
        return -1;
    json_object *lib = json_tokener_parse(line);
    free(line);
    json_object *o = lib ? json_object_new_object() : NULL;
    const char *source = hustings_passage_get_date_source(p);
    int bad = !o || json_object_object_add(o, "type", json_object_new_string("result")) != 0;
    if (o) {
        json_object_object_foreach(lib, key, value)
        {
            bad = bad || json_object_object_add(o, key, json_object_get(value)) != 0;
            if (!bad && strcmp(key, "date") == 0)
                bad = json_object_object_add(o, "date_source",
                                             source ? json_object_new_string(source) : NULL) != 0;
        }
    }
    json_object_put(lib);
    if (bad) {
        json_object_put(o);
        return -1;
    }
    return put_json_line(out, o);
}

/* {"type": type, key: value} on one line. */
static int output_json_pair(FILE *out, const char *type, const char *key, const char *value)
{
    json_object *o = json_object_new_object();
    if (o && (json_object_object_add(o, "type", json_object_new_string(type)) != 0 ||
              json_object_object_add(o, key, json_object_new_string(value)) != 0)) {
        json_object_put(o);
        o = NULL;
    }
    return put_json_line(out, o);
}

/* A TSV field: tabs and line breaks become spaces. */
static void put_field(FILE *out, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static int output_tsv(FILE *out, hustings_passage_t *p)
{
    fprintf(out, "%u\t%.6f\t", hustings_passage_get_rank(p), hustings_passage_get_score(p));
    put_field(out, hustings_passage_get_path(p));
    fprintf(out, "\t%u\t", hustings_passage_get_ordinal(p));
    put_field(out, hustings_passage_get_date(p));
    fputc('\t', out);
    put_field(out, hustings_passage_get_title(p));
    fputc('\t', out);
    put_field(out, hustings_passage_get_text(p));
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}

int output_passage(FILE *out, const output_options *opt, hustings_passage_t *p,
                   hustings_passage_t *previous, const char *suggestion)
{
    switch (opt->format) {
    case OUTPUT_JSON:
        return output_result_json(out, p, suggestion);
    case OUTPUT_TSV:
        return output_tsv(out, p);
    case OUTPUT_CSV:
        return csv_passage(out, p);
    default:
        return output_text(out, opt, p, previous);
    }
}

struct output_facet {
    output_format format;
    json_object *json;    /* JSON: {"type": "facet", "facet": name, "counts": {...}} */
    json_object *counts;
    char *name;           /* text and TSV: printed as the values come */
    FILE *pending;        /* text: the line so far */
    char *line;
    size_t line_len;
    unsigned n;
};

output_facet *output_facet_begin(const output_options *opt, const char *name)
{
    output_facet *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->format = opt->format;
    if (f->format == OUTPUT_JSON) {
        f->json = json_object_new_object();
        f->counts = json_object_new_object();
        json_object_object_add(f->json, "type", json_object_new_string("facet"));
        json_object_object_add(f->json, "facet", json_object_new_string(name));
        json_object_object_add(f->json, "counts", f->counts);
    } else {
        f->pending = open_memstream(&f->line, &f->line_len);
        if (f->pending)
            fprintf(f->pending, "%s:", name);
    }
    return f;
}

int output_facet_value(void *ctx, const char *value, unsigned long count)
{
    output_facet *f = ctx;
    if (f->format == OUTPUT_JSON)
        json_object_object_add(f->counts, value, json_object_new_int64((int64_t)count));
    else if (f->pending)
        fprintf(f->pending, "%s %s (%lu)", f->n ? "," : "", value, count);
    f->n++;
    return 0;
}

int output_facet_end(FILE *out, output_facet *f)
{
    int rc = 0;
    if (!f)
        return -1;
    if (f->format == OUTPUT_JSON) {
        rc = put_json_line(out, f->json);
    } else {
        if (!f->pending || fclose(f->pending) != 0 || !f->line ||
            fprintf(out, "%s%s\n", f->line, f->n ? "" : " none") < 0)
            rc = -1;
        free(f->line);
    }
    free(f);
    return rc;
}

int output_dump_passage(void *context, hustings_passage_t *p)
{
    return output_json(context, p, HUSTINGS_PASSAGE_JSON_DUMP, NULL) < 0;
}

int output_suggestion(FILE *out, const char *suggestion)
{
    return output_json_pair(out, "suggestion", "suggestion", suggestion);
}

int output_warning(FILE *out, const output_options *opt, const char *message)
{
    if (opt->format == OUTPUT_JSON)
        return output_json_pair(out, "warning", "message", message);
    fprintf(stderr, "hustings-query: warning: %s\n", message);
    return 0;
}

int output_begin(FILE *out, const output_options *opt)
{
    return opt->format == OUTPUT_CSV ? csv_header(out) : 0;
}
