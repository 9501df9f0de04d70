/* hustings.h - the C API of libhustings, full-text search over election
 * campaign coverage.
 *
 * libhustings reads articles (plain text, HTML pages, RSS and Atom feeds,
 * other XML exports), splits them into passages (paragraphs), and keeps
 * them in a Xapian index; queries return ranked passages with the matched
 * words located for highlighting.
 *
 * Conventions (after notmuch.h):
 *  - Objects are opaque handles, made by an open, create or read function
 *    and released by the matching close or destroy function.
 *  - Every fallible call returns a hustings_status_t; the results come back
 *    through out-parameters, which are set only on success.
 *  - Strings returned by getters belong to the object they came from and
 *    stay valid until it is destroyed.  Strings the caller must free are
 *    said to be so.
 *  - An object that belongs to another (an article to its list, a passage
 *    to its list) is freed with it and never destroyed itself; each
 *    function that makes or gives one says how long it lives.
 *  - An index handle and everything made from it (queries, passages,
 *    indexers) may be used by one thread at a time: a query writes its
 *    errors into its index's.  Open one index handle per thread to search
 *    in several threads (as hustings-serve does).
 *
 * Link with `pkg-config --cflags --libs hustings`.
 */
#ifndef HUSTINGS_H
#define HUSTINGS_H

#include <signal.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header, and of the library it came with (the one
 * place the number is written: configure reads it from here, and
 * hustings_version() gives the same). */
#define HUSTINGS_VERSION_MAJOR 0
#define HUSTINGS_VERSION_MINOR 1
#define HUSTINGS_VERSION_MICRO 0

/* Whether this header is at least version major.minor.micro, at compile
 * time:
 *   #if HUSTINGS_CHECK_VERSION(0, 2, 0) ... #endif */
#define HUSTINGS_CHECK_VERSION(major, minor, micro)                      \
    (HUSTINGS_VERSION_MAJOR > (major) ||                                 \
     (HUSTINGS_VERSION_MAJOR == (major) &&                               \
      (HUSTINGS_VERSION_MINOR > (minor) ||                               \
       (HUSTINGS_VERSION_MINOR == (minor) && HUSTINGS_VERSION_MICRO >= (micro)))))

/* The version of the index format this library reads and writes. */
#define HUSTINGS_INDEX_FORMAT 8

typedef enum {
    HUSTINGS_STATUS_SUCCESS = 0,
    /* Memory ran out. */
    HUSTINGS_STATUS_OUT_OF_MEMORY,
    /* A required pointer argument was NULL. */
    HUSTINGS_STATUS_NULL_POINTER,
    /* A file or directory could not be read (see the error message). */
    HUSTINGS_STATUS_FILE_ERROR,
    /* A file was read but holds no article (empty, binary, no text). */
    HUSTINGS_STATUS_BAD_ARTICLE,
    /* Opening read-only: there is no index at that path. */
    HUSTINGS_STATUS_INDEX_NOT_FOUND,
    /* Another writer holds the index's lock. */
    HUSTINGS_STATUS_INDEX_LOCKED,
    /* The index was written in another format version. */
    HUSTINGS_STATUS_INDEX_VERSION,
    /* The index is damaged. */
    HUSTINGS_STATUS_INDEX_CORRUPT,
    /* A write was attempted on an index opened read-only. */
    HUSTINGS_STATUS_READ_ONLY_INDEX,
    /* Any other error reported by Xapian (see the error message). */
    HUSTINGS_STATUS_XAPIAN_EXCEPTION,
    /* The query could not be understood (see the error message). */
    HUSTINGS_STATUS_QUERY_SYNTAX,
    /* A run was stopped by its cancel flag (after committing its work). */
    HUSTINGS_STATUS_INTERRUPTED,
    /* A search used up its time or work budget and was stopped (see the
     * error message); asking for less (fewer wildcards, narrower filters)
     * or raising the budget helps. */
    HUSTINGS_STATUS_QUERY_TOO_COSTLY,
    /* Not a status: the number of statuses. */
    HUSTINGS_STATUS_LAST_STATUS
} hustings_status_t;

/* A static English description of a status; never NULL. */
const char *hustings_status_to_string(hustings_status_t status);

/* The library's version, e.g. "0.1.0"; a static string. */
const char *hustings_version(void);

/* Where an index lives when no path is given: $HUSTINGS_INDEX when set,
 * else $XDG_DATA_HOME/hustings/index, else ~/.local/share/hustings/index.
 * *path is the caller's to free(). */
hustings_status_t hustings_default_index_path(char **path);

/* ------------------------------------------------------------------ */
/* Articles                                                             */

typedef struct _hustings_article hustings_article_t;

/* Read and parse the file at `path` (plain text, HTML, an RSS or Atom feed,
 * other XML: told apart by content) into the articles it holds, without
 * touching any index.  Statuses and message as hustings_article_read.
 * *articles is the caller's to free with hustings_articles_destroy(),
 * which frees its articles too. */
typedef struct _hustings_articles hustings_articles_t;
hustings_status_t hustings_articles_read(const char *path,
                                         hustings_articles_t **articles,
                                         char **error_message);
/* How many articles (at least one). */
unsigned hustings_articles_count(hustings_articles_t *articles);
/* Article i (0-based), or NULL when out of range.  It belongs to the
 * list: valid until the list is destroyed, and never destroyed itself. */
hustings_article_t *hustings_articles_get(hustings_articles_t *articles, unsigned i);
void hustings_articles_destroy(hustings_articles_t *articles);

/* Read and parse the file at `path` into its (first) article without
 * touching any index.  On failure returns FILE_ERROR (unreadable), BAD_ARTICLE (read,
 * but no article in it) or OUT_OF_MEMORY, and, when error_message is not
 * NULL, sets *error_message to a one-line reason that the caller frees
 * with free() (it does not repeat the path).  *article is the caller's to
 * free with hustings_article_destroy(); it belongs to no index. */
hustings_status_t hustings_article_read(const char *path,
                                        hustings_article_t **article,
                                        char **error_message);

/* The path the article was read from. */
const char *hustings_article_get_path(hustings_article_t *article);
/* The headline; "" when the file has none. */
const char *hustings_article_get_title(hustings_article_t *article);
/* "YYYY-MM-DD", or NULL when the article carries no date. */
const char *hustings_article_get_date(hustings_article_t *article);
/* The source URL, or NULL. */
const char *hustings_article_get_source(hustings_article_t *article);
/* The language ("en", "ru", "kk", ...), declared or identified; NULL when
 * unsure. */
const char *hustings_article_get_lang(hustings_article_t *article);
/* The publication time in ISO 8601, as precise as the source gives it
 * ("2023-03-19T21:00:00+06:00"), or NULL. */
const char *hustings_article_get_datetime(hustings_article_t *article);
/* Author(s), publication name, or NULL. */
const char *hustings_article_get_byline(hustings_article_t *article);
const char *hustings_article_get_site(hustings_article_t *article);
/* "text", "html", "rss", "atom" or "xml". */
const char *hustings_article_get_format(hustings_article_t *article);
/* A feed item's guid or link (its identity within the file), or NULL. */
const char *hustings_article_get_id(hustings_article_t *article);
/* How many passages the article has (at least one). */
unsigned hustings_article_count_passages(hustings_article_t *article);
/* The text of passage i (0-based), or NULL when i is out of range. */
const char *hustings_article_get_passage(hustings_article_t *article,
                                         unsigned i);
/* The paragraph of the file that passage i comes from (0 = headline; in
 * plain text a block between blank lines, in HTML and feeds the
 * paragraphs of the text in order); 0 when i is out of range. */
unsigned hustings_article_get_paragraph(hustings_article_t *article,
                                        unsigned i);
void hustings_article_destroy(hustings_article_t *article);

/* ------------------------------------------------------------------ */
/* Indexes                                                              */

typedef struct _hustings_index hustings_index_t;

typedef enum {
    HUSTINGS_INDEX_MODE_READ_ONLY,
    /* Creates the index (and its directory) when it does not exist.  Only
     * one writer may hold an index at a time. */
    HUSTINGS_INDEX_MODE_READ_WRITE
} hustings_index_mode_t;

/* Open the index at `path`.  On failure, when error_message is not NULL,
 * *error_message is set to a message naming the index and the problem,
 * which the caller frees with free().  Statuses: INDEX_NOT_FOUND,
 * INDEX_LOCKED, INDEX_VERSION, INDEX_CORRUPT, FILE_ERROR, XAPIAN_EXCEPTION,
 * OUT_OF_MEMORY, NULL_POINTER.  *index is the caller's to close with
 * hustings_index_close(), after destroying the indexers, queries and
 * result lists made from it. */
hustings_status_t hustings_index_open(const char *path,
                                      hustings_index_mode_t mode,
                                      hustings_index_t **index,
                                      char **error_message);

/* Open n indexes as one, read-only, for searching: each path is an index
 * folder or a Xapian stub file, whose lines may name remote shards served
 * by xapian-tcpsrv ("remote HOST:PORT").  Ranking statistics are those of
 * all shards together, so results equal those of one index of everything.
 * A path that names the same folder or file as an earlier one is skipped.
 * Statuses as hustings_index_open; the message names the path at fault. */
hustings_status_t hustings_index_open_shards(const char *const *paths, size_t n,
                                             hustings_index_t **index,
                                             char **error_message);

/* Commit pending changes (writable indexes), release the lock and free the
 * handle.  Returns the status of that last commit; the handle is freed
 * whatever it is.  NULL is accepted and ignored. */
hustings_status_t hustings_index_close(hustings_index_t *index);

/* The path the index was opened with. */
const char *hustings_index_get_path(hustings_index_t *index);

/* A description of the last failure on this handle ("" when none); valid
 * until the next call on the handle. */
const char *hustings_index_get_error(hustings_index_t *index);

/* Make every change so far durable and visible to readers. */
hustings_status_t hustings_index_commit(hustings_index_t *index);

/* Index one article, replacing the passages of an article of the same
 * path (so re-indexing never duplicates).  `article` still belongs to the
 * caller.  Changes become durable at the next commit, and are held in
 * memory until then: commit every few hundred articles.  A failure leaves
 * the article's earlier version, and other uncommitted changes, as they
 * were. */
hustings_status_t hustings_index_add_article(hustings_index_t *index,
                                             hustings_article_t *article);

/* Remove every passage read from the file at `path` (made absolute as when
 * it was indexed) and forget the file.  Not an error when there is none. */
hustings_status_t hustings_index_remove_article(hustings_index_t *index,
                                                const char *path);

/* How many articles and passages the index holds (either pointer may be
 * NULL). */
hustings_status_t hustings_index_count(hustings_index_t *index,
                                       unsigned long *articles,
                                       unsigned long *passages);

/* What an index holds: counts, size, dates and languages, read when
 * hustings_index_get_stats() is called.  Over several shards the counts and
 * sizes add up and the last update is the latest.  It goes over every
 * term and file record of the index (about 15 ms for 10,000 passages).
 * *stats is the caller's to free with hustings_stats_destroy(); it does
 * not refer to the index, and may outlive it. */
typedef struct _hustings_stats hustings_stats_t;
hustings_status_t hustings_index_get_stats(hustings_index_t *index,
                                           hustings_stats_t **stats);
unsigned long hustings_stats_get_articles(hustings_stats_t *stats);
unsigned long hustings_stats_get_passages(hustings_stats_t *stats);
/* The files the incremental indexer tracks. */
unsigned long hustings_stats_get_files(hustings_stats_t *stats);
/* Distinct terms. */
unsigned long hustings_stats_get_terms(hustings_stats_t *stats);
/* Bytes the index takes on disk. */
unsigned long long hustings_stats_get_disk_bytes(hustings_stats_t *stats);
/* HUSTINGS_INDEX_FORMAT. */
int hustings_stats_get_format(hustings_stats_t *stats);
/* When the index was last committed, "2026-11-25T13:00:00Z"; NULL when
 * never. */
const char *hustings_stats_get_last_update(hustings_stats_t *stats);
/* The earliest and latest article date, "YYYY-MM-DD"; NULL when no
 * article is dated. */
const char *hustings_stats_get_first_date(hustings_stats_t *stats);
const char *hustings_stats_get_last_date(hustings_stats_t *stats);
/* The languages of the passages, every one of them: language i (0-based,
 * the language of most passages first, then by code) and how many
 * passages it has; NULL and 0 when i is out of range. */
unsigned hustings_stats_count_languages(hustings_stats_t *stats);
const char *hustings_stats_get_language(hustings_stats_t *stats, unsigned i);
unsigned long hustings_stats_get_language_passages(hustings_stats_t *stats,
                                                   unsigned i);
/* Articles with no date of their own (none read from the file, and none
 * taken from its modification time). */
unsigned long hustings_stats_get_undated(hustings_stats_t *stats);
/* The folders (or single files) the index was built from, as they were
 * given to hustings_indexer_run() and made absolute, sorted; folder i
 * (0-based) and how many tracked files lie below it; NULL and 0 when i is
 * out of range. */
unsigned hustings_stats_count_folders(hustings_stats_t *stats);
const char *hustings_stats_get_folder(hustings_stats_t *stats, unsigned i);
unsigned long hustings_stats_get_folder_files(hustings_stats_t *stats, unsigned i);
void hustings_stats_destroy(hustings_stats_t *stats);

/* ------------------------------------------------------------------ */
/* Indexing folders, incrementally                                      */

typedef struct _hustings_indexer hustings_indexer_t;

/* What a run did, or would do, with one file. */
typedef enum {
    HUSTINGS_FILE_NEW,       /* indexed for the first time */
    HUSTINGS_FILE_CHANGED,   /* its content changed: indexed again */
    HUSTINGS_FILE_RENAMED,   /* same content at a new path: re-keyed, not read */
    HUSTINGS_FILE_REMOVED,   /* gone: its passages were deleted */
    HUSTINGS_FILE_UNCHANGED, /* left alone (touched but equal files too) */
    HUSTINGS_FILE_SKIPPED    /* cannot be indexed; `detail` says why */
} hustings_file_action_t;

/* Called for each file the run looks at, by its name as text: as it is
 * when it is valid UTF-8 without control characters or backslashes, else
 * with each other byte written \xHH and each backslash \\ (as the index
 * stores it and results show it).  detail: the reason for SKIPPED,
 * the old path for RENAMED, for NEW and CHANGED a warning when the file
 * was read only in part ("cut short (line 28): read up to there": a feed
 * that ends mid-item keeps its complete items), else NULL.  path and
 * detail are valid during the call only.  During a first build in shards
 * (see hustings_indexer_set_jobs) the callbacks come from the indexer's
 * threads, one at a time. */
typedef void (*hustings_file_fn)(void *context, const char *path,
                                 hustings_file_action_t action, const char *detail);

/* Called after each file read, with the work done so far and in all. */
typedef void (*hustings_progress_fn)(void *context, unsigned long files_done,
                                     unsigned long files_total,
                                     unsigned long long bytes_done,
                                     unsigned long long bytes_total);

typedef struct {
    unsigned long new_files, changed, renamed, removed, unchanged, skipped;
    unsigned long articles;  /* articles written by this run */
    unsigned long passages;  /* passages written by this run */
} hustings_summary_t;

/* An indexer brings a writable index up to date with folders of articles:
 * new and changed files are indexed, renamed files re-keyed, the passages of
 * files that are gone deleted, and the rest left untouched.  A file whose
 * size and modification time are unchanged is not opened; one whose
 * content hash is unchanged is not parsed.  *indexer is the caller's to
 * free with hustings_indexer_destroy(), before the index is closed. */
hustings_status_t hustings_indexer_create(hustings_index_t *index,
                                          hustings_indexer_t **indexer);
void hustings_indexer_destroy(hustings_indexer_t *indexer);

/* Only report what would change (default off). */
void hustings_indexer_set_dry_run(hustings_indexer_t *indexer, int dry_run);
/* Follow symbolic links (default off; loops are detected). */
void hustings_indexer_set_follow_links(hustings_indexer_t *indexer, int follow);
/* Skip files and folders whose name, or path below the folder given,
 * matches the fnmatch(3) pattern. */
hustings_status_t hustings_indexer_add_exclude(hustings_indexer_t *indexer,
                                               const char *glob);
/* Files larger than this are skipped (default 64 MiB). */
void hustings_indexer_set_max_file_size(hustings_indexer_t *indexer,
                                        unsigned long long bytes);
void hustings_indexer_set_file_callback(hustings_indexer_t *indexer,
                                        hustings_file_fn fn, void *context);
void hustings_indexer_set_progress_callback(hustings_indexer_t *indexer,
                                            hustings_progress_fn fn, void *context);
/* Read and parse files in this many threads while the calling thread
 * writes the index (default 0: one per processor; 1: no threads, the
 * calling thread does everything).  A first build (an empty index) of
 * many files runs as many writers, each filling a shard of its own, and
 * merges them with Xapian's compaction.  The index holds the same
 * passages, terms and near-duplicate clusters either way. */
void hustings_indexer_set_jobs(hustings_indexer_t *indexer, unsigned jobs);
/* Date an article that gives no date of its own by its file's
 * modification time (default off).  The article records where its date
 * came from (hustings_passage_get_date_source). */
void hustings_indexer_set_date_from_mtime(hustings_indexer_t *indexer, int use);
/* When *flag becomes non-zero (e.g. from a signal handler), the run
 * finishes the file in hand, commits and returns INTERRUPTED. */
void hustings_indexer_set_cancel_flag(hustings_indexer_t *indexer,
                                      volatile sig_atomic_t *flag);

/* Bring the index up to date with the n paths (folders or files).  Files
 * that were indexed from below these paths and are gone are removed; files
 * indexed from elsewhere are left alone, and so is everything below a path
 * that cannot be read (an unmounted share empties nothing).  A path that
 * cannot be found but that the index holds files from (a folder moved, a
 * share not mounted, a drive unplugged) is never taken as gone: its files
 * found at another path of the run (name a moved folder's old and new
 * place in one run) are renamed, the others kept, and the path is then
 * reported as SKIPPED with the reason; hustings_indexer_forget() and
 * hustings_indexer_prune() remove what is gone.  An empty path names no
 * file: it is reported as SKIPPED.  Commits in
 * batches and at the end.  Counts are added to *summary (may be NULL).
 * Fails only when the index cannot be written (or with INTERRUPTED). */
hustings_status_t hustings_indexer_run(hustings_indexer_t *indexer,
                                       const char *const *paths, size_t n,
                                       hustings_summary_t *summary);

/* Forget what was indexed from `path` (a file, or a folder and everything
 * below it, named as the index names it; made absolute; it need not exist
 * any more): its articles are deleted, each file reported as REMOVED, and
 * the folder is no longer listed by the stats.  With dry run, only
 * reported.  Counts are added to *summary (may be NULL).  FILE_ERROR, with
 * the path in hustings_index_get_error(), when the index holds nothing
 * from there. */
hustings_status_t hustings_indexer_forget(hustings_indexer_t *indexer, const char *path,
                                          hustings_summary_t *summary);

/* Delete the articles of indexed files that no longer exist, wherever they
 * were indexed from, each reported as REMOVED.  Nothing is removed below a
 * folder that cannot be read or that is empty (an unmounted share empties
 * nothing): such a folder is reported once as SKIPPED, with the reason.  With dry run, only reported.
 * Counts are added to *summary (may be NULL). */
hustings_status_t hustings_indexer_prune(hustings_indexer_t *indexer,
                                         hustings_summary_t *summary);

/* Run once as hustings_indexer_run, then keep the index current: follow
 * changes below the paths with inotify (new folders are watched too), and
 * when the folders have been quiet for a second (so that files written in
 * several steps are indexed only when final) and at least batch_seconds
 * have passed since the last pass, run one incremental pass (one commit for
 * a whole burst of files).  A lost inotify event queue only means a full
 * pass.  Returns SUCCESS when the cancel flag is set (the work done is
 * committed), or the error that stopped it.  Counts of every pass are
 * added to *summary. */
hustings_status_t hustings_indexer_watch(hustings_indexer_t *indexer,
                                         const char *const *paths, size_t n,
                                         unsigned batch_seconds,
                                         hustings_summary_t *summary);

/* ------------------------------------------------------------------ */
/* Queries                                                              */

typedef struct _hustings_query hustings_query_t;
typedef struct _hustings_passages hustings_passages_t;
typedef struct _hustings_passage hustings_passage_t;

/* Parse `query_string` for searching `index`.  The syntax (README.md and
 * hustings-query(1) give it in full): words (matched by their stems, every
 * form weighing the same but a name's typed spelling); "quoted phrases";
 * hyphenated-compounds (a phrase of their parts, also matching the parts
 * written together);
 * =word and ="phrase" for exact word forms only; -word or NOT word to
 * exclude; AND, OR and (brackets); a NEAR/n b; prefix*; the fields title:,
 * source:, site:, author:, lang:, path:; date:2005, date:2005-04,
 * date:2005-04-01..2005-05-05, date:7d.. (a time ago).  A query of plain
 * words always parses (a prefix* of one letter is left out of it, with a
 * warning: hustings_query_get_warning); one
 * using operators or fields that has a mistake gives QUERY_SYNTAX, with a
 * message pointing at the mistake in hustings_index_get_error().  An empty
 * query matches nothing.  *query is the caller's to free with
 * hustings_query_destroy(); it holds a reference to the index: destroy it
 * before closing the index. */
hustings_status_t hustings_query_create(hustings_index_t *index,
                                        const char *query_string,
                                        hustings_query_t **query);

/* The number of passages to return (default 10) and how many of the best
 * to skip first (default 0). */
void hustings_query_set_limit(hustings_query_t *query, unsigned limit);
void hustings_query_set_offset(hustings_query_t *query, unsigned offset);

typedef enum {
    HUSTINGS_SORT_RELEVANCE,  /* best first (default) */
    HUSTINGS_SORT_DATE,       /* oldest first, then best */
    HUSTINGS_SORT_DATE_DESC   /* newest first, then best */
} hustings_sort_t;
void hustings_query_set_sort(hustings_query_t *query, hustings_sort_t sort);

/* At most n passages per article (default 0 = no limit). */
void hustings_query_set_per_article(hustings_query_t *query, unsigned n);

/* Collapse near-duplicate articles (the same story republished) into one
 * result whose copies count says how many there are (default on). */
void hustings_query_set_collapse(hustings_query_t *query, int collapse);

/* Stop a search, count or facet request that spends more than `seconds`
 * matching (default 0 = no limit): it returns
 * HUSTINGS_STATUS_QUERY_TOO_COSTLY rather than a partial answer. */
void hustings_query_set_time_limit(hustings_query_t *query, double seconds);

/* Only articles dated from `since` to `until` (inclusive; "YYYY",
 * "YYYY-MM", "YYYY-MM-DD", or a time ago: "7d", "2w", "3m", "1y", days,
 * weeks, months or years before today, UTC; either may be NULL), as the query field
 * date:SINCE..UNTIL selects them, changing no weight.  A second call
 * narrows the first range further.  QUERY_SYNTAX for a malformed or empty date,
 * or `since` after `until`. */
hustings_status_t hustings_query_set_date_range(hustings_query_t *query,
                                                const char *since,
                                                const char *until);

/* What a filter selects by (hustings_query_add_filter). */
typedef enum {
    /* A language: a code as articles are tagged ("en", "ru", "kk"; "ru-RU",
     * "kz" and "rus" are read too) or an English name ("russian"). */
    HUSTINGS_FILTER_LANG,
    /* A source as the "source" facet lists it: a site name ("BBC News"),
     * or, with a dot, a host (its subdomains too; a URL stands for its
     * host) or a site name ("news.com.au") - it matches either. */
    HUSTINGS_FILTER_SOURCE,
    /* A site name only, as written ("BBC News"). */
    HUSTINGS_FILTER_SITE,
    /* Words of the byline, all of them ("jane smith"). */
    HUSTINGS_FILTER_AUTHOR,
    /* Folder and file names of the path as results give it, all of them
     * ("2023/almaty", "/srv/news/sub dir/a.txt"). */
    HUSTINGS_FILTER_PATH,
} hustings_filter_t;

/* Only passages whose article matches `value` by `filter`, as the query
 * fields lang:, source:/site:, author: and path: select them; filters
 * add up (each narrows the query further) and change no weight.  A query
 * of no words ("") matches every passage its filters select.
 * QUERY_SYNTAX, with the reason in hustings_index_get_error(), for an
 * empty value, a language the library does not know or an unknown
 * filter. */
hustings_status_t hustings_query_add_filter(hustings_query_t *query,
                                            hustings_filter_t filter,
                                            const char *value);

/* Apply a synonyms file: lines "left = right1, right2" (# comments), each
 * side a word or phrase; a query word or run of words equal to one side
 * also matches the others ("left => right" goes one way).  The file is
 * read now and applied with the thesaurus, in one pass, when the query
 * first runs (at once when it has run).  FILE_ERROR with the file, the
 * line and the problem in hustings_index_get_error() when it cannot be
 * used. */
hustings_status_t hustings_query_set_synonyms_file(hustings_query_t *query,
                                                   const char *path);

/* Apply hustings' built-in thesaurus of election vocabulary (default on):
 * party nicknames (Tory, Lib Dem), abbreviations (MP, ID card, ЦИК) and
 * what headlines call an election (poll).  Its text is installed as
 * $(pkgdatadir)/thesaurus.txt, in the format of a synonyms file; a file
 * given to hustings_query_set_synonyms_file() applies with it.  It is
 * applied when the query first runs (search, count or facets): a call
 * after that changes nothing. */
void hustings_query_set_thesaurus(hustings_query_t *query, int use);

/* Run the query.  Passages rank by BM25 over their words, plus the idf
 * of each query word or phrase that the passage or its article's headline
 * holds, plus their whole article's BM25 for the query (the best article
 * adding half the best passage's weight).
 * *passages is the caller's to free with hustings_passages_destroy(),
 * which frees its passages too; it remains valid after the query is
 * destroyed, but not after the index is closed. */
hustings_status_t hustings_query_search(hustings_query_t *query,
                                        hustings_passages_t **passages);

/* How many passages match, all of them (not limited, not collapsed). */
hustings_status_t hustings_query_count(hustings_query_t *query,
                                       unsigned long *count);

/* How many articles the matching passages come from, all of them (not
 * limited, not collapsed: near-duplicate articles count one each).
 * Counted in the pass that hustings_query_facets() and
 * hustings_query_count() share, when asked for before them; asked for
 * after them, it makes that pass again. */
hustings_status_t hustings_query_count_articles(hustings_query_t *query,
                                                unsigned long *articles);

/* The facets hustings_query_facets() knows, as a static NULL-terminated
 * array: "year", "month", "source", "lang".  To check a list of facet
 * names before a query runs, or to ask for every facet. */
const char *const *hustings_facet_names(void);

/* Counts over every match, by facet: "year", "month", "source" (site name
 * or host) or "lang"; the date facets count undated matches as the value
 * "undated".  fn is called once per value, most frequent first;
 * a non-zero return stops; value is valid during the call only.
 * QUERY_SYNTAX for an unknown facet.  The
 * first call counts every facet and the matches in one pass and keeps
 * them with the query: later calls, and hustings_query_count(), cost
 * nothing (until hustings_query_set_date_range(), a filter or a synonyms
 * file changes the matches; a query kept while the index changes keeps its
 * counts: create a new one).  A facet gives its 1,000 most frequent
 * values.  A page that shows facets and a count asks for the facets
 * first. */
typedef int (*hustings_facet_fn)(void *context, const char *value,
                                 unsigned long count);
hustings_status_t hustings_query_facets(hustings_query_t *query, const char *facet,
                                        hustings_facet_fn fn, void *context);

/* What the query may not do as its writer meant, in words for people:
 * an unknown field ("titel: is not a field; did you mean title:?"), a
 * query that only excludes, a prefix too short to expand, an empty
 * query, a date range that leaves out undated articles that match.
 * Warning i (0-based) or NULL when i is out of range; the count may grow
 * when the query runs.  Strings belong to the query. */
unsigned hustings_query_count_warnings(hustings_query_t *query);
const char *hustings_query_get_warning(hustings_query_t *query, unsigned i);

void hustings_query_destroy(hustings_query_t *query);

/* Iteration over results, best first:
 *   for (; hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
 *       hustings_passage_t *p = hustings_passages_get(ps); ...
 *   }
 */
int hustings_passages_valid(hustings_passages_t *passages);
/* The current passage, or NULL past the end.  It belongs to the list and
 * stays valid, moving on or not, until the list is destroyed. */
hustings_passage_t *hustings_passages_get(hustings_passages_t *passages);
void hustings_passages_move_to_next(hustings_passages_t *passages);
/* How many passages the list holds. */
unsigned hustings_passages_count(hustings_passages_t *passages);
/* A respelling of the query that the index knows better ("did you mean"),
 * offered, however many passages the query found, when one of its words is
 * rare or absent in the index with a much more frequent word close to it
 * (names the index holds, acronyms of two to four capitals, =word and
 * field names are never respelt); NULL when none.  It belongs to the
 * list. */
const char *hustings_passages_get_suggestion(hustings_passages_t *passages);
void hustings_passages_destroy(hustings_passages_t *passages);

/* A passage's fields; strings belong to the passage, and live as long as
 * it does. */
unsigned hustings_passage_get_rank(hustings_passage_t *p);  /* 1 = best */
double hustings_passage_get_score(hustings_passage_t *p);
const char *hustings_passage_get_path(hustings_passage_t *p);
const char *hustings_passage_get_title(hustings_passage_t *p);
const char *hustings_passage_get_date(hustings_passage_t *p);   /* or NULL */
const char *hustings_passage_get_source(hustings_passage_t *p); /* or NULL */
const char *hustings_passage_get_byline(hustings_passage_t *p); /* or NULL */
const char *hustings_passage_get_lang(hustings_passage_t *p);   /* or NULL */
const char *hustings_passage_get_site(hustings_passage_t *p);   /* or NULL */
/* Where the date came from: "article" (the file gave it), "mtime" (the
 * file's modification time, see hustings_indexer_set_date_from_mtime), or
 * NULL when the passage is undated. */
const char *hustings_passage_get_date_source(hustings_passage_t *p);
/* How many near-duplicate articles this result stands for (1: unique). */
unsigned long hustings_passage_get_copies(hustings_passage_t *p);
/* The passage's ordinal within its article (0 = first passage). */
unsigned hustings_passage_get_ordinal(hustings_passage_t *p);
/* The paragraph of the source file it comes from (0 = headline). */
unsigned hustings_passage_get_paragraph(hustings_passage_t *p);
const char *hustings_passage_get_text(hustings_passage_t *p);
/* The matched words: ranges [start, end) of byte offsets into the text,
 * sorted and not overlapping.  get_highlight returns 0 and sets both
 * offsets for i < count, -1 otherwise. */
unsigned hustings_passage_count_highlights(hustings_passage_t *p);
int hustings_passage_get_highlight(hustings_passage_t *p, unsigned i,
                                   size_t *start, size_t *end);

/* Which members hustings_passage_to_json writes, in this order.  "passage"
 * is the ordinal; a field the passage lacks is null. */
typedef enum {
    /* A search result (hustings-query --json, hustings-serve's search):
     * rank, score, path, title, date, source, byline, lang, site, passage,
     * paragraph, text, highlights ([[start, end], ...], byte offsets into
     * text), copies, suggestion. */
    HUSTINGS_PASSAGE_JSON_RESULT,
    /* A passage of an article listing (hustings-serve's article): path,
     * title, date, source, byline, lang, site, passage, paragraph, text. */
    HUSTINGS_PASSAGE_JSON_PASSAGE,
    /* A line of a dump (hustings-query --dump): path, passage, title,
     * date, text. */
    HUSTINGS_PASSAGE_JSON_DUMP
} hustings_passage_json_form_t;

/* The passage as one JSON object on one line, without spaces or a
 * newline, '/' unescaped; any byte of a field that is not part of valid
 * UTF-8 is written as U+FFFD.  `suggestion` (may be NULL) is the value of
 * a RESULT's "suggestion", normally hustings_passages_get_suggestion() of
 * the list; the other forms ignore it.  A form other than these is taken
 * as RESULT.  On success *json is the caller's to free().  Statuses:
 * OUT_OF_MEMORY, NULL_POINTER (passage or json NULL). */
hustings_status_t hustings_passage_to_json(hustings_passage_t *passage,
                                           hustings_passage_json_form_t form,
                                           const char *suggestion, char **json);

/* ------------------------------------------------------------------ */
/* Dump                                                                 */

/* Called for each passage of a dump; non-zero stops it.  The passage is
 * valid during the call only; its rank and score are 0. */
typedef int (*hustings_passage_fn)(void *context, hustings_passage_t *passage);

/* Every passage of the index in a canonical order: by article key (its
 * path, and id within a feed), then by ordinal.  Two indexes of the same
 * files give the same dump, however they were built. */
hustings_status_t hustings_index_dump(hustings_index_t *index, hustings_passage_fn fn,
                                      void *context);

#ifdef __cplusplus
}
#endif

#endif
