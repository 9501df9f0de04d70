/* query_options.h - hustings-query's command line. */
#ifndef HUSTINGS_QUERY_OPTIONS_H
#define HUSTINGS_QUERY_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "hustings.h"
#include "output.h"

#define QUERY_MAX_SHARDS 256

typedef struct query_options {
    const char *shards[QUERY_MAX_SHARDS]; /* each -d, in argv */
    size_t n_shards;
    char *index_path;      /* the last -d, else the default index */
    char *query_string;    /* the query's words joined by spaces ("" for --dump) */
    int dump;              /* --dump: every passage, no query */
    int count_only;        /* --count */
    long limit, offset;
    long per_article;      /* -1: not given */
    hustings_sort_t sort;
    const char *since, *until; /* or NULL */
    const char *lang, *source; /* --lang, --source filters, or NULL */
    const char *synonyms;  /* --synonyms, else $HUSTINGS_SYNONYMS, or NULL */
    int thesaurus;
    double time_limit;
    const char *facets;    /* --facets' list, checked, or NULL */
    output_options output; /* format, colour, width and collapse */
    enum { QUERY_SHOW_NOTHING, QUERY_SHOW_HELP, QUERY_SHOW_VERSION } show;
} query_options;

/* Fill opt from the command line.  Returns 0 to run, 1 when --help or
 * --version was asked for (opt->show says which: print it with
 * query_options_show(), then exit 0), -1 after printing why the command
 * line is wrong (exit 2).  opt is the caller's to free with
 * query_options_free() in every case. */
int query_options_parse(int argc, char **argv, query_options *opt);

/* Print the help or the version opt->show asks for on out: 0, or -1 on a
 * write error (errno says why). */
int query_options_show(const query_options *opt, FILE *out);
void query_options_free(query_options *opt);

#endif
