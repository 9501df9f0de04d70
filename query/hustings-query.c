/* hustings-query - print the passages of an index that answer a query.
 *
 * Calls libhustings and prints (through output.c); the options are read
 * in query_options.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hustings.h"
#include "output.h"
#include "query_options.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

/* Why the first failed write to stdout failed: stdio discards what it
 * could not write, so the final fflush may succeed and errno be lost. */
static int write_errno;

/* An output function failed.  A write error is noted for flush_results(),
 * which reports it once; anything else is memory. */
static void output_failed(void)
{
    if (!ferror(stdout))
        fputs("hustings-query: out of memory\n", stderr);
    else if (!write_errno)
        write_errno = errno;
}

/* Flush stdout: 0, or -1 after saying why when a write to it failed, now
 * or earlier (the stream keeps the error). */
static int flush_results(void)
{
    if (fflush(stdout) != 0 && !write_errno)
        write_errno = errno;
    if (!ferror(stdout))
        return 0;
    /* EIO: a write failed unseen, and fflush no longer knows why */
    fprintf(stderr, "hustings-query: cannot write the results: %s\n",
            strerror(write_errno ? write_errno : EIO));
    return -1;
}

/* hustings_passage_fn for --dump: output_dump_passage() on stdout, noting
 * a failure while errno still says why, and that the dump stopped. */
static int dump_passage(void *stopped, hustings_passage_t *p)
{
    if (output_dump_passage(stdout, p) == 0)
        return 0;
    output_failed();
    *(int *)stopped = 1;
    return 1;
}

/* The facets named in the comma-separated list, after the passages.  0, or
 * -1 after printing why. */
static int print_facets(hustings_query_t *query, hustings_index_t *index,
                        const output_options *opt, const char *list)
{
    char *copy = strdup(list), *save = NULL;
    int rc = copy ? 0 : -1;
    if (opt->format == OUTPUT_TEXT)
        putchar('\n');
    for (char *name = copy ? strtok_r(copy, ",", &save) : NULL; name && rc == 0;
         name = strtok_r(NULL, ",", &save)) {
        output_facet *f = output_facet_begin(opt, name);
        hustings_status_t st = f ? hustings_query_facets(query, name, output_facet_value, f)
                                 : HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (st != HUSTINGS_STATUS_SUCCESS) {
            fprintf(stderr, "hustings-query: %s\n", st == HUSTINGS_STATUS_OUT_OF_MEMORY
                                                       ? "out of memory"
                                                       : hustings_index_get_error(index));
            rc = -1;
        }
        if (output_facet_end(stdout, f) < 0 && rc == 0) {
            output_failed();
            rc = -1;
        }
    }
    free(copy);
    return rc;
}

/* Open the index, or the shards, of opt: 0, or -1 after saying why. */
static int open_index(const query_options *opt, hustings_index_t **index)
{
    char *message = NULL;
    hustings_status_t st =
        opt->n_shards > 1
            ? hustings_index_open_shards(opt->shards, opt->n_shards, index, &message)
            : hustings_index_open(opt->index_path, HUSTINGS_INDEX_MODE_READ_ONLY, index,
                                  &message);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-query: %s\n", message ? message : hustings_status_to_string(st));
        /* the index by its path when it pastes into a shell as it is */
        const char *path = opt->n_shards > 1 ? "INDEX" : opt->index_path;
        if (!*path || strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "0123456789/._-+,:@%") != strlen(path))
            path = "INDEX";
        if (st == HUSTINGS_STATUS_INDEX_NOT_FOUND)
            fprintf(stderr, "hustings-query: build it first with: hustings-index -d %s FOLDER\n",
                    path);
    }
    free(message);
    return st == HUSTINGS_STATUS_SUCCESS ? 0 : -1;
}

/* --dump: every passage of the index; the exit status. */
static int dump_index(hustings_index_t *index)
{
    int stopped = 0;
    hustings_status_t st = hustings_index_dump(index, dump_passage, &stopped);
    if (st != HUSTINGS_STATUS_SUCCESS)
        fprintf(stderr, "hustings-query: %s\n", hustings_index_get_error(index));
    return st == HUSTINGS_STATUS_SUCCESS && !stopped ? EXIT_FOUND : EXIT_ERROR;
}

/* The query of opt on index, with opt's settings, in *query (which the
 * caller destroys, whatever the status). */
static hustings_status_t make_query(hustings_index_t *index, const query_options *opt,
                                    hustings_query_t **query)
{
    hustings_status_t st = hustings_query_create(index, opt->query_string, query);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_limit(*query, (unsigned)opt->limit);
        hustings_query_set_offset(*query, (unsigned)opt->offset);
        hustings_query_set_sort(*query, opt->sort);
        if (opt->per_article >= 0)
            hustings_query_set_per_article(*query, (unsigned)opt->per_article);
        hustings_query_set_collapse(*query, opt->output.collapse);
        hustings_query_set_thesaurus(*query, opt->thesaurus);
        hustings_query_set_time_limit(*query, opt->time_limit);
        st = hustings_query_set_date_range(*query, opt->since, opt->until);
    }
    if (st == HUSTINGS_STATUS_SUCCESS && opt->lang)
        st = hustings_query_add_filter(*query, HUSTINGS_FILTER_LANG, opt->lang);
    if (st == HUSTINGS_STATUS_SUCCESS && opt->source)
        st = hustings_query_add_filter(*query, HUSTINGS_FILTER_SOURCE, opt->source);
    if (st == HUSTINGS_STATUS_SUCCESS && opt->synonyms && *opt->synonyms)
        st = hustings_query_set_synonyms_file(*query, opt->synonyms);
    return st;
}

/* The query's warnings as opt's format has them: in JSON, lines of
 * stdout; else on stderr.  0, or -1 when one could not be written. */
static int print_warnings(hustings_query_t *query, const output_options *out)
{
    for (unsigned i = 0; i < hustings_query_count_warnings(query); i++)
        if (output_warning(stdout, out, hustings_query_get_warning(query, i)) < 0) {
            output_failed();
            return -1;
        }
    return 0;
}

/* The passages found (and the suggestion, the facets and the warnings) as
 * opt asks; the exit status, by how many passages found.  People read the
 * warnings first, on stderr; in JSON they follow the passages and the
 * facets, so that a script that takes the first lines takes passages. */
static int print_results(hustings_query_t *query, hustings_index_t *index,
                         const query_options *opt, hustings_passages_t *passages,
                         unsigned long found)
{
    int status = found ? EXIT_FOUND : EXIT_NONE;
    const output_options *out = &opt->output;
    const char *suggestion = hustings_passages_get_suggestion(passages);
    if (out->format != OUTPUT_JSON && print_warnings(query, out) < 0)
        status = EXIT_ERROR;
    if (suggestion && out->format != OUTPUT_JSON)
        fprintf(stderr, "hustings-query: did you mean: %s\n", suggestion);
    if (suggestion && out->format == OUTPUT_JSON && !hustings_passages_count(passages) &&
        output_suggestion(stdout, suggestion) < 0) {
        output_failed();
        status = EXIT_ERROR;
    }
    if (status != EXIT_ERROR && output_begin(stdout, out) < 0) {
        output_failed();
        status = EXIT_ERROR;
    }
    hustings_passage_t *previous = NULL;
    for (; status != EXIT_ERROR && hustings_passages_valid(passages);
         hustings_passages_move_to_next(passages)) {
        hustings_passage_t *p = hustings_passages_get(passages);
        int rc = output_passage(stdout, out, p, previous, suggestion);
        previous = p;
        if (rc < 0) {
            output_failed();
            status = EXIT_ERROR;
            break;
        }
    }
    if (opt->facets && status != EXIT_ERROR &&
        print_facets(query, index, out, opt->facets) < 0)
        status = EXIT_ERROR;
    if (out->format == OUTPUT_JSON && status != EXIT_ERROR && print_warnings(query, out) < 0)
        status = EXIT_ERROR;
    return status;
}

/* Run opt's query on index and print what it finds (or, with --count,
 * how many passages match); the exit status. */
static int run_query(hustings_index_t *index, const query_options *opt)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *passages = NULL;
    int status = EXIT_ERROR;
    unsigned long found = 0;
    hustings_status_t st = make_query(index, opt, &query);
    if (st == HUSTINGS_STATUS_SUCCESS && opt->count_only) {
        st = hustings_query_count(query, &found);
        if (st == HUSTINGS_STATUS_SUCCESS) {
            /* the count is a bare number, whatever the format: warnings
             * go to stderr */
            output_options text = opt->output;
            text.format = OUTPUT_TEXT;
            print_warnings(query, &text);
            status = found ? EXIT_FOUND : EXIT_NONE;
            printf("%lu\n", found);
            hustings_query_destroy(query);
            return status;
        }
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_query_search(query, &passages);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        found = hustings_passages_count(passages);
        /* -n 0 prints no passage (only facets): whether any matches decides */
        if (opt->limit == 0)
            st = hustings_query_count(query, &found);
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        const char *why = hustings_index_get_error(index);
        fprintf(stderr, "hustings-query: %s\n", *why ? why : hustings_status_to_string(st));
    } else {
        status = print_results(query, index, opt, passages, found);
    }
    hustings_passages_destroy(passages);
    hustings_query_destroy(query);
    return status;
}

int main(int argc, char **argv)
{
    query_options opt;
    hustings_index_t *index = NULL;
    int status = EXIT_ERROR;
    int rc = query_options_parse(argc, argv, &opt);
    if (rc > 0 && query_options_show(&opt, stdout) < 0) /* --help or --version */
        output_failed();
    else if (rc > 0)
        status = EXIT_FOUND;
    else if (rc == 0 && open_index(&opt, &index) == 0)
        status = opt.dump ? dump_index(index) : run_query(index, &opt);
    /* every path that printed ends here, so a write error is never missed */
    if (rc >= 0 && flush_results() < 0)
        status = EXIT_ERROR;
    hustings_index_close(index);
    query_options_free(&opt);
    return status;
}
