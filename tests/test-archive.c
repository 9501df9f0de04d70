/* test-archive.c - an archive as newsrooms keep it, through the API and
 * the internals under it: folders moved, forgotten and pruned
 * (hustings_indexer_forget, hustings_indexer_prune; roots.h, missing.h),
 * the folders and undated articles of the stats, dates from modification
 * times (hustings_indexer_set_date_from_mtime,
 * hustings_passage_get_date_source; file_dates.h, filestate.h), on real
 * indexes of corpus/ in temporary folders. */
#include "hustings.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "article_key.h"
#include "check.h"
#include "doc_data.h"
#include "file_dates.h"
#include "filestate.h"
#include "missing.h"
#include "roots.h"
#include "tmpdir.h"

/* 2004-11-03 and 2004-12-01, 12:00 UTC */
#define NOV_3 1099483200
#define DEC_1 1101902400

static char corpus_dir[4096];

static char *join(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

/* Copy corpus/name into dir; with mtime (not 0), set its modification
 * time.  The new path (caller frees). */
static char *copy_in(const char *name, const char *dir, time_t mtime)
{
    char *from = join(corpus_dir, name), *to = join(dir, name);
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[8192];
    size_t n;
    if (!in || !out) {
        perror(name);
        exit(99);
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    if (fclose(out) != 0)
        exit(99);
    if (mtime) {
        struct timespec ts[2] = { { mtime, 0 }, { mtime, 0 } };
        if (utimensat(AT_FDCWD, to, ts, 0) < 0)
            exit(99);
    }
    free(from);
    return to;
}

static char *make_dir(const char *parent, const char *name)
{
    char *p = join(parent, name);
    if (mkdir(p, 0755) < 0) {
        perror(p);
        exit(99);
    }
    return p;
}

static hustings_index_t *open_rw(const char *path)
{
    hustings_index_t *idx = NULL;
    CHECK_INT(hustings_index_open(path, HUSTINGS_INDEX_MODE_READ_WRITE, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    return idx;
}

typedef struct told {
    char lines[16][512];
    int n;
} told;

static void tell(void *ctx, const char *path, hustings_file_action_t action, const char *detail)
{
    static const char *const names[] = { "new", "changed", "renamed", "removed",
                                         "unchanged", "skipped" };
    told *t = ctx;
    if (t->n < 16)
        snprintf(t->lines[t->n++], sizeof t->lines[0], "%s %s%s%s", names[action], path,
                 detail ? ": " : "", detail ? detail : "");
}

/* An indexer on idx, telling t (may be NULL). */
static hustings_indexer_t *indexer(hustings_index_t *idx, int dry_run, told *t)
{
    hustings_indexer_t *ix = NULL;
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_set_dry_run(ix, dry_run);
    hustings_indexer_set_jobs(ix, 1);
    if (t) {
        memset(t, 0, sizeof *t);
        hustings_indexer_set_file_callback(ix, tell, t);
    }
    return ix;
}

static hustings_summary_t run_on(hustings_index_t *idx, const char *const *paths, size_t n,
                                 int date_from_mtime, told *t)
{
    hustings_summary_t sum;
    memset(&sum, 0, sizeof sum);
    hustings_indexer_t *ix = indexer(idx, 0, t);
    hustings_indexer_set_date_from_mtime(ix, date_from_mtime);
    CHECK_INT(hustings_indexer_run(ix, paths, n, &sum), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    return sum;
}

static unsigned long articles_of(hustings_index_t *idx)
{
    unsigned long n = 0;
    CHECK_INT(hustings_index_count(idx, &n, NULL), HUSTINGS_STATUS_SUCCESS);
    return n;
}

/* ---- internals -------------------------------------------------------- */

static void test_absolute_path(const char *tmp)
{
    char *old = getcwd(NULL, 0), *p;
    CHECK(chdir(tmp) == 0);
    char *real = realpath(tmp, NULL);
    char want[4096];
    /* a path that does not exist: its nearest folder's real path, and the
     * rest without "." and ".." */
    p = hs_absolute_path("./gone/../gone/./c1/");
    snprintf(want, sizeof want, "%s/gone/c1", real);
    CHECK_STR(p, want);
    free(p);
    p = hs_absolute_path("/nonexistent-hs//a/./b/../c");
    CHECK_STR(p, "/nonexistent-hs/a/c");
    free(p);
    p = hs_absolute_path("/nonexistent-hs/..");
    CHECK_STR(p, "/");
    free(p);
    /* one that exists: its real path */
    p = hs_absolute_path(".");
    CHECK_STR(p, real);
    free(p);
    CHECK(chdir(old) == 0);
    free(old);
    free(real);
}

static void test_path_below(void)
{
    CHECK(hs_path_below("/news/2023/a.txt", "/news"));
    CHECK(hs_path_below("/news", "/news"));
    CHECK(hs_path_below("/news/a.txt", "/"));
    CHECK(!hs_path_below("/newsroom/a.txt", "/news"));
    CHECK(!hs_path_below("/new", "/news"));
    CHECK(!hs_path_below("/news", ""));
}

static void test_path_check(const char *tmp)
{
    char *base = make_dir(tmp, "check"), *full = make_dir(base, "full"),
         *empty = make_dir(base, "empty");
    char *kept = copy_in("en-01-self-nomination-returns.txt", full, 0);
    hs_buf folder = HS_BUF_INIT, why = HS_BUF_INIT;
    hs_path_state state = HS_PATH_GONE;
    CHECK_INT(hs_path_check(kept, &folder, &why, &state), 0);
    CHECK_INT(state, HS_PATH_THERE);
    /* missing below a folder that holds something: gone, also a folder
     * further down */
    char *gone = join(full, "gone.txt"), *deep = join(full, "moved/away/x.txt");
    CHECK_INT(hs_path_check(gone, &folder, &why, &state), 0);
    CHECK_INT(state, HS_PATH_GONE);
    CHECK_INT(hs_path_check(deep, &folder, &why, &state), 0);
    CHECK_INT(state, HS_PATH_GONE);
    CHECK_STR(hs_buf_str(&folder), "");
    /* below an empty folder (a share that is not mounted): out of reach */
    char *unmounted = join(empty, "news/x.txt");
    CHECK_INT(hs_path_check(unmounted, &folder, &why, &state), 0);
    CHECK_INT(state, HS_PATH_OUT_OF_REACH);
    CHECK_STR(hs_buf_str(&folder), empty);
    CHECK_STR(hs_buf_str(&why), "empty folder (a share that is not mounted?)");
    /* a file where a folder was: what was below it is gone */
    hs_buf_reset(&folder);
    hs_buf_reset(&why);
    char *below_file = join(kept, "x.txt");
    CHECK_INT(hs_path_check(below_file, &folder, &why, &state), 0);
    CHECK_INT(state, HS_PATH_GONE);
    hs_buf_free(&folder);
    hs_buf_free(&why);
    free(base), free(full), free(empty), free(kept), free(gone), free(deep);
    free(unmounted), free(below_file);
}

static void test_filestate_dates(void)
{
    static const char *const lines[] = {
        "120 1099483200000000000 0123456789abcdef0123456789abcdef dated /news/a b.txt",
        "120 1099483200000000000 0123456789abcdef0123456789abcdef undated /news/a b.txt",
        "120 1099483200000000000 0123456789abcdef0123456789abcdef mtime:2004-11-03 /news/a b.txt",
    };
    static const hs_dates want[] = { HS_DATES_OWN, HS_DATES_NONE, HS_DATES_MTIME };
    for (size_t i = 0; i < 3; i++) {
        hs_filestate *fs = hs_filestate_parse(lines[i], strlen(lines[i]));
        CHECK(fs != NULL);
        if (!fs)
            continue;
        CHECK_INT(fs->dates, want[i]);
        CHECK_STR(fs->path, "/news/a b.txt");
        CHECK_INT(fs->size, 120);
        CHECK_STR(fs->mtime_date, i == 2 ? "2004-11-03" : "");
        hs_buf out = HS_BUF_INIT;
        CHECK_INT(hs_filestate_format(fs, &out), 0);
        CHECK_STR(hs_buf_str(&out), lines[i]); /* and back */
        hs_buf_free(&out);
        hs_filestate_free(fs);
    }
    /* written before DATES was kept: the path follows the hash */
    const char *old = "7 5 0123456789abcdef0123456789abcdef /news/undated x.txt";
    hs_filestate *fs = hs_filestate_parse(old, strlen(old));
    CHECK(fs && fs->dates == HS_DATES_UNKNOWN);
    CHECK_STR(fs ? fs->path : NULL, "/news/undated x.txt");
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_filestate_format(fs, &out), 0);
    CHECK_STR(hs_buf_str(&out), old);
    hs_buf_free(&out);
    hs_filestate_free(fs);
    /* a DATES and nothing after it is no entry */
    const char *cut = "7 5 0123456789abcdef0123456789abcdef dated ";
    CHECK(hs_filestate_parse(cut, strlen(cut)) == NULL);
}

static void test_date_articles(void)
{
    hs_article *a = hs_article_new("/news/a.txt"), *b = hs_article_new("/news/a.txt");
    hs_article *both[] = { a, b };
    hs_dates dates;
    char day[11];
    CHECK_INT(hs_article_set_date(a, "2005-05-05", 10), 0);
    /* without the option: b stays undated */
    CHECK_INT(hs_date_articles(both, 2, (long long)NOV_3 * 1000000000LL, 0, &dates, day), 0);
    CHECK_INT(dates, HS_DATES_NONE);
    CHECK_STR(day, "");
    CHECK(b->date == NULL);
    /* with it: b takes the day, a keeps its own */
    CHECK_INT(hs_date_articles(both, 2, (long long)NOV_3 * 1000000000LL, 1, &dates, day), 0);
    CHECK_INT(dates, HS_DATES_MTIME);
    CHECK_STR(day, "2004-11-03");
    CHECK_STR(b->date, "2004-11-03");
    CHECK_INT(b->date_from_mtime, 1);
    CHECK_STR(a->date, "2005-05-05");
    CHECK_INT(a->date_from_mtime, 0);
    /* all dated now: the option changes nothing */
    CHECK_INT(hs_date_articles(both, 2, (long long)DEC_1 * 1000000000LL, 1, &dates, day), 0);
    CHECK_INT(dates, HS_DATES_OWN);
    CHECK_STR(b->date, "2004-11-03");
    hs_article_free(a);
    hs_article_free(b);

    char out[11];
    hs_mtime_date((long long)DEC_1 * 1000000000LL + 999, out);
    CHECK_STR(out, "2004-12-01");

    hs_filestate fs = { 1, 1, "", "/x", HS_DATES_MTIME, "2004-11-03" };
    CHECK(!hs_dates_stale(&fs, (long long)NOV_3 * 1000000000LL));
    CHECK(hs_dates_stale(&fs, (long long)DEC_1 * 1000000000LL));
    fs.dates = HS_DATES_OWN;
    CHECK(!hs_dates_stale(&fs, (long long)DEC_1 * 1000000000LL));
    fs.dates = HS_DATES_NONE;
    CHECK(hs_dates_stale(&fs, (long long)NOV_3 * 1000000000LL));
    fs.dates = HS_DATES_UNKNOWN;
    CHECK(hs_dates_stale(&fs, (long long)NOV_3 * 1000000000LL));

    CHECK(hs_data_date_source(NULL, "mtime") == NULL);
    CHECK_STR(hs_data_date_source("2004-11-03", "mtime"), "mtime");
    CHECK_STR(hs_data_date_source("2004-11-03", NULL), "article");
}

/* ---- the API ------------------------------------------------------------ */

/* The date and date source of the first result of q, as "DATE SOURCE"
 * ("- -" when absent). */
static void date_of(hustings_index_t *idx, const char *q, char *out, size_t size)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    snprintf(out, size, "no result");
    CHECK_INT(hustings_query_create(idx, q, &query), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_query_search(query, &ps), HUSTINGS_STATUS_SUCCESS);
    hustings_passage_t *p = hustings_passages_get(ps);
    if (p) {
        const char *d = hustings_passage_get_date(p), *s = hustings_passage_get_date_source(p);
        snprintf(out, size, "%s %s", d ? d : "-", s ? s : "-");
    }
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
}

typedef struct sources {
    unsigned long mtime, article, none;
} sources;

static int count_source(void *ctx, hustings_passage_t *p)
{
    sources *s = ctx;
    const char *src = hustings_passage_get_date_source(p);
    if (!src)
        s->none++;
    else if (strcmp(src, "mtime") == 0)
        s->mtime++;
    else if (strcmp(src, "article") == 0)
        s->article++;
    return 0;
}

static void test_date_from_mtime(const char *tmp)
{
    char *dir = make_dir(tmp, "dated"), *ipath = join(tmp, "dated.idx");
    /* en-08 has no date line; en-01 is dated 2023-01-21 */
    char *undated = copy_in("en-08-youth-voters.txt", dir, NOV_3);
    free(copy_in("en-01-self-nomination-returns.txt", dir, NOV_3));
    hustings_index_t *idx = open_rw(ipath);
    const char *paths[] = { dir };
    char got[64];

    hustings_summary_t sum = run_on(idx, paths, 1, 0, NULL);
    CHECK_INT(sum.new_files, 2);
    date_of(idx, "title:sunday", got, sizeof got);
    CHECK_STR(got, "- -");
    date_of(idx, "title:independents", got, sizeof got);
    CHECK_STR(got, "2023-01-21 article");
    hustings_stats_t *s = NULL;
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_stats_get_undated(s), 1);
    hustings_stats_destroy(s);

    /* asked for: the undated file is read again and dated, the other is
     * left alone */
    sum = run_on(idx, paths, 1, 1, NULL);
    CHECK_INT(sum.changed, 1);
    CHECK_INT(sum.unchanged, 1);
    date_of(idx, "title:sunday", got, sizeof got);
    CHECK_STR(got, "2004-11-03 mtime");
    date_of(idx, "title:independents", got, sizeof got);
    CHECK_STR(got, "2023-01-21 article");
    /* every passage of the article says so, not only its first */
    sources src = { 0, 0, 0 };
    CHECK_INT(hustings_index_dump(idx, count_source, &src), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(src.mtime, 7);
    CHECK_INT(src.article, 8);
    CHECK_INT(src.none, 0);
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_stats_get_undated(s), 0);
    CHECK_STR(hustings_stats_get_first_date(s), "2004-11-03");
    hustings_stats_destroy(s);

    /* without it, a touched file keeps its date; with it, takes the new day */
    struct timespec ts[2] = { { DEC_1, 0 }, { DEC_1, 0 } };
    CHECK(utimensat(AT_FDCWD, undated, ts, 0) == 0);
    sum = run_on(idx, paths, 1, 0, NULL);
    CHECK_INT(sum.unchanged, 2);
    date_of(idx, "title:sunday", got, sizeof got);
    CHECK_STR(got, "2004-11-03 mtime");
    sum = run_on(idx, paths, 1, 1, NULL);
    CHECK_INT(sum.changed, 1);
    date_of(idx, "title:sunday", got, sizeof got);
    CHECK_STR(got, "2004-12-01 mtime");
    /* and once more, nothing to do */
    sum = run_on(idx, paths, 1, 1, NULL);
    CHECK_INT(sum.unchanged, 2);
    CHECK_INT(sum.changed, 0);

    hustings_indexer_set_date_from_mtime(NULL, 1);
    CHECK(hustings_passage_get_date_source(NULL) == NULL);
    hustings_index_close(idx);
    free(dir), free(ipath), free(undated);
}

/* The folders of the stats as "PATH=N;..." */
static void folders_of(hustings_index_t *idx, char *out, size_t size)
{
    hustings_stats_t *s = NULL;
    out[0] = '\0';
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    for (unsigned i = 0; i < hustings_stats_count_folders(s); i++) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s=%lu;", hustings_stats_get_folder(s, i),
                 hustings_stats_get_folder_files(s, i));
    }
    CHECK(hustings_stats_get_folder(s, hustings_stats_count_folders(s)) == NULL);
    CHECK_INT(hustings_stats_get_folder_files(s, hustings_stats_count_folders(s)), 0);
    hustings_stats_destroy(s);
}

static void test_folders(const char *tmp)
{
    char *real = realpath(tmp, NULL);
    char *desk = make_dir(real, "desk"), *c1 = make_dir(desk, "c1"),
         *other = make_dir(desk, "other"), *ipath = join(real, "desk.idx");
    static const char *const c1_files[] = { "en-01-self-nomination-returns.txt",
                                            "en-02-signatures-and-deposits.txt",
                                            "en-03-cec-registration.txt" };
    for (size_t i = 0; i < 3; i++)
        free(copy_in(c1_files[i], c1, 0));
    free(copy_in("ru-05-itogi-yavka.txt", other, 0));
    hustings_index_t *idx = open_rw(ipath);
    char got[4096], want[4096];
    told t;

    const char *both[] = { c1, other };
    hustings_summary_t sum = run_on(idx, both, 2, 0, NULL);
    CHECK_INT(sum.new_files, 4);
    folders_of(idx, got, sizeof got);
    snprintf(want, sizeof want, "%s=3;%s=1;", c1, other);
    CHECK_STR(got, want);

    /* moved, named at both places: renamed, the old place dropped */
    char *c2 = join(desk, "c2");
    CHECK(rename(c1, c2) == 0);
    const char *moved[] = { c1, c2 };
    sum = run_on(idx, moved, 2, 0, &t);
    CHECK_INT(sum.renamed, 3);
    CHECK_INT(sum.new_files + sum.removed + sum.skipped, 0);
    snprintf(want, sizeof want, "renamed %s/%s: %s/%s", c2, c1_files[0], c1, c1_files[0]);
    CHECK_STR(t.lines[0], want);
    CHECK_INT(articles_of(idx), 4);
    folders_of(idx, got, sizeof got);
    snprintf(want, sizeof want, "%s=3;%s=1;", c2, other);
    CHECK_STR(got, want);

    /* forget, dry run: told and counted, nothing removed */
    hustings_indexer_t *ix = indexer(idx, 1, &t);
    memset(&sum, 0, sizeof sum);
    CHECK_INT(hustings_indexer_forget(ix, c2, &sum), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    CHECK_INT(sum.removed, 3);
    CHECK_INT(t.n, 3);
    snprintf(want, sizeof want, "removed %s/%s", c2, c1_files[2]);
    CHECK_STR(t.lines[2], want);
    CHECK_INT(articles_of(idx), 4);
    /* forget a file of it, then the folder, by a path that is not the
     * index's way of writing it */
    ix = indexer(idx, 0, &t);
    memset(&sum, 0, sizeof sum);
    char *one = join(c2, c1_files[1]);
    CHECK_INT(hustings_indexer_forget(ix, one, &sum), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.removed, 1);
    CHECK_INT(articles_of(idx), 3);
    folders_of(idx, got, sizeof got);
    snprintf(want, sizeof want, "%s=2;%s=1;", c2, other);
    CHECK_STR(got, want);
    char roundabout[4096];
    snprintf(roundabout, sizeof roundabout, "%s/./other/../c2/", desk);
    CHECK_INT(hustings_indexer_forget(ix, roundabout, &sum), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.removed, 3);
    CHECK_INT(articles_of(idx), 1);
    folders_of(idx, got, sizeof got);
    snprintf(want, sizeof want, "%s=1;", other);
    CHECK_STR(got, want);
    /* nothing from there: FILE_ERROR naming it */
    CHECK_INT(hustings_indexer_forget(ix, c2, &sum), HUSTINGS_STATUS_FILE_ERROR);
    snprintf(want, sizeof want, "%s: the index holds nothing from there", c2);
    CHECK_STR(hustings_index_get_error(idx), want);
    CHECK_INT(sum.removed, 3);
    CHECK_INT(hustings_indexer_forget(ix, NULL, &sum), HUSTINGS_STATUS_NULL_POINTER);
    CHECK_INT(hustings_indexer_forget(NULL, c2, &sum), HUSTINGS_STATUS_NULL_POINTER);
    /* "" is no path, not the current folder: nothing forgotten even when
     * the process runs in the folder of the index's articles */
    char *cwd = getcwd(NULL, 0);
    CHECK(chdir(other) == 0);
    CHECK_INT(hustings_indexer_forget(ix, "", &sum), HUSTINGS_STATUS_FILE_ERROR);
    CHECK_STR(hustings_index_get_error(idx), "an empty path names nothing to forget");
    CHECK_INT(sum.removed, 3);
    CHECK_INT(articles_of(idx), 1);
    /* nor does a run index the current folder for it */
    const char *empty[] = { "" };
    hustings_summary_t none = run_on(idx, empty, 1, 0, NULL);
    CHECK_INT(none.skipped, 1);
    CHECK_INT(none.new_files + none.removed + none.unchanged, 0);
    CHECK_INT(articles_of(idx), 1);
    CHECK(cwd && chdir(cwd) == 0);
    free(cwd);
    /* a folder that is gone, and no summary */
    char *elsewhere = join(real, "elsewhere");
    CHECK(rename(other, elsewhere) == 0);
    CHECK_INT(hustings_indexer_forget(ix, other, NULL), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    CHECK_INT(articles_of(idx), 0);
    folders_of(idx, got, sizeof got);
    CHECK_STR(got, "");

    CHECK_INT(hustings_stats_count_folders(NULL), 0);
    CHECK(hustings_stats_get_folder(NULL, 0) == NULL);
    CHECK_INT(hustings_stats_get_folder_files(NULL, 0), 0);
    CHECK_INT(hustings_stats_get_undated(NULL), 0);
    hustings_index_close(idx);
    free(real), free(desk), free(c1), free(c2), free(other), free(ipath), free(one);
    free(elsewhere);
}

static void test_prune(const char *tmp)
{
    char *real = realpath(tmp, NULL);
    char *base = make_dir(real, "prune"), *open_dir = make_dir(base, "open"),
         *share = make_dir(base, "share"), *news = make_dir(share, "news"),
         *ipath = join(real, "prune.idx");
    char *a = copy_in("en-05-maslikhat-elections.txt", open_dir, 0);
    free(copy_in("en-06-almaty-debate.txt", open_dir, 0));
    char *n = copy_in("en-10-polling-day.txt", news, 0);
    hustings_index_t *idx = open_rw(ipath);
    const char *paths[] = { open_dir, news };
    run_on(idx, paths, 2, 0, NULL);
    CHECK_INT(articles_of(idx), 3);
    unlink(a);
    unlink(n);
    rmdir(news); /* share is empty now, as an unmounted share's mount point */
    told t;
    char want[4096];

    hustings_indexer_t *ix = indexer(idx, 1, &t);
    hustings_summary_t sum;
    memset(&sum, 0, sizeof sum);
    CHECK_INT(hustings_indexer_prune(ix, &sum), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    CHECK_INT(sum.removed, 1);
    CHECK_INT(sum.skipped, 1);
    CHECK_INT(t.n, 2);
    snprintf(want, sizeof want,
             "skipped %s: empty folder (a share that is not mounted?): what the index holds "
             "below it is kept", share);
    CHECK_STR(t.lines[0], want);
    snprintf(want, sizeof want, "removed %s", a);
    CHECK_STR(t.lines[1], want);
    CHECK_INT(articles_of(idx), 3); /* a dry run */

    ix = indexer(idx, 0, NULL);
    memset(&sum, 0, sizeof sum);
    CHECK_INT(hustings_indexer_prune(ix, &sum), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.removed, 1);
    CHECK_INT(articles_of(idx), 2);
    /* the share's folder is still listed: it may come back */
    hustings_stats_t *s = NULL;
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_stats_count_folders(s), 2);
    CHECK_STR(hustings_stats_get_folder(s, 1), news);
    CHECK_INT(hustings_stats_get_folder_files(s, 1), 1);
    hustings_stats_destroy(s);
    /* once it holds something again, what is gone below it goes */
    char *other = make_dir(share, "other");
    memset(&sum, 0, sizeof sum);
    CHECK_INT(hustings_indexer_prune(ix, &sum), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(sum.removed, 1);
    CHECK_INT(sum.skipped, 0);
    CHECK_INT(articles_of(idx), 1);
    CHECK_INT(hustings_index_get_stats(idx, &s), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_stats_count_folders(s), 1);
    CHECK_STR(hustings_stats_get_folder(s, 0), open_dir);
    hustings_stats_destroy(s);
    CHECK_INT(hustings_indexer_prune(ix, NULL), HUSTINGS_STATUS_SUCCESS);
    hustings_indexer_destroy(ix);
    CHECK_INT(hustings_indexer_prune(NULL, &sum), HUSTINGS_STATUS_NULL_POINTER);
    hustings_index_close(idx);

    /* read-only: refused */
    CHECK_INT(hustings_index_open(ipath, HUSTINGS_INDEX_MODE_READ_ONLY, &idx, NULL),
              HUSTINGS_STATUS_SUCCESS);
    ix = NULL;
    CHECK_INT(hustings_indexer_create(idx, &ix), HUSTINGS_STATUS_SUCCESS);
    CHECK_INT(hustings_indexer_prune(ix, &sum), HUSTINGS_STATUS_READ_ONLY_INDEX);
    CHECK_INT(hustings_indexer_forget(ix, open_dir, &sum), HUSTINGS_STATUS_READ_ONLY_INDEX);
    hustings_indexer_destroy(ix);
    hustings_index_close(idx);
    free(real), free(base), free(open_dir), free(share), free(news), free(ipath), free(a);
    free(n), free(other);
}

int main(void)
{
    const char *src = getenv("top_srcdir");
    snprintf(corpus_dir, sizeof corpus_dir, "%s/corpus", src ? src : ".");
    setenv("TZ", "UTC", 1); /* modification days are local */
    tzset();
    char *tmp = tmpdir_make();
    test_absolute_path(tmp);
    test_path_below();
    test_path_check(tmp);
    test_filestate_dates();
    test_date_articles();
    test_date_from_mtime(tmp);
    test_folders(tmp);
    test_prune(tmp);
    tmpdir_remove(tmp);
    return check_done();
}
