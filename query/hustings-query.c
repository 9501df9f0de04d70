/* hustings-query - print the passages of an index that answer a query.
 *
 * Only parses options, calls libhustings and prints (through output.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hustings.h"
#include "output.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

static void usage(FILE *out)
{
    fputs("Usage: hustings-query [OPTION]... QUERY...\n"
          "Print the passages of a hustings index that best answer QUERY, best first.\n"
          "\n"
          "  -d, --index=INDEX  the index to search (default: $HUSTINGS_INDEX, else\n"
          "                     $XDG_DATA_HOME/hustings/index, else\n"
          "                     ~/.local/share/hustings/index); repeat -d to search\n"
          "                     several shards as one; INDEX may be a Xapian stub\n"
          "                     file naming local or remote (xapian-tcpsrv) shards\n"
          "  -n, --limit=N      print at most N passages (default 10)\n"
          "      --offset=N     skip the N best passages first (default 0)\n"
          "  -j, --json         print JSON Lines, one object per passage (same as\n"
          "                     --format json)\n"
          "      --format=FMT   text (default), json or tsv\n"
          "      --count        print only how many passages match\n"
          "      --sort=ORDER   relevance (default), date (oldest first) or -date\n"
          "      --per-article=N  at most N passages per article (default 0: no\n"
          "                     limit)\n"
          "      --no-collapse  show every copy of a story republished with small\n"
          "                     changes (by default one result says how many exist)\n"
          "      --since=DATE   only articles dated DATE or later (YYYY[-MM[-DD]])\n"
          "      --until=DATE   only articles dated DATE or earlier\n"
          "      --synonyms=FILE  also match the synonyms listed in FILE (default:\n"
          "                     $HUSTINGS_SYNONYMS when set); lines \"left = right, ...\"\n"
          "      --no-thesaurus  do not apply the built-in thesaurus of election\n"
          "                     vocabulary (Tory = Conservative, election => poll)\n"
          "      --time-limit=SECONDS  stop a search that takes longer, saying so\n"
          "                     (default 10; 0: no limit); a query also may hold at\n"
          "                     most a few words ending in *\n"
          "      --facets=LIST  after the passages, counts over every match by year,\n"
          "                     month, source and/or lang (comma-separated)\n"
          "      --dump         print every passage of the index, one JSON object per\n"
          "                     line (path, passage, title, date, text), in a\n"
          "                     canonical order; no QUERY\n"
          "      --color=WHEN   bold matched words: auto (default: on a terminal,\n"
          "                     unless NO_COLOR is set), always or never\n"
          "  -h, --help         show this help and exit\n"
          "  -V, --version      show the version and exit\n"
          "\n"
          "Short options go before QUERY, long options anywhere; '--' ends the options.\n"
          "\n"
          "Query syntax: words (any form of a word matches; a name spelt as typed\n"
          "ranks first); \"a quoted phrase\" (any forms, no synonyms); =word or\n"
          "=\"a phrase\" (exactly these forms); hyphenated-words (a phrase, also\n"
          "matching the words written together); -word or NOT word to exclude;\n"
          "AND, OR, (brackets); a NEAR/n b; prefix*; title: source: site: author:\n"
          "lang: path: fields; date:2005, date:2005-04, date:2005-04-01..2005-05-05.\n"
          "Very common words (the, of, \xd0\xb8) are not searched for.  Passages\n"
          "holding more of the query's rarer words, in articles more about them,\n"
          "rank first.\n"
          "\n"
          "JSON fields: rank, score, path, title, date (YYYY-MM-DD or null), source\n"
          "(URL or null), byline, lang, site (each or null), copies (near-duplicates\n"
          "shown as this one), passage (ordinal in the article, from 0), paragraph\n"
          "(block of the file, 0 = headline), text, highlights ([start, end) byte\n"
          "offsets into text), suggestion (a respelling of the query, or null; alone\n"
          "on its line when nothing is found).\n"
          "\n"
          "Exit status: 0 passages found (with -n 0: matches exist); 1 none; 2 error.\n",
          out);
}

enum { MAX_COUNT = 1000000 };

/* Parse a count option; -1 when it is not a whole number from 0 to
 * MAX_COUNT. */
static long parse_count(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > MAX_COUNT)
        return -1;
    return v;
}

/* The columns to wrap text to: the terminal's when it reports them, else
 * $COLUMNS when it is a positive number (pipes, and terminals that report
 * 0), else 80. */
static int output_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    long columns = env ? parse_count(env) : -1;
    return columns > 0 ? (int)columns : 80;
}

/* Whether name[0..len) is a facet the library knows, so that a wrong name
 * is refused before anything is printed. */
static int is_facet(const char *name, size_t len)
{
    for (const char *const *f = hustings_facet_names(); *f; f++)
        if (strlen(*f) == len && strncmp(*f, name, len) == 0)
            return 1;
    return 0;
}

/* 0 when every name of the comma-separated list is a facet, else -1 after
 * naming the first that is not. */
static int check_facets(const char *list)
{
    for (const char *name = list;; name++) {
        size_t len = strcspn(name, ",");
        if (!is_facet(name, len)) {
            fprintf(stderr, "hustings-query: unknown facet '%.*s': year, month, source or lang\n",
                    (int)len, name);
            return -1;
        }
        name += len;
        if (!*name)
            return 0;
    }
}

/* An argument that getopt_long reads as a long option: "--name...". */
static int is_long_option(const char *arg)
{
    return arg[0] == '-' && arg[1] == '-' && arg[2];
}

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

/* The query words joined by spaces, as the shell split them. */
static char *join_args(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *q = malloc(len);
    if (!q)
        return NULL;
    q[0] = '\0';
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(q, " ");
        strcat(q, argv[i]);
    }
    return q;
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

int main(int argc, char **argv)
{
    enum { OPT_OFFSET = 256, OPT_COLOR, OPT_DUMP, OPT_FORMAT, OPT_COUNT, OPT_SORT,
           OPT_PER_ARTICLE, OPT_NO_COLLAPSE, OPT_SINCE, OPT_UNTIL, OPT_FACETS, OPT_SYNONYMS,
           OPT_NO_THESAURUS, OPT_TIME_LIMIT };
    static const struct option options[] = {
        { "index", required_argument, NULL, 'd' },
        { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, OPT_OFFSET },
        { "json", no_argument, NULL, 'j' },
        { "color", required_argument, NULL, OPT_COLOR },
        { "dump", no_argument, NULL, OPT_DUMP },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "count", no_argument, NULL, OPT_COUNT },
        { "sort", required_argument, NULL, OPT_SORT },
        { "per-article", required_argument, NULL, OPT_PER_ARTICLE },
        { "no-collapse", no_argument, NULL, OPT_NO_COLLAPSE },
        { "since", required_argument, NULL, OPT_SINCE },
        { "until", required_argument, NULL, OPT_UNTIL },
        { "facets", required_argument, NULL, OPT_FACETS },
        { "synonyms", required_argument, NULL, OPT_SYNONYMS },
        { "no-thesaurus", no_argument, NULL, OPT_NO_THESAURUS },
        { "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    enum { MAX_SHARDS = 256 };
    const char *shards[MAX_SHARDS]; /* each -d */
    size_t n_shards = 0;
    const char *index_opt = NULL; /* -d, as given */
    char *index_path = NULL;      /* the index used, allocated */
    long limit = 10, offset = 0;
    const char *color = "auto";
    output_options opt = { OUTPUT_TEXT, 0, 80, 1 };
    int c, dump = 0, count_only = 0, thesaurus = 1;
    long per_article = -1;
    double time_limit = 10;
    hustings_sort_t sort = HUSTINGS_SORT_RELEVANCE;
    const char *since = NULL, *until = NULL, *facets = NULL;
    const char *synonyms = getenv("HUSTINGS_SYNONYMS");
    char **words = NULL; /* the query words, moved down over argv's options */
    int n_words = 0;

    /* Short options go before the query, so that "-word" in it excludes a
     * word; long options may go anywhere; "--" ends the options.  '+' stops
     * getopt_long at the first query word instead of permuting argv; from
     * there each "--option" is handed to it alone.  A word is moved only
     * over arguments already read. */
    while (optind < argc) {
        int at = optind;
        if (n_words && !is_long_option(argv[at])) {
            if (strcmp(argv[at], "--") == 0) {
                optind++;
                break;
            }
            words[n_words++] = argv[optind++];
            continue;
        }
        c = getopt_long(argc, argv, "+d:n:jhV", options, NULL);
        if (c == -1 && optind > at) /* "--" */
            break;
        if (c == -1) { /* the first query word */
            words = argv + at;
            words[n_words++] = argv[optind++];
            continue;
        }
        switch (c) {
        case 'd':
            index_opt = optarg;
            if (n_shards == MAX_SHARDS) {
                fprintf(stderr, "hustings-query: at most %d -d; list more shards in a stub file\n",
                        MAX_SHARDS);
                return EXIT_ERROR;
            }
            shards[n_shards++] = optarg;
            break;
        case 'n':
        case OPT_OFFSET:
        case OPT_PER_ARTICLE: {
            long v = parse_count(optarg);
            if (v < 0) {
                fprintf(stderr,
                        "hustings-query: invalid %s '%s': a whole number from 0 to %d is needed\n",
                        c == 'n' ? "limit" : c == OPT_OFFSET ? "offset" : "per-article", optarg,
                        MAX_COUNT);
                return EXIT_ERROR;
            }
            *(c == 'n' ? &limit : c == OPT_OFFSET ? &offset : &per_article) = v;
            break;
        }
        case OPT_TIME_LIMIT: {
            char *end;
            errno = 0;
            time_limit = strtod(optarg, &end);
            if (end == optarg || *end || errno || !(time_limit >= 0 && time_limit <= 86400)) {
                fprintf(stderr,
                        "hustings-query: invalid --time-limit '%s': seconds from 0 to 86400 "
                        "(0: no limit)\n",
                        optarg);
                return EXIT_ERROR;
            }
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                opt.format = OUTPUT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                opt.format = OUTPUT_JSON;
            else if (strcmp(optarg, "tsv") == 0)
                opt.format = OUTPUT_TSV;
            else {
                fprintf(stderr, "hustings-query: invalid --format '%s': text, json or tsv\n", optarg);
                return EXIT_ERROR;
            }
            break;
        case OPT_SORT:
            if (strcmp(optarg, "relevance") == 0)
                sort = HUSTINGS_SORT_RELEVANCE;
            else if (strcmp(optarg, "date") == 0)
                sort = HUSTINGS_SORT_DATE;
            else if (strcmp(optarg, "-date") == 0)
                sort = HUSTINGS_SORT_DATE_DESC;
            else {
                fprintf(stderr, "hustings-query: invalid --sort '%s': relevance, date or -date\n",
                        optarg);
                return EXIT_ERROR;
            }
            break;
        case OPT_COUNT:
            count_only = 1;
            break;
        case OPT_NO_COLLAPSE:
            opt.collapse = 0;
            break;
        case OPT_SINCE:
            since = optarg;
            break;
        case OPT_UNTIL:
            until = optarg;
            break;
        case OPT_FACETS:
            facets = optarg;
            break;
        case OPT_SYNONYMS:
            synonyms = optarg;
            break;
        case OPT_NO_THESAURUS:
            thesaurus = 0;
            break;
        case 'j':
            opt.format = OUTPUT_JSON;
            break;
        case OPT_DUMP:
            dump = 1;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
                fprintf(stderr, "hustings-query: invalid --color '%s': auto, always or never\n",
                        optarg);
                return EXIT_ERROR;
            }
            color = optarg;
            break;
        case 'h':
            usage(stdout);
            return flush_results() < 0 ? EXIT_ERROR : 0;
        case 'V':
            printf("hustings-query (hustings) %s\n", hustings_version());
            return flush_results() < 0 ? EXIT_ERROR : 0;
        default:
            fputs("Try 'hustings-query --help' for more information.\n", stderr);
            return EXIT_ERROR;
        }
    }
    if (!words) /* after "--", or none */
        words = argv + optind;
    while (optind < argc)
        words[n_words++] = argv[optind++];
    if (!n_words && !dump) {
        fputs("hustings-query: no query given\n"
              "Try 'hustings-query --help' for more information.\n", stderr);
        return EXIT_ERROR;
    }
    if (n_words && dump) {
        fputs("hustings-query: --dump takes no query\n", stderr);
        return EXIT_ERROR;
    }
    if (facets && check_facets(facets) < 0)
        return EXIT_ERROR;
    const char *no_color = getenv("NO_COLOR");
    opt.bold = strcmp(color, "always") == 0 ||
               (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO) && !(no_color && *no_color));
    opt.width = output_width();
    if (index_opt ? !(index_path = strdup(index_opt))
                  : hustings_default_index_path(&index_path) != HUSTINGS_STATUS_SUCCESS) {
        fputs("hustings-query: out of memory\n", stderr);
        return EXIT_ERROR;
    }

    int status = EXIT_ERROR;
    hustings_index_t *index = NULL;
    hustings_query_t *query = NULL;
    hustings_passages_t *passages = NULL;
    char *message = NULL;
    char *query_string = join_args(n_words, words);
    hustings_status_t st =
        !query_string ? HUSTINGS_STATUS_OUT_OF_MEMORY
        : n_shards > 1 ? hustings_index_open_shards(shards, n_shards, &index, &message)
                       : hustings_index_open(index_path, HUSTINGS_INDEX_MODE_READ_ONLY, &index,
                                             &message);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-query: %s\n", message ? message : hustings_status_to_string(st));
        if (st == HUSTINGS_STATUS_INDEX_NOT_FOUND)
            fputs("hustings-query: build it first with: hustings-index -d INDEX FOLDER\n", stderr);
        goto done;
    }
    if (dump) {
        int stopped = 0;
        st = hustings_index_dump(index, dump_passage, &stopped);
        if (st != HUSTINGS_STATUS_SUCCESS)
            fprintf(stderr, "hustings-query: %s\n", hustings_index_get_error(index));
        status = st == HUSTINGS_STATUS_SUCCESS && !stopped ? EXIT_FOUND : EXIT_ERROR;
        goto done;
    }
    st = hustings_query_create(index, query_string, &query);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_limit(query, (unsigned)limit);
        hustings_query_set_offset(query, (unsigned)offset);
        hustings_query_set_sort(query, sort);
        if (per_article >= 0)
            hustings_query_set_per_article(query, (unsigned)per_article);
        hustings_query_set_collapse(query, opt.collapse);
        hustings_query_set_thesaurus(query, thesaurus);
        hustings_query_set_time_limit(query, time_limit);
        st = hustings_query_set_date_range(query, since, until);
    }
    if (st == HUSTINGS_STATUS_SUCCESS && synonyms && *synonyms)
        st = hustings_query_set_synonyms_file(query, synonyms);
    if (st == HUSTINGS_STATUS_SUCCESS && count_only) {
        unsigned long n = 0;
        st = hustings_query_count(query, &n);
        if (st == HUSTINGS_STATUS_SUCCESS) {
            printf("%lu\n", n);
            status = n ? EXIT_FOUND : EXIT_NONE;
            goto done;
        }
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_query_search(query, &passages);
    unsigned long found = 0;
    if (st == HUSTINGS_STATUS_SUCCESS) {
        found = hustings_passages_count(passages);
        /* -n 0 prints no passage (only facets): whether any matches decides */
        if (limit == 0)
            st = hustings_query_count(query, &found);
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        const char *why = hustings_index_get_error(index);
        fprintf(stderr, "hustings-query: %s\n", *why ? why : hustings_status_to_string(st));
        goto done;
    }
    status = found ? EXIT_FOUND : EXIT_NONE;
    const char *suggestion = hustings_passages_get_suggestion(passages);
    if (suggestion && opt.format != OUTPUT_JSON)
        fprintf(stderr, "hustings-query: did you mean: %s\n", suggestion);
    if (suggestion && opt.format == OUTPUT_JSON && !hustings_passages_count(passages) &&
        output_suggestion(stdout, suggestion) < 0) {
        output_failed();
        status = EXIT_ERROR;
    }
    hustings_passage_t *previous = NULL;
    for (; hustings_passages_valid(passages); hustings_passages_move_to_next(passages)) {
        hustings_passage_t *p = hustings_passages_get(passages);
        int rc = output_passage(stdout, &opt, p, previous, suggestion);
        previous = p;
        if (rc < 0) {
            output_failed();
            status = EXIT_ERROR;
            break;
        }
    }
    if (facets && status != EXIT_ERROR && print_facets(query, index, &opt, facets) < 0)
        status = EXIT_ERROR;
done:
    /* every path that printed ends here, so a write error is never missed */
    if (flush_results() < 0)
        status = EXIT_ERROR;
    hustings_passages_destroy(passages);
    hustings_query_destroy(query);
    hustings_index_close(index);
    free(message);
    free(query_string);
    free(index_path);
    return status;
}
