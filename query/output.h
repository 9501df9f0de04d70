/* output.h - printing ranked passages for people (text) and for scripts
 * (JSON Lines, TSV, CSV): one layer behind the formats, as notmuch's
 * sprinter.  Every JSON line has a "type": "result", "facet", "warning"
 * or "suggestion". */
#ifndef HUSTINGS_QUERY_OUTPUT_H
#define HUSTINGS_QUERY_OUTPUT_H

#include <stdio.h>

#include "hustings.h"

typedef enum { OUTPUT_TEXT, OUTPUT_JSON, OUTPUT_TSV, OUTPUT_CSV } output_format;

typedef struct output_options {
    output_format format;
    int bold;   /* text: mark matched words with terminal bold */
    int width;  /* text: wrap passages to this many columns */
    int collapse; /* copies of a story are collapsed into one result (the
                     query's setting, kept here for the text it prints) */
} output_options;

/* Print one passage to out.  `suggestion` (may be NULL) is the "did you
 * mean" of the query, carried in JSON.  `previous` is the passage printed
 * just before, or NULL: in text, a passage of the same article is shown
 * under it, without its headline again.  0, or -1 on a write or memory
 * error. */
int output_passage(FILE *out, const output_options *opt, hustings_passage_t *p,
                   hustings_passage_t *previous, const char *suggestion);

/* What goes before the passages: CSV's header row; nothing for the other
 * formats.  0, or -1 on a write error. */
int output_begin(FILE *out, const output_options *opt);

/* JSON only, when nothing matched: {"type": "suggestion", "suggestion":
 * "..."}. */
int output_suggestion(FILE *out, const char *suggestion);

/* A warning of the query: in JSON {"type": "warning", "message": "..."}
 * on out; otherwise "hustings-query: warning: ..." on stderr.  0, or -1
 * on a write or memory error (of out: stderr's are not reported). */
int output_warning(FILE *out, const output_options *opt, const char *message);

/* The facet counts of one facet: text "facet: value (n), ..." or JSON
 * {"type": "facet", "facet": name, "counts": {value: n, ...}}.  output_facet_end prints
 * them and frees f: 0, or -1 on a write or memory error. */
typedef struct output_facet output_facet;
output_facet *output_facet_begin(const output_options *opt, const char *name);
int output_facet_value(void *facet, const char *value, unsigned long count);
int output_facet_end(FILE *out, output_facet *f);

/* hustings_passage_fn for --dump: one JSON object (path, passage, title,
 * date, text) per line on the FILE given as context; non-zero on a write
 * or memory error. */
int output_dump_passage(void *context, hustings_passage_t *p);

#endif
