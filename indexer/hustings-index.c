/* hustings-index - bring an index up to date with folders of articles.
 *
 * Only parses options, calls libhustings and prints; the work is in lib/.
 */
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "hustings.h"
#include "progress.h"

enum { EXIT_SKIPPED = 1, EXIT_ERROR = 2 };

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

/* 0 when at least one of the n paths exists; else -1 after naming each:
 * a mistyped folder must not create an empty index. */
static int check_paths(char *const *paths, size_t n)
{
    struct stat st;
    for (size_t i = 0; i < n; i++)
        if (stat(paths[i], &st) == 0)
            return 0;
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "hustings-index: %s: %s\n", paths[i], strerror(errno));
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

static void usage(FILE *out)
{
    fputs("Usage: hustings-index [OPTION]... PATH...\n"
          "  or:  hustings-index --stats [-d INDEX]\n"
          "  or:  hustings-index --extract FILE...\n"
          "Bring a hustings index up to date with the articles in each PATH (a folder,\n"
          "walked recursively, or a file): new and changed files are indexed, renamed\n"
          "files re-keyed, files that are gone removed; the rest is not even opened.\n"
          "\n"
          "  -d, --index=INDEX    the index (default: $HUSTINGS_INDEX, else\n"
          "                       $XDG_DATA_HOME/hustings/index, else\n"
          "                       ~/.local/share/hustings/index)\n"
          "  -n, --dry-run        print what would change, change nothing\n"
          "  -x, --exclude=GLOB   skip files and folders matching GLOB (by name or by\n"
          "                       path below PATH); may be repeated\n"
          "  -L, --follow         follow symbolic links (default: skip them)\n"
          "      --max-size=BYTES skip files larger than this (default 67108864)\n"
          "  -j, --jobs=N         read and parse files in N threads while one writes\n"
          "                       (default: one per processor; 1: no threads)\n"
          "  -w, --watch          after indexing, keep running and index what changes\n"
          "                       (inotify); SIGINT/SIGTERM commit and exit 0\n"
          "      --batch=SECONDS  with --watch, commit at most this often (default 5)\n"
          "      --stats          print what the index holds and exit\n"
          "      --extract        print the articles found in each FILE as JSON Lines\n"
          "                       (title, byline, date, lang, site, source, format,\n"
          "                       passages) and exit; no index is touched\n"
          "  -q, --quiet          print problems only\n"
          "  -v, --verbose        print one line per file\n"
          "      --progress       show progress even when stderr is not a terminal\n"
          "  -h, --help           show this help and exit\n"
          "  -V, --version        show the version and exit\n"
          "\n"
          "Files read in folders: .txt .text .html .htm .xhtml .xml .rss .atom .rdf;\n"
          "hidden files and folders are skipped.  Each file that cannot be indexed is\n"
          "named on stderr with the reason, and the run goes on.  SIGINT and SIGTERM\n"
          "finish the file in hand and commit before exiting.\n"
          "\n"
          "Exit status: 0 all indexed; 1 some files skipped; 2 error (bad options,\n"
          "index unusable or locked); 130/143 stopped by SIGINT/SIGTERM.\n",
          out);
}

typedef struct reporter {
    int verbose;
    int dry_run;
    int watch;
    progress *bar;
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
        printf("dates       %s .. %s\n", first, hustings_stats_get_last_date(s));
    else
        printf("dates       none\n");
    hustings_stats_destroy(s);
    hustings_index_close(index);
    return 0;
}

static json_object *string_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

/* --extract: the articles of one file as JSON Lines; 0, or EXIT_SKIPPED
 * when the file holds none (with the reason on stderr). */
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

/* Parse a byte count; 0 when invalid. */
static unsigned long long parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    return errno || end == s || *end || s[0] == '-' ? 0 : v;
}

static int run(int argc, char **argv);

/* Output that could not be written (a full disk, a closed pipe) makes a
 * run that otherwise succeeded an error: --extract, --stats, -n and -v
 * print what the user asked for. */
int main(int argc, char **argv)
{
    int rc = run(argc, argv);
    flush_stdout();
    if (stdout_error) {
        fprintf(stderr, "hustings-index: cannot write the output: %s\n", strerror(stdout_error));
        return EXIT_ERROR;
    }
    return rc;
}

static int run(int argc, char **argv)
{
    enum { OPT_MAX_SIZE = 256, OPT_STATS, OPT_PROGRESS, OPT_EXTRACT, OPT_BATCH };
    static const struct option options[] = {
        { "index", required_argument, NULL, 'd' },
        { "dry-run", no_argument, NULL, 'n' },
        { "exclude", required_argument, NULL, 'x' },
        { "follow", no_argument, NULL, 'L' },
        { "max-size", required_argument, NULL, OPT_MAX_SIZE },
        { "jobs", required_argument, NULL, 'j' },
        { "stats", no_argument, NULL, OPT_STATS },
        { "extract", no_argument, NULL, OPT_EXTRACT },
        { "watch", no_argument, NULL, 'w' },
        { "batch", required_argument, NULL, OPT_BATCH },
        { "quiet", no_argument, NULL, 'q' },
        { "verbose", no_argument, NULL, 'v' },
        { "progress", no_argument, NULL, OPT_PROGRESS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *index_opt = NULL; /* -d, as given */
    char *index_path = NULL;      /* the index used, allocated */
    const char **excludes = calloc((size_t)argc, sizeof *excludes);
    size_t n_excludes = 0;
    int quiet = 0, verbose = 0, dry_run = 0, follow = 0, stats = 0, force_progress = 0, c;
    int extract = 0, watch = 0;
    unsigned long long batch = 5;
    unsigned long long max_size = 0;
    unsigned long long jobs = 0;

    if (!excludes) {
        fputs("hustings-index: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    while ((c = getopt_long(argc, argv, "d:nx:Lj:qvwhV", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            index_opt = optarg;
            break;
        case 'n':
            dry_run = 1;
            break;
        case 'x':
            excludes[n_excludes++] = optarg;
            break;
        case 'L':
            follow = 1;
            break;
        case OPT_MAX_SIZE:
            if (!(max_size = parse_size(optarg))) {
                fprintf(stderr, "hustings-index: invalid --max-size '%s': a number of bytes is needed\n",
                        optarg);
                free(excludes);
                return EXIT_ERROR;
            }
            break;
        case 'j':
            if (!(jobs = parse_size(optarg)) || jobs > 64) {
                fprintf(stderr, "hustings-index: invalid --jobs '%s': a number from 1 to 64 is needed\n",
                        optarg);
                free(excludes);
                return EXIT_ERROR;
            }
            break;
        case OPT_STATS:
            stats = 1;
            break;
        case OPT_EXTRACT:
            extract = 1;
            break;
        case 'w':
            watch = 1;
            break;
        case OPT_BATCH:
            if (!(batch = parse_size(optarg)) || batch > 86400) {
                fprintf(stderr, "hustings-index: invalid --batch '%s': seconds from 1 to 86400\n",
                        optarg);
                free(excludes);
                return EXIT_ERROR;
            }
            break;
        case 'q':
            quiet = 1;
            break;
        case 'v':
            verbose = 1;
            break;
        case OPT_PROGRESS:
            force_progress = 1;
            break;
        case 'h':
            usage(stdout);
            free(excludes);
            return 0;
        case 'V':
            printf("hustings-index (hustings) %s\n", hustings_version());
            free(excludes);
            return 0;
        default:
            fputs("Try 'hustings-index --help' for more information.\n", stderr);
            free(excludes);
            return EXIT_ERROR;
        }
    }
    if (extract) {
        int rc = optind == argc ? EXIT_ERROR : 0;
        if (optind == argc)
            fputs("hustings-index: --extract needs a FILE\n", stderr);
        for (int i = optind; i < argc; i++) {
            int r = extract_file(argv[i]);
            if (r > rc)
                rc = r;
        }
        free(excludes);
        return rc;
    }
    if (index_opt ? !(index_path = strdup(index_opt))
                  : hustings_default_index_path(&index_path) != HUSTINGS_STATUS_SUCCESS) {
        fputs("hustings-index: out of memory\n", stderr);
        free(excludes);
        return EXIT_ERROR;
    }
    if (stats && optind < argc) {
        fputs("hustings-index: --stats takes no PATH\n", stderr);
        free(index_path);
        free(excludes);
        return EXIT_ERROR;
    }
    if (stats) {
        int rc = print_stats(index_path);
        free(index_path);
        free(excludes);
        return rc;
    }
    if (optind == argc) {
        fputs("hustings-index: no folder or file to index\n"
              "Try 'hustings-index --help' for more information.\n", stderr);
        free(index_path);
        free(excludes);
        return EXIT_ERROR;
    }

    if (check_paths(argv + optind, (size_t)(argc - optind)) < 0) {
        free(index_path);
        free(excludes);
        return EXIT_ERROR;
    }
    char *scratch = NULL;
    char *open_path = dry_run ? dry_run_index(index_path, &scratch) : strdup(index_path);
    if (!open_path) {
        fputs("hustings-index: cannot make a temporary index for --dry-run\n", stderr);
        free(index_path);
        free(excludes);
        return EXIT_ERROR;
    }
    hustings_index_t *index = NULL;
    hustings_indexer_t *indexer = NULL;
    char *message = NULL;
    hustings_status_t st = hustings_index_open(open_path, HUSTINGS_INDEX_MODE_READ_WRITE,
                                               &index, &message);
    free(open_path);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_indexer_create(index, &indexer);
    for (size_t i = 0; i < n_excludes && st == HUSTINGS_STATUS_SUCCESS; i++)
        st = hustings_indexer_add_exclude(indexer, excludes[i]);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s\n",
                message ? message : hustings_status_to_string(st));
        free(message);
        hustings_indexer_destroy(indexer);
        hustings_index_close(index);
        drop_scratch(scratch);
        free(index_path);
        free(excludes);
        return EXIT_ERROR;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    int tty = isatty(STDERR_FILENO);
    reporter rep = { verbose, dry_run, watch,
                     progress_new(stderr, tty, !quiet && (tty || force_progress)) };
    hustings_indexer_set_dry_run(indexer, dry_run);
    hustings_indexer_set_follow_links(indexer, follow);
    if (max_size)
        hustings_indexer_set_max_file_size(indexer, max_size);
    hustings_indexer_set_jobs(indexer, (unsigned)jobs);
    hustings_indexer_set_file_callback(indexer, report_file, &rep);
    hustings_indexer_set_progress_callback(indexer, report_progress, &rep);
    hustings_indexer_set_cancel_flag(indexer, &stop_signal);

    double start = now();
    hustings_summary_t sum;
    memset(&sum, 0, sizeof sum);
    if (watch)
        st = hustings_indexer_watch(indexer, (const char *const *)argv + optind,
                                    (size_t)(argc - optind), (unsigned)batch, &sum);
    else
        st = hustings_indexer_run(indexer, (const char *const *)argv + optind,
                                  (size_t)(argc - optind), &sum);
    progress_clear(rep.bar);
    int status = sum.skipped ? EXIT_SKIPPED : 0;
    if (watch && st == HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: stopped watching on %s; everything is committed\n",
                stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
        status = 0;
    } else if (st == HUSTINGS_STATUS_INTERRUPTED) {
        fprintf(stderr, "hustings-index: stopped by %s; the work done so far is committed\n",
                stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
        status = 128 + stop_signal;
    } else if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s\n", hustings_index_get_error(index));
        status = EXIT_ERROR;
    }
    hustings_indexer_destroy(indexer);
    hustings_status_t cst = hustings_index_close(index);
    drop_scratch(scratch);
    if (cst != HUSTINGS_STATUS_SUCCESS && status != EXIT_ERROR) {
        fprintf(stderr, "hustings-index: %s: %s\n", index_path, hustings_status_to_string(cst));
        status = EXIT_ERROR;
    }
    if (!quiet) {
        fprintf(stderr, "hustings-index: %lu new, %lu changed, %lu removed, %lu unchanged, "
                        "%lu skipped",
                sum.new_files, sum.changed, sum.removed, sum.unchanged, sum.skipped);
        if (sum.renamed)
            fprintf(stderr, ", %lu renamed", sum.renamed);
        /* after an error, what was read since the last commit is lost */
        fprintf(stderr, "; %lu articles, %lu passages %s in %.2f s -> %s\n", sum.articles,
                sum.passages,
                dry_run                ? "would be written (dry run)"
                : status == EXIT_ERROR ? "read, but the run failed: the index keeps its last commit"
                                       : "written",
                now() - start, index_path);
    }
    progress_free(rep.bar);
    free(index_path);
    free(excludes);
    return status;
}
