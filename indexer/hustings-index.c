/* hustings-index - bring an index up to date with folders of articles.
 *
 * Calls libhustings and prints; the options are read in index_options.c,
 * the work is done in lib/.
 */
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "hustings.h"
#include "index_options.h"
#include "progress.h"

enum { EXIT_SKIPPED = 1, EXIT_ERROR = 2 };

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

/* Which of the n paths cannot be found (missing[i]: MISSING_NOT_THERE, or
 * MISSING_UNREACHABLE when a folder above cannot be searched); whether one
 * can. */
enum { MISSING_NOT_THERE = 1, MISSING_UNREACHABLE = 2 };
static int find_paths(char *const *paths, size_t n, unsigned char *missing)
{
    struct stat st;
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        missing[i] = stat(paths[i], &st) == 0                  ? 0
                     : errno == ENOENT || errno == ENOTDIR ? MISSING_NOT_THERE
                                                           : MISSING_UNREACHABLE;
        found |= !missing[i];
    }
    return found;
}

/* Whether a PATH could not be reached (rather than not being there): it
 * was skipped for a reason, which is no "nothing to index". */
static int some_unreachable(const unsigned char *missing, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (missing[i] == MISSING_UNREACHABLE)
            return 1;
    return 0;
}

/* When no path exists and neither does the index, -1 after naming each:
 * a mistyped folder must not create an empty index.  (With an index, a
 * path that is gone is news for it: its files are gone too.)  Nor must
 * --forget or --prune alone, on an index that is not there. */
static int check_paths(const index_options *opt, const unsigned char *missing, int found)
{
    struct stat st;
    if (!opt->n_paths && stat(opt->index_path, &st) < 0) {
        /* --forget or --prune alone: nothing to make an index for */
        fprintf(stderr, "hustings-index: %s: %s\n", opt->index_path, strerror(errno));
        return -1;
    }
    if (found || !opt->n_paths || opt->n_forget || opt->prune || stat(opt->index_path, &st) == 0)
        return 0;
    for (size_t i = 0; i < opt->n_paths; i++)
        if (missing[i] && stat(opt->paths[i], &st) < 0)
            fprintf(stderr, "hustings-index: %s: %s\n", opt->paths[i], strerror(errno));
    fputs("hustings-index: nothing to index\n", stderr);
    return -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* A --dry-run must change nothing: when the index does not exist yet, it
 * runs against an empty one in a temporary folder (*scratch, removed by
 * drop_scratch), so that every file shows as new.  The index path to open,
 * or NULL when out of memory or no temporary folder can be made. */
static char *dry_run_index(const char *index_path, char **scratch)
{
    struct stat st;
    *scratch = NULL;
    if (stat(index_path, &st) == 0)
        return strdup(index_path);
    const char *tmp = getenv("TMPDIR");
    size_t len = strlen(tmp && *tmp ? tmp : "/tmp") + sizeof "/hustings-dry-run-XXXXXX";
    char *dir = malloc(len);
    if (!dir)
        return NULL;
    snprintf(dir, len, "%s/hustings-dry-run-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "hustings-index: %s: %s\n", dir, strerror(errno));
        free(dir);
        return NULL;
    }
    *scratch = dir;
    return strdup(dir);
}

static void drop_scratch(char *scratch)
{
    if (scratch)
        nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(scratch);
}

typedef struct reporter {
    int verbose;
    int dry_run;
    int watch;
    progress *bar;
    char *const *paths;        /* the PATHs given, */
    size_t n_paths;
    const unsigned char *missing; /* which could not be found, */
    unsigned char *told;       /* and which of them the run said it skipped */
} reporter;

/* The first error writing to standard output (errno), or 0. */
static int stdout_error;

/* Flush standard output, keeping the first error's cause for main. */
static void flush_stdout(void)
{
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && !stdout_error)
        stdout_error = errno ? errno : EIO;
}

static void report_file(void *ctx, const char *path, hustings_file_action_t action,
                        const char *detail)
{
    reporter *r = ctx;
    static const char *const names[] = { "new", "changed", "renamed", "removed",
                                         "unchanged", "skipped" };
    if (action == HUSTINGS_FILE_SKIPPED) {
        for (size_t i = 0; i < r->n_paths; i++)
            if (r->missing[i] && strcmp(path, r->paths[i]) == 0)
                r->told[i] = 1;
        progress_clear(r->bar);
        fprintf(stderr, "hustings-index: %s: %s\n", path, detail);
        return;
    }
    if ((action == HUSTINGS_FILE_NEW || action == HUSTINGS_FILE_CHANGED) && detail) {
        progress_clear(r->bar); /* read in part: a problem, said even with -q */
        fprintf(stderr, "hustings-index: %s: %s\n", path, detail);
    }
    if (!r->verbose && !((r->dry_run || r->watch) && action != HUSTINGS_FILE_UNCHANGED))
        return;
    progress_clear(r->bar);
    if (action == HUSTINGS_FILE_RENAMED)
        printf("%s %s -> %s\n", names[action], detail, path);
    else
        printf("%s %s\n", names[action], path);
    flush_stdout();
}

static void report_progress(void *ctx, unsigned long done, unsigned long total,
                            unsigned long long bytes_done, unsigned long long bytes_total)
{
    reporter *r = ctx;
    progress_update(r->bar, done, total, bytes_done, bytes_total);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "en 10320, ru 38, kk 22", or "none". */
static void print_languages(hustings_stats_t *s)
{
    unsigned n = hustings_stats_count_languages(s);
    if (!n)
        fputs("none", stdout);
    for (unsigned i = 0; i < n; i++)
        printf("%s%s %lu", i ? ", " : "", hustings_stats_get_language(s, i),
               hustings_stats_get_language_passages(s, i));
    putchar('\n');
}

/* The folders the index was built from, one a line, with their files:
 * "folders     /news/2023 (1520 files)", or "none". */
static void print_folders(hustings_stats_t *s)
{
    unsigned n = hustings_stats_count_folders(s);
    if (!n)
        puts("folders     none");
    for (unsigned i = 0; i < n; i++) {
        unsigned long files = hustings_stats_get_folder_files(s, i);
        printf("%s%s (%lu file%s)\n", i ? "            " : "folders     ",
               hustings_stats_get_folder(s, i), files, files == 1 ? "" : "s");
    }
}

static int print_stats(const char *index_path)
{
    hustings_index_t *index = NULL;
    char *message = NULL;
    hustings_stats_t *s = NULL;
    hustings_status_t st = hustings_index_open(index_path, HUSTINGS_INDEX_MODE_READ_ONLY,
                                               &index, &message);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_index_get_stats(index, &s);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s\n",
                message ? message : hustings_index_get_error(index));
        free(message);
        hustings_index_close(index);
        return EXIT_ERROR;
    }
    const char *updated = hustings_stats_get_last_update(s);
    const char *first = hustings_stats_get_first_date(s);
    printf("index       %s\n", index_path);
    printf("format      %d\n", hustings_stats_get_format(s));
    printf("articles    %lu\n", hustings_stats_get_articles(s));
    printf("passages    %lu\n", hustings_stats_get_passages(s));
    printf("files       %lu\n", hustings_stats_get_files(s));
    printf("terms       %lu\n", hustings_stats_get_terms(s));
    printf("size        %.1f MB\n", (double)hustings_stats_get_disk_bytes(s) / 1e6);
    printf("updated     %s\n", updated ? updated : "never");
    fputs("languages   ", stdout);
    print_languages(s);
    if (first)
        printf("dates       %s .. %s", first, hustings_stats_get_last_date(s));
    else
        printf("dates       none");
    printf(" (%lu undated)\n", hustings_stats_get_undated(s));
    print_folders(s);
    hustings_stats_destroy(s);
    hustings_index_close(index);
    return 0;
}

static json_object *string_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

/* --extract: the articles of one file as JSON Lines; 0, or EXIT_SKIPPED
 * when the file holds none (with the reason on stderr), EXIT_ERROR when
 * memory runs out. */
static int extract_file(const char *path)
{
    hustings_articles_t *as = NULL;
    char *message = NULL;
    hustings_status_t st = hustings_articles_read(path, &as, &message);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s: %s\n", path,
                message ? message : hustings_status_to_string(st));
        free(message);
        return st == HUSTINGS_STATUS_OUT_OF_MEMORY ? EXIT_ERROR : EXIT_SKIPPED;
    }
    for (unsigned i = 0; i < hustings_articles_count(as); i++) {
        hustings_article_t *a = hustings_articles_get(as, i);
        json_object *o = json_object_new_object();
        json_object *ps = json_object_new_array();
        const char *when = hustings_article_get_datetime(a);
        json_object_object_add(o, "path", json_object_new_string(hustings_article_get_path(a)));
        json_object_object_add(o, "id", string_or_null(hustings_article_get_id(a)));
        json_object_object_add(o, "title", json_object_new_string(hustings_article_get_title(a)));
        json_object_object_add(o, "byline", string_or_null(hustings_article_get_byline(a)));
        json_object_object_add(o, "date", string_or_null(when ? when : hustings_article_get_date(a)));
        json_object_object_add(o, "lang", string_or_null(hustings_article_get_lang(a)));
        json_object_object_add(o, "site", string_or_null(hustings_article_get_site(a)));
        json_object_object_add(o, "source", string_or_null(hustings_article_get_source(a)));
        json_object_object_add(o, "format", json_object_new_string(hustings_article_get_format(a)));
        for (unsigned p = 0; p < hustings_article_count_passages(a); p++) {
            json_object *po = json_object_new_object();
            json_object_object_add(po, "text", json_object_new_string(hustings_article_get_passage(a, p)));
            json_object_object_add(po, "paragraph",
                                   json_object_new_int64(hustings_article_get_paragraph(a, p)));
            json_object_array_add(ps, po);
        }
        json_object_object_add(o, "passages", ps);
        puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                   JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
    }
    hustings_articles_destroy(as);
    return 0;
}

/* --extract: extract_file() of each of the n paths; the worst status. */
static int extract_files(char *const *paths, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        int r = extract_file(paths[i]);
        if (r > rc)
            rc = r;
    }
    return rc;
}

/* Open the index (a scratch one for a --dry-run of an index that does not
 * exist yet, kept in *scratch) and an indexer on it with opt's excludes.
 * 0, or -1 after saying why, with nothing left open. */
static int open_indexer(const index_options *opt, char **scratch, hustings_index_t **index,
                        hustings_indexer_t **indexer)
{
    char *open_path = opt->dry_run ? dry_run_index(opt->index_path, scratch)
                                   : strdup(opt->index_path);
    if (!open_path) {
        fputs("hustings-index: cannot make a temporary index for --dry-run\n", stderr);
        return -1;
    }
    char *message = NULL;
    hustings_status_t st = hustings_index_open(open_path, HUSTINGS_INDEX_MODE_READ_WRITE,
                                               index, &message);
    free(open_path);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_indexer_create(*index, indexer);
    for (size_t i = 0; i < opt->n_excludes && st == HUSTINGS_STATUS_SUCCESS; i++)
        st = hustings_indexer_add_exclude(*indexer, opt->excludes[i]);
    if (st == HUSTINGS_STATUS_SUCCESS)
        return 0;
    fprintf(stderr, "hustings-index: %s\n", message ? message : hustings_status_to_string(st));
    free(message);
    hustings_indexer_destroy(*indexer);
    hustings_index_close(*index);
    *indexer = NULL;
    *index = NULL;
    drop_scratch(*scratch);
    *scratch = NULL;
    return -1;
}

/* SIGINT and SIGTERM set stop_signal, which the indexer watches. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static void set_up_indexer(hustings_indexer_t *indexer, const index_options *opt,
                           reporter *rep)
{
    hustings_indexer_set_dry_run(indexer, opt->dry_run);
    hustings_indexer_set_follow_links(indexer, opt->follow);
    if (opt->max_size)
        hustings_indexer_set_max_file_size(indexer, opt->max_size);
    hustings_indexer_set_jobs(indexer, opt->jobs);
    hustings_indexer_set_date_from_mtime(indexer, opt->date_from_mtime);
    hustings_indexer_set_file_callback(indexer, report_file, rep);
    hustings_indexer_set_progress_callback(indexer, report_progress, rep);
    hustings_indexer_set_cancel_flag(indexer, &stop_signal);
}

/* The exit status of a run that ended with st, after saying why it
 * stopped when it did not finish. */
static int run_status(hustings_status_t st, const hustings_summary_t *sum, int watch,
                      hustings_index_t *index)
{
    if (watch && st == HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: stopped watching on %s; everything is committed\n",
                stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
        return 0;
    }
    if (st == HUSTINGS_STATUS_INTERRUPTED) {
        fprintf(stderr, "hustings-index: stopped by %s; the work done so far is committed\n",
                stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
        return 128 + stop_signal;
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s\n", hustings_index_get_error(index));
        return EXIT_ERROR;
    }
    return sum->skipped ? EXIT_SKIPPED : 0;
}

/* The line that ends a run (unless --quiet): what it did, how long it
 * took, and where the index is. */
static void print_summary(const hustings_summary_t *sum, const index_options *opt, int status,
                          double seconds)
{
    fprintf(stderr, "hustings-index: %lu new, %lu changed, %lu removed, %lu unchanged, "
                    "%lu skipped",
            sum->new_files, sum->changed, sum->removed, sum->unchanged, sum->skipped);
    if (sum->renamed)
        fprintf(stderr, ", %lu renamed", sum->renamed);
    /* after an error, what was read since the last commit is lost */
    fprintf(stderr, "; %lu articles, %lu passages %s in %.2f s -> %s\n", sum->articles,
            sum->passages,
            opt->dry_run           ? "would be written (dry run)"
            : status == EXIT_ERROR ? "read, but the run failed: the index keeps its last commit"
                                   : "written",
            seconds, opt->index_path);
}

/* For each PATH given that cannot be found and that the run did not
 * skip: the index held files from it, and found every one of them renamed
 * at another PATH (a folder moved). */
static void tell_gone_paths(const index_options *opt, const reporter *rep)
{
    for (size_t i = 0; i < opt->n_paths; i++)
        if (rep->missing[i] && !rep->told[i])
            fprintf(stderr, "hustings-index: %s: not there any more: the files indexed from "
                            "it %s renamed where they were found\n",
                    opt->paths[i], opt->dry_run ? "would be" : "are");
}

/* After a run that found new files: a folder of the index that is not
 * there any more may have been moved to where they are, and its files
 * are then in the index twice.  Say so, and what to do. */
static void tell_folders_not_there(hustings_index_t *index)
{
    hustings_stats_t *s = NULL;
    if (hustings_index_get_stats(index, &s) != HUSTINGS_STATUS_SUCCESS)
        return;
    for (unsigned i = 0; i < hustings_stats_count_folders(s); i++) {
        struct stat st;
        const char *folder = hustings_stats_get_folder(s, i);
        unsigned long files = hustings_stats_get_folder_files(s, i);
        /* a name with a backslash is written as text (\xHH, \\): not the
         * file name itself, which is not looked up */
        if (files && !strchr(folder, '\\') && stat(folder, &st) < 0 && errno == ENOENT)
            fprintf(stderr, "hustings-index: note: %s is not there, and the index holds %lu "
                            "file%s from it: if it was moved, name its old and new place in "
                            "one run to have them renamed; if it is gone, --forget it\n",
                    folder, files, files == 1 ? "" : "s");
    }
    hustings_stats_destroy(s);
}

/* --forget each PATH of opt's; a PATH the index holds nothing from is
 * named (*nothing is set) and the others are forgotten all the same. */
static hustings_status_t forget_paths(hustings_indexer_t *indexer, hustings_index_t *index,
                                      const index_options *opt, reporter *rep,
                                      hustings_summary_t *sum, int *nothing)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < opt->n_forget && st == HUSTINGS_STATUS_SUCCESS; i++) {
        st = hustings_indexer_forget(indexer, opt->forget[i], sum);
        if (st == HUSTINGS_STATUS_FILE_ERROR) {
            progress_clear(rep->bar);
            fprintf(stderr, "hustings-index: %s\n", hustings_index_get_error(index));
            *nothing = 1;
            st = HUSTINGS_STATUS_SUCCESS;
        }
    }
    return st;
}

/* --forget, --prune, then bring the index up to date with opt's paths
 * (and keep it so with --watch); the exit status. */
static int update_index(const index_options *opt)
{
    /* for each PATH whether it is missing, then whether the run skipped it */
    unsigned char *missing = calloc(2 * opt->n_paths + 1, 1);
    if (!missing) {
        fputs("hustings-index: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    int found = find_paths(opt->paths, opt->n_paths, missing);
    char *scratch = NULL;
    hustings_index_t *index = NULL;
    hustings_indexer_t *indexer = NULL;
    if (check_paths(opt, missing, found) < 0 ||
        open_indexer(opt, &scratch, &index, &indexer) < 0) {
        free(missing);
        return EXIT_ERROR;
    }
    catch_signals();
    int tty = isatty(STDERR_FILENO);
    reporter rep = { opt->verbose, opt->dry_run, opt->watch,
                     progress_new(stderr, tty, !opt->quiet && (tty || opt->force_progress)),
                     opt->paths, opt->n_paths, missing, missing + opt->n_paths };
    set_up_indexer(indexer, opt, &rep);

    double start = now();
    hustings_summary_t sum;
    memset(&sum, 0, sizeof sum);
    int forgot_nothing = 0;
    const char *const *paths = (const char *const *)opt->paths;
    hustings_status_t st = forget_paths(indexer, index, opt, &rep, &sum, &forgot_nothing);
    if (st == HUSTINGS_STATUS_SUCCESS && opt->prune)
        st = hustings_indexer_prune(indexer, &sum);
    if (st == HUSTINGS_STATUS_SUCCESS && opt->n_paths)
        st = opt->watch ? hustings_indexer_watch(indexer, paths, opt->n_paths, opt->batch, &sum)
                        : hustings_indexer_run(indexer, paths, opt->n_paths, &sum);
    progress_clear(rep.bar);
    int status = run_status(st, &sum, opt->watch, index);
    if (status == 0 && forgot_nothing)
        status = EXIT_SKIPPED;
    int nothing = status != EXIT_ERROR && opt->n_paths && !found && !opt->n_forget &&
                  !opt->prune && !some_unreachable(missing, opt->n_paths) &&
                  !(sum.new_files + sum.changed + sum.renamed + sum.removed + sum.unchanged);
    if (nothing) { /* each PATH was named as skipped */
        fputs("hustings-index: nothing to index\n", stderr);
        status = EXIT_ERROR;
    }
    if (st == HUSTINGS_STATUS_SUCCESS && !opt->quiet) {
        tell_gone_paths(opt, &rep);
        if (sum.new_files && !opt->dry_run && !opt->watch)
            tell_folders_not_there(index);
    }
    hustings_indexer_destroy(indexer);
    hustings_status_t cst = hustings_index_close(index);
    drop_scratch(scratch);
    if (cst != HUSTINGS_STATUS_SUCCESS && status != EXIT_ERROR) {
        fprintf(stderr, "hustings-index: %s: %s\n", opt->index_path,
                hustings_status_to_string(cst));
        status = EXIT_ERROR;
    }
    if (!opt->quiet && !nothing)
        print_summary(&sum, opt, status, now() - start);
    progress_free(rep.bar);
    free(missing);
    return status;
}

/* Parse, then extract, print statistics or update the index. */
static int run(int argc, char **argv)
{
    index_options opt;
    int rc = index_options_parse(argc, argv, &opt);
    if (rc != 0)
        rc = rc > 0 ? 0 : EXIT_ERROR;
    else if (opt.action == INDEX_EXTRACT)
        rc = extract_files(opt.paths, opt.n_paths);
    else if (opt.action == INDEX_STATS)
        rc = print_stats(opt.index_path);
    else
        rc = update_index(&opt);
    index_options_free(&opt);
    return rc;
}

/* Output that could not be written (a full disk, a closed pipe) makes a
 * run that otherwise succeeded an error: --extract, --stats, -n and -v
 * print what the user asked for.  A closed pipe (-v | head) is such an
 * error, not SIGPIPE, which would stop the run between two commits. */
int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    int rc = run(argc, argv);
    flush_stdout();
    if (stdout_error) {
        fprintf(stderr, "hustings-index: cannot write the output: %s\n", strerror(stdout_error));
        return EXIT_ERROR;
    }
    return rc;
}
