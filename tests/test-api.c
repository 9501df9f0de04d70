/* test-api.c - every public function of libhustings, on real indexes in
 * temporary folders, with corpus/ and ../shared/seeds. */
#include "hustings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "check.h"
#include "config.h"
#include "tmpdir.h"
#include "passage_internal.h"
#include "qnode.h"
#include "schema.h"
#include "xapian_glue.h"
#include "match_rules.h"

static char corpus_dir[4096];

static char *corpus_file(const char *name)
{
    char *p = malloc(strlen(corpus_dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", corpus_dir, name);
    return p;
}

static void test_status_and_version(void)
{
    for (int s = 0; s < HUSTINGS_STATUS_LAST_STATUS; s++) {
        const char *m = hustings_status_to_string((hustings_status_t)s);
        CHECK(m && *m && strcmp(m, "unknown status") != 0);
        for (int t = 0; t < s; t++)
            CHECK(strcmp(m, hustings_status_to_string((hustings_status_t)t)) != 0);
    }
    CHECK_STR(hustings_status_to_string(HUSTINGS_STATUS_INDEX_LOCKED),
              "the index is locked by another writer");
    CHECK_STR(hustings_status_to_string(HUSTINGS_STATUS_LAST_STATUS), "unknown status");
    CHECK_STR(hustings_version(), PACKAGE_VERSION);
}

static void test_default_index_path(void)
{
    char *p = NULL;
    setenv("HUSTINGS_INDEX", "/srv/news.idx", 1);
    CHECK_INT(hustings_default_index_path(&p), HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(p, "/srv/news.idx");
    free(p);
    unsetenv("HUSTINGS_INDEX");
    setenv("XDG_DATA_HOME", "/data", 1);
    CHECK_INT(hustings_default_index_path(&p), HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(p, "/data/hustings/index");
    free(p);
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/reporter", 1);
    CHECK_INT(hustings_default_index_path(&p), HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(p, "/home/reporter/.local/share/hustings/index");
    free(p);
    CHECK_INT(hustings_default_index_path(NULL), HUSTINGS_STATUS_NULL_POINTER);
}

static void test_article_read(const char *shared, const char *tmp)
{
    hustings_article_t *a = NULL;
    char *msg = NULL;
    char *path = corpus_file("en-01-self-nomination-returns.txt");
    CHECK_INT(hustings_article_read(path, &a, &msg), HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(hustings_article_get_title(a),
              "Independents Back on the Ballot as Kazakhstan Reopens Self-Nomination for the Mazhilis");
    CHECK_STR(hustings_article_get_date(a), "2023-01-21");
    CHECK_STR(hustings_article_get_source(a),
              "https://example.kz/elections-2023/self-nomination-returns");
    CHECK_INT(hustings_article_count_passages(a), 8);
    CHECK(strncmp(hustings_article_get_passage(a, 0), "Voters in Kazakhstan will see", 29) == 0);
    CHECK_INT(hustings_article_get_paragraph(a, 0), 2);
    CHECK_INT(hustings_article_get_paragraph(a, 7), 9);
    CHECK(hustings_article_get_passage(a, 8) == NULL);
    CHECK_INT(hustings_article_get_paragraph(a, 8), 0);
    /* the stored path is canonical */
    CHECK(hustings_article_get_path(a)[0] == '/');
    CHECK(strstr(hustings_article_get_path(a), "/corpus/en-01-self-nomination-returns.txt") != NULL);
    hustings_article_destroy(a);
    free(path);

    if (shared) {
        char seed[4096];
        snprintf(seed, sizeof seed, "%s/seeds/000_df1ff6165ce25406.txt", shared);
        CHECK_INT(hustings_article_read(seed, &a, NULL), HUSTINGS_STATUS_SUCCESS);
        CHECK_STR(hustings_article_get_date(a), "2023-02-20");
        CHECK_INT(hustings_article_count_passages(a), 13);
        hustings_article_destroy(a);
    }

    /* failures say why, without the path */
    a = NULL;
    CHECK_INT(hustings_article_read("/nonexistent/x.txt", &a, &msg), HUSTINGS_STATUS_FILE_ERROR);
    CHECK_STR(msg, "No such file or directory");
    CHECK(a == NULL);
    free(msg);
    char *empty = tmpdir_write(tmp, "empty.txt", "", 0);
    CHECK_INT(hustings_article_read(empty, &a, &msg), HUSTINGS_STATUS_BAD_ARTICLE);
    CHECK_STR(msg, "empty file");
    free(msg);
    free(empty);
    CHECK_INT(hustings_article_read(tmp, &a, &msg), HUSTINGS_STATUS_FILE_ERROR);
    CHECK_STR(msg, "not a regular file");
    free(msg);
    CHECK_INT(hustings_article_read(NULL, &a, NULL), HUSTINGS_STATUS_NULL_POINTER);
    /* getters accept NULL */
    CHECK(hustings_article_get_title(NULL) == NULL);
    CHECK_INT(hustings_article_count_passages(NULL), 0);
    hustings_article_destroy(NULL);
}

typedef struct seen_files {
    int skipped, renamed;
} seen_files;

static void count_actions(void *ctx, const char *path, hustings_file_action_t action,
                          const char *detail)
{
    seen_files *s = ctx;
    (void)path;
    if (action == HUSTINGS_FILE_SKIPPED && detail && *detail)
        s->skipped++;
    if (action == HUSTINGS_FILE_RENAMED && detail && *detail)
        s->renamed++;
}

/* Run an indexer over paths with the options given. */
static hustings_status_t index_paths(hustings_index_t *idx, const char *const *paths, size_t n,
                                     int dry_run, hustings_summary_t *sum, seen_files *seen)
{
    hustings_indexer_t *ix = NULL;
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_set_dry_run(ix, dry_run);
    hustings_indexer_set_file_callback(ix, count_actions, seen);
    memset(sum, 0, sizeof *sum);
    hustings_status_t st = hustings_indexer_run(ix, paths, n, sum);
    hustings_indexer_destroy(ix);
    return st;
}

/* The passages of query q, as "rank:ordinal" of each, and the first text. */
static unsigned search(hustings_index_t *idx, const char *q, unsigned limit, unsigned offset,
                       hustings_passages_t **out)
{
    hustings_query_t *query = NULL;
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_limit(query, limit);
    hustings_query_set_offset(query, offset);
    CHECK_INT(hustings_query_search(query, out), HUSTINGS_STATUS_SUCCESS);
    hustings_query_destroy(query); /* the passages outlive the query */
    return hustings_passages_count(*out);
}

typedef struct dump_state {
    unsigned long count;
    char last_path[4096];
    unsigned last_ordinal;
    int ordered;
} dump_state;

static int check_dump(void *ctx, hustings_passage_t *p)
{
    dump_state *d = ctx;
    const char *path = hustings_passage_get_path(p);
    int cmp = strcmp(path, d->last_path);
    if (d->count && (cmp < 0 || (cmp == 0 && hustings_passage_get_ordinal(p) != d->last_ordinal + 1)))
        d->ordered = 0;
    if (cmp != 0 && hustings_passage_get_ordinal(p) != 0)
        d->ordered = 0;
    snprintf(d->last_path, sizeof d->last_path, "%s", path);
    d->last_ordinal = hustings_passage_get_ordinal(p);
    d->count++;
    return 0;
}

static void test_index(const char *shared, const char *tmp)
{
    char idxpath[4096];
    snprintf(idxpath, sizeof idxpath, "%s/sub/dir/idx", tmp);
    hustings_index_t *idx = NULL, *other = NULL;
    char *msg = NULL;

    /* a read-only open of nothing fails with a message naming the path */
    CHECK_INT(hustings_index_open(idxpath, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, &msg),
              HUSTINGS_STATUS_INDEX_NOT_FOUND);
    CHECK(msg && strncmp(msg, idxpath, strlen(idxpath)) == 0);
    free(msg);
    msg = NULL;

    /* writable: created with its parent folders */
    CHECK_INT(hustings_index_open(idxpath, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, &msg),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(hustings_index_get_path(idx), idxpath);
    CHECK_STR(hustings_index_get_error(idx), "");

    /* a second writer is refused */
    CHECK_INT(hustings_index_open(idxpath, HUSTINGS_INDEX_MODE_READ_WRITE, &other, &msg),
              HUSTINGS_STATUS_INDEX_LOCKED);
    CHECK(msg && strstr(msg, "locked") != NULL);
    free(msg);
    msg = NULL;

    /* a walk over corpus/ plus a broken file */
    char *broken = tmpdir_write(tmp, "broken.txt", "Title\n\n\0\0binary", 15);
    hustings_summary_t sum;
    seen_files seen = { 0, 0 };
    const char *both[] = { corpus_dir, broken };
    CHECK_INT(index_paths(idx, both, 2, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
    unsigned long n_corpus = sum.new_files;
    CHECK(n_corpus >= 17);
    CHECK_INT(sum.articles, n_corpus);
    CHECK_INT(sum.skipped, 1);
    CHECK_INT(seen.skipped, 1);
    unsigned long articles = 0, passages = 0;
    CHECK_INT(hustings_index_count(idx, &articles, &passages), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(articles, n_corpus);
    CHECK_INT(passages, sum.passages);
    CHECK(passages > 17 * 5);
    /* a missing path is skipped and named; nothing is removed for it */
    const char *missing[] = { "/nonexistent" };
    CHECK_INT(index_paths(idx, missing, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.skipped, 1);
    CHECK_INT(sum.removed, 0);

    /* re-indexing leaves everything as it was */
    CHECK_INT(index_paths(idx, both, 2, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.unchanged, n_corpus);
    CHECK_INT(sum.new_files + sum.changed + sum.removed, 0);
    unsigned long again = 0;
    CHECK_INT(hustings_index_count(idx, &articles, &again), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(articles, n_corpus);
    CHECK_INT(again, passages);

    /* the incremental cases, on a folder of copies */
    {
        char dir[2048], from[4096], to[4096];
        snprintf(dir, sizeof dir, "%s/inc", tmp);
        mkdir(dir, 0777);
        char *a = corpus_file("en-01-self-nomination-returns.txt");
        char *b = corpus_file("en-02-signatures-and-deposits.txt");
        hustings_article_t *art = NULL;
        CHECK_INT(hustings_article_read(a, &art, NULL), HUSTINGS_STATUS_SUCCESS);
        hustings_article_destroy(art);
        FILE *in = fopen(a, "rb");
        char buf[65536];
        size_t len = fread(buf, 1, sizeof buf, in);
        fclose(in);
        free(tmpdir_write(dir, "a.txt", buf, len));
        in = fopen(b, "rb");
        size_t blen = fread(buf, 1, sizeof buf, in);
        fclose(in);
        free(tmpdir_write(dir, "b.txt", buf, blen));
        const char *paths[] = { dir };
        CHECK_INT(index_paths(idx, paths, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.new_files, 2);
        /* dry run: reports, changes nothing */
        snprintf(from, sizeof from, "%s/a.txt", dir);
        snprintf(to, sizeof to, "%s/renamed.txt", dir);
        CHECK_INT(rename(from, to), 0);
        unsigned long before = 0, after = 0;
        hustings_index_count(idx, NULL, &before);
        seen.renamed = 0;
        CHECK_INT(index_paths(idx, paths, 1, 1, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.renamed, 1);
        hustings_index_count(idx, NULL, &after);
        CHECK_INT(after, before);
        /* rename, then removal */
        CHECK_INT(index_paths(idx, paths, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.renamed, 1);
        CHECK_INT(sum.unchanged, 1);
        CHECK_INT(sum.new_files + sum.changed + sum.removed, 0);
        snprintf(from, sizeof from, "%s/b.txt", dir);
        CHECK_INT(remove(from), 0);
        CHECK_INT(index_paths(idx, paths, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.removed, 1);
        hustings_index_count(idx, NULL, &after);
        CHECK(after < before);
        /* a touched but equal file is not indexed again */
        CHECK_INT(utimensat(AT_FDCWD, to, NULL, 0), 0);
        CHECK_INT(index_paths(idx, paths, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.unchanged, 1);
        CHECK_INT(sum.articles, 0);
        /* gone from the folder: the whole folder's passages removed */
        CHECK_INT(remove(to), 0);
        CHECK_INT(index_paths(idx, paths, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(sum.removed, 1);
        hustings_index_count(idx, &articles, &after);
        CHECK_INT(after, passages);
        CHECK_INT(articles, n_corpus);
        free(a);
        free(b);
    }

    /* a cancel flag already set: nothing is done, INTERRUPTED */
    {
        hustings_indexer_t *ix = NULL;
        volatile sig_atomic_t flag = 1;
        char dir2[4096];
        snprintf(dir2, sizeof dir2, "%s/sub", tmp);
        const char *paths[] = { corpus_dir };
        CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
        hustings_indexer_set_cancel_flag(ix, &flag);
        CHECK_INT(hustings_indexer_add_exclude(ix, "*.txt"), HUSTINGS_STATUS_SUCCESS);
        hustings_indexer_set_follow_links(ix, 1);
        hustings_indexer_set_max_file_size(ix, 10);
        hustings_indexer_set_progress_callback(ix, NULL, NULL);
        /* everything excluded: the corpus looks gone, but removal is cancelled */
        CHECK_INT(hustings_indexer_run(ix, paths, 1, &sum), HUSTINGS_STATUS_INTERRUPTED);
        hustings_indexer_destroy(ix);
        hustings_index_count(idx, &articles, NULL);
        CHECK_INT(articles, n_corpus);
    }

    /* statistics */
    {
        hustings_stats_t *s = NULL;
        CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_stats_get_articles(s), n_corpus);
        CHECK_INT(hustings_stats_get_passages(s), passages);
        CHECK_INT(hustings_stats_get_files(s), n_corpus);
        CHECK(hustings_stats_get_terms(s) > 1000);
        CHECK(hustings_stats_get_disk_bytes(s) > 10000);
        CHECK_INT(hustings_stats_get_format(s), HUSTINGS_INDEX_FORMAT);
        CHECK_INT(strlen(hustings_stats_get_last_update(s)), 20);
        CHECK_STR(hustings_stats_get_first_date(s), "2023-01-21");
        CHECK(strcmp(hustings_stats_get_last_date(s), "2023-03-23") >= 0);
        hustings_stats_destroy(s);
    }

    /* one article added, then removed by path */
    if (shared) {
        char seed[4096];
        snprintf(seed, sizeof seed, "%s/seeds/000_df1ff6165ce25406.txt", shared);
        hustings_article_t *a = NULL;
        CHECK_INT(hustings_article_read(seed, &a, NULL), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_add_article(idx, a), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_commit(idx), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(idx, &articles, &again), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, n_corpus + 1);
        CHECK_INT(again, passages + 13);
        CHECK_INT(hustings_index_remove_article(idx, seed), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(idx, &articles, &again), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, n_corpus);
        CHECK_INT(again, passages);

        /* an article's own document goes and comes with its passages: one
         * added twice, or added and removed, before a commit leaves one, or
         * none (a stray one would count as a passage less) */
        CHECK_INT(hustings_index_add_article(idx, a), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_add_article(idx, a), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_commit(idx), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(idx, &articles, &again), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, n_corpus + 1);
        CHECK_INT(again, passages + 13);
        CHECK_INT(hustings_index_remove_article(idx, seed), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_add_article(idx, a), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_remove_article(idx, seed), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_commit(idx), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(idx, &articles, &again), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, n_corpus);
        CHECK_INT(again, passages);
        hustings_article_destroy(a);
    }
    CHECK_INT(hustings_index_remove_article(idx, "/not/indexed.txt"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_add_article(idx, NULL), HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_index_close(idx), HUSTINGS_STATUS_SUCCESS);

    /* read-only: searching; writes are refused */
    CHECK_INT(hustings_index_open(idxpath, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_commit(idx), HUSTINGS_STATUS_READ_ONLY_INDEX);
    CHECK_INT(hustings_index_remove_article(idx, broken), HUSTINGS_STATUS_READ_ONLY_INDEX);
    {
        hustings_indexer_t *ix = NULL;
        const char *paths[] = { corpus_dir };
        CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_indexer_run(ix, paths, 1, NULL), HUSTINGS_STATUS_READ_ONLY_INDEX);
        hustings_indexer_destroy(ix);
    }
    CHECK_STR(hustings_index_get_error(idx), "the index is open read-only");

    hustings_passages_t *ps = NULL;
    CHECK(search(idx, "self-nomination", 5, 0, &ps) == 5);
    hustings_passage_t *p = hustings_passages_get(ps);
    CHECK_INT(hustings_passage_get_rank(p), 1);
    CHECK(hustings_passage_get_score(p) > 0);
    CHECK(strstr(hustings_passage_get_path(p), "/corpus/en-") != NULL);
    CHECK(hustings_passage_get_title(p) && *hustings_passage_get_title(p));
    CHECK(hustings_passage_get_date(p) && strlen(hustings_passage_get_date(p)) == 10);
    CHECK(hustings_passage_get_source(p) &&
          strncmp(hustings_passage_get_source(p), "https://example.kz/", 19) == 0);
    CHECK(hustings_passage_get_paragraph(p) >= 2);
    CHECK(hustings_passage_get_ordinal(p) + 2 <= hustings_passage_get_paragraph(p));
    const char *text = hustings_passage_get_text(p);
    CHECK(hustings_passage_count_highlights(p) >= 1);
    size_t s = 0, e = 0;
    CHECK_INT(hustings_passage_get_highlight(p, 0, &s, &e), 0);
    CHECK(e > s && e <= strlen(text));
    CHECK(strncasecmp(text + s, "self", 4) == 0);
    CHECK_INT(hustings_passage_get_highlight(p, 999, &s, &e), -1);
    /* best first; ranks count up */
    double last = 1e300;
    unsigned rank = 0;
    for (; hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
        p = hustings_passages_get(ps);
        CHECK_INT(hustings_passage_get_rank(p), ++rank);
        CHECK(hustings_passage_get_score(p) <= last);
        last = hustings_passage_get_score(p);
    }
    CHECK(hustings_passages_get(ps) == NULL);
    hustings_passages_destroy(ps);

    /* paging: offset 2 starts at the third passage */
    hustings_passages_t *all = NULL, *page = NULL;
    CHECK_INT(search(idx, "election", 6, 0, &all), 6);
    CHECK_INT(search(idx, "election", 3, 2, &page), 3);
    hustings_passages_move_to_next(all);
    hustings_passages_move_to_next(all);
    for (unsigned i = 0; i < 3; i++) {
        hustings_passage_t *a = hustings_passages_get(all), *b = hustings_passages_get(page);
        CHECK_STR(hustings_passage_get_text(b), hustings_passage_get_text(a));
        CHECK_INT(hustings_passage_get_rank(b), hustings_passage_get_rank(a));
        hustings_passages_move_to_next(all);
        hustings_passages_move_to_next(page);
    }
    hustings_passages_destroy(all);
    hustings_passages_destroy(page);

    /* the dump: every passage, in article then ordinal order */
    {
        dump_state d = { 0, "", 0, 1 };
        CHECK_INT(hustings_index_dump(idx, check_dump, &d), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(d.count, passages);
        CHECK(d.ordered);
    }

    /* nothing found is an empty list, not an error */
    CHECK_INT(search(idx, "zzyzx", 10, 0, &ps), 0);
    CHECK(!hustings_passages_valid(ps));
    hustings_passages_destroy(ps);
    CHECK_INT(hustings_query_create(idx, NULL, NULL), HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_index_close(idx), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_close(NULL), HUSTINGS_STATUS_SUCCESS);
    free(broken);
}

/* An index of another format version is refused with a clear message. */
/* Each passage of a dump appended to a buffer: path, ordinal and text. */
typedef struct dump_text {
    char *data;
    size_t len;
} dump_text;

static int append_passage(void *ctx, hustings_passage_t *p)
{
    dump_text *d = ctx;
    const char *path = hustings_passage_get_path(p), *text = hustings_passage_get_text(p);
    size_t add = strlen(path) + strlen(text) + 32;
    char *grown = realloc(d->data, d->len + add);
    if (!grown)
        return 1;
    d->data = grown;
    d->len += (size_t)snprintf(d->data + d->len, add, "%s %u %s\n", path,
                               hustings_passage_get_ordinal(p), text);
    return 0;
}

/* Build an index of corpus/ at path with this many jobs; its dump. */
static dump_text build_with_jobs(const char *path, unsigned jobs, hustings_summary_t *sum)
{
    dump_text d = { NULL, 0 };
    hustings_index_t *idx = NULL, *other = NULL;
    hustings_indexer_t *ix = NULL;
    char *msg = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, &msg),
              HUSTINGS_STATUS_SUCCESS);
    if (!idx)
        return d;
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_set_jobs(ix, jobs);
    memset(sum, 0, sizeof *sum);
    const char *paths[] = { corpus_dir };
    CHECK_INT(hustings_indexer_run(ix, paths, 1, sum), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    /* the handle still holds the writer's lock (after a merge, on the new
     * database) and can write */
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &other, &msg),
              HUSTINGS_STATUS_INDEX_LOCKED);
    free(msg);
    CHECK_INT(hustings_index_commit(idx), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_dump(idx, append_passage, &d), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_close(idx), HUSTINGS_STATUS_SUCCESS);
    return d;
}

/* hustings_indexer_set_jobs: one thread, or four writers into shards, give
 * the same index, and no build folder is left. */
static void test_jobs(const char *tmp)
{
    char one[4096], four[4096], build[4200];
    snprintf(one, sizeof one, "%s/jobs1", tmp);
    snprintf(four, sizeof four, "%s/jobs4", tmp);
    hustings_summary_t s1, s4;
    dump_text d1 = build_with_jobs(one, 1, &s1);
    dump_text d4 = build_with_jobs(four, 4, &s4);
    CHECK(s1.new_files >= 17);
    CHECK_INT(s4.new_files, s1.new_files);
    CHECK_INT(s4.articles, s1.articles);
    CHECK_INT(s4.passages, s1.passages);
    CHECK(d1.len > 0);
    CHECK(d1.len == d4.len && d1.data && d4.data && memcmp(d1.data, d4.data, d1.len) == 0);
    snprintf(build, sizeof build, "%s.hustings-build", four);
    CHECK(access(build, F_OK) != 0);
    free(d1.data);
    free(d4.data);
}

/* The wildcard budget (match_rules.h): 8000 terms shared, at most 1000
 * and at least 50 each; a refusal counts the distinct words, whatever
 * field prefix their wildcards carry. */
static hs_qnode *wildcards(unsigned n, unsigned words)
{
    hs_qnode *q = hs_qnode_new(HS_Q_OR);
    for (unsigned i = 0; q && i < n; i++) {
        char word[16];
        snprintf(word, sizeof word, "w%u", i % words);
        q = hs_qnode_add(q, hs_qnode_wildcard(i % 2 ? "XT" : "", word));
    }
    return q;
}

static void test_wildcard_budget(void)
{
    static const struct {
        unsigned n, words, each;
        int refused;
        const char *why;
    } cases[] = {
        { 0, 1, 1000, 0, "" },
        { 8, 8, 1000, 0, "" },
        { 20, 10, 400, 0, "" },
        { 160, 80, 50, 0, "" },
        { 161, 80, 0, 1, "too many wildcards in one query (80 words ending in *; at most 79 here)" },
        { 188, 94, 0, 1, "too many wildcards in one query (94 words ending in *; at most 80 here)" },
        { 8001, 1, 0, 1, "too many wildcards in one query (1 words ending in *; at most 1 here)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hs_qnode *q = wildcards(cases[i].n, cases[i].words);
        CHECK(q != NULL);
        if (!q)
            continue;
        unsigned each = 0;
        char why[256] = "";
        CHECK_INT(hs_wildcard_expansion(q, &each, why, sizeof why), cases[i].refused);
        if (!cases[i].refused)
            CHECK_INT(each, cases[i].each);
        CHECK_STR(why, cases[i].why);
        hs_qnode_free(q);
    }
}

/* How Xapian numbers the documents of several databases as one
 * (match_rules.h): document d of database k of n is (d - 1) * n + k + 1. */
static void test_shard_rule(void)
{
    CHECK_INT(hs_shard_local_docid(7, 1), 7);
    CHECK_INT(hs_shard_local_docid(7, 3), 3); /* the third of the first database */
    CHECK_INT(hs_shard_local_docid(9, 3), 3); /* the third of the third */
    CHECK_INT(hs_shard_earlier_docid(5, 4, 1), 1);
    CHECK_INT(hs_shard_earlier_docid(5, 5, 1), 0);
    CHECK_INT(hs_shard_earlier_docid(9, 2, 3), 3);
    CHECK_INT(hs_shard_earlier_docid(9, 3, 3), 0);
    CHECK_INT(hs_shard_earlier_docid(9, 0, 3), 9);
    CHECK_INT(hs_shard_earlier_docid(9, HS_BACK_BEFORE_FIRST, 3), 0);
    CHECK_INT(hs_shard_earlier_docid(9, 1, 0), 0);
}

/* hx_db_earlier_data, which a later passage uses to read its article's
 * fields from the first passage: on the index test_jobs built with one
 * thread, where the passages of en-01 come first, then those of en-02. */
static void test_earlier_data(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    hx_db *db = NULL;
    CHECK_INT(hx_db_open(path, 0, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (!db)
        return;
    char *data = NULL;
    size_t len = 0;
    /* every passage of en-01 reaches docid 1, its first, d - 1 back */
    unsigned d = 1;
    for (;; d++) {
        CHECK_INT(hx_db_earlier_data(db, d, d - 1, HS_SLOT_ARTICLE, "XA", &data, &len),
                  HUSTINGS_STATUS_SUCCESS);
        int first_article = data && strstr(data, "en-01-self-nomination-returns.txt\"") != NULL;
        CHECK(data && strlen(data) == len && strstr(data, "\"ordinal\":0,"));
        free(data);
        if (!first_article || d > 100)
            break;
    }
    /* d is en-02's first passage: d - 1 back is en-01's, whose tag differs,
     * so its own article's first passage is found through its XA term */
    CHECK(d >= 4);
    CHECK_INT(hx_db_earlier_data(db, d + 1, 1, HS_SLOT_ARTICLE, "XA", &data, &len),
              HUSTINGS_STATUS_SUCCESS);
    CHECK(data && strstr(data, "en-02-signatures-and-deposits.txt\"") && strstr(data, "\"ordinal\":0,"));
    free(data);
    /* too far back, before the first document: found the same way */
    CHECK_INT(hx_db_earlier_data(db, d + 1, 1000, HS_SLOT_ARTICLE, "XA", &data, &len),
              HUSTINGS_STATUS_SUCCESS);
    CHECK(data && strstr(data, "en-02-signatures-and-deposits.txt\""));
    free(data);
    /* a document without the group term is an error that says so */
    CHECK_INT(hx_db_earlier_data(db, d + 1, 1, HS_SLOT_ARTICLE, "XNONE", &data, &len),
              HUSTINGS_STATUS_SUCCESS);
    free(data);
    CHECK_INT(hx_db_earlier_data(db, d, d - 1, HS_SLOT_ARTICLE, "XNONE", &data, &len),
              HUSTINGS_STATUS_INDEX_CORRUPT);
    char want[128];
    snprintf(want, sizeof want,
             "index is corrupt (document %u has no XNONE term); rebuild it with hustings-index", d);
    CHECK_STR(hx_db_error(db), want);
    CHECK(data == NULL);
    hx_db_free(db);
}

/* hx_match_fn: (docid, weight, tag) of each match into a following_case */
typedef struct following_case {
    unsigned docid[512];
    double weight[512];
    char tag[512][17];
    size_t n;
} following_case;

static int add_following(void *ctx, unsigned docid, double weight, const char *tag, size_t len)
{
    following_case *c = ctx;
    if (c->n == 512 || len > 16)
        return 1;
    c->docid[c->n] = docid;
    c->weight[c->n] = weight;
    memcpy(c->tag[c->n], tag, len);
    c->tag[c->n][len] = '\0';
    c->n++;
    return 0;
}

/* hx_db_following_weights, which ranking uses to reach each passage's
 * article, on an index test_jobs built (with one thread, and with four
 * shards compacted into one): every passage, asked for in an order other
 * than the index's, gets exactly the weight that its own article's
 * document (same tag) has for the query, found by a search of the article
 * documents; 0 when it does not match. */
static void check_following_weights(const char *path)
{
    hx_db *db = NULL;
    CHECK_INT(hx_db_open(path, 0, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (!db)
        return;
    CHECK_INT(hx_db_can_follow(db), 1);
    static following_case passages, articles;
    passages.n = articles.n = 0;
    hx_search_opts o = { 0, 512, -1, 0, -1, 0, NULL, HS_SLOT_ARTICLE };
    hs_qnode *all = hs_qnode_pair(HS_Q_AND_NOT, hs_qnode_new(HS_Q_MATCH_ALL),
                                  hs_qnode_term("", HS_TERM_ARTICLE_DOC, 2));
    CHECK_INT(hx_db_search(db, all, &o, add_following, &passages), HUSTINGS_STATUS_SUCCESS);
    hs_qnode *words = hs_qnode_term(HS_PREFIX_BODY, "independ", 8);
    CHECK_INT(hx_db_search(db, words, &o, add_following, &articles), HUSTINGS_STATUS_SUCCESS);
    CHECK(passages.n > 100 && passages.n < 512);
    CHECK(articles.n >= 3 && articles.n < 22); /* some articles, not all */
    /* every passage, in an order of its own: odd docids going down, then
     * even ones going up */
    unsigned docids[512];
    size_t k = 0;
    for (size_t i = passages.n; i-- > 0;)
        if (passages.docid[i] % 2)
            docids[k++] = passages.docid[i];
    for (size_t i = 0; i < passages.n; i++)
        if (passages.docid[i] % 2 == 0)
            docids[k++] = passages.docid[i];
    double weights[512];
    CHECK_INT(hx_db_following_weights(db, words, HS_TERM_ARTICLE_DOC, docids, k, weights),
              HUSTINGS_STATUS_SUCCESS);
    size_t matched = 0, wrong = 0;
    for (size_t i = 0; i < k; i++) {
        const char *tag = NULL;
        for (size_t p = 0; p < passages.n; p++)
            if (passages.docid[p] == docids[i])
                tag = passages.tag[p];
        double want = 0;
        for (size_t a = 0; a < articles.n; a++)
            if (tag && strcmp(articles.tag[a], tag) == 0)
                want = articles.weight[a];
        matched += want > 0;
        wrong += weights[i] != want;
    }
    CHECK(matched > 0 && matched < k);
    CHECK_INT(wrong, 0);
    /* a query that matches no article: every weight 0 */
    hs_qnode *none = hs_qnode_term(HS_PREFIX_BODY, "zzzznothing", 11);
    CHECK_INT(hx_db_following_weights(db, none, HS_TERM_ARTICLE_DOC, docids, k, weights),
              HUSTINGS_STATUS_SUCCESS);
    wrong = 0;
    for (size_t i = 0; i < k; i++)
        wrong += weights[i] != 0;
    CHECK_INT(wrong, 0);
    hx_db_free(db);
    hs_qnode_free(all);
    hs_qnode_free(words);
    hs_qnode_free(none);
}

static void test_following_weights(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    check_following_weights(path);
    snprintf(path, sizeof path, "%s/jobs4", tmp);
    check_following_weights(path);
    /* two shards interleave their documents: not answered, an error */
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    const char *two[] = { path, path };
    hx_db *db = NULL;
    CHECK_INT(hx_db_open_many(two, 2, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (db) {
        CHECK_INT(hx_db_can_follow(db), 0);
        unsigned one = 1;
        double weight = -1;
        hs_qnode *words = hs_qnode_term(HS_PREFIX_BODY, "independ", 8);
        CHECK_INT(hx_db_following_weights(db, words, HS_TERM_ARTICLE_DOC, &one, 1, &weight),
                  HUSTINGS_STATUS_XAPIAN_EXCEPTION);
        CHECK(weight == -1);
        hs_qnode_free(words);
        hx_db_free(db);
    }
}

/* A commit holds a whole article or none of it: Xapian's own commits,
 * every XAPIAN_FLUSH_THRESHOLD changes, do not split one (search relies on
 * an article's own document following its passages: rank.c). */
static void test_whole_articles(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/whole", tmp);
    char *file = corpus_file("en-01-self-nomination-returns.txt");
    hustings_article_t *a = NULL;
    hustings_index_t *w = NULL, *r = NULL;
    unsigned long articles = 99, passages = 99;
    CHECK_INT(hustings_article_read(file, &a, NULL), HUSTINGS_STATUS_SUCCESS);
    CHECK(a && hustings_article_count_passages(a) > 3);
    setenv("XAPIAN_FLUSH_THRESHOLD", "3", 1); /* read when a writer opens */
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &w, NULL),
              HUSTINGS_STATUS_SUCCESS);
    unsetenv("XAPIAN_FLUSH_THRESHOLD");
    if (w && a) {
        CHECK_INT(hustings_index_commit(w), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_add_article(w, a), HUSTINGS_STATUS_SUCCESS);
        /* not committed: a reader sees none of it */
        CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &r, NULL),
                  HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(r, &articles, &passages), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, 0);
        CHECK_INT(passages, 0);
        hustings_index_close(r);
        /* committed: all of it */
        CHECK_INT(hustings_index_commit(w), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &r, NULL),
                  HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(hustings_index_count(r, &articles, &passages), HUSTINGS_STATUS_SUCCESS);
        CHECK_INT(articles, 1);
        CHECK_INT(passages, hustings_article_count_passages(a));
        hustings_index_close(r);
    }
    hustings_index_close(w);
    hustings_article_destroy(a);
    free(file);
}

/* hx_db_add_doc of a document holding term, 0 or -1. */
static int add_with(hx_db *db, const char *term)
{
    hx_doc *doc = hx_doc_new();
    int ok = doc && hx_doc_add_boolean(doc, term, strlen(term)) == 0 &&
             hx_db_add_doc(db, doc) == HUSTINGS_STATUS_SUCCESS;
    hx_doc_free(doc);
    return ok ? 0 : -1;
}

static unsigned long freq_of(hx_db *db, const char *term)
{
    unsigned long n = 99;
    CHECK_INT(hx_db_term_freq(db, term, &n), HUSTINGS_STATUS_SUCCESS);
    return n;
}

/* A group of changes undone takes back only what it added: changes made
 * before it, not yet committed, stay; one kept replaces the documents it
 * marked. */
static void test_change_groups(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/groups", tmp);
    hx_db *db = NULL;
    CHECK_INT(hx_db_open(path, 1, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (!db)
        return;
    CHECK_INT(add_with(db, "XAone"), 0); /* before any group, not committed */
    CHECK_INT(hx_db_begin_changes(db), HUSTINGS_STATUS_SUCCESS);
    /* no nesting: a mistake of the caller's, not a read-only index */
    CHECK_INT(hx_db_begin_changes(db), HUSTINGS_STATUS_XAPIAN_EXCEPTION);
    CHECK_STR(hx_db_error(db), "InvalidOperationError: a group of changes is open already");
    CHECK_INT(hx_db_delete_term_when_kept(db, "XAone"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(add_with(db, "XAtwo"), 0);
    CHECK_INT(hx_db_end_changes(db, 0), HUSTINGS_STATUS_SUCCESS); /* undone */
    CHECK_INT(freq_of(db, "XAone"), 1);
    CHECK_INT(freq_of(db, "XAtwo"), 0);
    CHECK_INT(hx_db_begin_changes(db), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hx_db_delete_term_when_kept(db, "XAone"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(add_with(db, "XAone"), 0); /* its new version */
    CHECK_INT(freq_of(db, "XAone"), 2);  /* the old one goes when kept */
    CHECK_INT(hx_db_end_changes(db, 1), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(freq_of(db, "XAone"), 1);
    CHECK_INT(hx_db_commit(db), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hx_db_end_changes(db, 1), HUSTINGS_STATUS_XAPIAN_EXCEPTION); /* none open */
    CHECK_STR(hx_db_error(db), "InvalidOperationError: no group of changes is open");
    hx_db_free(db);
    CHECK_INT(hx_db_open(path, 0, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (db) {
        CHECK_INT(freq_of(db, "XAone"), 1);
        CHECK_INT(freq_of(db, "XAtwo"), 0);
        /* a write on a read-only database is what READ_ONLY_INDEX says */
        CHECK_INT(hx_db_commit(db), HUSTINGS_STATUS_READ_ONLY_INDEX);
        CHECK_INT(hx_db_begin_changes(db), HUSTINGS_STATUS_READ_ONLY_INDEX);
        CHECK_INT(hx_db_end_changes(db, 1), HUSTINGS_STATUS_READ_ONLY_INDEX);
        CHECK_INT(hx_db_set_metadata(db, "k", "v"), HUSTINGS_STATUS_READ_ONLY_INDEX);
        CHECK_STR(hx_db_error(db), "index is open read-only");
        hx_db_free(db);
    }
}

/* How many passages of the index at path match q; thesaurus on or off,
 * and a synonyms file when syn is not NULL. */
static unsigned long count_of(const char *path, const char *q, int thesaurus, const char *syn)
{
    hustings_index_t *idx = NULL;
    hustings_query_t *query = NULL;
    char *msg = NULL;
    unsigned long n = 0;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, &msg),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_thesaurus(query, thesaurus);
    if (syn)
        CHECK_INT(hustings_query_set_synonyms_file(query, syn), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    hustings_query_destroy(query);
    hustings_index_close(idx);
    return n;
}

/* hustings_query_set_thesaurus and hustings_query_set_synonyms_file, on
 * the index of corpus/ that test_jobs built: "CEC" also finds "Central
 * Election Commission" through the built-in thesaurus, unless it is off;
 * a synonyms file adds to it, or works alone. */
static void test_thesaurus(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    unsigned long on = count_of(path, "CEC", 1, NULL), off = count_of(path, "CEC", 0, NULL);
    CHECK_INT(on, 26);
    CHECK_INT(off, 23);
    CHECK_INT(on, count_of(path, "CEC OR \"central election commission\"", 0, NULL));
    /* one way: "election => poll", so poll finds no more with it */
    CHECK_INT(count_of(path, "poll", 1, NULL), count_of(path, "poll", 0, NULL));
    CHECK(count_of(path, "election", 1, NULL) > count_of(path, "election", 0, NULL));

    char *syn = tmpdir_write(tmp, "synonyms.txt", "cec = electoral body\n", 21);
    CHECK_INT(count_of(path, "CEC", 0, syn),
              count_of(path, "CEC OR \"electoral body\"", 0, NULL));
    CHECK_INT(count_of(path, "CEC", 1, syn),
              count_of(path, "CEC OR \"electoral body\" OR \"central election commission\"", 0,
                       NULL));
    free(syn);
    /* title: takes synonyms too */
    syn = tmpdir_write(tmp, "turnout.txt", "cec = turnout\n", 14);
    CHECK_INT(count_of(path, "title:CEC", 0, NULL), 14);
    CHECK_INT(count_of(path, "title:turnout", 0, NULL), 8);
    CHECK_INT(count_of(path, "title:CEC", 0, syn), 22);
    free(syn);
    /* the file and the thesaurus apply in one pass: "vote = election" in
     * the file does not chain into "election => poll" */
    syn = tmpdir_write(tmp, "vote.txt", "vote = election\n", 16);
    unsigned long chained = count_of(path, "vote OR election OR poll", 0, NULL);
    unsigned long one_pass = count_of(path, "vote OR election", 0, NULL);
    CHECK(chained > one_pass);
    CHECK_INT(count_of(path, "vote", 1, syn), one_pass);
    free(syn);

    /* a file that cannot be used names itself, the line and the problem */
    hustings_index_t *idx = NULL;
    hustings_query_t *query = NULL;
    char *msg = NULL;
    syn = tmpdir_write(tmp, "bad-synonyms.txt", "cec electoral body\n", 19);
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, &msg),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_create(idx, "CEC", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_synonyms_file(query, syn), HUSTINGS_STATUS_FILE_ERROR);
    char want[4200];
    snprintf(want, sizeof want, "%s: line 1: no '=' (the form is \"word = synonym, other "
                                "synonym\")", syn);
    CHECK_STR(hustings_index_get_error(idx), want);
    hustings_query_set_thesaurus(NULL, 0); /* ignored */
    hustings_query_destroy(query);
    hustings_index_close(idx);
    free(syn);
}

/* hustings_facet_fn: add the counts up. */
static int add_count(void *sum, const char *value, unsigned long count)
{
    (void)value;
    *(unsigned long *)sum += count;
    return 0;
}

/* A feed: one article per item, with every field the getters give. */
static const char feed_rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel><title>Steppe Election Wire</title><link>https://wire.example.kz/</link>\n"
    "<item><title>Turnout passes sixty percent in Astana</title>\n"
    "<link>https://wire.example.kz/turnout</link><guid>wire-001</guid>\n"
    "<dc:creator>Aigerim Sadykova</dc:creator>\n"
    "<pubDate>Sun, 19 Mar 2023 21:00:00 +0600</pubDate>\n"
    "<description>Turnout in Astana rose above sixty percent by the evening, the city election commission said, as queues formed outside polling stations in the new districts.</description></item>\n"
    "<item><title>Observers report orderly voting</title>\n"
    "<link>https://wire.example.kz/observers</link><guid>wire-002</guid>\n"
    "<pubDate>Mon, 20 Mar 2023 09:30:00 +0600</pubDate>\n"
    "<description>International observers said voting was orderly at the stations they visited, while noting crowded ballot boxes in several villages near Almaty.</description></item>\n"
    "</channel></rss>\n";

static void test_articles_read(const char *tmp)
{
    char *path = tmpdir_write(tmp, "feed.rss", feed_rss, sizeof feed_rss - 1);
    hustings_articles_t *list = NULL;
    char *msg = NULL;
    CHECK_INT(hustings_articles_read(path, &list, &msg), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_articles_count(list), 2);
    hustings_article_t *a = hustings_articles_get(list, 0);
    CHECK_STR(hustings_article_get_title(a), "Turnout passes sixty percent in Astana");
    CHECK_STR(hustings_article_get_id(a), "wire-001");
    CHECK_STR(hustings_article_get_byline(a), "Aigerim Sadykova");
    CHECK_STR(hustings_article_get_date(a), "2023-03-19");
    CHECK_STR(hustings_article_get_datetime(a), "2023-03-19T21:00:00+06:00");
    CHECK_STR(hustings_article_get_lang(a), "en");
    CHECK_STR(hustings_article_get_site(a), "Steppe Election Wire");
    CHECK_STR(hustings_article_get_source(a), "https://wire.example.kz/turnout");
    CHECK_STR(hustings_article_get_format(a), "rss");
    a = hustings_articles_get(list, 1);
    CHECK_STR(hustings_article_get_id(a), "wire-002");
    CHECK(hustings_article_get_byline(a) == NULL);
    CHECK(hustings_articles_get(list, 2) == NULL);
    CHECK_INT(hustings_articles_count(NULL), 0);
    hustings_articles_destroy(list);
    hustings_articles_destroy(NULL);
    CHECK_INT(hustings_articles_read(NULL, &list, NULL), HUSTINGS_STATUS_NULL_POINTER);
    free(path);
}

/* The query settings, each seen in its results. */
static void test_query_settings(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    hustings_index_t *idx = NULL;
    hustings_query_t *q = NULL;
    hustings_passages_t *ps = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    /* newest first; one passage per article */
    CHECK_INT(hustings_query_create(idx, "candidates", &q), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_sort(q, HUSTINGS_SORT_DATE_DESC);
    hustings_query_set_per_article(q, 1);
    hustings_query_set_limit(q, 50);
    CHECK_INT(hustings_query_search(q, &ps), HUSTINGS_STATUS_SUCCESS);
    const char *prev_date = "9999", *prev_path = "";
    int newest_first = 1, one_each = 1;
    for (; hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
        hustings_passage_t *p = hustings_passages_get(ps);
        const char *d = hustings_passage_get_date(p) ? hustings_passage_get_date(p) : "";
        newest_first &= strcmp(d, prev_date) <= 0;
        one_each &= strcmp(hustings_passage_get_path(p), prev_path) != 0;
        prev_date = d;
        prev_path = hustings_passage_get_path(p);
        CHECK_INT(hustings_passage_get_copies(p), 1);
        CHECK(hustings_passage_get_lang(p) != NULL);
        CHECK(hustings_passage_get_site(p) == NULL); /* plain text has none */
        CHECK(hustings_passage_get_byline(p) == NULL);
    }
    CHECK(newest_first && one_each);
    hustings_passages_destroy(ps);
    hustings_query_destroy(q);
    /* a date range, narrowed by a second call */
    unsigned long all = 0, march = 0, none = 1;
    CHECK_INT(hustings_query_create(idx, "candidates", &q), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(q, &all), HUSTINGS_STATUS_SUCCESS);
    hustings_query_destroy(q);
    CHECK_INT(hustings_query_create(idx, "candidates", &q), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_date_range(q, "2023-03", NULL), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(q, &march), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_date_range(q, NULL, "2023-02"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(q, &none), HUSTINGS_STATUS_SUCCESS);
    CHECK(march > 0 && march < all);
    CHECK_INT(none, 0);
    CHECK_INT(hustings_query_set_date_range(q, "2023-03", "2023-02"),
              HUSTINGS_STATUS_QUERY_SYNTAX);
    hustings_query_destroy(q);
    /* collapse off changes nothing here (no copies), but is accepted */
    CHECK_INT(hustings_query_create(idx, "electoin", &q), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_collapse(q, 0);
    CHECK_INT(hustings_query_search(q, &ps), HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(hustings_passages_get_suggestion(ps), "election");
    hustings_passages_destroy(ps);
    hustings_query_destroy(q);
    CHECK(hustings_passages_get_suggestion(NULL) == NULL);
    /* a time limit already spent when the match starts stops the search,
     * the count and the facets alike; 0 lifts it */
    CHECK_INT(hustings_query_create(idx, "candidates", &q), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_time_limit(q, 1e-9);
    ps = NULL;
    CHECK_INT(hustings_query_search(q, &ps), HUSTINGS_STATUS_QUERY_TOO_COSTLY);
    CHECK(ps == NULL);
    CHECK(strstr(hustings_index_get_error(idx),
                 "the search was cut short: it took longer than its time limit of 1e-09 s") != NULL);
    unsigned long n = 0;
    CHECK_INT(hustings_query_count(q, &n), HUSTINGS_STATUS_QUERY_TOO_COSTLY);
    hustings_query_set_time_limit(q, 0);
    CHECK_INT(hustings_query_count(q, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(n, all);
    hustings_query_set_time_limit(NULL, 1); /* ignored */
    hustings_query_destroy(q);
    /* the wildcards of one query share a budget of terms */
    CHECK_INT(hustings_query_create(idx, "ca* OR cb* OR cc* OR cd* OR ce* OR cf* OR cg* OR ch* OR "
                                         "ci* OR cj* OR ck* OR cl* OR cm* OR cn* OR co* OR cp* OR "
                                         "cq* OR cr* OR cs* OR ct* OR cu* OR cv* OR cw* OR cx* OR "
                                         "cy* OR cz*", &q),
              HUSTINGS_STATUS_SUCCESS);
    if (q)
        CHECK_INT(hustings_query_count(q, &n), HUSTINGS_STATUS_QUERY_TOO_COSTLY);
    CHECK(strstr(hustings_index_get_error(idx), "too many wildcards in one query (26 words") !=
          NULL);
    hustings_query_destroy(q);
    hustings_index_close(idx);
    /* a NULL among the paths is refused, not dereferenced */
    const char *paths[] = { path, NULL };
    CHECK_INT(hustings_index_open_shards(paths, 2, &idx, NULL), HUSTINGS_STATUS_NULL_POINTER);
    hustings_indexer_t *ix = NULL;
    snprintf(path, sizeof path, "%s/null-paths", tmp);
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    const char *roots[] = { corpus_dir, NULL };
    CHECK_INT(hustings_indexer_run(ix, roots, 2, NULL), HUSTINGS_STATUS_NULL_POINTER);
    hustings_indexer_destroy(ix);
    hustings_index_close(idx);
}

/* Facets: their names, and counts over every match that add up. */
static void test_facets(const char *tmp)
{
    const char *const *names = hustings_facet_names();
    CHECK_STR(names[0], "year");
    CHECK_STR(names[1], "month");
    CHECK_STR(names[2], "source");
    CHECK_STR(names[3], "lang");
    CHECK(names[4] == NULL);
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    hustings_index_t *idx = NULL;
    hustings_query_t *query = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_create(idx, "candidates", &query), HUSTINGS_STATUS_SUCCESS);
    unsigned long n = 0, sum = 0;
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "lang", add_count, &sum), HUSTINGS_STATUS_SUCCESS);
    CHECK(n > 0);
    CHECK_INT(sum, n); /* every passage has a language */
    for (const char *const *f = names; *f; f++) {
        sum = 0;
        CHECK_INT(hustings_query_facets(query, *f, add_count, &sum), HUSTINGS_STATUS_SUCCESS);
        CHECK(sum > 0 && sum <= n);
    }
    CHECK_INT(hustings_query_facets(query, "colour", add_count, &sum),
              HUSTINGS_STATUS_QUERY_SYNTAX);
    CHECK_STR(hustings_index_get_error(idx), "unknown facet 'colour': year, month, source or lang");
    hustings_query_destroy(query);

    /* facets first: the count comes from the same pass and agrees; a date
     * range set afterwards counts again */
    unsigned long m = 0, years = 0, months = 0, narrow = 0, narrow_years = 0;
    CHECK_INT(hustings_query_create(idx, "candidates", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "year", add_count, &years), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "month", add_count, &months), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &m), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(m, n);
    CHECK(years > 0 && years == months && years <= m);
    CHECK_INT(hustings_query_set_date_range(query, "2023-03", "2023-03"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &narrow), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "year", add_count, &narrow_years),
              HUSTINGS_STATUS_SUCCESS);
    CHECK(narrow > 0 && narrow < m && narrow_years == narrow);
    hustings_query_destroy(query);

    /* a synonyms file applied after the facets: counted again, as a fresh
     * query with the file counts */
    char syn[4096];
    snprintf(syn, sizeof syn, "%s/facet-synonyms.txt", tmp);
    FILE *f = fopen(syn, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("kazakhstan = astana\n", f);
        fclose(f);
    }
    unsigned long before = 0, after = 0, fresh = 0;
    CHECK_INT(hustings_query_create(idx, "kazakhstan", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "lang", add_count, &before), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_synonyms_file(query, syn), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &after), HUSTINGS_STATUS_SUCCESS);
    hustings_query_destroy(query);
    CHECK_INT(hustings_query_create(idx, "kazakhstan", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_set_synonyms_file(query, syn), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &fresh), HUSTINGS_STATUS_SUCCESS);
    hustings_query_destroy(query);
    CHECK(before > 0 && after > before);
    CHECK_INT(after, fresh);
    hustings_index_close(idx);
}

/* The articles "candidates" finds: as many as the distinct articles of
 * all its passages listed (path and title: a feed's items share a path),
 * whether asked for before the facets, after them, or alone. */
static void test_count_articles(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    hustings_index_t *idx = NULL;
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_create(idx, "candidates", &query), HUSTINGS_STATUS_SUCCESS);
    hustings_query_set_limit(query, 10000);
    hustings_query_set_collapse(query, 0);
    CHECK_INT(hustings_query_search(query, &ps), HUSTINGS_STATUS_SUCCESS);
    char seen[512][600];
    unsigned long listed = 0, passages = 0;
    for (; ps && hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
        hustings_passage_t *p = hustings_passages_get(ps);
        char key[600];
        snprintf(key, sizeof key, "%s\n%s", hustings_passage_get_path(p),
                 hustings_passage_get_title(p));
        unsigned long i = 0;
        while (i < listed && strcmp(seen[i], key) != 0)
            i++;
        if (i == listed && listed < 512)
            strcpy(seen[listed++], key);
        passages++;
    }
    hustings_passages_destroy(ps);
    unsigned long articles = 0, count = 0, sum = 0;
    CHECK_INT(hustings_query_count_articles(query, &articles), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(articles, listed);
    CHECK_INT(articles, 11);
    CHECK_INT(hustings_query_count(query, &count), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(count, passages);
    CHECK(articles < count);
    CHECK_INT(hustings_query_count_articles(NULL, &articles), HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_query_count_articles(query, NULL), HUSTINGS_STATUS_NULL_POINTER);
    hustings_query_destroy(query);

    /* after the facets (another pass), and with a filter that leaves none */
    CHECK_INT(hustings_query_create(idx, "candidates", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_facets(query, "lang", add_count, &sum), HUSTINGS_STATUS_SUCCESS);
    articles = 0;
    CHECK_INT(hustings_query_count_articles(query, &articles), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(articles, listed);
    CHECK_INT(hustings_query_count(query, &count), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(count, passages);
    CHECK_INT(sum, passages);
    CHECK_INT(hustings_query_add_filter(query, HUSTINGS_FILTER_LANG, "ru"),
              HUSTINGS_STATUS_SUCCESS);
    unsigned long russian = 1;
    CHECK_INT(hustings_query_count_articles(query, &russian), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(russian, 0); /* every passage with "candidates" is English */
    hustings_query_destroy(query);
    hustings_index_close(idx);
}

/* The statistics of the indexes at paths, opened as one; the caller
 * destroys them. */
static hustings_stats_t *stats_of(const char *const *paths, size_t n)
{
    hustings_index_t *idx = NULL;
    hustings_stats_t *s = NULL;
    CHECK_INT(hustings_index_open_shards(paths, n, &idx, NULL), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    hustings_index_close(idx);
    return s;
}

/* Statistics over shards add up: files, size and last update are per
 * index (Xapian gives a combined handle the metadata of its first). */
static void test_shard_stats(const char *tmp)
{
    char one[4096], four[4096];
    snprintf(one, sizeof one, "%s/jobs1", tmp);
    snprintf(four, sizeof four, "%s/jobs4", tmp);
    const char *p1[] = { one }, *p4[] = { four }, *both[] = { one, four };
    hustings_stats_t *s1 = stats_of(p1, 1), *s4 = stats_of(p4, 1), *s = stats_of(both, 2);
    unsigned long files1 = hustings_stats_get_files(s1);
    CHECK(files1 > 0 && hustings_stats_get_files(s4) == files1);
    CHECK_INT(hustings_stats_get_files(s), files1 + hustings_stats_get_files(s4));
    CHECK_INT(hustings_stats_get_passages(s),
              hustings_stats_get_passages(s1) + hustings_stats_get_passages(s4));
    CHECK(hustings_stats_get_disk_bytes(s1) > 0 && hustings_stats_get_disk_bytes(s4) > 0);
    CHECK(hustings_stats_get_disk_bytes(s) ==
          hustings_stats_get_disk_bytes(s1) + hustings_stats_get_disk_bytes(s4));
    const char *u1 = hustings_stats_get_last_update(s1), *u4 = hustings_stats_get_last_update(s4);
    CHECK_STR(hustings_stats_get_last_update(s), strcmp(u1, u4) > 0 ? u1 : u4);
    CHECK_STR(hustings_stats_get_first_date(s), hustings_stats_get_first_date(s1));
    CHECK(hustings_stats_count_languages(s) > 0);
    /* undated articles are counted in each shard (the one built in shards
     * too), and a folder that both were built from is one, with the files
     * of both */
    CHECK_INT(hustings_stats_get_undated(s1), 2);
    CHECK_INT(hustings_stats_get_undated(s4), 2);
    CHECK_INT(hustings_stats_get_undated(s), 4);
    CHECK_INT(hustings_stats_count_folders(s), 1);
    CHECK_STR(hustings_stats_get_folder(s, 0), hustings_stats_get_folder(s4, 0));
    CHECK_INT(hustings_stats_get_folder_files(s, 0), 2 * files1);
    hustings_stats_destroy(s1);
    hustings_stats_destroy(s4);
    hustings_stats_destroy(s);
}

/* Shards open as one; an index given twice is read once. */
static void test_shards(const char *tmp)
{
    char path[4096], again[4100];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    snprintf(again, sizeof again, "%s/", path);
    const char *paths[] = { path, again };
    hustings_index_t *idx = NULL;
    hustings_query_t *query = NULL;
    unsigned long n = 0;
    CHECK_INT(hustings_index_open_shards(paths, 2, &idx, NULL), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_create(idx, "CEC", &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_count(query, &n), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(n, count_of(path, "CEC", 1, NULL));
    hustings_query_destroy(query);
    hustings_index_close(idx);
    char *msg = NULL;
    const char *missing[] = { path, "/nonexistent/shard" };
    idx = NULL;
    CHECK_INT(hustings_index_open_shards(missing, 2, &idx, &msg), HUSTINGS_STATUS_INDEX_NOT_FOUND);
    CHECK(idx == NULL && msg && strstr(msg, "/nonexistent/shard") != NULL);
    free(msg);
    CHECK_INT(hustings_index_open_shards(NULL, 1, &idx, NULL), HUSTINGS_STATUS_NULL_POINTER);
}

static void test_format_version(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/old", tmp);
    hx_db *db = NULL;
    CHECK_INT(hx_db_open(path, 1, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hx_db_set_metadata(db, "hustings.format", "99"), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hx_db_commit(db), HUSTINGS_STATUS_SUCCESS);
    hx_db_free(db);
    hustings_index_t *idx = NULL;
    char *msg = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, &msg),
              HUSTINGS_STATUS_INDEX_VERSION);
    CHECK(msg && strstr(msg, "index format 99, but this hustings reads format 8") != NULL);
    CHECK(idx == NULL);
    free(msg);
    /* as a second shard too, though Xapian reads metadata from the first */
    char current[4096];
    snprintf(current, sizeof current, "%s/jobs1", tmp);
    const char *paths[] = { current, path };
    msg = NULL;
    CHECK_INT(hustings_index_open_shards(paths, 2, &idx, &msg), HUSTINGS_STATUS_INDEX_VERSION);
    CHECK(msg && strstr(msg, "/old: index format 99, but this hustings reads format 8") != NULL);
    CHECK(idx == NULL);
    free(msg);
}

/* hustings_passage_to_json of a dump's passage, a result and a hand-made
 * passage: exact text, as hustings-query and hustings-serve print it. */
static int json_of_dump(void *ctx, hustings_passage_t *p)
{
    char **json = ctx;
    CHECK_INT(hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_DUMP, "ignored", json),
              HUSTINGS_STATUS_SUCCESS);
    return 1; /* the first is enough */
}

static void test_passage_json(const char *tmp)
{
    static const char text[] = "Ballots \"counted\"\n\n"
                               "Ballots in Almaty/Astana were counted\tby hand \xE2\x80\x94 "
                               "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0.\n";
    char *file = tmpdir_write(tmp, "ballots.txt", text, sizeof text - 1);
    char path[4096], want[8192];
    snprintf(path, sizeof path, "%s/pj", tmp);
    hustings_index_t *idx = NULL;
    hustings_summary_t sum;
    seen_files seen = { 0, 0 };
    const char *files[] = { file };
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(index_paths(idx, files, 1, 0, &sum, &seen), HUSTINGS_STATUS_SUCCESS);
    char *json = NULL;
    CHECK_INT(hustings_index_dump(idx, json_of_dump, &json), HUSTINGS_STATUS_SUCCESS);
    snprintf(want, sizeof want,
             "{\"path\":\"%s\",\"passage\":0,\"title\":\"Ballots \\\"counted\\\"\",\"date\":null,"
             "\"text\":\"Ballots in Almaty/Astana were counted\\tby hand \xE2\x80\x94 "
             "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0.\"}",
             file);
    CHECK_STR(json, want);
    free(json);

    hustings_passages_t *ps = NULL;
    CHECK_INT(search(idx, "counted hand", 10, 0, &ps), 1);
    hustings_passage_t *p = hustings_passages_get(ps);
    json = NULL;
    CHECK_INT(hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_RESULT, "countered", &json),
              HUSTINGS_STATUS_SUCCESS);
    char score[64]; /* json-c's way: 17 significant digits */
    snprintf(score, sizeof score, "%.17g", hustings_passage_get_score(p));
    snprintf(want, sizeof want,
             "{\"rank\":1,\"score\":%s,\"path\":\"%s\",\"title\":\"Ballots \\\"counted\\\"\","
             "\"date\":null,\"source\":null,\"byline\":null,\"lang\":\"en\",\"site\":null,"
             "\"passage\":0,\"paragraph\":1,"
             "\"text\":\"Ballots in Almaty/Astana were counted\\tby hand \xE2\x80\x94 "
             "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0.\",\"highlights\":[[30,37],[41,45]],\"copies\":1,"
             "\"suggestion\":\"countered\"}",
             score, file);
    CHECK_STR(json, want);
    free(json);
    json = NULL;
    CHECK_INT(hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_PASSAGE, NULL, &json),
              HUSTINGS_STATUS_SUCCESS);
    snprintf(want, sizeof want,
             "{\"path\":\"%s\",\"title\":\"Ballots \\\"counted\\\"\",\"date\":null,"
             "\"source\":null,\"byline\":null,\"lang\":\"en\",\"site\":null,"
             "\"passage\":0,\"paragraph\":1,"
             "\"text\":\"Ballots in Almaty/Astana were counted\\tby hand \xE2\x80\x94 "
             "\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0.\"}",
             file);
    CHECK_STR(json, want);
    free(json);
    json = NULL;
    CHECK_INT(hustings_passage_to_json(NULL, HUSTINGS_PASSAGE_JSON_RESULT, NULL, &json),
              HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_passage_to_json(p, HUSTINGS_PASSAGE_JSON_RESULT, NULL, NULL),
              HUSTINGS_STATUS_NULL_POINTER);
    CHECK(json == NULL);
    hustings_passages_destroy(ps);
    hustings_index_close(idx);
    free(file);

    /* Fields that are not UTF-8 (no index the indexer writes holds them)
     * still give JSON: each bad byte is U+FFFD; a control character is
     * escaped; every member the passage lacks is null. */
    hs_range range = { 0, 2 };
    struct _hustings_passage odd = { 0 };
    odd.rank = 3;
    odd.score = 0.5;
    odd.path = "/n\xFF.txt";
    odd.title = "";
    odd.date = "2023-03-20";
    odd.text = "\xC3 x\x01";
    odd.copies = 2;
    odd.ordinal = 4;
    odd.paragraph = 5;
    odd.highlights = &range;
    odd.n_highlights = 1;
    CHECK_INT(hustings_passage_to_json(&odd, HUSTINGS_PASSAGE_JSON_RESULT, NULL, &json),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_STR(json, "{\"rank\":3,\"score\":0.5,\"path\":\"/n\xEF\xBF\xBD.txt\",\"title\":\"\","
                    "\"date\":\"2023-03-20\",\"source\":null,\"byline\":null,\"lang\":null,"
                    "\"site\":null,\"passage\":4,\"paragraph\":5,"
                    "\"text\":\"\xEF\xBF\xBD x\\u0001\",\"highlights\":[[0,2]],\"copies\":2,"
                    "\"suggestion\":null}");
    free(json);
}

/* HUSTINGS_CHECK_VERSION compares with the header's version at compile
 * time, and the library's version string is the header's (configure
 * reads it from there: a stale configure fails here). */
#if !HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR, \
                            HUSTINGS_VERSION_MICRO) ||                      \
    !HUSTINGS_CHECK_VERSION(0, 0, 0) || !HUSTINGS_CHECK_VERSION(0, 1, 0)
#error "HUSTINGS_CHECK_VERSION refuses a version the header has"
#endif
#if HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR,     \
                           HUSTINGS_VERSION_MICRO + 1) ||                      \
    HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR + 1, 0) || \
    HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR + 1, 0, 0)
#error "HUSTINGS_CHECK_VERSION accepts a later version"
#endif
#define STR_(x) #x
#define STR(x) STR_(x)

static void test_version_macros(void)
{
    CHECK_STR(hustings_version(), STR(HUSTINGS_VERSION_MAJOR) "." STR(HUSTINGS_VERSION_MINOR)
                                  "." STR(HUSTINGS_VERSION_MICRO));
    CHECK_STR(PACKAGE_VERSION, hustings_version());
    /* usable in an expression too */
    CHECK(HUSTINGS_CHECK_VERSION(0, 1, 0));
    CHECK(!HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR,
                                  HUSTINGS_VERSION_MICRO + 1));
    CHECK(HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR, 0));
    if (HUSTINGS_VERSION_MINOR > 0)
        CHECK(HUSTINGS_CHECK_VERSION(HUSTINGS_VERSION_MAJOR, HUSTINGS_VERSION_MINOR - 1, 99));
}

/* hustings_index_get_stats and its getters, on the index of corpus/ that
 * test_jobs built with one thread: exact counts, every language with its
 * passages (most first), and getters that accept NULL. */
static void test_stats(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/jobs1", tmp);
    const char *paths[] = { path };
    hustings_stats_t *s = stats_of(paths, 1);
    CHECK_INT(hustings_stats_get_articles(s), 28);
    CHECK_INT(hustings_stats_get_passages(s), 196);
    CHECK_INT(hustings_stats_get_files(s), 28);
    CHECK_INT(hustings_stats_get_format(s), HUSTINGS_INDEX_FORMAT);
    CHECK_STR(hustings_stats_get_first_date(s), "2023-01-21");
    CHECK_STR(hustings_stats_get_last_date(s), "2023-03-29");
    CHECK_INT(hustings_stats_count_languages(s), 3);
    CHECK_STR(hustings_stats_get_language(s, 0), "en");
    CHECK_INT(hustings_stats_get_language_passages(s, 0), 85);
    CHECK_STR(hustings_stats_get_language(s, 1), "kk");
    CHECK_INT(hustings_stats_get_language_passages(s, 1), 70);
    CHECK_STR(hustings_stats_get_language(s, 2), "ru");
    CHECK_INT(hustings_stats_get_language_passages(s, 2), 41);
    CHECK(hustings_stats_get_language(s, 3) == NULL);
    CHECK_INT(hustings_stats_get_language_passages(s, 3), 0);
    /* en-08 and ru-05 have no date line */
    CHECK_INT(hustings_stats_get_undated(s), 2);
    /* the folder the run was given, made absolute, and its files */
    char *corpus = realpath(corpus_dir, NULL);
    CHECK_INT(hustings_stats_count_folders(s), 1);
    CHECK_STR(hustings_stats_get_folder(s, 0), corpus);
    CHECK_INT(hustings_stats_get_folder_files(s, 0), 28);
    CHECK(hustings_stats_get_folder(s, 1) == NULL);
    free(corpus);
    hustings_stats_destroy(s);

    /* an empty index: nothing counted, no date, no update, no language */
    char empty[4096];
    snprintf(empty, sizeof empty, "%s/stats-empty", tmp);
    hustings_index_t *idx = NULL;
    s = NULL;
    CHECK_INT(hustings_index_open(empty, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_stats_get_articles(s), 0);
    CHECK_INT(hustings_stats_get_passages(s), 0);
    CHECK_INT(hustings_stats_get_files(s), 0);
    CHECK(hustings_stats_get_last_update(s) == NULL);
    CHECK(hustings_stats_get_first_date(s) == NULL);
    CHECK(hustings_stats_get_last_date(s) == NULL);
    CHECK_INT(hustings_stats_count_languages(s), 0);
    CHECK_INT(hustings_stats_get_undated(s), 0);
    CHECK_INT(hustings_stats_count_folders(s), 0);
    hustings_stats_destroy(s);
    CHECK_INT(hustings_index_get_stats(idx, NULL), HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_index_get_stats(NULL, &s), HUSTINGS_STATUS_NULL_POINTER);
    hustings_index_close(idx);

    CHECK_INT(hustings_stats_get_articles(NULL), 0);
    CHECK_INT(hustings_stats_get_terms(NULL), 0);
    CHECK_INT(hustings_stats_get_disk_bytes(NULL), 0);
    CHECK(hustings_stats_get_last_update(NULL) == NULL);
    CHECK_INT(hustings_stats_count_languages(NULL), 0);
    CHECK(hustings_stats_get_language(NULL, 0) == NULL);
    hustings_stats_destroy(NULL);
}

/* 130 languages (aa to ez) are all given, however long their list: aa
 * with 3 passages, ez with 2, the rest with 1 each, by code. */
static void test_stats_many_languages(const char *tmp)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/stats-langs", tmp);
    hustings_index_t *idx = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    hustings_index_close(idx);
    hx_db *db = NULL;
    CHECK_INT(hx_db_open(path, 1, &db, NULL), HUSTINGS_STATUS_SUCCESS);
    if (!db)
        return;
    for (int i = 0; i < 130; i++) {
        char term[4] = { 'L', (char)('a' + i / 26), (char)('a' + i % 26), '\0' };
        int copies = i == 0 ? 3 : i == 129 ? 2 : 1;
        for (int c = 0; c < copies; c++)
            CHECK_INT(add_with(db, term), 0);
    }
    CHECK_INT(hx_db_commit(db), HUSTINGS_STATUS_SUCCESS);
    hx_db_free(db);

    const char *paths[] = { path };
    hustings_stats_t *s = stats_of(paths, 1);
    CHECK_INT(hustings_stats_get_passages(s), 133);
    CHECK_INT(hustings_stats_count_languages(s), 130);
    CHECK_STR(hustings_stats_get_language(s, 0), "aa");
    CHECK_INT(hustings_stats_get_language_passages(s, 0), 3);
    CHECK_STR(hustings_stats_get_language(s, 1), "ez");
    CHECK_INT(hustings_stats_get_language_passages(s, 1), 2);
    CHECK_STR(hustings_stats_get_language(s, 2), "ab");
    CHECK_STR(hustings_stats_get_language(s, 129), "ey");
    CHECK_INT(hustings_stats_get_language_passages(s, 129), 1);
    unsigned long sum = 0;
    for (unsigned i = 0; i < hustings_stats_count_languages(s); i++)
        sum += hustings_stats_get_language_passages(s, i);
    CHECK_INT(sum, 133);
    hustings_stats_destroy(s);
}

int main(void)
{
    const char *src = getenv("top_srcdir");
    snprintf(corpus_dir, sizeof corpus_dir, "%s/corpus", src ? src : ".");
    const char *shared = check_shared_dir(); /* NULL: those parts are skipped */
    char *tmp = tmpdir_make();
    test_status_and_version();
    test_default_index_path();
    test_wildcard_budget();
    test_shard_rule();
    test_article_read(shared, tmp);
    test_index(shared, tmp);
    test_jobs(tmp);
    test_earlier_data(tmp);
    test_following_weights(tmp);
    test_whole_articles(tmp);
    test_change_groups(tmp);
    test_thesaurus(tmp);
    test_articles_read(tmp);
    test_query_settings(tmp);
    test_facets(tmp);
    test_count_articles(tmp);
    test_shards(tmp);
    test_shard_stats(tmp);
    test_stats(tmp);
    test_version_macros();
    test_stats_many_languages(tmp);
    test_format_version(tmp);
    test_passage_json(tmp);
    tmpdir_remove(tmp);
    return check_done();
}
