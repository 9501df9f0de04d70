/* query_options.c - hustings-query's command line: the index, the query's
 * words and settings, and how to print the results. */
#include "query_options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char help[] =
    "Usage: hustings-query [OPTION]... QUERY...\n"
    "Print the passages of a hustings index that best answer QUERY, best first.\n"
    "\n"
    "  -d, --index=INDEX  the index to search (default: $HUSTINGS_INDEX, else\n"
    "                     $XDG_DATA_HOME/hustings/index, else\n"
    "                     ~/.local/share/hustings/index); repeat -d to search\n"
    "                     several shards as one; INDEX may be a Xapian stub\n"
    "                     file naming local or remote (xapian-tcpsrv) shards\n"
    "  -n, --limit=N      print at most N passages (default 10); hustings-index's\n"
    "                     -n is another option, --dry-run\n"
    "      --offset=N     skip the N best passages first (default 0)\n"
    "  -j, --json         print JSON Lines, one object per line (the same as\n"
    "                     --format json); hustings-index's -j is --jobs\n"
    "      --format=FMT   text (default), json, csv or tsv\n"
    "      --count        print only how many passages match\n"
    "      --sort=ORDER   relevance (default), date (oldest first) or -date\n"
    "      --per-article=N  at most N passages per article (default 0: no\n"
    "                     limit)\n"
    "      --no-collapse  show every copy of a story republished with small\n"
    "                     changes (by default one result says how many exist)\n"
    "      --since=DATE   only articles dated DATE or later: YYYY[-MM[-DD]], or a\n"
    "                     time ago: 7d, 2w, 3m, 1y (days, weeks, months, years\n"
    "                     before today, UTC); undated articles are left out\n"
    "      --until=DATE   only articles dated DATE or earlier (the same forms)\n"
    "      --lang=LANG    only passages in LANG: en, ru, kk, or a name (russian)\n"
    "      --source=SOURCE  only articles from SOURCE as --facets=source lists\n"
    "                     it: a site name, or a host (its subdomains too)\n"
    "      --synonyms=FILE  also match the synonyms listed in FILE (default:\n"
    "                     $HUSTINGS_SYNONYMS when set); lines \"left = right, ...\"\n"
    "      --no-thesaurus  do not apply the built-in thesaurus of election\n"
    "                     vocabulary (Tory = Conservative, election => poll)\n"
    "      --time-limit=SECONDS  stop a search that takes longer, saying so\n"
    "                     (default 10; 0: no limit); a query also may hold at\n"
    "                     most a few words ending in *\n"
    "      --facets=LIST  after the passages, counts over every match by year,\n"
    "                     month, source and/or lang (comma-separated); the\n"
    "                     year and month of undated articles are 'undated'\n"
    "      --dump         print every passage of the index, one JSON object per\n"
    "                     line (path, passage, title, date, text), in a\n"
    "                     canonical order; no QUERY\n"
    "      --color=WHEN   bold matched words: auto (default: on a terminal,\n"
    "                     unless NO_COLOR is set), always or never\n"
    "  -h, --help         show this help and exit\n"
    "  -V, --version      show the version and exit\n"
    "\n"
    "Options may go before, among or after the words of QUERY; '--' ends them.\n"
    "A word that begins with '-' (-word leaves it out) goes after '--', as in\n"
    "hustings-query -- election -labour, or inside one argument that does not\n"
    "begin with '-': hustings-query 'election -labour'.\n"
    "\n"
    "Query syntax: words (any form of a word matches; a name spelt as typed\n"
    "ranks first); \"a quoted phrase\" (any forms, no synonyms); =word or\n"
    "=\"a phrase\" (exactly these forms); hyphenated-words (a phrase, also\n"
    "matching the words written together); -word or NOT word to exclude;\n"
    "AND, OR, (brackets); a NEAR/n b; prefix*; title: source: site: author:\n"
    "lang: path: fields; date:2005, date:2005-04, date:2005-04-01..2005-05-05,\n"
    "date:2w.. (the last two weeks), date:..1y (until a year ago).\n"
    "Very common words (the, of, \xd0\xb8) are not searched for.  Passages\n"
    "holding more of the query's rarer words, in articles more about them,\n"
    "rank first.\n"
    "\n"
    "JSON: one object a line, each with a type: \"result\" (a passage), then\n"
    "\"facet\" (--facets), then \"warning\" (message); \"suggestion\" alone when\n"
    "nothing is found.  A result's fields: rank, score, path, title, date\n"
    "(YYYY-MM-DD or null), date_source (article, mtime or null), source,\n"
    "byline, lang, site (each or null), passage (ordinal in the article, from\n"
    "0), paragraph (block of the file, 0 = headline), text, highlights ([start,\n"
    "end) byte offsets into text), copies (near-duplicates shown as this one),\n"
    "suggestion (a respelling of the query, or null).  CSV: a header row, then\n"
    "rank, score, path, title, date, source, lang, passage, paragraph, text.\n"
    "Warnings (an unknown field, a query that only excludes, ...) and the\n"
    "suggestion go to stderr; in JSON, they are lines of it.\n"
    "\n"
    "Exit status: 0 passages found (with -n 0: matches exist); 1 none; 2 error.\n";

int query_options_show(const query_options *opt, FILE *out)
{
    if (opt->show == QUERY_SHOW_VERSION)
        return fprintf(out, "hustings-query (hustings) %s\n", hustings_version()) < 0 ? -1 : 0;
    return fputs(help, out) < 0 ? -1 : 0;
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

/* Whether c may begin a word: an ASCII letter, or any byte of a UTF-8
 * letter beyond ASCII. */
static int word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* Whether arg, which begins with one '-', reads as this program's short
 * options: flags (-j, -h, -V), maybe bundled, then maybe -n with its
 * number or -d with its index attached ("-n3", "-d/srv/idx").  Anything
 * else ("-labour", "-jobs", "-date:2005", "-nation", "-dhaka") is taken
 * for a word the user meant to leave out of the query, not for options
 * that would quietly do something else (-d haka). */
static int reads_as_short_options(const char *arg)
{
    for (const char *s = arg + 1; *s; s++) {
        switch (*s) {
        case 'j':
        case 'h':
        case 'V':
            continue;
        case 'n':
            while (*++s)
                if (*s < '0' || *s > '9')
                    return 0;
            return 1;
        case 'd':
            return !word_byte(s[1]);
        default:
            return 0;
        }
    }
    return 1;
}

/* Say that arg, a word the user meant to leave out, cannot stand among
 * the options, and how to write it: the query after "--".  words[0..n)
 * are the query's words before it, and more arguments follow when more. */
static void refuse_excluded_word(const char *arg, char **words, int n, int more)
{
    fprintf(stderr, "hustings-query: unknown option '%s'\n"
                    "hustings-query: to leave out a word, put the query after '--': "
                    "hustings-query [OPTION]... --", arg);
    for (int i = 0; i < n; i++)
        fprintf(stderr, " %s", words[i]);
    fprintf(stderr, " %s%s\n", arg, more ? " ..." : "");
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

/* What the command line gives as it is, before query_options_parse()
 * settles it. */
typedef struct given {
    const char *index;  /* the last -d, or NULL */
    const char *color;  /* --color's WHEN */
    char **words;       /* the query's words (malloc'd; its strings are argv's) */
    int n_words;
} given;

/* Read the options into opt and g; 0, 1 or -1 as query_options_parse(). */
static int parse_options(int argc, char **argv, query_options *opt, given *g)
{
    enum { OPT_OFFSET = 256, OPT_COLOR, OPT_DUMP, OPT_FORMAT, OPT_COUNT, OPT_SORT,
           OPT_PER_ARTICLE, OPT_NO_COLLAPSE, OPT_SINCE, OPT_UNTIL, OPT_LANG, OPT_SOURCE, OPT_FACETS, OPT_SYNONYMS,
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
        { "lang", required_argument, NULL, OPT_LANG },
        { "source", required_argument, NULL, OPT_SOURCE },
        { "facets", required_argument, NULL, OPT_FACETS },
        { "synonyms", required_argument, NULL, OPT_SYNONYMS },
        { "no-thesaurus", no_argument, NULL, OPT_NO_THESAURUS },
        { "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    char **words = malloc((size_t)argc * sizeof *words);
    int n_words = 0, c;
    if (!words) {
        fputs("hustings-query: out of memory\n", stderr);
        return -1;
    }
    g->words = words;

    /* Options may go anywhere among the query's words, as GNU getopt
     * permutes them; "--" ends them.  The permutation is done here, an
     * argument at a time ('+' stops getopt_long at a word), so that an
     * argument that only looks like options ("-labour": a word to leave
     * out) is refused with a word on how to write it, before getopt_long
     * reads it as -l -a -b... */
    while (optind < argc) {
        const char *arg = argv[optind];
        if (strcmp(arg, "--") == 0) {
            optind++;
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0') { /* a word ("-" alone too) */
            words[n_words++] = argv[optind++];
            continue;
        }
        if (arg[1] != '-' && !reads_as_short_options(arg)) {
            refuse_excluded_word(arg, words, n_words, optind + 1 < argc);
            return -1;
        }
        c = getopt_long(argc, argv, "+d:n:jhV", options, NULL);
        switch (c) {
        case 'd':
            g->index = optarg;
            if (opt->n_shards == QUERY_MAX_SHARDS) {
                fprintf(stderr, "hustings-query: at most %d -d; list more shards in a stub file\n",
                        QUERY_MAX_SHARDS);
                return -1;
            }
            opt->shards[opt->n_shards++] = optarg;
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
                return -1;
            }
            *(c == 'n' ? &opt->limit : c == OPT_OFFSET ? &opt->offset : &opt->per_article) = v;
            break;
        }
        case OPT_TIME_LIMIT: {
            char *end;
            errno = 0;
            opt->time_limit = strtod(optarg, &end);
            if (end == optarg || *end || errno ||
                !(opt->time_limit >= 0 && opt->time_limit <= 86400)) {
                fprintf(stderr,
                        "hustings-query: invalid --time-limit '%s': seconds from 0 to 86400 "
                        "(0: no limit)\n",
                        optarg);
                return -1;
            }
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                opt->output.format = OUTPUT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                opt->output.format = OUTPUT_JSON;
            else if (strcmp(optarg, "tsv") == 0)
                opt->output.format = OUTPUT_TSV;
            else if (strcmp(optarg, "csv") == 0)
                opt->output.format = OUTPUT_CSV;
            else {
                fprintf(stderr, "hustings-query: invalid --format '%s': text, json, csv or tsv\n",
                        optarg);
                return -1;
            }
            break;
        case OPT_SORT:
            if (strcmp(optarg, "relevance") == 0)
                opt->sort = HUSTINGS_SORT_RELEVANCE;
            else if (strcmp(optarg, "date") == 0)
                opt->sort = HUSTINGS_SORT_DATE;
            else if (strcmp(optarg, "-date") == 0)
                opt->sort = HUSTINGS_SORT_DATE_DESC;
            else {
                fprintf(stderr, "hustings-query: invalid --sort '%s': relevance, date or -date\n",
                        optarg);
                return -1;
            }
            break;
        case OPT_COUNT:
            opt->count_only = 1;
            break;
        case OPT_NO_COLLAPSE:
            opt->output.collapse = 0;
            break;
        case OPT_SINCE:
            opt->since = optarg;
            break;
        case OPT_UNTIL:
            opt->until = optarg;
            break;
        case OPT_LANG:
            opt->lang = optarg;
            break;
        case OPT_SOURCE:
            opt->source = optarg;
            break;
        case OPT_FACETS:
            opt->facets = optarg;
            break;
        case OPT_SYNONYMS:
            opt->synonyms = optarg;
            break;
        case OPT_NO_THESAURUS:
            opt->thesaurus = 0;
            break;
        case 'j':
            opt->output.format = OUTPUT_JSON;
            break;
        case OPT_DUMP:
            opt->dump = 1;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
                fprintf(stderr, "hustings-query: invalid --color '%s': auto, always or never\n",
                        optarg);
                return -1;
            }
            g->color = optarg;
            break;
        case 'h':
            opt->show = QUERY_SHOW_HELP;
            return 1;
        case 'V':
            opt->show = QUERY_SHOW_VERSION;
            return 1;
        default:
            fputs("Try 'hustings-query --help' for more information.\n", stderr);
            return -1;
        }
    }
    while (optind < argc)
        words[n_words++] = argv[optind++];
    g->n_words = n_words;
    return 0;
}

/* Check what g and opt give together and settle the rest of opt: 0, or -1
 * after printing why. */
static int settle_options(query_options *opt, const given *g)
{
    if (!g->n_words && !opt->dump) {
        fputs("hustings-query: no query given\n"
              "Try 'hustings-query --help' for more information.\n", stderr);
        return -1;
    }
    if (g->n_words && opt->dump) {
        fputs("hustings-query: --dump takes no query\n", stderr);
        return -1;
    }
    if (opt->dump && (opt->since || opt->until || opt->lang || opt->source)) {
        fputs("hustings-query: --dump prints every passage: it takes no --since, --until, "
              "--lang or --source\n", stderr);
        return -1;
    }
    if (opt->facets && check_facets(opt->facets) < 0)
        return -1;
    if (opt->facets && opt->output.format == OUTPUT_CSV) {
        fputs("hustings-query: --facets cannot go with --format csv, whose rows are passages; "
              "use --format json\n", stderr);
        return -1;
    }
    const char *no_color = getenv("NO_COLOR");
    opt->output.bold = strcmp(g->color, "always") == 0 ||
                       (strcmp(g->color, "auto") == 0 && isatty(STDOUT_FILENO) &&
                        !(no_color && *no_color));
    opt->output.width = output_width();
    if (g->index ? !(opt->index_path = strdup(g->index))
                  : hustings_default_index_path(&opt->index_path) != HUSTINGS_STATUS_SUCCESS) {
        fputs("hustings-query: out of memory\n", stderr);
        return -1;
    }
    if (!(opt->query_string = join_args(g->n_words, g->words))) {
        fputs("hustings-query: out of memory\n", stderr);
        return -1;
    }
    return 0;
}

int query_options_parse(int argc, char **argv, query_options *opt)
{
    given g = { NULL, "auto", NULL, 0 };

    memset(opt, 0, sizeof *opt);
    opt->limit = 10;
    opt->per_article = -1;
    opt->sort = HUSTINGS_SORT_RELEVANCE;
    opt->synonyms = getenv("HUSTINGS_SYNONYMS");
    opt->thesaurus = 1;
    opt->time_limit = 10;
    opt->output = (output_options){ OUTPUT_TEXT, 0, 80, 1 };
    int rc = parse_options(argc, argv, opt, &g);
    if (rc == 0)
        rc = settle_options(opt, &g);
    free(g.words);
    return rc;
}

void query_options_free(query_options *opt)
{
    free(opt->index_path);
    free(opt->query_string);
    opt->index_path = opt->query_string = NULL;
}
