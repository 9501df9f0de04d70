/* output.h - printing ranked passages for people (text) and for scripts
 * (JSON Lines): one layer behind both formats, as notmuch's sprinter. */
#ifndef HUSTINGS_QUERY_OUTPUT_H
#define HUSTINGS_QUERY_OUTPUT_H

#include <stdio.h>

#include "hustings.h"

typedef enum { OUTPUT_TEXT, OUTPUT_JSON } output_format;

typedef struct output_options {
    output_format format;
    int bold;   /* text: mark matched words with terminal bold */
    int width;  /* text: wrap passages to this many columns */
} output_options;

/* Print one passage to out.  0, or -1 on a write or memory error. */
int output_passage(FILE *out, const output_options *opt, hustings_passage_t *p);

/* hustings_passage_fn for --dump: one JSON object (path, passage, title,
 * date, text) per line on the FILE given as context. */
int output_dump_passage(void *context, hustings_passage_t *p);

#endif
