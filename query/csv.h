/* csv.h - passages as CSV (RFC 4180), for spreadsheets and scripts. */
#ifndef HUSTINGS_QUERY_CSV_H
#define HUSTINGS_QUERY_CSV_H

#include <stdio.h>

#include "hustings.h"

/* The header row: rank, score, path, title, date, source, lang, passage,
 * paragraph, text.  0, or -1 on a write error. */
int csv_header(FILE *out);

/* One passage as a row of those columns: lines end in CRLF; a field that
 * holds a comma, a quote or a line break is quoted, its quotes doubled;
 * a missing date, source or language is an empty field.  0, or -1 on a
 * write error. */
int csv_passage(FILE *out, hustings_passage_t *p);

#endif
