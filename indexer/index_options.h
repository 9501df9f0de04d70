/* index_options.h - hustings-index's command line. */
#ifndef HUSTINGS_INDEX_OPTIONS_H
#define HUSTINGS_INDEX_OPTIONS_H

#include <stddef.h>

/* What a run does. */
typedef enum {
    INDEX_UPDATE,  /* --forget, --prune, then bring the index up to date with
                      the paths, if any (--watch: and keep it) */
    INDEX_STATS,   /* --stats: print what the index holds */
    INDEX_EXTRACT  /* --extract: print the articles of the paths, no index */
} index_action;

typedef struct index_options {
    index_action action;
    char *index_path;      /* -d, else the default index (NULL for --extract) */
    const char **excludes; /* each -x, in argv */
    size_t n_excludes;
    const char **forget;   /* each --forget, in argv */
    size_t n_forget;
    int prune;             /* --prune */
    int date_from_mtime;   /* --date-from-mtime */
    char *const *paths;    /* the PATHs (or --extract's FILEs), in argv */
    size_t n_paths;
    int dry_run, follow, watch;
    int quiet, verbose, force_progress;
    unsigned long long max_size; /* --max-size; 0: the library's default */
    unsigned jobs;               /* --jobs; 0: one per processor */
    unsigned batch;              /* --batch seconds */
} index_options;

/* Fill opt from the command line.  Returns 0 to run, 1 when --help or
 * --version was answered (exit 0), -1 after printing why the command line
 * is wrong (exit 2).  opt is the caller's to free with index_options_free()
 * in every case. */
int index_options_parse(int argc, char **argv, index_options *opt);
void index_options_free(index_options *opt);

#endif
