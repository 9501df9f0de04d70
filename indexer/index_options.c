/* index_options.c - hustings-index's command line: the index, what to
 * do (update, --stats, --extract), what to skip and how to report. */
#include "index_options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hustings.h"

static void usage(FILE *out)
{
    fputs("Usage: hustings-index [OPTION]... PATH...\n"
          "  or:  hustings-index [OPTION]... --forget=PATH... [PATH]...\n"
          "  or:  hustings-index [OPTION]... --prune [PATH]...\n"
          "  or:  hustings-index --stats [-d INDEX]\n"
          "  or:  hustings-index --extract FILE...\n"
          "Bring a hustings index up to date with the articles in each PATH (a folder,\n"
          "walked recursively, or a file): new and changed files are indexed, renamed\n"
          "files re-keyed, files that are gone removed; the rest is not even opened.\n"
          "A folder that was moved is recognised as renamed files when its old and its\n"
          "new place are both named.  Options may come after the PATHs; '--' ends them.\n"
          "\n"
          "  -d, --index=INDEX    the index (default: $HUSTINGS_INDEX, else\n"
          "                       $XDG_DATA_HOME/hustings/index, else\n"
          "                       ~/.local/share/hustings/index)\n"
          "  -n, --dry-run        print what would change, change nothing (-n as in\n"
          "                       make and rsync; in hustings-query, -n is --limit)\n"
          "  -x, --exclude=GLOB   skip files and folders matching GLOB (by name or by\n"
          "                       path below PATH); may be repeated\n"
          "  -L, --follow         follow symbolic links (default: skip them)\n"
          "      --max-size=BYTES skip files larger than this (default 67108864)\n"
          "  -j, --jobs=N         read and parse files in N threads while one writes,\n"
          "                       as make -j (default: one per processor; 1: no threads)\n"
          "      --date-from-mtime\n"
          "                       date an article that gives no date of its own by its\n"
          "                       file's modification time (its date source is then\n"
          "                       \"mtime\"); a run without it leaves the dates of\n"
          "                       unchanged files as they are\n"
          "      --forget=PATH    remove from the index what was indexed from PATH (a\n"
          "                       folder or file, which need not exist any more); may be\n"
          "                       repeated\n"
          "      --prune          remove the files that no longer exist, wherever they\n"
          "                       were indexed from; nothing below a folder that cannot\n"
          "                       be read or is empty (an unmounted share)\n"
          "  -w, --watch          after indexing, keep running and index what changes\n"
          "                       (inotify); SIGINT/SIGTERM commit and exit 0\n"
          "      --batch=SECONDS  with --watch, commit at most this often (default 5)\n"
          "      --stats          print what the index holds (with its folders and\n"
          "                       undated articles) and exit\n"
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
          "Exit status: 0 all indexed; 1 some files skipped, or a --forget PATH the\n"
          "index holds nothing from; 2 error (bad options, index unusable or locked);\n"
          "130/143 stopped by SIGINT/SIGTERM.\n",
          out);
}

/* Parse a byte count; 0 when invalid. */
static unsigned long long parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    return errno || end == s || *end || s[0] == '-' ? 0 : v;
}

/* The options, until the first argument that is none, with -d as given
 * in *index_opt; 0, 1 or -1 as index_options_parse. */
static int parse_options(int argc, char **argv, index_options *opt, const char **index_opt)
{
    enum {
        OPT_MAX_SIZE = 256,
        OPT_STATS,
        OPT_PROGRESS,
        OPT_EXTRACT,
        OPT_BATCH,
        OPT_FORGET,
        OPT_PRUNE,
        OPT_DATE_FROM_MTIME
    };
    static const struct option options[] = {
        { "index", required_argument, NULL, 'd' },
        { "dry-run", no_argument, NULL, 'n' },
        { "exclude", required_argument, NULL, 'x' },
        { "follow", no_argument, NULL, 'L' },
        { "max-size", required_argument, NULL, OPT_MAX_SIZE },
        { "jobs", required_argument, NULL, 'j' },
        { "date-from-mtime", no_argument, NULL, OPT_DATE_FROM_MTIME },
        { "forget", required_argument, NULL, OPT_FORGET },
        { "prune", no_argument, NULL, OPT_PRUNE },
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
    int stats = 0, extract = 0, c;
    unsigned long long n;

    while ((c = getopt_long(argc, argv, "d:nx:Lj:qvwhV", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            *index_opt = optarg;
            break;
        case 'n':
            opt->dry_run = 1;
            break;
        case 'x':
            opt->excludes[opt->n_excludes++] = optarg;
            break;
        case 'L':
            opt->follow = 1;
            break;
        case OPT_MAX_SIZE:
            if (!(opt->max_size = parse_size(optarg))) {
                fprintf(stderr, "hustings-index: invalid --max-size '%s': a number of bytes is needed\n",
                        optarg);
                return -1;
            }
            break;
        case 'j':
            if (!(n = parse_size(optarg)) || n > 64) {
                fprintf(stderr, "hustings-index: invalid --jobs '%s': a number from 1 to 64 is needed\n",
                        optarg);
                return -1;
            }
            opt->jobs = (unsigned)n;
            break;
        case OPT_DATE_FROM_MTIME:
            opt->date_from_mtime = 1;
            break;
        case OPT_FORGET:
            /* "" would be made the current folder: an unset variable in a
             * script must not forget everything below where it runs */
            if (!*optarg) {
                fputs("hustings-index: --forget: an empty PATH names no file or folder\n", stderr);
                return -1;
            }
            opt->forget[opt->n_forget++] = optarg;
            break;
        case OPT_PRUNE:
            opt->prune = 1;
            break;
        case OPT_STATS:
            stats = 1;
            break;
        case OPT_EXTRACT:
            extract = 1;
            break;
        case 'w':
            opt->watch = 1;
            break;
        case OPT_BATCH:
            if (!(n = parse_size(optarg)) || n > 86400) {
                fprintf(stderr, "hustings-index: invalid --batch '%s': seconds from 1 to 86400\n",
                        optarg);
                return -1;
            }
            opt->batch = (unsigned)n;
            break;
        case 'q':
            opt->quiet = 1;
            break;
        case 'v':
            opt->verbose = 1;
            break;
        case OPT_PROGRESS:
            opt->force_progress = 1;
            break;
        case 'h':
            usage(stdout);
            return 1;
        case 'V':
            printf("hustings-index (hustings) %s\n", hustings_version());
            return 1;
        default:
            fputs("Try 'hustings-index --help' for more information.\n", stderr);
            return -1;
        }
    }
    opt->action = extract ? INDEX_EXTRACT : stats ? INDEX_STATS : INDEX_UPDATE;
    return 0;
}

int index_options_parse(int argc, char **argv, index_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->batch = 5;
    opt->excludes = calloc((size_t)argc, sizeof *opt->excludes);
    opt->forget = calloc((size_t)argc, sizeof *opt->forget);
    if (!opt->excludes || !opt->forget) {
        fputs("hustings-index: out of memory\n", stderr);
        return -1;
    }
    const char *index_opt = NULL;
    int rc = parse_options(argc, argv, opt, &index_opt);
    if (rc != 0)
        return rc;
    opt->paths = argv + optind;
    opt->n_paths = (size_t)(argc - optind);
    for (size_t i = 0; i < opt->n_paths; i++)
        if (!*opt->paths[i]) {
            fputs("hustings-index: an empty PATH names no file or folder\n", stderr);
            return -1;
        }
    if (opt->action != INDEX_UPDATE && (opt->n_forget || opt->prune)) {
        fprintf(stderr, "hustings-index: --forget and --prune change the index: not with %s\n",
                opt->action == INDEX_STATS ? "--stats" : "--extract");
        return -1;
    }
    if (opt->action == INDEX_EXTRACT) {
        if (opt->n_paths == 0) {
            fputs("hustings-index: --extract needs a FILE\n", stderr);
            return -1;
        }
        return 0;
    }
    if (index_opt ? !(opt->index_path = strdup(index_opt))
                  : hustings_default_index_path(&opt->index_path) != HUSTINGS_STATUS_SUCCESS) {
        fputs("hustings-index: out of memory\n", stderr);
        return -1;
    }
    if (opt->action == INDEX_STATS && opt->n_paths > 0) {
        fputs("hustings-index: --stats takes no PATH\n", stderr);
        return -1;
    }
    if (opt->action == INDEX_UPDATE && opt->n_paths == 0 &&
        (opt->watch || (!opt->n_forget && !opt->prune))) {
        fputs("hustings-index: no folder or file to index\n"
              "Try 'hustings-index --help' for more information.\n", stderr);
        return -1;
    }
    return 0;
}

void index_options_free(index_options *opt)
{
    free(opt->index_path);
    free(opt->excludes);
    free(opt->forget);
    opt->index_path = NULL;
    opt->excludes = NULL;
    opt->forget = NULL;
    opt->n_excludes = 0;
    opt->n_forget = 0;
}
