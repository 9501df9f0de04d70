/* hustings-index - index the articles of a corpus folder.
 *
 * Only parses options, calls libhustings and prints; the work is in lib/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hustings.h"

enum { EXIT_SKIPPED = 1, EXIT_ERROR = 2 };

static void usage(FILE *out)
{
    fputs("Usage: hustings-index [OPTION]... PATH...\n"
          "Index the articles in each PATH (a folder, walked recursively, or a file)\n"
          "into a hustings index, replacing what an earlier run indexed from the\n"
          "same files.\n"
          "\n"
          "  -d, --index=INDEX  the index to write (default: $HUSTINGS_INDEX, else\n"
          "                     $XDG_DATA_HOME/hustings/index, else\n"
          "                     ~/.local/share/hustings/index)\n"
          "  -q, --quiet        print problems only, no summary\n"
          "  -h, --help         show this help and exit\n"
          "  -V, --version      show the version and exit\n"
          "\n"
          "In folders, files ending in .txt or .text are read; hidden files and\n"
          "symbolic links are skipped.  Each file that cannot be indexed is named on\n"
          "stderr with the reason, and the run goes on.\n"
          "\n"
          "Exit status: 0 every article indexed; 1 some files skipped;\n"
          "2 error (bad options, index unusable).\n",
          out);
}

static void report_problem(void *context, const char *path, const char *reason)
{
    (void)context;
    fprintf(stderr, "hustings-index: %s: %s\n", path, reason);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static const struct option options[] = {
        { "index", required_argument, NULL, 'd' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *index_opt = NULL; /* -d, as given */
    char *index_path = NULL;      /* the index used, allocated */
    int quiet = 0, c;

    while ((c = getopt_long(argc, argv, "d:qhV", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            index_opt = optarg;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("hustings-index (hustings) %s\n", hustings_version());
            return 0;
        default:
            fputs("Try 'hustings-index --help' for more information.\n", stderr);
            return EXIT_ERROR;
        }
    }
    if (optind == argc) {
        fputs("hustings-index: no folder or file to index\n"
              "Try 'hustings-index --help' for more information.\n", stderr);
        return EXIT_ERROR;
    }
    if (index_opt ? !(index_path = strdup(index_opt))
                  : hustings_default_index_path(&index_path) != HUSTINGS_STATUS_SUCCESS) {
        fputs("hustings-index: out of memory\n", stderr);
        return EXIT_ERROR;
    }

    hustings_index_t *index = NULL;
    char *message = NULL;
    hustings_status_t st = hustings_index_open(index_path, HUSTINGS_INDEX_MODE_READ_WRITE,
                                               &index, &message);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-index: %s\n",
                message ? message : hustings_status_to_string(st));
        free(message);
        free(index_path);
        return EXIT_ERROR;
    }

    double start = now();
    hustings_summary_t summary = { 0, 0, 0 };
    int failed = 0;
    for (int i = optind; i < argc && !failed; i++) {
        st = hustings_index_add_path(index, argv[i], report_problem, NULL, &summary);
        if (st == HUSTINGS_STATUS_FILE_ERROR) {
            /* a missing folder is one more problem, not the end of the run */
            fprintf(stderr, "hustings-index: %s\n", hustings_index_get_error(index));
            summary.skipped++;
        } else if (st != HUSTINGS_STATUS_SUCCESS) {
            fprintf(stderr, "hustings-index: %s\n", hustings_index_get_error(index));
            failed = 1;
        }
    }
    st = hustings_index_close(index);
    if (st != HUSTINGS_STATUS_SUCCESS && !failed) {
        fprintf(stderr, "hustings-index: %s: %s\n", index_path, hustings_status_to_string(st));
        failed = 1;
    }
    if (!quiet)
        fprintf(stderr, "hustings-index: %lu articles, %lu passages, %lu skipped, %.2f s -> %s\n",
                summary.articles, summary.passages, summary.skipped, now() - start,
                index_path);
    free(index_path);
    if (failed)
        return EXIT_ERROR;
    return summary.skipped ? EXIT_SKIPPED : 0;
}
